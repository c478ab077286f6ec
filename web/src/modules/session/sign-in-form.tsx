import { loginInput, type LoginInput } from '@jointops/shared/accounts';
import { useState, type FormEvent } from 'react';
import { gql, useMutation } from 'urql';
import { useI18n } from '../../i18n/i18n-provider';
import {
  describeClientIssue,
  LOGIN_FIELDS,
  problemsByField,
  say,
  type FieldProblems,
  type LoginField,
  type Problem,
} from './sign-in-problems';
import { ViewerFields, type Viewer } from './viewer';

interface ErrorFields {
  message: string;
  code: string;
}

type LoginOutcome =
  | { __typename: 'LoginSuccess'; user: Viewer }
  | ({ __typename: 'ValidationError'; fieldErrors: { path: string[]; message: string }[] } & ErrorFields)
  | ({ __typename: 'TooManyAttemptsError'; retryAfterSeconds: number } & ErrorFields)
  | ({ __typename: 'InvalidCredentialsError' } & ErrorFields);

// `token` is left out on purpose: the browser signs in through the httpOnly cookie, and a token
// in page memory is one more thing a script injection could steal.
const LoginMutation = gql<{ login: LoginOutcome }, { input: LoginInput }>`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on LoginSuccess {
        user {
          ...ViewerFields
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
  ${ViewerFields}
`;

export function SignInForm() {
  const { t, locale } = useI18n();
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
      const problems = problemsByField(parsed.error.issues, describeClientIssue);
      setFieldProblems(problems);
      focusFirstInvalid(form, problems);
      return;
    }
    setFieldProblems({});

    const { data, error } = await login({ input: parsed.data });
    const outcome = data?.login;
    if (error || !outcome) {
      setFormProblem({ id: 'error.server' });
      return;
    }
    switch (outcome.__typename) {
      case 'LoginSuccess':
        // Nothing to do here: the result invalidates `me` (see sessionCacheContext) and the room moves on.
        return;
      case 'ValidationError': {
        const problems = problemsByField(outcome.fieldErrors, (fieldError) => ({ text: fieldError.message }));
        setFieldProblems(problems);
        if (Object.keys(problems).length === 0) setFormProblem({ text: outcome.message });
        return;
      }
      case 'TooManyAttemptsError':
        setFormProblem({ retryAfterSeconds: outcome.retryAfterSeconds });
        return;
      default:
        // InvalidCredentialsError, and any Error member the contract adds later.
        setFormProblem({ text: outcome.message });
        return;
    }
  }

  const fieldError = (field: LoginField) => {
    const problem = fieldProblems[field];
    return problem && say(problem, t, locale);
  };

  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t['signIn.heading']}</h2>
      <form className="sign-in" noValidate onSubmit={(event) => void signIn(event)}>
        <FormField
          name="email"
          type="email"
          autoComplete="username"
          label={t['signIn.email']}
          error={fieldError('email')}
        />
        <FormField
          name="password"
          type="password"
          autoComplete="current-password"
          label={t['signIn.password']}
          error={fieldError('password')}
        />
        {formProblem && (
          <p className="form-error" role="alert" data-testid="login-error">
            {say(formProblem, t, locale)}
          </p>
        )}
        <button type="submit" data-testid="login-submit" disabled={fetching}>
          {fetching ? t['signIn.submitting'] : t['signIn.submit']}
        </button>
      </form>
    </section>
  );
}

interface FormFieldProps {
  name: LoginField;
  type: 'email' | 'password';
  autoComplete: string;
  label: string;
  error: string | undefined;
}

function FormField({ name, type, autoComplete, label, error }: FormFieldProps) {
  const id = `login-${name}`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={id}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function focusFirstInvalid(form: HTMLFormElement, problems: FieldProblems) {
  const first = LOGIN_FIELDS.find((field) => problems[field]);
  const input = first && form.elements.namedItem(first);
  if (input instanceof HTMLInputElement) input.focus();
}
