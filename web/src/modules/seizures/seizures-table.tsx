import { Link } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { detectionMethodWords, seizureStatusWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel, countryName } from '../../ui/agency';
import { commodityName } from '../../ui/commodity-name';
import { DateTime } from '../../ui/time';
import { useOperation } from '../operations/operation-context';
import { formatQuantity } from '../timeline/event-description';
import type { SeizureRow } from './seizure-documents';

const words = defineMessages({
  caption: { id: 'seizures.table.caption', defaultMessage: 'Seizure reports' },
  reference: { id: 'seizures.table.reference', defaultMessage: 'Reference' },
  seizedAt: { id: 'seizures.table.seizedAt', defaultMessage: 'Seized' },
  country: { id: 'seizures.table.country', defaultMessage: 'Country' },
  commodity: { id: 'seizures.table.commodity', defaultMessage: 'Commodity' },
  quantity: { id: 'seizures.table.quantity', defaultMessage: 'Quantity' },
  method: { id: 'seizures.table.method', defaultMessage: 'Detection' },
  agency: { id: 'seizures.table.agency', defaultMessage: 'Reported by' },
  status: { id: 'seizures.table.status', defaultMessage: 'Status' },
});

/** One row per report, each quantity in its own unit: rows in unlike units are never added up. */
export function SeizuresTable({ rows, referenceZone }: { rows: readonly SeizureRow[]; referenceZone: string }) {
  const intl = useIntl();
  const operation = useOperation();
  return (
    <div className="table-scroll">
      <table className="seizures-table">
        <caption className="visually-hidden">
          <FormattedMessage {...words.caption} />
        </caption>
        <thead>
          <tr>
            {[
              words.reference,
              words.seizedAt,
              words.country,
              words.commodity,
              words.quantity,
              words.method,
              words.agency,
              words.status,
            ].map((heading) => (
              <th key={heading.id} scope="col">
                <FormattedMessage {...heading} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((seizure) => (
            <tr key={seizure.id}>
              <th scope="row">
                <Link to="/operations/$code/seizures/$id" params={{ code: operation.code, id: seizure.id }}>
                  {seizure.reference}
                </Link>
              </th>
              <td>
                <DateTime value={seizure.seizedAt} referenceZone={referenceZone} />
              </td>
              <td>{countryName(intl.locale, seizure.countryCode)}</td>
              <td>{seizure.commodity ? commodityName(intl.locale, seizure.commodity) : seizure.commodityDescription}</td>
              <td className="number">{formatQuantity(intl, seizure.quantity, seizure.unit)}</td>
              <td>{intl.formatMessage(detectionMethodWords[seizure.detectionMethod])}</td>
              <td>{agencyLabel(intl.locale, seizure.reportingAgency)}</td>
              <td>
                <span className={`seizure-status status-${seizure.status}`}>{intl.formatMessage(seizureStatusWords[seizure.status])}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
