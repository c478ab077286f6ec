import type { Phase } from '@jointops/shared/domain';
import { FormattedMessage, useIntl } from 'react-intl';
import { phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { DateTime } from '../../ui/time';
import { criterionStatement } from './gate-criteria';
import type { OverviewOperation } from './overview-page';

const words = defineMessages({
  heading: { id: 'overview.phases.heading', defaultMessage: 'Phases' },
  current: { id: 'overview.phases.current', defaultMessage: 'Current phase' },
  done: { id: 'overview.phases.done', defaultMessage: 'Completed' },
  notReached: { id: 'overview.phases.notReached', defaultMessage: 'Not reached' },
  planned: { id: 'overview.phases.planned', defaultMessage: 'Planned' },
  actual: { id: 'overview.phases.actual', defaultMessage: 'Actual' },
  notPlanned: { id: 'overview.phases.notPlanned', defaultMessage: 'No planned dates' },
  ongoing: { id: 'overview.phases.ongoing', defaultMessage: 'Ongoing' },
  from: { id: 'overview.phases.from', defaultMessage: 'from {start}' },
  to: { id: 'overview.phases.to', defaultMessage: 'to {end}' },
  createdBy: { id: 'overview.phases.createdBy', defaultMessage: 'Created by {person} on {date}' },
  movedBy: { id: 'overview.phases.movedBy', defaultMessage: 'Moved here by {person} on {date}' },
  movedOn: { id: 'overview.phases.movedOn', defaultMessage: 'Moved here on {date}' },
  closedBy: { id: 'overview.phases.closedBy', defaultMessage: 'Closed by {person} on {date}' },
  cancelledBy: { id: 'overview.phases.cancelledBy', defaultMessage: 'Cancelled by {person} on {date}' },
  person: { id: 'overview.phases.person', defaultMessage: '{name} ({agency})' },
  overridden: { id: 'overview.phases.overridden', defaultMessage: 'Criteria overridden' },
  overriddenCriteria: { id: 'overview.phases.overriddenCriteria', defaultMessage: 'Not met at the time:' },
  justification: { id: 'overview.phases.justification', defaultMessage: 'Justification:' },
  cancelReason: { id: 'overview.phases.cancelReason', defaultMessage: 'Reason for cancelling:' },
});

const FORWARD: readonly Phase[] = ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL', 'CLOSED'];

type TimelineNode = OverviewOperation['timeline']['edges'][number]['node'];
type PhaseMove = Extract<TimelineNode, { __typename: 'PhaseAdvancedEvent' }>;
type Actor = NonNullable<TimelineNode['actor']>;

/**
 * The phases in the order they happen; a cancelled operation shows its cancellation right after
 * the phase it was cancelled in, and the phases it never reached after that.
 */
function phasesInOrder(current: Phase, moves: PhaseMove[]): Phase[] {
  if (current !== 'CANCELLED') return [...FORWARD];
  const cancelledFrom = moves.find((move) => move.to === 'CANCELLED')?.from ?? 'PLANNING';
  const at = FORWARD.indexOf(cancelledFrom) + 1;
  return [...FORWARD.slice(0, at), 'CANCELLED', ...FORWARD.slice(at)];
}

export function PhaseTimeline({ operation, current }: { operation: OverviewOperation; current: Phase }) {
  const intl = useIntl();
  const zone = operation.referenceTimeZone;
  const events = operation.timeline.edges.map((edge) => edge.node);
  const moves = events.filter((event): event is PhaseMove => event.__typename === 'PhaseAdvancedEvent');
  const created = events.find((event) => event.__typename === 'OperationCreatedEvent');
  const order = phasesInOrder(current, moves);
  const currentIndex = order.indexOf(current);

  const person = (actor: Actor) =>
    intl.formatMessage(words.person, { name: actor.displayName, agency: actor.agency.acronym ?? actor.agency.name });

  return (
    <section className="panel phase-timeline-panel" aria-labelledby="phases-heading">
      <h2 id="phases-heading">
        <FormattedMessage {...words.heading} />
      </h2>
      <ol className="phase-timeline">
        {order.map((phase, index) => {
          const plan = operation.plannedPhases.find((planned) => planned.phase === phase);
          // Creating an operation opens its planning phase without recording a start of its own.
          const startedAt = plan?.startedAt ?? (phase === 'PLANNING' ? operation.createdAt : null);
          const move = [...moves].reverse().find((candidate) => candidate.to === phase);
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'not-reached';
          const stateWords = state === 'done' ? words.done : state === 'current' ? words.current : words.notReached;
          return (
            <li key={phase} className={`phase-step phase-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <div className="phase-step-name">
                <span className="phase-step-marker" aria-hidden="true">
                  {state === 'done' ? '✓' : state === 'current' ? '▶' : ''}
                </span>
                <h3>{intl.formatMessage(phaseWords[phase])}</h3>
                <span className={state === 'current' ? 'badge phase-step-badge-current' : 'badge'}>
                  <FormattedMessage {...stateWords} />
                </span>
              </div>
              <dl className="phase-step-dates">
                {phase !== 'CLOSED' && phase !== 'CANCELLED' && (
                  <div>
                    <dt>
                      <FormattedMessage {...words.planned} />
                    </dt>
                    <dd>
                      {plan?.plannedStartsAt && plan.plannedEndsAt ? (
                        <Range start={plan.plannedStartsAt} end={plan.plannedEndsAt} zone={zone} />
                      ) : (
                        <FormattedMessage {...words.notPlanned} />
                      )}
                    </dd>
                  </div>
                )}
                {startedAt && state !== 'not-reached' && (
                  <div>
                    <dt>
                      <FormattedMessage {...words.actual} />
                    </dt>
                    <dd>
                      {phase === 'CLOSED' || phase === 'CANCELLED' ? (
                        <DateTime value={startedAt} referenceZone={zone} showReference />
                      ) : (
                        <Range start={startedAt} end={plan?.endedAt ?? null} zone={zone} />
                      )}
                    </dd>
                  </div>
                )}
              </dl>
              {phase === 'PLANNING' && created?.actor && (
                <p className="phase-step-move">
                  <FormattedMessage
                    {...words.createdBy}
                    values={{ person: person(created.actor), date: <DateTime value={created.occurredAt} referenceZone={zone} /> }}
                  />
                </p>
              )}
              {move && state !== 'not-reached' && <PhaseMoveFacts move={move} person={person} zone={zone} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A window as two lines, start then end, each in the viewer's zone with the operation's beside it. */
function Range({ start, end, zone }: { start: string; end: string | null; zone: string }) {
  const intl = useIntl();
  return (
    <>
      <span className="phase-range-line">
        <FormattedMessage {...words.from} values={{ start: <DateTime value={start} referenceZone={zone} showReference /> }} />
      </span>
      <span className="phase-range-line">
        {end ? (
          <FormattedMessage {...words.to} values={{ end: <DateTime value={end} referenceZone={zone} showReference /> }} />
        ) : (
          intl.formatMessage(words.ongoing)
        )}
      </span>
    </>
  );
}

function PhaseMoveFacts({ move, person, zone }: { move: PhaseMove; person(actor: Actor): string; zone: string }) {
  const intl = useIntl();
  const date = <DateTime value={move.occurredAt} referenceZone={zone} />;
  return (
    <>
      <p className="phase-step-move">
        {move.actor ? (
          <FormattedMessage
            {...(move.to === 'CANCELLED' ? words.cancelledBy : move.to === 'CLOSED' ? words.closedBy : words.movedBy)}
            values={{ person: person(move.actor), date }}
          />
        ) : (
          <FormattedMessage {...words.movedOn} values={{ date }} />
        )}
      </p>
      {move.overridden && (
        <div className="phase-override">
          <p className="phase-override-flag">
            <span className="badge badge-warn">
              <span aria-hidden="true">⚠ </span>
              <FormattedMessage {...words.overridden} />
            </span>
          </p>
          {move.overriddenCriteria.length > 0 && (
            <>
              <p className="phase-override-label">
                <FormattedMessage {...words.overriddenCriteria} />
              </p>
              <ul>
                {move.overriddenCriteria.map((criterion) => (
                  <li key={criterion.key}>{criterionStatement(intl, criterion.key)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {move.justification && (
        <div className="phase-justification">
          <p className="phase-override-label">
            <FormattedMessage {...(move.to === 'CANCELLED' ? words.cancelReason : words.justification)} />
          </p>
          <blockquote>{move.justification}</blockquote>
        </div>
      )}
    </>
  );
}
