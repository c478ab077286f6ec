import type { AlertCategory, AlertSeverity, Phase, QuantityUnit } from './domain';
import {
  CONTROL_CHARACTER_MESSAGE,
  EARLIEST_MESSAGE,
  LATEST_MESSAGE,
  MIN_QUANTITY,
  MIN_QUANTITY_MESSAGE,
  ONE_LINE_MESSAGE,
} from './validation';

// What a field error is about, as a key and its parameters, so a client words it in its reader's
// language without matching English sentences. One mapping, from a zod issue, for server and web;
// the rules of their own (refinements, the services' checks) name their key where they refuse.

export const PROBLEM_KEYS = [
  // Any field.
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_FEW',
  'TOO_MANY',
  'TOO_SMALL',
  'TOO_LARGE',
  'BELOW_LEAST_QUANTITY',
  'CONTROL_CHARACTER',
  'ONE_LINE',
  'NOT_A_COUNTRY',
  'NOT_UNICODE',
  'INVALID',
  'INVALID_ID',
  'GIVEN_TWICE',
  'NOT_A_NUMBER',
  'NOT_AFTER_START',
  'IN_THE_FUTURE',
  'DATE_TOO_EARLY',
  'DATE_TOO_LATE',
  'NO_SUCH_DAY',
  'UNKNOWN_TIME_ZONE',
  // Accounts and agencies.
  'COUNTRY_REQUIRED_FOR_NATIONAL_AGENCY',
  'AGENCY_NAME_TAKEN',
  'NO_SUCH_AGENCY',
  'AGENCY_DEACTIVATED',
  'EMAIL_TAKEN',
  'CANNOT_DEACTIVATE_OWN_ACCOUNT',
  'CANNOT_REMOVE_OWN_ADMIN_RIGHTS',
  'MEMBER_CANNOT_CHANGE_AGENCY',
  'CANNOT_DEACTIVATE_OWN_AGENCY',
  'NOT_CURRENT_PASSWORD',
  'PASSWORD_NOT_OWN',
  // Operations, their phases, agencies and members.
  'NOT_IN_CATALOGUE',
  'OPERATION_CODE_TAKEN',
  'OPERATION_COMMODITY_CODE_TAKEN',
  'DEADLINES_OUT_OF_ORDER',
  'NOT_A_PLANNED_PHASE',
  'STARTS_BEFORE_PREVIOUS_ENDS',
  'PHASE_NOT_NEXT',
  'CANCELLATION_NEEDS_REASON',
  'ALREADY_INVITED',
  'ALREADY_TAKING_PART',
  'AGENCY_NOT_TAKING_PART',
  'COORDINATING_AGENCY_CANNOT_WITHDRAW',
  'NO_SUCH_ACTIVE_USER',
  'AGENCY_NOT_ACCEPTED',
  'LAST_COORDINATOR',
  'NO_SUCH_MEMBER',
  // Alerts.
  'TRANSPORT_DOCUMENT_REQUIRED',
  'CONVEYANCE_REQUIRED',
  'SUBJECT_TOO_LONG',
  'SUBJECT_TWICE',
  'SEVERAL_SUBJECT_KINDS',
  'SUBJECT_NOT_OF_CATEGORY',
  'RECIPIENTS_REQUIRED',
  'RECIPIENTS_ONLY_WHEN_RESTRICTED',
  'RED_NEEDS_NAMED_RECIPIENTS',
  'OWN_AGENCY_NOT_RECIPIENT',
  'RECIPIENT_NOT_PARTICIPANT',
  'FEEDBACK_OUTCOME_REQUIRED',
  'TEST_ALERT_KEEPS_SEVERITY',
  'NOTHING_CHANGED',
  // Seizures.
  'COMMODITY_REQUIRED',
  'PIECES_IN_WHOLE_NUMBERS',
  'COORDINATES_IN_PAIRS',
  'INTERPOL_NOTIFICATION_REQUIRED',
  'ARRESTS_NOT_SUM_OF_NATIONALITIES',
  'NOT_AN_INTERPOL_NCB',
  'NO_SUCH_ALERT',
  'ALERT_WITHDRAWN',
  'UNIT_NOT_OF_COMMODITY_DIMENSION',
  'TOO_EARLY_FOR_OPERATION',
  // The register of checks.
  'UNIT_REQUIRED',
  'UNIT_WITHOUT_QUANTITY',
  'QUANTITY_WITHOUT_SHIPMENTS',
  'MORE_HITS_THAN_CHECKS',
  'AGENCY_WITHOUT_COUNTRY',
  'DAY_NOT_YET_COME',
  'BEFORE_OPERATIONAL_PHASE',
  // Results and attachments.
  'UNKNOWN_TABLE',
  'FILE_NAME_WITH_FOLDER',
  'ALERT_OR_SEIZURE',
  /** Raised by no rule of this server (each names its key): kept for clients that branch on it. */
  'OTHER',
] as const;
export type ProblemKey = (typeof PROBLEM_KEYS)[number];
/** The key every refusal of a rule of its own carries: never OTHER. */
export type RuleKey = Exclude<ProblemKey, 'OTHER'>;

