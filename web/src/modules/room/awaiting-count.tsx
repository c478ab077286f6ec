import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { useDocumentTitle } from '../../ui/use-document-title';
import { alertOf } from '../live/operation-events-document';
import { useOperationEvents } from '../live/use-operation-events';
import { AwaitingAcknowledgementQuery } from './feed-documents';

const words = defineMessages({
  label: { id: 'room.awaiting.label', defaultMessage: 'Awaiting your acknowledgement' },
  critical: { id: 'room.awaiting.critical', defaultMessage: '{count, plural, one {# critical} other {# critical}}' },
  show: { id: 'room.awaiting.show', defaultMessage: 'Show them' },
  title: { id: 'room.awaiting.title', defaultMessage: '({count}) Operations room' },
  room: { id: 'room.title', defaultMessage: 'Operations room' },
});

// Soon enough for the count to follow an acknowledgement; late enough to ask once for a burst.
const RECOUNT_AFTER_MS = 300;

/**
 * How many alerts wait for the viewer's agency to acknowledge them, always in view and in the
 * browser tab's title (a reader on another tab sees it grow), counted by the server: withdrawn alerts
 * ask nothing more, and thousands of alerts cost the link a figure, not the alerts themselves.
 */
export function AwaitingCount({ operationId, operationCode, onShow }: { operationId: string; operationCode: string; onShow(): void }) {
  const intl = useIntl();
  const [{ data }, reexecute] = useQuery({ query: AwaitingAcknowledgementQuery, variables: { operationCode } });
  // Asked again after alert events, once for a burst of them however many arrive at once.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useOperationEvents(operationId, (event) => {
    if (!alertOf(event) || pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      reexecute({ requestPolicy: 'network-only' });
    }, RECOUNT_AFTER_MS);
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  const counted = data?.operationByCode?.awaitingMyAcknowledgementCount;
  const count = counted?.alerts ?? 0;
  const critical = counted?.critical ?? 0;
  const shown = intl.formatNumber(count);
  useDocumentTitle(
    counted && count > 0 ? intl.formatMessage(words.title, { count: shown }) : intl.formatMessage(words.room),
    operationCode,
  );
  return (
    <div className={count > 0 ? 'awaiting-count has-awaiting' : 'awaiting-count'} data-testid="awaiting-count">
      <p className="awaiting-figure">{counted ? shown : '…'}</p>
      <p className="awaiting-label">
        <FormattedMessage {...words.label} />
        {critical > 0 && (
          <span className="badge badge-danger">
            <span aria-hidden="true">▲ </span>
            {intl.formatMessage(words.critical, { count: critical })}
          </span>
        )}
      </p>
      {count > 0 && (
        <button type="button" className="link-button" onClick={onShow}>
          <FormattedMessage {...words.show} />
        </button>
      )}
    </div>
  );
}
