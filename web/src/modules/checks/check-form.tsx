import { useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import type { CombinedError } from 'urql';
import { problemsByField, say, type FieldIssue, type FieldProblems, type Problem } from '../../i18n/problems';
import { SelectField } from '../../ui/fields';
import { refusalOf, type RefusedResult } from '../participants/refusals';
import { checkWords } from './check-words';
import { dayWords } from './checks-totals';

// The register's two forms differ only in their fields and their write: the day, the browser's
// check with the shared schema, the server's answer and what was recorded are this one form's.

/** What a write of the register answered: the transport's error, or the mutation's result. */
export interface CheckAnswer {
  error: CombinedError | undefined;
  result: RefusedResult | null | undefined;
}

interface CheckFormProps<Input extends { checkedOn: string }> {
  legend: MessageDescriptor;
  hint: MessageDescriptor;
  /** The operation's days that may be recorded (YYYY-MM-DD in its reference zone), oldest first. */
  days: readonly string[];
  /** The write's input for `day`, from the form's own fields. */
  inputFor(day: string): Input;
  /** The shared schema the server checks the input with. */
  check(input: Input): { success: true } | { success: false; error: { issues: readonly FieldIssue[] } };
  send(input: Input): Promise<CheckAnswer>;
  /** What was recorded, in words, once the server took it; `day` is already in the reader's words. */
  recorded(input: Input, day: string): ReactNode;
  onRecorded(): void;
  /** The form's own fields, each with its problem. */
  children(problems: FieldProblems): ReactNode;
}

interface RecordState<Input> {
  fields: FieldProblems;
  problem: Problem | null;
  recorded: Input | null;
}

/** A register form: the day, the form's own fields, the Record button, and what came of the last write. */
export function CheckForm<Input extends { checkedOn: string }>(props: CheckFormProps<Input>) {
  const { legend, hint, days, inputFor, check, send, recorded, onRecorded, children } = props;
  const intl = useIntl();
  // The newest day the operation may record: today in its zone while it runs, else its last day.
  const [day, setDay] = useState(days.at(-1) ?? '');
  const [sending, setSending] = useState(false);
  const [state, setState] = useState<RecordState<Input>>({ fields: {}, problem: null, recorded: null });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputFor(day);
    const checked = check(input);
    if (!checked.success) return setState({ fields: problemsByField(checked.error.issues), problem: null, recorded: null });
    setSending(true);
    const { error, result } = await send(input).finally(() => setSending(false));
    const problem = refusalOf(error, result);
    const fields = result?.__typename === 'ValidationError' ? problemsByField(result.fieldErrors ?? []) : {};
    setState({ fields, problem, recorded: problem ? null : input });
    if (!problem) onRecorded();
  };

  return (
    <form className="form check-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>
          <FormattedMessage {...legend} />
        </legend>
        <p className="field-hint">
          <FormattedMessage {...hint} />
        </p>
        {/* The operation's days in the page's words (a date control shows the browser's order, month first in French). */}
        <SelectField
          label={intl.formatMessage(checkWords.day)}
          value={day}
          onChange={(event) => setDay(event.target.value)}
          options={[...days].reverse().map((value) => ({ value, label: dayWords(intl.locale, value, true) }))}
          problem={state.fields.checkedOn}
        />
        {children(state.fields)}
        <div className="form-actions">
          <button type="submit" className="primary" aria-disabled={sending || undefined} disabled={sending}>
            <FormattedMessage {...(sending ? checkWords.recording : checkWords.record)} />
          </button>
          <div aria-live="polite">
            {state.recorded && <p className="form-success">{recorded(state.recorded, dayWords(intl.locale, state.recorded.checkedOn))}</p>}
          </div>
        </div>
        {state.problem && (
          <p className="form-error" role="alert">
            {say(intl, state.problem)}
          </p>
        )}
      </fieldset>
    </form>
  );
}
