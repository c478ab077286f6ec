import { z } from 'zod';
import type { GateCriterionKey } from './gate-criteria';
import { keyed } from './refusals';
import { MEMBER_ROLES, PARTICIPATION_ROLES, PHASES, PROGRAMMES } from './domain';
import { ACKNOWLEDGEMENT_MINUTES, acknowledgementDeadlinesInput, deadlineOrderProblem, withDeadlines } from './alerts';
import { dateTime, globalId, optionalText, requiredText, timeZone, withoutControlCharacters } from './validation';

/** The phases an operation is planned through; CLOSED and CANCELLED have no planned window. */
export const PLANNED_PHASES = ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'] as const;

export const OVERRIDE_JUSTIFICATION_MIN_LENGTH = 20;

// The criteria's keys, apart so that a screen naming them (the room's activity strip) loads no zod.
export { criterionKeyOf, GATE_CRITERION_KEYS, type GateCriterionKey, type StoredCriterionKey } from './gate-criteria';

/**
 * The criteria of the gate into each phase, in the order a checklist shows them. The server
 * answers which are unmet (`phaseGate`); every key it can return is listed here.
 */
export const GATE_CRITERIA: Partial<Record<(typeof PHASES)[number], readonly GateCriterionKey[]>> = {
  PRE_OPERATIONAL: ['PARTICIPANTS_TWO_COUNTRIES', 'PARTICIPANTS_CONTACT_POINTS', 'PLAN_TARGET_COMMODITIES', 'PLAN_PHASE_DATES'],
  OPERATIONAL: ['READINESS_ACKNOWLEDGED', 'SCHEDULE_OPERATIONAL_START'],
  POST_OPERATIONAL: ['SCHEDULE_OPERATIONAL_END'],
  CLOSED: ['SEIZURES_SETTLED', 'REPORT_RECORDED'],
};

const plannedPhase = z.object({ phase: z.enum(PHASES), startsAt: dateTime, endsAt: dateTime }).superRefine((planned, ctx) => {
  if (!(PLANNED_PHASES as readonly string[]).includes(planned.phase)) {
    ctx.addIssue({ code: 'custom', path: ['phase'], message: 'Only open phases have planned dates', ...keyed('NOT_A_PLANNED_PHASE') });
  }
  if (planned.endsAt <= planned.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Must be after the start', ...keyed('NOT_AFTER_START') });
  }
});

const plannedPhases = z
  .array(plannedPhase)
  .max(PLANNED_PHASES.length)
  .nullish()
  .transform((phases) => phases ?? [])
  .superRefine((phases, ctx) => {
    const seen = new Set<string>();
    phases.forEach((planned, index) => {
      if (seen.has(planned.phase))
        ctx.addIssue({ code: 'custom', path: [index, 'phase'], message: 'Planned twice', ...keyed('GIVEN_TWICE') });
      seen.add(planned.phase);
    });
    // Phases follow one another: each planned window starts no earlier than the previous one ends.
    const ordered = PLANNED_PHASES.map((phase) => phases.findIndex((planned) => planned.phase === phase)).filter((i) => i >= 0);
    for (let k = 1; k < ordered.length; k += 1) {
      const previous = phases[ordered[k - 1]!]!;
      const current = phases[ordered[k]!]!;
      if (current.startsAt < previous.endsAt) {
        ctx.addIssue({
          code: 'custom',
          path: [ordered[k]!, 'startsAt'],
          message: `Must not start before ${previous.phase} ends`,
          ...keyed('STARTS_BEFORE_PREVIOUS_ENDS', { phase: previous.phase }),
        });
      }
    }
  });

export const operationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { error: 'Use 3 to 40 letters, digits and hyphens, e.g. PGS-APAC-2020-01' });

/**
 * The second escalation level: a recipient still silent at this many times its acknowledgement
 * deadline (counted from the alert being raised) is escalated to the coordinating agency's
 * coordinators. Whole numbers from 2 (twice the deadline, the default) to 10; null switches the
 * second level off for the operation.
 */
export const DEFAULT_COORDINATOR_ESCALATION_FACTOR = 2;
export const coordinatorEscalationFactor = z.number().int().min(2).max(10).nullable();

export const createOperationInput = z.object({
  code: operationCode,
  name: requiredText(200),
  programme: z.enum(PROGRAMMES),
  objectives: optionalText(4000, { multiline: true }),
  region: optionalText(200),
  targetCommodityIds: z.array(globalId).max(100),
  referenceTimeZone: timeZone,
  exercise: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  plannedPhases,
  acknowledgementDeadlines: acknowledgementDeadlinesInput
    .nullish()
    .transform((changes) => withDeadlines(ACKNOWLEDGEMENT_MINUTES, changes ?? []))
    .superRefine((minutes, ctx) => {
      const problem = deadlineOrderProblem(minutes);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { problem: problem.problem } });
    }),
  /** Left out: the default; null: no second level. */
  coordinatorEscalationFactor: coordinatorEscalationFactor
    .optional()
    .transform((factor) => (factor === undefined ? DEFAULT_COORDINATOR_ESCALATION_FACTOR : factor)),
});
export type CreateOperationInput = z.infer<typeof createOperationInput>;

export const updateOperationInput = z.object({
  operationId: globalId,
  name: requiredText(200).optional(),
  objectives: optionalText(4000, { multiline: true }).optional(),
  region: optionalText(200).optional(),
  targetCommodityIds: z.array(globalId).max(100).optional(),
  referenceTimeZone: timeZone.optional(),
  plannedPhases: plannedPhases.optional(),
  /** Checked against the operation's current deadlines by the service, which knows them. */
  acknowledgementDeadlines: acknowledgementDeadlinesInput.optional(),
  /** Left out: unchanged; null: the second level switched off. */
  coordinatorEscalationFactor: coordinatorEscalationFactor.optional(),
});
export type UpdateOperationInput = z.infer<typeof updateOperationInput>;

export const inviteAgencyInput = z.object({ operationId: globalId, agencyId: globalId, role: z.enum(PARTICIPATION_ROLES) });
export const respondToInvitationInput = z.object({ operationId: globalId, accept: z.boolean() });
export const withdrawParticipationInput = z.object({
  operationId: globalId,
  agencyId: globalId,
  reason: requiredText(1000, { multiline: true }),
});
export const assignMemberInput = z.object({ operationId: globalId, userId: globalId, role: z.enum(MEMBER_ROLES) });
export const removeMemberInput = z.object({ operationId: globalId, memberId: globalId });
export const recordFinalReportInput = z.object({ operationId: globalId, report: requiredText(100_000, { multiline: true }) });

export const advancePhaseInput = z.object({
  operationId: globalId,
  to: z.enum(PHASES),
  overrideJustification: z
    .string()
    .trim()
    .min(OVERRIDE_JUSTIFICATION_MIN_LENGTH, { error: `At least ${OVERRIDE_JUSTIFICATION_MIN_LENGTH} characters` })
    .max(4000)
    .superRefine(withoutControlCharacters({ multiline: true }))
    .nullish()
    .transform((value) => value ?? null),
});
export type AdvancePhaseInput = z.infer<typeof advancePhaseInput>;
