import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAnswered } from '../../fixed-answers.test-support';
import { ChoosePasswordPage } from './choose-password-page';

// The page a person whose password an administrator set sees instead of every other: they give the
// password they were given and their own; the server's refusals show at their fields.

describe('choosing one’s own password', () => {
  it('refuses a new password under twelve characters before sending anything', async () => {
    const onChanged = vi.fn();
    const { user, sentInputs } = renderAnswered(<ChoosePasswordPage onChanged={onChanged} />);
    await user.type(screen.getByLabelText('Password you were given'), 'read out over the phone');
    await user.type(screen.getByLabelText('New password (at least 12 characters)'), 'too short');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(screen.getByLabelText('New password (at least 12 characters)')).toHaveFocus();
    expect(sentInputs()).toEqual([]);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal at its field, then goes on once the password is the person’s own', async () => {
    const refusal = {
      changeMyPassword: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [
          { __typename: 'FieldError', path: ['newPassword'], message: 'Choose a password of your own, not the one you were given' },
        ],
      },
    };
    const changed = { changeMyPassword: { __typename: 'User', id: 'VXNlcjox', mustChangePassword: false } };
    const onChanged = vi.fn();
    const { user, sentInputs } = renderAnswered(<ChoosePasswordPage onChanged={onChanged} />, { mutations: [refusal, changed] });
    await user.type(screen.getByLabelText('Password you were given'), 'read out over the phone');
    await user.type(screen.getByLabelText('New password (at least 12 characters)'), 'read out over the phone');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await waitFor(() =>
      expect(screen.getByLabelText('New password (at least 12 characters)')).toHaveAccessibleDescription(
        /Choose a password of your own, not the one you were given/,
      ),
    );
    expect(onChanged).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('New password (at least 12 characters)'));
    await user.type(screen.getByLabelText('New password (at least 12 characters)'), 'a passphrase of my very own');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(sentInputs()).toEqual([
      { currentPassword: 'read out over the phone', newPassword: 'read out over the phone' },
      { currentPassword: 'read out over the phone', newPassword: 'a passphrase of my very own' },
    ]);
  });
});
