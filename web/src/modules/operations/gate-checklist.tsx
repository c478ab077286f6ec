import type { Phase } from '@jointops/shared/domain';
import { GATE_CRITERIA } from '@jointops/shared/operations';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql';
import { memberRoleWords, phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { LoadError, Skeleton } from '../../ui/page-state';
import { GateActions } from './gate-actions';
import { criterionDetail, criterionStatement } from './gate-criteria';
import { GateFinalReport } from './gate-final-report';
import type { OperationHeader } from './operation-context';
import { PhaseCancel } from './phase-cancel';

const words = defineMessages({
  heading: { id: 'overview.gate.heading', defaultMessage: 'Next phase: {phase}' },
  closedHeading: { id: 'overview.gate.closedHeading', defaultMessage: 'Phase changes' },
  closed: { id: 'overview.gate.closed', defaultMessage: 'Phase: {phase}. It no longer changes.' },
  summary: {
    id: 'overview.gate.summary',
    defaultMessage:
      '{unmet, plural, =0 {Every criterion for moving to {phase} is met.} one {# criterion for moving to {phase} is not met.} other {# criteria for moving to {phase} are not met.}}',
  },
  met: { id: 'overview.gate.met', defaultMessage: 'Met' },
  notMet: { id: 'overview.gate.notMet', defaultMessage: 'Not met' },
  criteria: { id: 'overview.gate.criteria', defaultMessage: 'Criteria for moving to {phase}' },
  whoAdvances: {
    id: 'overview.gate.whoAdvances',
    defaultMessage: 'The operation’s coordinators move it to the next phase. Your role in this operation: {role}.',
  },
  noRole: { id: 'overview.gate.noRole', defaultMessage: 'none' },
  advanced: { id: 'overview.gate.advanced', defaultMessage: 'Phase changed: {phase}.' },
});

/** The one step forward from each open phase; CLOSED and CANCELLED have none. */
export const NEXT_PHASE: Partial<Record<Phase, Phase>> = {
  PLANNING: 'PRE_OPERATIONAL',
  PRE_OPERATIONAL: 'OPERATIONAL',
  OPERATIONAL: 'POST_OPERATIONAL',
  POST_OPERATIONAL: 'CLOSED',
};

export const PhaseGateQuery = graphql(`
  query PhaseGate($operationId: ID!, $to: Phase!) {
    operation(id: $operationId) {
      id
      phaseGate(to: $to) {
        key
        agencies
        phases
        count
      }
    }
  }
`);

/**
 * What the operation needs before it moves on, criterion by criterion, and (for its coordinators)
 * the way to move it. The gate is read again whenever an event of the operation arrives (the
 * layout's subscription drops it from the cache), so a criterion turns met while the page is open.
 */
export function GateChecklist({ operation }: { operation: OperationHeader }) {
  const intl = useIntl();
  const [advancedTo, setAdvancedTo] = useState<Phase | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  const next = NEXT_PHASE[operation.phase];

  // After a move the buttons that were pressed are gone: the reader is taken to what happened.
  useEffect(() => {
    if (advancedTo) notice.current?.focus();
  }, [advancedTo]);

  return (
    <section className="panel gate-checklist" aria-labelledby="gate-heading">
      <h2 id="gate-heading">
        {next
          ? intl.formatMessage(words.heading, { phase: intl.formatMessage(phaseWords[next]) })
          : intl.formatMessage(words.closedHeading)}
      </h2>
      {advancedTo && (
        <p ref={notice} tabIndex={-1} className="form-success" role="status">
          {intl.formatMessage(words.advanced, { phase: intl.formatMessage(phaseWords[advancedTo]) })}
        </p>
      )}
      {next ? (
        <Gate key={next} operation={operation} to={next} onAdvanced={setAdvancedTo} />
      ) : (
        !advancedTo && <p>{intl.formatMessage(words.closed, { phase: intl.formatMessage(phaseWords[operation.phase]) })}</p>
      )}
    </section>
  );
}

function Gate({ operation, to, onAdvanced }: { operation: OperationHeader; to: Phase; onAdvanced(phase: Phase): void }) {
  const intl = useIntl();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PhaseGateQuery, variables: { operationId: operation.id, to } });
  const readAgain = () => reexecute({ requestPolicy: 'network-only' });
  const unmet = data?.operation?.phaseGate;
  const phase = intl.formatMessage(phaseWords[to]);
  const keys = GATE_CRITERIA[to] ?? [];
  const coordinator = operation.myRole === 'COORDINATOR';
  const writesReport = coordinator || operation.myRole === 'REVIEWER';

  if (!unmet) {
    if (fetching || !error) return <Skeleton lines={keys.length || 2} />;
    return <LoadError error={error} onRetry={readAgain} />;
  }
  const unmetByKey = new Map(unmet.map((criterion) => [criterion.key, criterion]));
  // A criterion the shared list does not know yet is still shown, in case the server is newer.
  const shown = [...keys, ...unmet.map((criterion) => criterion.key).filter((key) => !keys.includes(key))];
  const reportMissing = unmetByKey.has('REPORT_RECORDED');

  return (
    <>
      <p className="gate-summary">{intl.formatMessage(words.summary, { unmet: unmet.length, phase })}</p>
      <ul className="gate-criteria" aria-label={intl.formatMessage(words.criteria, { phase })}>
        {shown.map((key) => {
          const missing = unmetByKey.get(key);
          const detail = missing && criterionDetail(intl, missing);
          return (
            <li key={key} className={missing ? 'gate-criterion is-unmet' : 'gate-criterion is-met'}>
              <span className="gate-mark" aria-hidden="true">
                {missing ? '✗' : '✓'}
              </span>
              <span className={missing ? 'badge badge-danger' : 'badge badge-ok'}>
                <FormattedMessage {...(missing ? words.notMet : words.met)} />
              </span>
              <span className="gate-criterion-text">
                {criterionStatement(intl, key)}
                {detail && <span className="gate-detail">{detail}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {coordinator ? (
        <GateActions operationId={operation.id} to={to} unmetCount={unmet.length} onAdvanced={onAdvanced} onGateChanged={readAgain} />
      ) : (
        <p className="muted">
          {intl.formatMessage(words.whoAdvances, {
            role: intl.formatMessage(operation.myRole ? memberRoleWords[operation.myRole] : words.noRole),
          })}
        </p>
      )}
      {to === 'CLOSED' && reportMissing && writesReport && (
        <GateFinalReport operationId={operation.id} operationCode={operation.code} onRecorded={readAgain} />
      )}
      {coordinator && (
        <div className="gate-cancel">
          <PhaseCancel operationId={operation.id} onCancelled={onAdvanced} />
        </div>
      )}
    </>
  );
}
