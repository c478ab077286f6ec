import { commentOnAlertInput, giveAlertFeedbackInput, raiseAlertInput } from '@jointops/shared/alerts';
import { useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { problemsByField, type FieldProblems } from '../../i18n/problems';
import { TextAreaField, TextField } from '../../ui/fields';
import { outboxWords as words } from './outbox-words';
import type { OutboxWrite } from './outbox-writes';

// The words of a waiting write, corrected before it goes: an alert's title and description, a
// comment, a feedback's note. Checked with the shared schemas, as the server will check them. A
// seizure report has too many fields to retype here: refused, it is discarded and reported again.

type Editable = Exclude<OutboxWrite, { kind: 'acknowledgeAlert' | 'reportSeizure' }>;

export const isEditable = (write: OutboxWrite): write is Editable => write.kind !== 'acknowledgeAlert' && write.kind !== 'reportSeizure';

/** The write with the edited words, or the problems found in them. */
function checked(write: Editable, text: Record<string, string>): { write: Editable } | { problems: FieldProblems } {
  const about = write.about ? { about: write.about } : {};
  if (write.kind === 'raiseAlert') {
    const input = { ...write.input, title: text.title ?? '', description: text.description || null };
    const parsed = raiseAlertInput.safeParse({ ...input, idempotencyKey: 'unchanged' });
    const issues = parsed.success ? [] : parsed.error.issues.filter((issue) => ['title', 'description'].includes(String(issue.path[0])));
    return issues.length ? { problems: problemsByField(issues) } : { write: { kind: write.kind, input, ...about } };
  }
  if (write.kind === 'commentOnAlert') {
    const input = { ...write.input, body: text.body ?? '' };
    const parsed = commentOnAlertInput.safeParse(input);
    return parsed.success ? { write: { kind: write.kind, input, ...about } } : { problems: problemsByField(parsed.error.issues) };
  }
  const input = { ...write.input, note: text.note || null };
  const parsed = giveAlertFeedbackInput.safeParse(input);
  return parsed.success ? { write: { kind: write.kind, input, ...about } } : { problems: problemsByField(parsed.error.issues) };
}

function textOf(write: Editable): Record<string, string> {
  if (write.kind === 'raiseAlert') return { title: write.input.title, description: write.input.description ?? '' };
  if (write.kind === 'commentOnAlert') return { body: write.input.body };
  return { note: write.input.note ?? '' };
}

export function OutboxEditForm({ write, onSave, onCancel }: { write: Editable; onSave(write: OutboxWrite): void; onCancel(): void }) {
  const [text, setText] = useState(() => textOf(write));
  const [problems, setProblems] = useState<FieldProblems>({});
  const field = (name: string) => ({
    value: text[name] ?? '',
    problem: problems[name],
    onChange: (event: { target: { value: string } }) => setText({ ...text, [name]: event.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = checked(write, text);
    if ('problems' in result) setProblems(result.problems);
    else onSave(result.write);
  };
  return (
    <form className="form outbox-edit" noValidate onSubmit={submit}>
      {write.kind === 'raiseAlert' && (
        <>
          <TextField label={<FormattedMessage {...words.title} />} {...field('title')} />
          <TextAreaField label={<FormattedMessage {...words.description} />} rows={3} {...field('description')} />
        </>
      )}
      {write.kind === 'commentOnAlert' && <TextAreaField label={<FormattedMessage {...words.body} />} rows={3} {...field('body')} />}
      {write.kind === 'giveAlertFeedback' && <TextAreaField label={<FormattedMessage {...words.note} />} rows={3} {...field('note')} />}
      <div className="form-actions">
        <button type="submit" className="primary">
          <FormattedMessage {...words.save} />
        </button>
        <button type="button" onClick={onCancel}>
          <FormattedMessage {...words.cancel} />
        </button>
      </div>
    </form>
  );
}
