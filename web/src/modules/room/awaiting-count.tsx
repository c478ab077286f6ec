import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { throttled } from '../../lib/throttled';
import { defineMessages } from '../../i18n/define-messages';
import { useDocumentTitle } from '../../ui/use-document-title';
import { alertOf } from '../live/operation-events-document';
import { useOperationEvents } from '../live/use-operation-events';
import { AwaitingAcknowledgementQuery } from './feed-documents';

const words = defineMessages({
  label: { id: 'room.awaiting.label', defaultMessage: 'Awaiting your agency’s acknowledgement' },
  critical: { id: 'room.awaiting.critical', defaultMessage: '{count, plural, one {# critical} other {# critical}}' },
  show: { id: 'room.awaiting.show', defaultMessage: 'Show them' },
  title: { id: 'room.awaiting.title', defaultMessage: '({count}) Operations room' },
  room: { id: 'room.title', defaultMessage: 'Operations room' },
});

// The first alert event has the count asked again at once; a burst of them (one every few hundred ms
// in a busy room, on every screen that shows the count) at most once a second.
const RECOUNT_EVERY_MS = 1_000;

/**
 * How many alerts wait for the viewer's agency to acknowledge them, always in view and in the
 * browser tab's title (a reader on another tab sees it grow), counted by the server: withdrawn alerts
 * ask nothing more, and thousands of alerts cost the link a figure, not the alerts themselves.
 */
export function AwaitingCount({ operationId, operationCode, onShow }: { operationId: string; operationCode: string; onShow(): void }) {
  const intl = useIntl();
  const [{ data }, reexecute] = useQuery({ query: AwaitingAcknowledgementQuery, variables: { operationCode } });
  const latest = useRef(reexecute);
  latest.current = reexecute;
  const recount = useRef<ReturnType<typeof throttled> | null>(null);
  recount.current ??= throttled(() => latest.current({ requestPolicy: 'network-only' }), RECOUNT_EVERY_MS);
  useOperationEvents(operationId, (event) => {
    if (alertOf(event)) recount.current?.call();
  });
  useEffect(() => () => recount.current?.cancel(), []);
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
