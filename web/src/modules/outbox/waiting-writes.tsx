import { FormattedMessage, useIntl } from 'react-intl';
import { say } from '../../i18n/problems';
import { useOutbox } from './outbox-context';
import type { OutboxWrite, WriteKind } from './outbox-writes';
import { refusalWords, writeLabel, outboxWords as words } from './outbox-words';

/** Matches the writes of `kind` on one alert. */
export const writeOnAlert =
  (kind: Exclude<WriteKind, 'raiseAlert'>, alertId: string) =>
  (write: OutboxWrite): boolean =>
    write.kind === kind && write.input.alertId === alertId;

/**
 * Where a write was made, what of it has not gone yet: "waiting to send", or refused with the
 * reason (the outbox is where it is corrected or discarded). Shows nothing when all went.
 */
export function WaitingWrites({ match }: { match(write: OutboxWrite): boolean }) {
  const intl = useIntl();
  const { items } = useOutbox();
  const here = items.filter((item) => match(item.write));
  if (here.length === 0) return null;
  return (
    <ul className="waiting-writes" aria-label={intl.formatMessage(words.waitingHereList)}>
      {here.map((item) => (
        <li key={item.seq} data-state={item.state}>
          <span className="waiting-what">{say(intl, writeLabel(item.write))}</span>{' '}
          {item.state === 'refused' && item.refusal ? (
            <span className="waiting-refused">
              {intl.formatMessage(words.refusedHere, { reason: say(intl, refusalWords(item.refusal)) })}
            </span>
          ) : (
            <span className="waiting-state">
              <FormattedMessage {...words.waitingHere} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
