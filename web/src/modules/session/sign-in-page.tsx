import { loginInput } from '@jointops/shared/accounts';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { describeError, problemsByField, problemWords, say, type FieldProblems, type Problem } from '../../i18n/problems';
import { TextField } from '../../ui/fields';
import { useDocumentTitle } from '../../ui/use-document-title';

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
  useDocumentTitle(intl.formatMessage(words.heading));
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const parsed = loginInput.safeParse({ email: values.get('email'), password: values.get('password') });
    setFormProblem(null);
    if (!parsed.success) {
      const problems = problemsByField(parsed.error.issues);
      setFieldProblems(problems);
      focusFirstInvalid(form, problems);
      return;
    }
    setFieldProblems({});
    const { data, error } = await login({ input: parsed.data });
    const outcome = data?.login;
    if (error || !outcome) {
      setFormProblem({ message: problemWords.serverUnreachable });
      return;
    }
    switch (outcome.__typename) {
      case 'LoginSuccess':
        onSignedIn();
        return;
      case 'ValidationError':
        setFieldProblems(problemsByField(outcome.fieldErrors));
        return;
      case 'TooManyAttemptsError':
        setFormProblem({ message: words.throttled, values: { wait: waitWords(intl.locale, outcome.retryAfterSeconds) } });
        return;
      default:
        setFormProblem(describeError(outcome));
    }
  }

  return (
    <section className="sign-in-page panel" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">
        <FormattedMessage {...words.heading} />
      </h1>
      <p className="muted">
        <FormattedMessage {...words.intro} />
      </p>
      <form className="form" noValidate onSubmit={(event) => void signIn(event)}>
        <TextField
          name="email"
          type="email"
          autoComplete="username"
          label={intl.formatMessage(words.email)}
          problem={fieldProblems.email}
          required
        />
        <TextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={intl.formatMessage(words.password)}
          problem={fieldProblems.password}
          required
        />
        {formProblem && (
          <p className="form-error" role="alert" data-testid="login-error">
            {say(intl, formProblem)}
          </p>
        )}
        <button type="submit" className="primary" disabled={fetching}>
          <FormattedMessage {...(fetching ? words.submitting : words.submit)} />
        </button>
      </form>
    </section>
  );
}

function focusFirstInvalid(form: HTMLFormElement, problems: FieldProblems) {
  const first = ['email', 'password'].find((field) => problems[field]);
  const input = first && form.elements.namedItem(first);
  if (input instanceof HTMLInputElement) input.focus();
}
