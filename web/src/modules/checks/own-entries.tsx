import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { checkedDatabaseWords, unitWords } from '../../i18n/codes';
import { commodityName } from '../../ui/commodity-name';
import { EmptyState } from '../../ui/page-state';
import type { ChecksRegister } from './checks-documents';
import { dayWords, newestDayFirst } from './checks-totals';
import { checkWords } from './check-words';

/** What the viewer's agency recorded, newest day first: the figures it answers for. */
export function OwnEntries({ register, agencyId }: { register: ChecksRegister; agencyId: string }) {
  const intl = useIntl();
  const licit = newestDayFirst(register.licitShipmentChecks.filter((entry) => entry.agency.id === agencyId));
  const databases = newestDayFirst(register.databaseChecks.filter((entry) => entry.agency.id === agencyId));
  const column = (label: (typeof checkWords)[keyof typeof checkWords], numeric = false) => (
    <th scope="col" className={numeric ? 'number' : undefined}>
      <FormattedMessage {...label} />
    </th>
  );
  return (
    <section className="own-entries" aria-labelledby="own-entries-title">
      <h3 id="own-entries-title">
        <FormattedMessage {...checkWords.ownHeading} />
      </h3>
      {!licit.length && !databases.length && <EmptyState title={<FormattedMessage {...checkWords.ownEmpty} />} />}
      {licit.length > 0 && (
        <table>
          <caption>
            <FormattedMessage {...checkWords.ownLicitCaption} />
          </caption>
          <thead>
            <tr>
              {column(checkWords.day)}
              {column(checkWords.commodity)}
              {column(checkWords.shipments, true)}
              {column(checkWords.quantity, true)}
            </tr>
          </thead>
          <tbody>
            {licit.map((entry) => (
              <tr key={entry.id}>
                <td>{dayWords(intl.locale, entry.checkedOn)}</td>
                <td>{commodityName(intl.locale, entry.commodity)}</td>
                <td className="number">
                  <FormattedNumber value={entry.shipments} />
                </td>
                <td className="number">
                  {entry.quantity !== null && entry.unit
                    ? `${intl.formatNumber(entry.quantity)} ${intl.formatMessage(unitWords[entry.unit])}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {databases.length > 0 && (
        <table>
          <caption>
            <FormattedMessage {...checkWords.ownDatabaseCaption} />
          </caption>
          <thead>
            <tr>
              {column(checkWords.day)}
              {column(checkWords.database)}
              {column(checkWords.checks, true)}
              {column(checkWords.hits, true)}
            </tr>
          </thead>
          <tbody>
            {databases.map((entry) => (
              <tr key={entry.id}>
                <td>{dayWords(intl.locale, entry.checkedOn)}</td>
                <td>{intl.formatMessage(checkedDatabaseWords[entry.database])}</td>
                <td className="number">
                  <FormattedNumber value={entry.checks} />
                </td>
                <td className="number">
                  <FormattedNumber value={entry.hits} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
