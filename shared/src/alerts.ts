import { z } from 'zod';
import {
  ALERT_CATEGORIES,
  ALERT_OUTCOMES,
  ALERT_SEVERITIES,
  DISTRIBUTION_KINDS,
  MARKINGS,
  type AlertCategory,
  type AlertSeverity,
  type DistributionKind,
  type Marking,
} from './domain';
import { type IssueLike, problemOf, type FieldProblem, type RuleProblem } from './problems';
import { keyed } from './refusals';
import { controlCharacterPaths, CONTROL_CHARACTER_MESSAGE, countryCode, globalId, optionalText, requiredText } from './validation';

export type AcknowledgementMinutes = Record<AlertSeverity, number>;

/** Default acknowledgement deadlines, by severity, in minutes after the alert is raised. */
export const ACKNOWLEDGEMENT_MINUTES: AcknowledgementMinutes = { CRITICAL: 15, HIGH: 60, MEDIUM: 240, LOW: 1440 };

/** A week: a deadline longer than that is not a deadline an operations room can work to. */
export const MAX_ACKNOWLEDGEMENT_MINUTES = 7 * 24 * 60;

/** An operation's own deadlines, severity by severity; the severities not named keep theirs. */
export const acknowledgementDeadlinesInput = z
  .array(z.object({ severity: z.enum(ALERT_SEVERITIES), minutes: z.number().int().min(1).max(MAX_ACKNOWLEDGEMENT_MINUTES) }))
  .max(ALERT_SEVERITIES.length)
  .superRefine((deadlines, ctx) => {
    const seen = new Set<string>();
    deadlines.forEach((deadline, index) => {
      if (seen.has(deadline.severity))
        ctx.addIssue({ code: 'custom', path: [index, 'severity'], message: 'Given twice', ...keyed('GIVEN_TWICE') });
      seen.add(deadline.severity);
    });
  });

/** `base` with the deadlines in `changes`. */
export const withDeadlines = (
  base: AcknowledgementMinutes,
  changes: z.infer<typeof acknowledgementDeadlinesInput>,
): AcknowledgementMinutes => ({
  ...base,
  ...Object.fromEntries(changes.map((deadline) => [deadline.severity, deadline.minutes])),
});

/** A more severe alert must never be given longer to acknowledge than a less severe one. */
export function deadlineOrderProblem(minutes: AcknowledgementMinutes): { message: string; problem: RuleProblem } | null {
  const bySeverity = [...ALERT_SEVERITIES].reverse();
  for (let k = 1; k < bySeverity.length; k += 1) {
    const [graver, lighter] = [bySeverity[k - 1]!, bySeverity[k]!];
    if (minutes[graver] > minutes[lighter])
      return {
        message: `A ${graver} alert cannot have longer (${minutes[graver]} min) than a ${lighter} one (${minutes[lighter]} min)`,
        problem: { key: 'DEADLINES_OUT_OF_ORDER', severity: graver, max: minutes[lighter] },
      };
  }
  return null;
}

/** `<operation code>/A-0001`: numbered per operation, without gaps. */
export const alertReference = (operationCode: string, number: number) => `${operationCode}/A-${String(number).padStart(4, '0')}`;

const route = z.object({
  origin: countryCode,
  transit: z
    .array(countryCode)
    .max(20)
    .nullish()
    .transform((codes) => codes ?? []),
  destination: countryCode,
});

const flightNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$/, { error: 'Use an IATA flight number, e.g. MH370' });

const shipmentSubject = z
  .object({
    containerNumber: requiredText(20),
    billOfLading: optionalText(50),
    airWaybill: optionalText(50),
    hsCode: z
      .string()
      .trim()
      .regex(/^[0-9]{4}(\.?[0-9]{2}){0,3}$/, { error: 'Use a Harmonized System code of 4 to 10 digits, e.g. 3102.30' }),
    consignor: requiredText(300),
    consignee: requiredText(300),
    route,
  })
  .superRefine((subject, ctx) => {
    if (!subject.billOfLading && !subject.airWaybill) {
      ctx.addIssue({
        code: 'custom',
        path: ['billOfLading'],
        message: 'Give a bill of lading or an air waybill',
        ...keyed('TRANSPORT_DOCUMENT_REQUIRED'),
      });
    }
  });

