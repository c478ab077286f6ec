// Which operation events may change an operation's results (`operationResults`): the server pushes
// fresh figures to the rooms watching them after such events (`operationResultsChanged`), and the
// web asks again after them where it still reads the results on its own (the results page).

// The bulk of an operation's traffic: alerts, seizure reports, files and the register of checks.
const TRAFFIC = /^(ALERT_|SEIZURE_|ATTACHMENT_|DATABASE_CHECKS_|LICIT_SHIPMENTS_)/;
// Traffic that leaves every figure as it was: a comment, a file.
const NOT_IN_RESULTS: ReadonlySet<string> = new Set(['ALERT_COMMENTED', 'ATTACHMENT_ADDED']);
// Plan events that change what the viewer's figures count: whose alerts and reports they may see.
const PLAN_EVENTS_IN_RESULTS: ReadonlySet<string> = new Set(['INVITATION_ACCEPTED', 'PARTICIPATION_WITHDRAWN', 'MEMBER_REMOVED']);

/** Whether an event of `type` is traffic: alerts, seizure reports, files, the register of checks. */
export const isTrafficEvent = (type: string): boolean => TRAFFIC.test(type);

/** Whether an event of `type` may change the operation's results; an event read without its type may. */
export function resultsChangedBy(type: string | undefined): boolean {
  if (!type) return true;
  if (isTrafficEvent(type)) return !NOT_IN_RESULTS.has(type);
  return PLAN_EVENTS_IN_RESULTS.has(type) || type === 'RESYNC_REQUIRED';
}
