import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AgencyForm, type AdminAgency } from './agency-form';
import { renderForAdmin } from './admin-test-support';

// The agency form as an administrator uses it: fields by their labels, the input the server would
// receive read from the client, the server's refusals given by hand.

const thaiCustoms: AdminAgency = {
  id: 'QWdlbmN5OjQy',
  name: 'Thai Customs Department',
  acronym: null,
  kind: 'CUSTOMS',
  countryCode: 'TH',
  timeZone: 'Asia/Bangkok',
  active: true,
};

describe('the agency form', () => {
  it('refuses a national agency without a country before sending anything, keeping what was typed', async () => {
    const { user, sentInputs } = renderForAdmin(<AgencyForm onSaved={vi.fn()} onCancel={vi.fn()} />);
    await user.type(screen.getByLabelText('Name'), 'Thai Customs Department');
    await user.type(screen.getByLabelText('Acronym'), 'TCD');
    await user.click(screen.getByRole('button', { name: 'Create agency' }));

    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('Required for a national agency');
    expect(screen.getByLabelText('Country')).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveValue('Thai Customs Department');
    expect(screen.getByLabelText('Acronym')).toHaveValue('TCD');
    expect(sentInputs()).toEqual([]);
  });

  it('sends the checked input, and shows the server’s refusal at its field', async () => {
    const refusal = {
      createAgency: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [
          { __typename: 'FieldError', path: ['input', 'name'], message: 'An agency with this name already exists in this country' },
        ],
      },
    };
    const onSaved = vi.fn();
    const { user, sentInputs } = renderForAdmin(<AgencyForm onSaved={onSaved} onCancel={vi.fn()} />, { mutations: [refusal] });
    await user.type(screen.getByLabelText('Name'), '  Thai Customs Department ');
    await user.selectOptions(screen.getByLabelText('Country'), 'TH');
    await user.type(screen.getByLabelText('Time zone'), 'Asia/Bangkok');
    await user.click(screen.getByRole('button', { name: 'Create agency' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/An agency with this name already exists in this country/),
    );
    expect(sentInputs()).toEqual([
      { name: 'Thai Customs Department', acronym: null, kind: 'CUSTOMS', countryCode: 'TH', timeZone: 'Asia/Bangkok' },
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent('Some values were refused: see the fields marked.');
    expect(screen.getByLabelText('Name')).toHaveValue('  Thai Customs Department ');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('edits an agency from its current values; an emptied time zone is cleared', async () => {
    const saved = { updateAgency: { __typename: 'Agency', ...thaiCustoms, kind: 'INTERPOL_NCB', timeZone: null } };
    const onSaved = vi.fn();
    const { user, sentInputs } = renderForAdmin(<AgencyForm agency={thaiCustoms} onSaved={onSaved} onCancel={vi.fn()} />, {
      mutations: [saved],
    });
    expect(screen.getByRole('form', { name: 'Edit Thai Customs Department' })).toBeInTheDocument();
    expect(screen.getByLabelText('Country')).toHaveValue('TH');
    await user.selectOptions(screen.getByLabelText('Kind'), 'INTERPOL_NCB');
    await user.clear(screen.getByLabelText('Time zone'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(sentInputs()).toEqual([
      { agencyId: thaiCustoms.id, name: 'Thai Customs Department', acronym: null, kind: 'INTERPOL_NCB', countryCode: 'TH', timeZone: null },
    ]);
  });

  it('names countries in the reader’s language and offers none for an international organisation', () => {
    renderForAdmin(<AgencyForm onSaved={vi.fn()} onCancel={vi.fn()} />);
    const country = screen.getByLabelText('Country');
    expect(country).toHaveDisplayValue('None (international organisation)');
    expect(screen.getByRole('option', { name: 'Malaysia' })).toHaveValue('MY');
    expect(country.querySelectorAll('option')).toHaveLength(250);
  });
});
