import { ACKNOWLEDGEMENT_MINUTES, deadlineOrderProblem, withDeadlines, type AcknowledgementMinutes } from '@jointops/shared/alerts';
import { ALERT_SEVERITIES, type AlertSeverity, type Programme } from '@jointops/shared/domain';
import { PLANNED_PHASES } from '@jointops/shared/operations';
import { defineMessages } from '../../i18n/define-messages';
import { describeIssue, fieldOf, type FieldIssue, type FieldProblems, type Problem } from '../../i18n/problems';
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-time';

// What the operation form holds (text as typed), and how it becomes the API's input. The input's
// lists are indexed (plannedPhases.2.startsAt); the form's fields are named by phase and severity
// (plannedPhases.OPERATIONAL.startsAt), so every problem, the browser's or the server's, is moved
// from the one to the other before it is shown.

const words = defineMessages({
  cannotRemoveDates: {
    id: 'operations.form.problem.cannotRemoveDates',
    defaultMessage: 'Planned dates can be changed but not removed: give both dates.',
  },
  deadlineOrder: {
    id: 'operations.form.problem.deadlineOrder',
    defaultMessage: 'A more severe alert cannot be given longer to acknowledge than a less severe one.',
  },
  wholeMinutes: { id: 'operations.form.problem.wholeMinutes', defaultMessage: 'Give a whole number of minutes.' },
});

/** A problem at a field; `problem` when the form words it itself rather than from the schema's issue. */
export type FormIssue = FieldIssue & { problem?: Problem };

/** The first problem of each field, in the reader's words. */
export function problemsOfIssues(issues: readonly FormIssue[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) problems[fieldOf(issue)] ??= issue.problem ?? describeIssue(issue);
  return problems;
}

export type PlannedPhase = (typeof PLANNED_PHASES)[number];

/** Most severe first, as the form lists them. */
export const SEVERITIES_BY_GRAVITY: readonly AlertSeverity[] = [...ALERT_SEVERITIES].reverse();

export interface PhaseDates {
  /** `datetime-local` text, in the operation's reference zone. */
  startsAt: string;
  endsAt: string;
}

export interface OperationFormValues {
  code: string;
  name: string;
  programme: Programme;
  exercise: boolean;
  objectives: string;
  region: string;
  referenceTimeZone: string;
  targetCommodityIds: string[];
  plannedPhases: Record<PlannedPhase, PhaseDates>;
  /** Minutes as typed. */
  deadlines: Record<AlertSeverity, string>;
}

/** The plan as the API gives it back, for the edit form. */
export interface PlannedOperation {
  id: string;
  name: string;
  objectives?: string | null;
  region?: string | null;
  referenceTimeZone: string;
  programme: Programme;
  exercise: boolean;
  targetCommodities: readonly { id: string }[];
  plannedPhases: readonly { phase: string; plannedStartsAt?: string | null; plannedEndsAt?: string | null }[];
  acknowledgementDeadlines: readonly { severity: AlertSeverity; minutes: number }[];
}

const noDates = (): Record<PlannedPhase, PhaseDates> =>
  Object.fromEntries(PLANNED_PHASES.map((phase) => [phase, { startsAt: '', endsAt: '' }])) as Record<PlannedPhase, PhaseDates>;

const deadlineTexts = (minutes: AcknowledgementMinutes): Record<AlertSeverity, string> =>
  Object.fromEntries(ALERT_SEVERITIES.map((severity) => [severity, String(minutes[severity])])) as Record<AlertSeverity, string>;

/**
 * The name the browser lists a zone under: an account may say Asia/Kolkata where the browser's
 * list (and so the shared schema) has Asia/Calcutta for the same clocks.
 */
export function listedZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

export function emptyOperationValues(timeZone: string): OperationFormValues {
  return {
    code: '',
    name: '',
    programme: 'PROGRAMME_GLOBAL_SHIELD',
    exercise: false,
    objectives: '',
    region: '',
    referenceTimeZone: listedZone(timeZone),
    targetCommodityIds: [],
    plannedPhases: noDates(),
    deadlines: deadlineTexts(ACKNOWLEDGEMENT_MINUTES),
  };
}