// Personal data: never exported above AMBER (the exports enforce it, not the input).
const passengerSubject = z.object({ travelDocumentCountry: countryCode, flightNumber, route });

const conveyanceSubject = z
  .object({
    vesselName: optionalText(200),
    imo: z
      .string()
      .trim()
      .regex(/^(IMO)?[0-9]{7}$/i, { error: 'Use a seven-digit IMO number' })
      .nullish()
      .transform((value) => value ?? null),
    flightNumber: flightNumber.nullish().transform((value) => value ?? null),
    vehicleRegistration: optionalText(30),
  })
  .superRefine((subject, ctx) => {
    if (!subject.vesselName && !subject.imo && !subject.flightNumber && !subject.vehicleRegistration) {
      ctx.addIssue({
        code: 'custom',
        path: ['vesselName'],
        message: 'Name the vessel (or its IMO number), the flight or the vehicle',
        ...keyed('CONVEYANCE_REQUIRED'),
      });
    }
  });

const SUBJECT_LIMIT = 10_000;

/** Intelligence and test alerts need no structured subject; what is given is kept, within bounds. */
const freeSubject = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((subject) => subject ?? null)
  .refine((subject) => JSON.stringify(subject).length <= SUBJECT_LIMIT, {
    error: `At most ${SUBJECT_LIMIT} characters of JSON`,
    abort: true,
    ...keyed('SUBJECT_TOO_LONG', { max: SUBJECT_LIMIT }),
  })
  .superRefine((subject, ctx) => {
    for (const path of controlCharacterPaths(subject))
      ctx.addIssue({ code: 'custom', path, message: CONTROL_CHARACTER_MESSAGE, ...keyed('CONTROL_CHARACTER') });
  });

export const ALERT_SUBJECTS: Record<AlertCategory, z.ZodType> = {
  SHIPMENT: shipmentSubject,
  PASSENGER: passengerSubject,
  CONVEYANCE: conveyanceSubject,
  INTELLIGENCE: freeSubject,
  TEST: freeSubject,
};

/** The kinds of subject a typed subject input names, one field each, and the categories each suits. */
export const SUBJECT_KINDS = {
  shipment: ['SHIPMENT'],
  passenger: ['PASSENGER'],
  conveyance: ['CONVEYANCE'],
  free: ['INTELLIGENCE', 'TEST'],
} as const satisfies Record<string, readonly AlertCategory[]>;
export type SubjectKind = keyof typeof SUBJECT_KINDS;
const SUBJECT_KIND_NAMES = Object.keys(SUBJECT_KINDS) as SubjectKind[];

export const ONE_SUBJECT_MESSAGE = 'Give one kind of subject, not several';
export const SUBJECT_TWICE_MESSAGE = 'Give the subject once: typedSubject, or the deprecated subject';
export const subjectKindMessage = (category: AlertCategory) => `Not the subject of a ${category} alert`;

/** A typed subject: at most one kind given (GraphQL's @oneOf says so too; the web and other callers parse here). */
const typedSubjectInput = z
  .object(
    Object.fromEntries(SUBJECT_KIND_NAMES.map((kind) => [kind, z.unknown().optional()])) as Record<
      SubjectKind,
      z.ZodOptional<z.ZodUnknown>
    >,
  )
  .nullish();

type SubjectIssueCtx = z.RefinementCtx;

/**
 * The subject an alert of `category` keeps, from the deprecated JSON `subject` or the typed one: the
 * category's rules (ALERT_SUBJECTS) are the one validation either way, reported against the field given.
 */
