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

// The bulk of an operation's traffic: alerts, seizure reports, files and the register of checks.
// None of it changes the plan; each is audited (the trail) and may meet a gate's criterion.
const TRAFFIC = /^(ALERT_|SEIZURE_|ATTACHMENT_|DATABASE_CHECKS_|LICIT_SHIPMENTS_)/;
const TRAFFIC_FIELDS: ReadonlySet<string> = new Set(['auditTrail', 'phaseGate', 'alertsAwaitingFeedback']);
// The first acknowledgement of the readiness TEST alert is a participation's readiness.
const ACKNOWLEDGEMENT_FIELDS: ReadonlySet<string> = new Set([...TRAFFIC_FIELDS, 'participations']);
const ALL_FIELDS: ReadonlySet<string> = new Set([...PLAN_FIELDS, ...TRAFFIC_FIELDS]);

// Traffic that leaves every figure as it was: a comment, a file.
const NOT_IN_RESULTS = new Set(['ALERT_COMMENTED', 'ATTACHMENT_ADDED']);
// Plan events that change what the viewer's figures count: whose alerts and reports they may see.
const PLAN_EVENTS_IN_RESULTS = new Set(['INVITATION_ACCEPTED', 'PARTICIPATION_WITHDRAWN', 'MEMBER_REMOVED']);

const isTraffic = (type: string): boolean => TRAFFIC.test(type);

/**
 * The operation's fields an event of `type` may change. Plan events are rare: they, a resync, and
 * an event read without its type may change any of them.
 */
export function operationFieldsChangedBy(type: string | undefined): ReadonlySet<string> {
  if (!type || !isTraffic(type)) return ALL_FIELDS;
  return type === 'ALERT_ACKNOWLEDGED' ? ACKNOWLEDGEMENT_FIELDS : TRAFFIC_FIELDS;
}

/** Whether an event of `type` may change the operation's results (`operationResults`). */
export function resultsChangedBy(type: string | undefined): boolean {
  if (!type) return true;
  if (isTraffic(type)) return !NOT_IN_RESULTS.has(type);
  return PLAN_EVENTS_IN_RESULTS.has(type) || type === 'RESYNC_REQUIRED';
}
