import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { commodityName } from '../../../ui/commodity-name';
import { defineMessages } from '../../../i18n/define-messages';
import { LoadError, Skeleton } from '../../../ui/page-state';
import { formatQuantity } from '../../timeline/event-description';
import { PanelScroll } from './panel-scroll';
import { useRoomResults } from './room-results';
import { tallyByCommodity, type TallyRow } from './seizure-tally-rows';

const words = defineMessages({
  title: { id: 'room.tally.title', defaultMessage: 'Seizures by commodity' },
  scope: { id: 'room.tally.scope', defaultMessage: 'Verified reports and those awaiting verification.' },
  commodity: { id: 'room.tally.commodity', defaultMessage: 'Commodity' },
  quantity: { id: 'room.tally.quantity', defaultMessage: 'Quantity' },
  seizures: { id: 'room.tally.seizures', defaultMessage: 'Seizures' },
  other: { id: 'room.tally.other', defaultMessage: 'Other commodities' },
  none: { id: 'room.tally.none', defaultMessage: 'No seizure reported yet.' },
});

/** What was seized so far, per commodity, each quantity with its own unit. */
export function SeizureTally({ operationId }: { operationId: string }) {
  const intl = useIntl();
  const headingId = useId();
  const { results, fetching, error, retry } = useRoomResults(operationId);
  const nameOf = (row: TallyRow) => (row.commodity ? commodityName(intl.locale, row.commodity) : intl.formatMessage(words.other));

  const rows = results ? tallyByCommodity(results.byCommodity) : [];
  return (
    <section className="panel room-panel seizure-tally" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} />
      </h2>
      {!results && fetching && <Skeleton lines={3} />}
      {!results && !fetching && error && <LoadError error={error} onRetry={retry} />}
      {results && rows.length === 0 && (
        <p className="muted">
          <FormattedMessage {...words.none} />
        </p>
      )}
      {rows.length > 0 && (
        <PanelScroll labelledBy={headingId}>
          <table className="room-table">
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage {...words.commodity} />
                </th>
                <th scope="col">
                  <FormattedMessage {...words.quantity} />
                </th>
                <th scope="col" className="room-number">
                  <FormattedMessage {...words.seizures} />
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.commodityId ?? 'other'}>
                  <th scope="row">{nameOf(row)}</th>
                  <td>
                    <ul className="tally-quantities">
                      {row.quantities.map((quantity) => (
                        <li key={quantity.unit}>{formatQuantity(intl, quantity.quantity, quantity.unit)}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="room-number">{intl.formatNumber(row.seizures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </PanelScroll>
      )}
      {results && (
        <p className="room-panel-note muted">
          <FormattedMessage {...words.scope} />
        </p>
      )}
    </section>
  );
}
