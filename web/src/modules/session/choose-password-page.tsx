import { changeMyPasswordInput } from '@jointops/shared/accounts';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import { type PasswordField, PasswordForm, passwordFormAnswer } from './password-form';

// An administrator set this person's password (a reset, or a new account): the server answers
// nothing else until they choose their own, so the shell shows this page instead of any other.

const words = defineMessages({
  heading: { id: 'choosePassword.heading', defaultMessage: 'Choose a new password' },
  intro: {
    id: 'choosePassword.intro',
    defaultMessage:
      'An administrator set your password, so it is known to someone else. Choose your own before you go on: nothing else opens until you do.',
  },
  current: { id: 'choosePassword.current', defaultMessage: 'Password you were given' },
  fresh: { id: 'choosePassword.new', defaultMessage: 'New password (at least 12 characters)' },
  submit: { id: 'choosePassword.submit', defaultMessage: 'Change password' },
  submitting: { id: 'choosePassword.submitting', defaultMessage: 'Changing…' },
  throttled: { id: 'choosePassword.throttled', defaultMessage: 'Too many wrong passwords. Try again in {seconds} s.' },
});

const ChangeMyPasswordMutation = graphql(`
  mutation ChooseOwnPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input) {
      __typename
      ... on User {
        id
        mustChangePassword
      }
      ... on Error {
        message
        code
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
    }
  }
`);

const FIELDS: readonly PasswordField[] = [
  { name: 'currentPassword', type: 'password', autoComplete: 'current-password', label: words.current },
  { name: 'newPassword', type: 'password', autoComplete: 'new-password', label: words.fresh },
];

/** The one page of a session whose password an administrator set; `onChanged` once it is the person's own. */
export function ChoosePasswordPage({ onChanged }: { onChanged(): void }) {
  const [, change] = useMutation(ChangeMyPasswordMutation);
  return (
    <PasswordForm
      id="choose-password"
      heading={words.heading}
      intro={words.intro}
      fields={FIELDS}
      submit={words.submit}
      submitting={words.submitting}
      schema={changeMyPasswordInput}
      send={async (input) => {
        const { data, error } = await change({ input });
        return passwordFormAnswer(error ? null : data?.changeMyPassword, 'User');
      }}
      tooManyAttempts={(seconds) => ({ message: words.throttled, values: { seconds } })}
      onDone={onChanged}
    />
  );
}
