import { useIntl } from 'react-intl';
import { say } from '../../i18n/say';
import { refusalWords } from './outbox-refusal';
import type { StoredRefusal } from './outbox-store';
import { outboxWords as words } from './outbox-words';

/** Why the server refused a write, where it was made. */
export function RefusedHere({ refusal }: { refusal: StoredRefusal }) {
  const intl = useIntl();
  return <span className="waiting-refused">{intl.formatMessage(words.refusedHere, { reason: say(intl, refusalWords(refusal)) })}</span>;
}
