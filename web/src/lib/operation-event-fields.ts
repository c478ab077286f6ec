import { isTrafficEvent } from '@jointops/shared/result-events';

// What each kind of operation event may change in the cache, so that an event drops only that and
// the screens showing it ask again. An operations room may take a hundred alert events in a
// second: each of them must not make every open panel read the operation's plan, participants
// and members anew.

/** Fields of an operation that its plan's events can change; a mutation's result cannot reach them either. */
export const PLAN_FIELDS: ReadonlySet<string> = new Set([
  'phase',
  'phaseGate',
  'plannedPhases',
  'participations',
  'members',
  // The viewer's own role is a member's: a MEMBER_ASSIGNED naming the viewer changes what they may do.
  'myRole',
  'assignableUsers',
  'targetCommodities',
  'acknowledgementDeadlines',
  'auditTrail',
  'name',
  'objectives',
  'region',
  'referenceTimeZone',
  'finalReport',
  'finalReportRecordedAt',
]);

// Traffic (alerts, seizure reports, files, the register of checks) never changes the plan; each
// event of it is audited (the trail) and may meet a gate's criterion.
const TRAFFIC_FIELDS: ReadonlySet<string> = new Set(['auditTrail', 'phaseGate', 'alertsAwaitingFeedback']);
// The first acknowledgement of the readiness TEST alert is a participation's readiness.
const ACKNOWLEDGEMENT_FIELDS: ReadonlySet<string> = new Set([...TRAFFIC_FIELDS, 'participations']);
const ALL_FIELDS: ReadonlySet<string> = new Set([...PLAN_FIELDS, ...TRAFFIC_FIELDS]);

/**
 * The operation's fields an event of `type` may change. Plan events are rare: they, a resync, and
 * an event read without its type may change any of them.
 */
export function operationFieldsChangedBy(type: string | undefined): ReadonlySet<string> {
  if (!type || !isTrafficEvent(type)) return ALL_FIELDS;
  return type === 'ALERT_ACKNOWLEDGED' ? ACKNOWLEDGEMENT_FIELDS : TRAFFIC_FIELDS;
}
