import { ALERT_OUTCOMES, type AlertOutcome } from '@jointops/shared/domain';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { outcomeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { SelectField, TextAreaField } from '../../ui/fields';
import type { AlertRecipientData } from './alert-documents';
import type { Refusal } from './alert-refusals';
import { useAcknowledgement } from './acknowledgement';
import { useGiveAlertFeedback } from './alert-writes';
import { useDraftKey } from './draft-key';
import { FormProblem } from './form-problem';
import { WaitingWrites, writeOnAlert } from '../outbox/waiting-writes';

const words = defineMessages({
  acknowledge: { id: 'alerts.answer.acknowledge', defaultMessage: 'Acknowledge for my agency' },
  acknowledging: { id: 'alerts.answer.acknowledging', defaultMessage: 'Acknowledging…' },
  acknowledgeHint: {
    id: 'alerts.answer.acknowledgeHint',
    defaultMessage: 'Tells the originator that your agency has received the alert and is acting on it.',
  },
  feedbackHeading: { id: 'alerts.answer.feedbackHeading', defaultMessage: 'Your agency’s feedback' },
  feedbackIntro: {
    id: 'alerts.answer.feedbackIntro',
    defaultMessage: 'Say what came of the alert at your end. Giving it again amends it; the earlier feedback stays in the history.',
  },
  outcome: { id: 'alerts.answer.outcome', defaultMessage: 'Outcome' },
  chooseOutcome: { id: 'alerts.answer.chooseOutcome', defaultMessage: 'Choose an outcome' },
  note: { id: 'alerts.answer.note', defaultMessage: 'Note' },
  noteHint: { id: 'alerts.answer.noteHint', defaultMessage: 'What was controlled, found or why not; no personal data.' },
  give: { id: 'alerts.answer.give', defaultMessage: 'Give the feedback' },
  amend: { id: 'alerts.answer.amend', defaultMessage: 'Amend the feedback' },
  sending: { id: 'alerts.answer.sending', defaultMessage: 'Sending…' },
  sent: { id: 'alerts.answer.sent', defaultMessage: 'Feedback recorded.' },
});

/** The acknowledgement for the viewer's agency: one button, its refusal in words beside it. */
export function AcknowledgeButton({ alertId }: { alertId: string }) {
  const { busy, waiting, acknowledge, outcome } = useAcknowledgement(alertId);
  const hintId = useId();
  return (
    <div className="acknowledge">
      <button type="button" className="primary" disabled={busy || waiting} aria-describedby={hintId} onClick={acknowledge}>
        <FormattedMessage {...(busy ? words.acknowledging : words.acknowledge)} />
      </button>
      <p id={hintId} className="field-hint">
        <FormattedMessage {...words.acknowledgeHint} />
      </p>
      {outcome}
    </div>
  );
}

const outcomes = ALERT_OUTCOMES.filter((outcome) => outcome !== 'PENDING');

/** The viewer's agency's feedback: the outcome and a note, prefilled with its current one to amend it. */
export function FeedbackForm({ alertId, current }: { alertId: string; current: AlertRecipientData['feedback'] }) {
  const intl = useIntl();
  const headingId = useId();
  const [busy, give] = useGiveAlertFeedback();
  const [outcome, setOutcome] = useState<AlertOutcome | ''>(current?.outcome ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sent, setSent] = useState(false);
  const [draftKey, nextDraft] = useDraftKey();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSent(false);
    const answer = await give({ alertId, outcome, note, idempotencyKey: draftKey });
    setRefusal(answer === 'waiting' ? null : answer);
    setSent(answer === null);
    // Recorded or handed to the outbox, this draft is done: the next feedback is a new one.
    if (!answer || answer === 'waiting') nextDraft();
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.feedbackHeading} />
      </h3>
      <p className="muted">
        <FormattedMessage {...words.feedbackIntro} />
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          label={<FormattedMessage {...words.outcome} />}
          problem={refusal?.fields?.outcome}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as AlertOutcome | '')}
          options={[
            { value: '', label: intl.formatMessage(words.chooseOutcome) },
            ...outcomes.map((value) => ({ value, label: intl.formatMessage(outcomeWords[value]) })),
          ]}
        />
        <TextAreaField
          label={<FormattedMessage {...words.note} />}
          hint={<FormattedMessage {...words.noteHint} />}
          problem={refusal?.fields?.note}
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <FormProblem refusal={refusal} shown={['outcome', 'note']} />
        <WaitingWrites match={writeOnAlert('giveAlertFeedback', alertId)} />
        {sent && (
          <p className="form-success" role="status">
            <FormattedMessage {...words.sent} />
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            <FormattedMessage {...(busy ? words.sending : current ? words.amend : words.give)} />
          </button>
        </div>
      </form>
    </section>
  );
}