function parseSubject(
  category: AlertCategory,
  json: unknown,
  typed: z.infer<typeof typedSubjectInput>,
  ctx: SubjectIssueCtx,
): { ok: true; subject: Record<string, unknown> | null } | { ok: false } {
  const given = typed ? SUBJECT_KIND_NAMES.filter((kind) => typed[kind] !== undefined && typed[kind] !== null) : [];
  if (typed && json !== undefined && json !== null) {
    ctx.addIssue({ code: 'custom', path: ['typedSubject'], message: SUBJECT_TWICE_MESSAGE, ...keyed('SUBJECT_TWICE') });
    return { ok: false };
  }
  if (given.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['typedSubject'], message: ONE_SUBJECT_MESSAGE, ...keyed('SEVERAL_SUBJECT_KINDS') });
    return { ok: false };
  }
  const kind = given[0];
  if (kind && !(SUBJECT_KINDS[kind] as readonly AlertCategory[]).includes(category)) {
    ctx.addIssue({
      code: 'custom',
      path: ['typedSubject', kind],
      message: subjectKindMessage(category),
      ...keyed('SUBJECT_NOT_OF_CATEGORY', { category }),
    });
    return { ok: false };
  }
  const [prefix, value] = kind && typed ? [['typedSubject', kind], typed[kind]] : [['subject'], json];
  const parsed = ALERT_SUBJECTS[category].safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, ...issue.path],
        message: issue.message,
        params: { problem: problemOf(issue as IssueLike) },
      });
    return { ok: false };
  }
  return { ok: true, subject: parsed.data as Record<string, unknown> | null };
}

/**
 * Whether an alert so marked may go to that distribution. TLP:RED is for named recipients only: to
 * every participant it would be shared beyond them. Every way an alert gets its distribution (raised,
 * or later corrected) asks this.
 */
export const markingAllows = (marking: Marking, distribution: DistributionKind): boolean =>
  marking !== 'RED' || distribution === 'RESTRICTED';

const ids = z
  .array(globalId)
  .max(100)
  .nullish()
  .transform((list) => list ?? []);

/** What an alert says, as raised and as amended: the same rules for both. */
const alertContent = {
  severity: z.enum(ALERT_SEVERITIES),
  title: requiredText(300),
  description: optionalText(20_000, { multiline: true }),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: 'Use a language tag, e.g. en or fr' })
    .nullish()
    .transform((value) => value ?? null),
  commodityIds: ids,
  subject: z.unknown().optional(),
};

export const raiseAlertInput = z
  .object({
    operationId: globalId,
    idempotencyKey: requiredText(200),
    category: z.enum(ALERT_CATEGORIES),
    ...alertContent,
    typedSubject: typedSubjectInput,
    marking: z.enum(MARKINGS),
    distribution: z.enum(DISTRIBUTION_KINDS),
    recipientAgencyIds: ids,
  })
  .transform((input, ctx) => {
    if (input.distribution === 'RESTRICTED' && input.recipientAgencyIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['recipientAgencyIds'], message: 'Name at least one agency', ...keyed('RECIPIENTS_REQUIRED') });
    }
    if (input.distribution === 'ALL_PARTICIPANTS' && input.recipientAgencyIds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipientAgencyIds'],
        message: 'Only a RESTRICTED alert names its recipients',
        ...keyed('RECIPIENTS_ONLY_WHEN_RESTRICTED'),
      });
    }
    if (!markingAllows(input.marking, input.distribution)) {
      ctx.addIssue({
        code: 'custom',
        path: ['distribution'],
        message: 'A TLP:RED alert goes to named agencies only: make it RESTRICTED',
        ...keyed('RED_NEEDS_NAMED_RECIPIENTS'),
      });
    }
    const { typedSubject, ...rest } = input;
    const subject = parseSubject(input.category, input.subject, typedSubject, ctx);
    if (!subject.ok) return z.NEVER;
    return { ...rest, subject: subject.subject };
  });