const minutesOf = (operation: PlannedOperation): AcknowledgementMinutes => ({
  ...ACKNOWLEDGEMENT_MINUTES,
  ...Object.fromEntries(operation.acknowledgementDeadlines.map((deadline) => [deadline.severity, deadline.minutes])),
});

export function operationValues(operation: PlannedOperation): OperationFormValues {
  const zone = operation.referenceTimeZone;
  const plannedPhases = noDates();
  for (const plan of operation.plannedPhases) {
    const dates = plannedPhases[plan.phase as PlannedPhase];
    if (!dates) continue;
    dates.startsAt = plan.plannedStartsAt ? utcToZonedLocal(plan.plannedStartsAt, zone) : '';
    dates.endsAt = plan.plannedEndsAt ? utcToZonedLocal(plan.plannedEndsAt, zone) : '';
  }
  return {
    code: '',
    name: operation.name,
    programme: operation.programme,
    exercise: operation.exercise,
    objectives: operation.objectives ?? '',
    region: operation.region ?? '',
    referenceTimeZone: zone,
    targetCommodityIds: operation.targetCommodities.map((commodity) => commodity.id),
    plannedPhases,
    deadlines: deadlineTexts(minutesOf(operation)),
  };
}

interface PlannedPhaseInput {
  phase: PlannedPhase;
  startsAt: string;
  endsAt: string;
}

// An instant the browser could not read is sent as text no date parser accepts, so the shared
// schema reports it at its field like any other bad date.
const NOT_A_DATE = 'not a date';

/** The phases with at least one date typed, as the API takes them, and what the form can tell already. */
function plannedPhasesOf(values: OperationFormValues): { planned: PlannedPhaseInput[]; issues: FormIssue[] } {
  const planned: PlannedPhaseInput[] = [];
  const issues: FormIssue[] = [];
  for (const phase of PLANNED_PHASES) {
    const { startsAt, endsAt } = values.plannedPhases[phase];
    if (!startsAt.trim() && !endsAt.trim()) continue;
    const index = planned.length;
    for (const [end, text] of [
      ['startsAt', startsAt],
      ['endsAt', endsAt],
    ] as const) {
      if (!text.trim()) issues.push({ path: ['plannedPhases', index, end], message: 'Required' });
    }
    planned.push({
      phase,
      startsAt: zonedLocalToUtc(startsAt, values.referenceTimeZone) ?? NOT_A_DATE,
      endsAt: zonedLocalToUtc(endsAt, values.referenceTimeZone) ?? NOT_A_DATE,
    });
  }
  return { planned, issues };
}

const minutesNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** Minutes typed with a fraction: the schema would only say "not a valid value". */
const fractionIssues = (values: OperationFormValues, severities: readonly AlertSeverity[]): FormIssue[] =>
  severities.flatMap((severity, index) => {
    const minutes = minutesNumber(values.deadlines[severity]);
    return Number.isFinite(minutes) && !Number.isInteger(minutes)
      ? [{ path: ['acknowledgementDeadlines', index, 'minutes'], message: '', problem: { message: words.wholeMinutes } }]
      : [];
  });

/** A prepared request: the input to send, the problems the browser found, and how to name a field from a path. */
export interface PreparedInput<Input> {
  input: Input;
  issues: FormIssue[];
  /** Moves an issue from the input's indexed path to the form's named field. */
  toField(issue: FormIssue): FormIssue;
}

function fieldMapper(phases: readonly PlannedPhase[], severities: readonly AlertSeverity[]) {
  return (issue: FormIssue): FormIssue => {
    const path = issue.path.map(String);
    if (path[0] === 'input') path.shift();
    const [field, index, part] = path;
    if (field === 'plannedPhases' && index !== undefined) {
      const phase = phases[Number(index)] ?? index;
      return { ...issue, path: ['plannedPhases', phase, part === 'endsAt' ? 'endsAt' : 'startsAt'] };
    }
    if (field === 'acknowledgementDeadlines' && index !== undefined && part === 'minutes') {
      return { ...issue, path: ['acknowledgementDeadlines', severities[Number(index)] ?? index] };
    }
    // The only refusal of the deadlines as a whole is their order (a graver alert given longer).
    if (field === 'acknowledgementDeadlines') return { ...issue, path: [field], problem: { message: words.deadlineOrder } };
    if (field === 'targetCommodityIds') return { ...issue, path: [field] };
    return { ...issue, path };
  };
}

