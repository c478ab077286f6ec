import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { TextAreaField } from '../../ui/fields';
import { AgencyName } from '../../ui/agency';
import { DateTime } from '../../ui/time';
import type { AlertDetail } from './alert-documents';
import type { Refusal } from './alert-refusals';
import { useCommentOnAlert } from './alert-writes';
import { useDraftKey } from './draft-key';
import { FormProblem } from './form-problem';
import { WaitingWrites, writeOnAlert } from '../outbox/waiting-writes';

const words = defineMessages({
  heading: { id: 'alerts.comments.heading', defaultMessage: 'Comments' },
  list: { id: 'alerts.comments.list', defaultMessage: 'Comments, oldest first' },
  none: { id: 'alerts.comments.none', defaultMessage: 'No comment yet.' },
  body: { id: 'alerts.comments.body', defaultMessage: 'Your comment' },
  bodyHint: { id: 'alerts.comments.bodyHint', defaultMessage: 'Seen by everyone who may see this alert.' },
  post: { id: 'alerts.comments.post', defaultMessage: 'Post the comment' },
  posting: { id: 'alerts.comments.posting', defaultMessage: 'Posting…' },
});

interface AlertCommentsProps {
  alertId: string;
  comments: AlertDetail['comments'];
  referenceZone: string;
  /** Whether the viewer may comment now (the operation is open). */
  mayComment: boolean;
}

/** The discussion of an alert among those who may see it, and the viewer's word in it. */
export function AlertComments({ alertId, comments, referenceZone, mayComment }: AlertCommentsProps) {
  const intl = useIntl();
  const headingId = useId();
  const [busy, comment] = useCommentOnAlert();
  const [body, setBody] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [draftKey, nextDraft] = useDraftKey();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const answer = await comment({ alertId, body, idempotencyKey: draftKey });
    // Sent or waiting in the outbox, the comment is no longer the field's to keep.
    if (answer === 'waiting' || !answer) {
      setRefusal(null);
      setBody('');
      nextDraft();
    } else setRefusal(answer);
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h3>
      {comments.length === 0 ? (
        <p className="muted">
          <FormattedMessage {...words.none} />
        </p>
      ) : (
        <ol className="alert-comments" aria-label={intl.formatMessage(words.list)}>
          {comments.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: comments have no id and are only ever appended, so a position names one.
            <li key={index}>
              <p className="comment-meta">
                <strong>{item.author.displayName}</strong> <AgencyName agency={item.author.agency} />
                {' · '}
                <DateTime value={item.createdAt} referenceZone={referenceZone} />
              </p>
              <p className="comment-body">{item.body}</p>
            </li>
          ))}
        </ol>
      )}
      <WaitingWrites match={writeOnAlert('commentOnAlert', alertId)} />
      {mayComment && (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <TextAreaField
            label={<FormattedMessage {...words.body} />}
            hint={<FormattedMessage {...words.bodyHint} />}
            problem={refusal?.fields?.body}
            rows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          <FormProblem refusal={refusal} shown={['body']} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              <FormattedMessage {...(busy ? words.posting : words.post)} />
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
