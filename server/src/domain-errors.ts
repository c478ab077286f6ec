import type { Phase } from '@jointops/shared/domain';
import { ERROR_CODES, type ErrorCode } from '@jointops/shared/errors';
import type { StoredCriterionKey } from '@jointops/shared/operations';
import type { FieldProblem, ProblemParams, RuleKey } from '@jointops/shared/problems';

// Expected failures of the domain. Services throw them; the GraphQL layer exposes each as a
// member of the mutation's result union (graphql/errors.ts). Anything else is a bug and masked.

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

/** A problem of one field: its key and parameters, and the English sentence for API users. */
export interface FieldError extends FieldProblem {
  path: string[];
  message: string;
}

export class ValidationError extends DomainError {
  readonly code = ERROR_CODES.VALIDATION;
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Invalid input: ${fieldErrors.map((e) => `${e.path.join('.') || 'input'}: ${e.message}`).join('; ')}`);
  }

  /** A rule's refusal of one field: always with its own key (never OTHER), so a client words it. */
  static field(path: string, key: RuleKey, message: string, params: ProblemParams = {}): ValidationError {
    return new ValidationError([{ path: path.split('.'), message, ...params, key }]);
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = ERROR_CODES.INVALID_CREDENTIALS;
  constructor() {
    // One message whatever was wrong, so the answer never tells whether an account exists.
    super('The e-mail address or password is incorrect.');
  }
}

export class TooManyAttemptsError extends DomainError {
  readonly code = ERROR_CODES.TOO_MANY_ATTEMPTS;
  constructor(readonly retryAfterSeconds: number) {
    // Delays start at seconds and double: "1 minute" for 30 seconds would tell the person to wait twice too long.
    super(
      retryAfterSeconds < 120
        ? `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} second(s).`
        : `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    );
  }
}

export class NotFoundError extends DomainError {
  readonly code = ERROR_CODES.NOT_FOUND;
  // Also what a caller gets for something that exists but is not theirs to see: the two answers
  // must be indistinguishable, so the message never names the kind of refusal.
  constructor(what: string) {
    super(`${what} not found.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = ERROR_CODES.CONFLICT;
}

/** Visible but not the caller's to do; surfaces as a top-level FORBIDDEN error. */
export class ForbiddenError extends DomainError {
  readonly code = ERROR_CODES.FORBIDDEN;
  constructor(action: string, message = `Your role in this operation does not allow you to ${action}.`) {
    super(message);
  }
}

export interface UnmetCriterion {
  key: StoredCriterionKey;
  description: string;
}

export class PhaseGateError extends DomainError {
  readonly code = ERROR_CODES.PHASE_GATE;
  constructor(
    readonly to: Phase,
    readonly unmetCriteria: UnmetCriterion[],
  ) {
    super(`The operation cannot move to ${to} yet: ${unmetCriteria.map((criterion) => criterion.description).join('; ')}.`);
  }
}

/** What the operation's current phase does not allow (e.g. any change once CLOSED). */
export class PhaseRuleError extends DomainError {
  readonly code = ERROR_CODES.PHASE_RULE;
  constructor(
    readonly phase: Phase,
    what: string,
  ) {
    super(`${what} is not possible while the operation is ${phase}.`);
  }
}

export interface RowError {
  /** 1 for the first row under the header; 0 for the header itself. */
  row: number;
  column: string | null;
  message: string;
}

/** An imported file with at least one bad row: nothing of it was imported, and every problem is listed. */
export class ImportRejectedError extends DomainError {
  readonly code = ERROR_CODES.IMPORT_REJECTED;
  constructor(readonly rowErrors: RowError[]) {
    const rows = new Set(rowErrors.map((error) => error.row)).size;
    super(`Nothing was imported: ${rowErrors.length} problem(s) in ${rows} row(s). Correct them and import the whole file again.`);
  }
}

/** A file over the import limits, refused before it is read. */
export class ImportTooLargeError extends DomainError {
  readonly code = ERROR_CODES.IMPORT_TOO_LARGE;
  constructor(
    readonly maxBytes: number,
    readonly maxRows: number,
    what: string,
  ) {
    super(
      `${what}; one import takes at most ${maxBytes} bytes (${(maxBytes / 1_048_576).toFixed(1)} MiB) and ${maxRows} rows. Split the file.`,
    );
  }
}
