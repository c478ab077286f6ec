import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderForAdmin } from './admin-test-support';
import { UserForm, type AdminUser } from './user-form';

// The account form: the agency chosen from the directory as one types, the initial password's
// rules checked in the browser, and the server's refusals put at their fields.

const jkdm = {
  __typename: 'Agency',
  id: 'QWdlbmN5OjE=',
  name: 'Royal Malaysian Customs Department',
  acronym: 'JKDM',
  countryCode: 'MY',
  active: true,
};
const choices = { AgencyChoices: { agencies: { __typename: 'AgencyConnection', edges: [{ __typename: 'AgencyEdge', node: jkdm }] } } };

const siti: AdminUser = {
  id: 'VXNlcjo3',
  displayName: 'Siti Rahman',
  email: 'siti@customs.my.demo',
  isAdmin: false,
  locale: 'en',
  timeZone: 'Asia/Kuala_Lumpur',
  active: true,
  mustChangePassword: false,
  agency: jkdm,
};

describe('the user form', () => {
  it('refuses a short initial password before sending, keeping everything typed', async () => {
    const { user, sentInputs } = renderForAdmin(<UserForm onSaved={vi.fn()} onCancel={vi.fn()} />, { queries: choices });
    await user.type(screen.getByLabelText('E-mail'), 'siti@customs.my.demo');
    await user.type(screen.getByLabelText('Display name'), 'Siti Rahman');
    await user.selectOptions(screen.getByLabelText('Agency'), 'Royal Malaysian Customs Department (JKDM, Malaysia)');
    await user.type(screen.getByLabelText('Initial password'), 'too short');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(screen.getByLabelText('Initial password')).toHaveAccessibleDescription(/At least 12 characters$/);
    expect(screen.getByLabelText('Initial password')).toHaveFocus();
    expect(screen.getByLabelText('Initial password')).toHaveValue('too short');
    expect(screen.getByLabelText('E-mail')).toHaveValue('siti@customs.my.demo');
    expect(screen.getByLabelText('Agency')).toHaveValue(jkdm.id);
    expect(sentInputs()).toEqual([]);
  });

  it('creates an account with the chosen agency, whose holder must choose their own password, and shows a taken e-mail address at its field', async () => {
    const taken = {
      createUser: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [
          { __typename: 'FieldError', path: ['input', 'email'], message: 'An account with this e-mail address already exists' },
        ],
      },
    };
    const { user, sentInputs } = renderForAdmin(<UserForm onSaved={vi.fn()} onCancel={vi.fn()} />, {
      queries: choices,
      mutations: [taken],
    });
    await user.type(screen.getByLabelText('E-mail'), 'Siti@Customs.my.demo');
    await user.type(screen.getByLabelText('Display name'), 'Siti Rahman');
    await user.selectOptions(screen.getByLabelText('Agency'), jkdm.id);
    await user.selectOptions(screen.getByLabelText('Language'), 'Français');
    await user.click(screen.getByLabelText('Administrator'));
    await user.type(screen.getByLabelText('Initial password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    await waitFor(() =>
      expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('An account with this e-mail address already exists'),
    );
    expect(sentInputs()).toEqual([
      {
        email: 'siti@customs.my.demo',
        displayName: 'Siti Rahman',
        agencyId: jkdm.id,
        password: 'a long enough password',
        locale: 'fr',
        timeZone: null,
        isAdmin: true,
        mustChangePassword: true,
      },
    ]);
  });

  it('edits an account without its password; removing one’s own rights is refused at the checkbox', async () => {
    const refused = {
      updateUser: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [{ __typename: 'FieldError', path: ['input', 'isAdmin'], message: 'You cannot remove your own administrator rights' }],
      },
    };
    const { user, sentInputs } = renderForAdmin(<UserForm user={{ ...siti, isAdmin: true }} onSaved={vi.fn()} onCancel={vi.fn()} />, {
      queries: choices,
      mutations: [refused],
    });
    const form = screen.getByRole('form', { name: 'Edit Siti Rahman' });
    expect(within(form).queryByLabelText('Initial password')).toBeNull();
    await user.click(within(form).getByLabelText('Administrator'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(within(form).getByLabelText('Administrator')).toHaveAccessibleDescription('You cannot remove your own administrator rights'),
    );
    expect(within(form).getByLabelText('Administrator')).not.toBeChecked();
    expect(sentInputs()).toEqual([
      {
        userId: siti.id,
        email: siti.email,
        displayName: siti.displayName,
        agencyId: jkdm.id,
        locale: 'en',
        timeZone: 'Asia/Kuala_Lumpur',
        isAdmin: false,
      },
    ]);
  });
});
