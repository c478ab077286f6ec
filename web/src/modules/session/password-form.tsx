import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import type { ZodType } from 'zod';
import { describeError, problemsByField, problemWords, say, type FieldIssue, type FieldProblems, type Problem } from '../../i18n/problems';
import { TextField } from '../../ui/fields';
import { useDocumentTitle } from '../../ui/use-document-title';

// Signing in and choosing one's own password are the same small form: fields checked in the
// browser with the shared schema, then the server's answer — done, refused at a field, held back
// for too many tries, or refused as a whole. The pages say only what differs.

export interface PasswordField {
  name: string;
  type: 'email' | 'password';
  autoComplete: 'username' | 'current-password' | 'new-password';
  label: MessageDescriptor;
}

/** What the server answered, in the shape both mutations share; `null` when it could not be reached. */
export type PasswordFormAnswer =
  | { outcome: 'done' }
  | { outcome: 'refusedAtFields'; fieldErrors: readonly FieldIssue[] }
  | { outcome: 'tooManyAttempts'; retryAfterSeconds: number }
  | { outcome: 'refused'; code: string; message: string };

interface PasswordFormProps<Input> {
  id: string;
  heading: MessageDescriptor;
  intro: MessageDescriptor;
  fields: readonly PasswordField[];
  submit: MessageDescriptor;
  submitting: MessageDescriptor;
  schema: ZodType<Input>;
  send(input: Input): Promise<PasswordFormAnswer | null>;
  /** How long to wait after too many tries, in the page's words. */
  tooManyAttempts(retryAfterSeconds: number): Problem;
  onDone(): void;
  /** Tests find the form's refusal by it. */
  problemTestId?: string;
}

export function PasswordForm<Input>({
  id,
  heading,
  intro,
  fields,
  submit,
  submitting,
  schema,
  send,
  tooManyAttempts,
  onDone,
  problemTestId,
}: PasswordFormProps<Input>) {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage(heading));
  const [sending, setSending] = useState(false);
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);

  const showAtFields = (form: HTMLFormElement, problems: FieldProblems) => {
    setFieldProblems(problems);
    const first = fields.find((field) => problems[field.name]);
    const input = first && form.elements.namedItem(first.name);
    if (input instanceof HTMLInputElement) input.focus();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const parsed = schema.safeParse(Object.fromEntries(fields.map((field) => [field.name, values.get(field.name)])));
    setFormProblem(null);
    if (!parsed.success) return showAtFields(form, problemsByField(parsed.error.issues));
    setFieldProblems({});
    setSending(true);
    const answer = await send(parsed.data).finally(() => setSending(false));
    switch (answer?.outcome) {
      case undefined:
        return setFormProblem({ message: problemWords.serverUnreachable });
      case 'done':
        return onDone();
      case 'refusedAtFields':
        return showAtFields(form, problemsByField(answer.fieldErrors));
      case 'tooManyAttempts':
        return setFormProblem(tooManyAttempts(answer.retryAfterSeconds));
      case 'refused':
        return setFormProblem(describeError(answer));
    }
  }

  return (
    <section className="sign-in-page panel" aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>
        <FormattedMessage {...heading} />
      </h1>
      <p className="muted">
        <FormattedMessage {...intro} />
      </p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {fields.map((field) => (
          <TextField
            key={field.name}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            label={intl.formatMessage(field.label)}
            problem={fieldProblems[field.name]}
            required
          />
        ))}
        {formProblem && (
          <p className="form-error" role="alert" data-testid={problemTestId}>
            {say(intl, formProblem)}
          </p>
        )}
        <button type="submit" className="primary" disabled={sending}>
          <FormattedMessage {...(sending ? submitting : submit)} />
        </button>
      </form>
    </section>
  );
}

/** The answer of a mutation whose union holds the success type, ValidationError, TooManyAttemptsError and other errors. */
export function passwordFormAnswer(
  answer:
    | { __typename: string; fieldErrors?: readonly FieldIssue[]; retryAfterSeconds?: number; code?: string; message?: string }
    | null
    | undefined,
  done: string,
): PasswordFormAnswer | null {
  if (!answer) return null;
  if (answer.__typename === done) return { outcome: 'done' };
  if (answer.fieldErrors) return { outcome: 'refusedAtFields', fieldErrors: answer.fieldErrors };
  if (answer.retryAfterSeconds !== undefined) return { outcome: 'tooManyAttempts', retryAfterSeconds: answer.retryAfterSeconds };
  return { outcome: 'refused', code: answer.code ?? 'INTERNAL', message: answer.message ?? '' };
}
