import { useIntl, FormattedMessage, FormattedNumber } from 'react-intl';
import { useQuery } from 'urql';
import { checkedDatabaseWords } from '../../i18n/codes';
import { useSession } from '../../shell/viewer-context';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { actsForAgency } from '../alerts/alert-permissions';
import { useOperationEvents } from '../live/use-operation-events';
import { useOperation, type OperationHeader } from '../operations/operation-context';
import { ChecksRegisterQuery, type ChecksRegister } from './checks-documents';
import { recordableDays, registerTotals } from './checks-totals';
import { checkWords } from './check-words';
import { DatabaseChecksForm } from './database-checks-form';
import { LicitShipmentsForm } from './licit-shipments-form';
import { OwnEntries } from './own-entries';
import './checks.css';

/** The server's rule (checks.policy.ts): contact points and coordinators, while the operation runs and after. */
export const mayRecordChecks = (operation: OperationHeader): boolean =>
  actsForAgency(operation) && (operation.phase === 'OPERATIONAL' || operation.phase === 'POST_OPERATIONAL');

/** The register of checks: its totals so far for every member; the forms for those who keep it. */
export function ChecksPage() {
  const intl = useIntl();
  const operation = useOperation();
  const { viewer } = useSession();
  useDocumentTitle(intl.formatMessage(checkWords.title), operation.code);
  const [{ data, error }, reexecute] = useQuery({ query: ChecksRegisterQuery, variables: { operationId: operation.id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  // Another agency's entry changes the totals: the register is read again when one is recorded.
  useOperationEvents(operation.id, (event) => {
    if (/^(DATABASE_CHECKS_|LICIT_SHIPMENTS_)/.test(event.type) || event.__typename === 'ResyncRequiredEvent') reload();
  });
  const register = data?.operation;
  const operational = register?.plannedPhases.find((phase) => phase.phase === 'OPERATIONAL');
  const days = recordableDays(operation.referenceTimeZone, operational?.startedAt ?? null, operational?.endedAt ?? null);

  return (
    <section className="checks-page" aria-labelledby="checks-title">
      <h2 id="checks-title">
        <FormattedMessage {...checkWords.title} />
      </h2>
      <p className="muted">
        <FormattedMessage {...checkWords.intro} values={{ zone: operation.referenceTimeZone }} />
      </p>
      {!register ? (
        error ? (
          <LoadError error={error} onRetry={reload} />
        ) : (
          <Skeleton lines={5} />
        )
      ) : (
        <>
          <Totals register={register} />
          {mayRecordChecks(operation) ? (
            <div className="check-forms">
              <LicitShipmentsForm operationId={operation.id} days={days} commodities={register.commodities} onRecorded={reload} />
              <DatabaseChecksForm operationId={operation.id} days={days} onRecorded={reload} />
            </div>
          ) : (
            <p className="muted">
              <FormattedMessage {...checkWords.notRecording} />
            </p>
          )}
          {actsForAgency(operation) && <OwnEntries register={register} agencyId={viewer.agency.id} />}
        </>
      )}
    </section>
  );
}

function Totals({ register }: { register: ChecksRegister }) {
  const intl = useIntl();
  const totals = registerTotals(register.licitShipmentChecks, register.databaseChecks);
  const figures = [
    [checkWords.shipmentsTotal, totals.shipments],
    [checkWords.checksTotal, totals.checks],
    [checkWords.hitsTotal, totals.hits],
  ] as const;
  return (
    <section className="check-totals" aria-labelledby="check-totals-title">
      <h3 id="check-totals-title">
        <FormattedMessage {...checkWords.totalsHeading} />
      </h3>
      <p className="muted">
        <FormattedMessage {...checkWords.totalsHint} />
      </p>
      <dl className="check-figures">
        {figures.map(([label, value]) => (
          <div key={label.id}>
            <dt>
              <FormattedMessage {...label} />
            </dt>
            <dd>
              <FormattedNumber value={value} />
            </dd>
          </div>
        ))}
      </dl>
      {totals.byDatabase.length > 0 && (
        <table>
          <caption>
            <FormattedMessage {...checkWords.byDatabaseCaption} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage {...checkWords.database} />
              </th>
              <th scope="col" className="number">
                <FormattedMessage {...checkWords.checks} />
              </th>
              <th scope="col" className="number">
                <FormattedMessage {...checkWords.hits} />
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.byDatabase.map((row) => (
              <tr key={row.database}>
                <th scope="row">{intl.formatMessage(checkedDatabaseWords[row.database])}</th>
                <td className="number">
                  <FormattedNumber value={row.checks} />
                </td>
                <td className="number">
                  <FormattedNumber value={row.hits} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
