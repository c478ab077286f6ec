import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { say } from '../../i18n/say';
import { useOptionalSession } from '../../shell/viewer-context';
import { DateTime } from '../../ui/time';
import { useOutbox } from './outbox-context';
import { isEditable, OutboxEditForm } from './outbox-edit-form';
import { fileRefusedForGood, refusalWords, withoutFile } from './outbox-refusal';
import type { OutboxItem } from './outbox-store';
import { writeLabel, outboxWords as words } from './outbox-words';

/** The list of what waits in the outbox, each write to read, correct or discard. */
export function OutboxPanel({ id, top, onClose }: { id: string; top: number; onClose(): void }) {
  const intl = useIntl();
  const headingId = useId();
  const { items, sending } = useOutbox();
  return (
    <section id={id} className="outbox-panel" style={{ top }} aria-labelledby={headingId}>
      <div className="outbox-panel-header">
        <h2 id={headingId}>
          <FormattedMessage {...words.heading} />
        </h2>
        <button type="button" onClick={onClose}>
          <FormattedMessage {...words.close} />
        </button>
      </div>
      <p className="muted">
        <FormattedMessage {...words.explain} />
      </p>
      {items.length === 0 ? (
        <p>
          <FormattedMessage {...words.empty} />
        </p>
      ) : (
        <ol className="outbox-list" aria-label={intl.formatMessage(words.list)}>
          {items.map((item) => (
            <OutboxRow key={item.seq} item={item} sending={sending === item.seq} />
          ))}
        </ol>
      )}
    </section>
  );
}

function OutboxRow({ item, sending }: { item: OutboxItem; sending: boolean }) {
  const intl = useIntl();
  const session = useOptionalSession();
  const outbox = useOutbox();
  const [editing, setEditing] = useState(false);
  const what = say(intl, writeLabel(item.write));
  // Sent again as it is, a file refused for good is refused again: it is removed instead.
  const refusedFile = item.state === 'refused' ? fileRefusedForGood(item.write, item.refusal) : null;
  const submitAfterFiles = item.write.kind === 'reportSeizure' && !!item.write.submitOnceFilesAdded;
  return (
    <li className="outbox-item" data-state={item.state}>
      <p className="outbox-what">{what}</p>
      <p className="outbox-meta">
        <FormattedMessage {...words.madeAt} /> <DateTime value={item.madeAt} referenceZone={session?.timeZone ?? 'UTC'} />
      </p>
      {item.state === 'refused' && item.refusal ? (
        <div className="outbox-refusal" role="alert">
          <p>{intl.formatMessage(words.refused, { reason: say(intl, refusalWords(item.refusal)) })}</p>
          <p className="muted">
            {refusedFile ? (
              <FormattedMessage {...words.refusedFileForGood} values={{ file: refusedFile, submit: String(submitAfterFiles) }} />
            ) : (
              <FormattedMessage {...(isEditable(item.write) ? words.refusedHint : words.refusedHintAsIs)} />
            )}
          </p>
        </div>
      ) : (
        <p className="outbox-state">
          <FormattedMessage {...(sending ? words.sending : words.waiting)} />
        </p>
      )}
      {editing && isEditable(item.write) ? (
        <OutboxEditForm
          write={item.write}
          onCancel={() => setEditing(false)}
          onSave={(write) => {
            setEditing(false);
            void outbox.edit(item.seq, write);
          }}
        />
      ) : (
        <div className="outbox-actions">
          {isEditable(item.write) && (
            <button
              type="button"
              disabled={sending}
              aria-label={intl.formatMessage(words.editOne, { what })}
              onClick={() => setEditing(true)}
            >
              <FormattedMessage {...words.edit} />
            </button>
          )}
          {refusedFile ? (
            <button
              type="button"
              aria-label={intl.formatMessage(words.removeFileOne, { file: refusedFile, what })}
              onClick={() => void outbox.edit(item.seq, withoutFile(item.write, refusedFile))}
            >
              <FormattedMessage {...words.removeFile} values={{ file: refusedFile }} />
            </button>
          ) : (
            item.state === 'refused' && (
              <button type="button" aria-label={intl.formatMessage(words.retryOne, { what })} onClick={() => void outbox.retry(item.seq)}>
                <FormattedMessage {...words.retry} />
              </button>
            )
          )}
          <button
            type="button"
            className="danger"
            disabled={sending}
            aria-label={intl.formatMessage(words.discardOne, { what })}
            onClick={() => void outbox.discard(item.seq)}
          >
            <FormattedMessage {...words.discard} />
          </button>
        </div>
      )}
    </li>
  );
}