export type RaiseAlertInput = z.infer<typeof raiseAlertInput>;

/**
 * The words a contact point looks for among an operation's alerts: bounded like a title, so a
 * search costs what a title does; and the originators' country, an ISO code like any other.
 */
export const alertFilterInput = z.object({ filter: z.object({ text: optionalText(200), raisedInCountry: countryCode.nullish() }) });

export const acknowledgeAlertInput = z.object({ alertId: globalId });
/** PENDING is where an alert stands before any word: feedback says what came of it. */
export const FEEDBACK_OUTCOME_MESSAGE = 'Say what came of the alert: SEIZED, NOTHING_FOUND or NOT_CONTROLLED';

/**
 * A key the client chose for one answer it means to give once: a retry with the same key (from the
 * same user, on the same alert) is given the first answer's result and records nothing new. Left
 * out, every call is a new answer, as before keys existed.
 */
const answerIdempotencyKey = optionalText(200);

export const giveAlertFeedbackInput = z.object({
  alertId: globalId,
  outcome: z
    .enum(ALERT_OUTCOMES)
    .refine((outcome) => outcome !== 'PENDING', { error: FEEDBACK_OUTCOME_MESSAGE, ...keyed('FEEDBACK_OUTCOME_REQUIRED') }),
  note: optionalText(4000, { multiline: true }),
  idempotencyKey: answerIdempotencyKey,
});
export const commentOnAlertInput = z.object({
  alertId: globalId,
  body: requiredText(4000, { multiline: true }),
  idempotencyKey: answerIdempotencyKey,
});

/**
 * A correction of what an alert says. Each field left out keeps its value; description and
 * language may be cleared with null. Category, marking and distribution are not here: an alert
 * already delivered cannot be taken back from anyone, so a wider audience is a new alert and a
 * narrower one would pretend the others never read it. The subject (JSON or typed, as when raising)
 * is checked against the alert's category by the service with `amendedSubject`, and an amendment
 * that changes nothing is refused there.
 */
export const amendAlertInput = z.object({
  alertId: globalId,
  expectedVersion: z.number().int().min(1),
  severity: alertContent.severity.nullish().transform((value) => value ?? undefined),
  title: alertContent.title.nullish().transform((value) => value ?? undefined),
  description: alertContent.description.optional(),
  language: alertContent.language.optional(),
  commodityIds: z
    .array(globalId)
    .max(100)
    .nullish()
    .transform((list) => list ?? undefined),
  subject: z.unknown().optional(),
  typedSubject: typedSubjectInput,
});
export type AmendAlertInput = z.infer<typeof amendAlertInput>;

export const withdrawAlertInput = z.object({ alertId: globalId, reason: requiredText(2000, { multiline: true }) });

/** A problem of an amended subject, with its key as parseInput would give it. */
export type SubjectIssue = FieldProblem & { path: PropertyKey[]; message: string };

/**
 * The subject an amendment gives an alert of `category`, checked by the rules raising uses and
 * named the same way (`subject.…` or `typedSubject.<kind>.…`); `undefined` when it gives none.
 */
export function amendedSubject(
  category: AlertCategory,
  json: unknown,
  typed: z.infer<typeof typedSubjectInput>,
): { subject: Record<string, unknown> | null | undefined } | { issues: SubjectIssue[] } {
  if (json === undefined && typed === undefined) return { subject: undefined };
  const issues: SubjectIssue[] = [];
  const collect = {
    addIssue: (issue: { path?: PropertyKey[]; message?: string; params?: Record<string, unknown> }) =>
      issues.push({
        path: issue.path ?? [],
        message: issue.message ?? '',
        ...problemOf({ code: 'custom', message: issue.message ?? '', params: issue.params }),
      }),
  };
  const parsed = parseSubject(category, json, typed, collect as unknown as SubjectIssueCtx);
  return parsed.ok ? { subject: parsed.subject } : { issues };
}
