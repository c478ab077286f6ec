import { lazy, Suspense } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { say } from '../../i18n/say';
import { useOutbox } from './outbox-context';
import type { OutboxWrite, WriteKind } from './outbox-writes';
import { writeLabel, outboxWords as words } from './outbox-words';

// The refusal's words load with the first refusal shown, not with the room that shows this list.
const RefusedHere = lazy(() => import('./refused-here').then((module) => ({ default: module.RefusedHere })));

/** Matches the writes of `kind` on one alert. */
export const writeOnAlert =
  (kind: Exclude<WriteKind, 'raiseAlert' | 'reportSeizure'>, alertId: string) =>
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
            <Suspense fallback={null}>
              <RefusedHere refusal={item.refusal} />
            </Suspense>
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