export function createOperationRequest(values: OperationFormValues) {
  const { planned, issues } = plannedPhasesOf(values);
  const input = {
    code: values.code,
    name: values.name,
    programme: values.programme,
    exercise: values.exercise,
    objectives: values.objectives,
    region: values.region,
    referenceTimeZone: values.referenceTimeZone,
    targetCommodityIds: values.targetCommodityIds,
    plannedPhases: planned,
    acknowledgementDeadlines: SEVERITIES_BY_GRAVITY.map((severity) => ({ severity, minutes: minutesNumber(values.deadlines[severity]) })),
  };
  issues.push(...fractionIssues(values, SEVERITIES_BY_GRAVITY));
  return {
    input,
    issues,
    toField: fieldMapper(
      planned.map((plan) => plan.phase),
      SEVERITIES_BY_GRAVITY,
    ),
  } satisfies PreparedInput<unknown>;
}

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * Only what changed is sent, so the audit trail says what the planner did. When any planned date
 * changes (or the zone they are read in), the whole plan goes, so its order is checked as a whole.
 */
export function updateOperationRequest(values: OperationFormValues, operation: PlannedOperation) {
  const before = operationValues(operation);
  const { planned, issues } = plannedPhasesOf(values);
  const input: {
    operationId: string;
    name?: string;
    objectives?: string;
    region?: string;
    referenceTimeZone?: string;
    targetCommodityIds?: string[];
    plannedPhases?: PlannedPhaseInput[];
    acknowledgementDeadlines?: { severity: AlertSeverity; minutes: number }[];
  } = { operationId: operation.id };
  if (values.name !== before.name) input.name = values.name;
  if (values.objectives !== before.objectives) input.objectives = values.objectives;
  if (values.region !== before.region) input.region = values.region;
  if (values.referenceTimeZone !== before.referenceTimeZone) input.referenceTimeZone = values.referenceTimeZone;
  if (!sameMembers(values.targetCommodityIds, before.targetCommodityIds)) input.targetCommodityIds = values.targetCommodityIds;

  // Planned dates can be changed but not taken away: the API keeps a phase it is not sent.
  const plannedBefore = PLANNED_PHASES.filter((phase) => before.plannedPhases[phase].startsAt);
  for (const phase of plannedBefore) {
    const { startsAt, endsAt } = values.plannedPhases[phase];
    if (!startsAt.trim() && !endsAt.trim())
      issues.push({ path: ['plannedPhases', phase, 'startsAt'], message: '', problem: { message: words.cannotRemoveDates } });
  }
  // Compared as typed, to the minute: stored instants may carry seconds the form cannot show.
  const planChanged =
    values.referenceTimeZone !== before.referenceTimeZone ||
    PLANNED_PHASES.some(
      (phase) =>
        values.plannedPhases[phase].startsAt !== before.plannedPhases[phase].startsAt ||
        values.plannedPhases[phase].endsAt !== before.plannedPhases[phase].endsAt,
    );
  if (planChanged) input.plannedPhases = planned;

  const changedDeadlines = SEVERITIES_BY_GRAVITY.filter((severity) => values.deadlines[severity] !== before.deadlines[severity]);
  if (changedDeadlines.length) {
    input.acknowledgementDeadlines = changedDeadlines.map((severity) => ({ severity, minutes: minutesNumber(values.deadlines[severity]) }));
    issues.push(...fractionIssues(values, changedDeadlines));
    const after = withDeadlines(minutesOf(operation), input.acknowledgementDeadlines);
    const problem = Object.values(after).every(Number.isInteger) ? deadlineOrderProblem(after) : null;
    if (problem) issues.push({ path: ['acknowledgementDeadlines'], message: problem.message, problem: { message: words.deadlineOrder } });
  }
  return {
    input,
    issues,
    toField: fieldMapper(
      (input.plannedPhases ?? []).map((plan) => plan.phase),
      (input.acknowledgementDeadlines ?? []).map((deadline) => deadline.severity),
    ),
  } satisfies PreparedInput<unknown>;
}

/** Whether the request changes anything at all (beyond naming the operation). */
export const changesSomething = (input: object): boolean => Object.keys(input).length > 1;