/** What a problem names besides its key, each only for the keys said (FieldError's fields of the same names). */
export interface ProblemParams {
  /**
   * The lower bound broken: TOO_SHORT/TOO_FEW/TOO_SMALL, BELOW_LEAST_QUANTITY; DATE_TOO_EARLY (the first year allowed).
   */
  min?: number;
  /**
   * The upper bound broken: TOO_LONG/TOO_MANY/TOO_LARGE, SUBJECT_TOO_LONG (characters of JSON);
   * DATE_TOO_LATE (the first year refused); TOO_EARLY_FOR_OPERATION (days before the operation);
   * DEADLINES_OUT_OF_ORDER (the minutes of the next lower severity).
   */
  max?: number;
  /** The value the rule expects: ARRESTS_NOT_SUM_OF_NATIONALITIES (the sum). */
  expected?: number;
  /** PHASE_NOT_NEXT: the operation's phase now; STARTS_BEFORE_PREVIOUS_ENDS: the phase before. */
  phase?: Phase;
  /** NOT_IN_CATALOGUE: the catalogue version of the operation. */
  catalogueVersion?: string;
  /** UNIT_NOT_OF_COMMODITY_DIMENSION: the commodity's own unit, whose dimension the quantity must have. */
  unit?: QuantityUnit;
  /** SUBJECT_NOT_OF_CATEGORY: the alert's category. */
  category?: AlertCategory;
  /** DEADLINES_OUT_OF_ORDER: the severity given longer than the next lower one. */
  severity?: AlertSeverity;
  /** INVALID_ID: the type of node the id must name. */
  typename?: string;
}

export interface FieldProblem extends ProblemParams {
  key: ProblemKey;
}

/** A rule's problem, keyed: what a service or a refinement refuses with. */
export interface RuleProblem extends ProblemParams {
  key: RuleKey;
}

/** The refinements' own sentences that name a problem every field can have. */
const BY_MESSAGE: Record<string, FieldProblem> = {
  [CONTROL_CHARACTER_MESSAGE]: { key: 'CONTROL_CHARACTER' },
  [ONE_LINE_MESSAGE]: { key: 'ONE_LINE' },
  'Use a two-letter ISO 3166-1 country code': { key: 'NOT_A_COUNTRY' },
  'No country has this ISO 3166-1 code': { key: 'NOT_A_COUNTRY' },
  Required: { key: 'REQUIRED' },
  // Dates and days are bounded by instants; the reader is told the year, not a count of milliseconds.
  [EARLIEST_MESSAGE]: { key: 'DATE_TOO_EARLY', min: 2000 },
  [LATEST_MESSAGE]: { key: 'DATE_TOO_LATE', max: 2100 },
  // A millionth of a unit: "at least 0" once a reader's number format rounds it.
  [MIN_QUANTITY_MESSAGE]: { key: 'BELOW_LEAST_QUANTITY', min: MIN_QUANTITY },
};

/** The shape of a zod issue this reads (zod 4: code, origin, minimum, maximum; params of a re-pathed one). */
export interface IssueLike {
  code?: string;
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  params?: Record<string, unknown>;
}

const isProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' && value !== null && (PROBLEM_KEYS as readonly unknown[]).includes((value as FieldProblem).key);

/** The key and bounds of a zod issue. */
export function problemOf(issue: IssueLike): FieldProblem {
  // An issue moved to another path (an alert's subject) carries the problem of the one it repeats.
  if (isProblem(issue.params?.problem)) return issue.params.problem;
  const byMessage = BY_MESSAGE[issue.message];
  if (byMessage) return byMessage;
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  const isText = issue.origin === 'string';
  const isList = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_small':
      if (isText) return min <= 1 ? { key: 'REQUIRED' } : { key: 'TOO_SHORT', min };
      return isList ? { key: 'TOO_FEW', min } : { key: 'TOO_SMALL', min };
    case 'too_big':
      if (isText) return { key: 'TOO_LONG', max };
      return isList ? { key: 'TOO_MANY', max } : { key: 'TOO_LARGE', max };
    case 'invalid_type':
      return { key: 'REQUIRED' };
    case 'custom':
      // A refinement without its key: refusal-keys.test.ts fails on any in shared/ or server/.
      return { key: 'OTHER' };
    default:
      return { key: 'INVALID' };
  }
}
