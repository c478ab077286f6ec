import { loginInput } from '@jointops/shared/accounts';
import { useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import { type PasswordField, PasswordForm, passwordFormAnswer } from './password-form';

const words = defineMessages({
  heading: { id: 'signIn.heading', defaultMessage: 'Sign in' },
  intro: {
    id: 'signIn.intro',
    defaultMessage: 'Sign in with the account your administrator gave you. The page you asked for opens once you are signed in.',
  },
  email: { id: 'signIn.email', defaultMessage: 'E-mail address' },
  password: { id: 'signIn.password', defaultMessage: 'Password' },
  submit: { id: 'signIn.submit', defaultMessage: 'Sign in' },
  submitting: { id: 'signIn.submitting', defaultMessage: 'Signing in…' },
  // The server holds back an account tried too often from one address, and an address that tried too many.
  throttled: { id: 'signIn.throttled', defaultMessage: 'Too many failed sign-ins from this network. Try again in {wait}.' },
});

const FIELDS: readonly PasswordField[] = [
  { name: 'email', type: 'email', autoComplete: 'username', label: words.email },
  { name: 'password', type: 'password', autoComplete: 'current-password', label: words.password },
];

/** The wait the server asks for, in the reader's words: seconds while it is short, minutes after. */
function waitWords(locale: string, seconds: number): string {
  const [amount, unit] = seconds < 120 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

// `token` is left out on purpose: the browser signs in through the httpOnly cookie, and a token
// in page memory is one more thing a script injection could steal.
const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on LoginSuccess {
        user {
          id
        }
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

export function SignInPage({ onSignedIn }: { onSignedIn(): void }) {
  const intl = useIntl();
  const [, login] = useMutation(LoginMutation);
  return (
    <PasswordForm
      id="sign-in"
      heading={words.heading}
      intro={words.intro}
      fields={FIELDS}
      submit={words.submit}
      submitting={words.submitting}
      schema={loginInput}
      send={async (input) => {
        const { data, error } = await login({ input });
        return passwordFormAnswer(error ? null : data?.login, 'LoginSuccess');
      }}
      tooManyAttempts={(seconds) => ({ message: words.throttled, values: { wait: waitWords(intl.locale, seconds) } })}
      onDone={onSignedIn}
      problemTestId="login-error"
    />
  );
}
