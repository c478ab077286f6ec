import { changeMyPasswordInput } from '@jointops/shared/accounts';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import { describeError, problemsByField, problemWords, say, type FieldProblems, type Problem } from '../../i18n/problems';
import { TextField } from '../../ui/fields';
import { useDocumentTitle } from '../../ui/use-document-title';

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

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The one page of a session whose password an administrator set; `onChanged` once it is the person's own. */
export function ChoosePasswordPage({ onChanged }: { onChanged(): void }) {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage(words.heading));
  const [{ fetching }, change] = useMutation(ChangeMyPasswordMutation);
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const parsed = changeMyPasswordInput.safeParse({
      currentPassword: values.get('currentPassword'),
      newPassword: values.get('newPassword'),
    });
    setFormProblem(null);
    if (!parsed.success) {
      const problems = problemsByField(parsed.error.issues);
      setFieldProblems(problems);
      focusFirstInvalid(form, problems);
      return;
    }
    setFieldProblems({});
    const { data, error } = await change({ input: parsed.data });
    const outcome = data?.changeMyPassword;
    if (error || !outcome) {
      setFormProblem({ message: problemWords.serverUnreachable });
      return;
    }
    switch (outcome.__typename) {
      case 'User':
        onChanged();
        return;
      case 'ValidationError': {
        const problems = problemsByField(outcome.fieldErrors);
        setFieldProblems(problems);
        focusFirstInvalid(form, problems);
        return;
      }
      case 'TooManyAttemptsError':
        setFormProblem({ message: words.throttled, values: { seconds: outcome.retryAfterSeconds } });
        return;
      default:
        setFormProblem(describeError(outcome));
    }
  }

  return (
    <section className="sign-in-page panel" aria-labelledby="choose-password-heading">
      <h1 id="choose-password-heading">
        <FormattedMessage {...words.heading} />
      </h1>
      <p className="muted">
        <FormattedMessage {...words.intro} />
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={intl.formatMessage(words.current)}
          problem={fieldProblems.currentPassword}
          required
        />
        <TextField
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={intl.formatMessage(words.fresh)}
          problem={fieldProblems.newPassword}
          required
        />
        {formProblem && (
          <p className="form-error" role="alert">
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
  const first = FIELDS.find((field) => problems[field]);
  const input = first && form.elements.namedItem(first);
  if (input instanceof HTMLInputElement) input.focus();
}
