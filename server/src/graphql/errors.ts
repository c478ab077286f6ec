import {
  ConflictError,
  InvalidCredentialsError,
  NotFoundError,
  TooManyAttemptsError,
  ValidationError,
  type FieldError,
} from '../domain-errors';
import type { ErrorCode } from '@jointops/shared/errors';
import { builder } from './builder';
import { AlertCategoryEnum, AlertSeverityEnum, ErrorCodeEnum, PhaseEnum, ProblemKeyEnum, QuantityUnitEnum } from './enums';

// The domain's expected failures as GraphQL types, each implementing `Error`. Mutations list the
// ones they can return in `errors.types`; anything else thrown is a bug and is masked.

export const ErrorInterface = builder.interfaceRef<Error & { code: ErrorCode }>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'One of ErrorCode, as a String: it shares a response name with `Operation.code`.' }),
    // Typed beside `code`, not instead of it: a client selecting an operation's code and an error's
    // code in one answer (createOperation) would get two types under one name, which GraphQL refuses.
    errorCode: t.expose('code', { type: ErrorCodeEnum, description: 'The code, typed: what clients branch on.' }),
  }),
});

const FieldErrorType = builder.objectRef<FieldError>('FieldError').implement({
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message', { description: 'In English, for API users; clients word the problem from key, min and max.' }),
    key: t.field({
      type: ProblemKeyEnum,
      description: 'What is wrong, for a client to word in its reader’s language with the parameters below that the key names.',
      resolve: (error) => error.key,
    }),
    // The parameters: each null but for the keys it names (shared/src/problems.ts, ProblemParams).
    min: t.float({
      nullable: true,
      description: 'The lower bound broken (TOO_SHORT, TOO_FEW, TOO_SMALL, BELOW_LEAST_QUANTITY); DATE_TOO_EARLY: the first year allowed.',
      resolve: (error) => error.min ?? null,
    }),
    max: t.float({
      nullable: true,
      description:
        'The upper bound broken (TOO_LONG, TOO_MANY, TOO_LARGE, SUBJECT_TOO_LONG); DATE_TOO_LATE: the first year refused; TOO_EARLY_FOR_OPERATION: the days a seizure may date before the operation; DEADLINES_OUT_OF_ORDER: the minutes of the next lower severity.',
      resolve: (error) => error.max ?? null,
    }),
    expected: t.float({
      nullable: true,
      description: 'ARRESTS_NOT_SUM_OF_NATIONALITIES: the arrests by nationality added up.',
      resolve: (error) => error.expected ?? null,
    }),
    phase: t.field({
      type: PhaseEnum,
      nullable: true,
      description: 'PHASE_NOT_NEXT: the operation’s phase now; STARTS_BEFORE_PREVIOUS_ENDS: the phase before.',
      resolve: (error) => error.phase ?? null,
    }),
    catalogueVersion: t.string({
      nullable: true,
      description: 'NOT_IN_CATALOGUE: the catalogue version of the operation.',
      resolve: (error) => error.catalogueVersion ?? null,
    }),
    unit: t.field({
      type: QuantityUnitEnum,
      nullable: true,
      description: 'UNIT_NOT_OF_COMMODITY_DIMENSION: the commodity’s unit, whose dimension (mass, volume…) the quantity must have.',
      resolve: (error) => error.unit ?? null,
    }),
    category: t.field({
      type: AlertCategoryEnum,
      nullable: true,
      description: 'SUBJECT_NOT_OF_CATEGORY: the alert’s category.',
      resolve: (error) => error.category ?? null,
    }),
    severity: t.field({
      type: AlertSeverityEnum,
      nullable: true,
      description: 'DEADLINES_OUT_OF_ORDER: the severity given longer than the next lower one.',
      resolve: (error) => error.severity ?? null,
    }),
    typename: t.string({
      nullable: true,
      description: 'INVALID_ID: the type of node the id must name.',
      resolve: (error) => error.typename ?? null,
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorType], resolve: (error) => error.fieldErrors }) }),
});

builder.objectType(InvalidCredentialsError, { name: 'InvalidCredentialsError', interfaces: [ErrorInterface] });

builder.objectType(TooManyAttemptsError, {
  name: 'TooManyAttemptsError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});

builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface] });

builder.objectType(ConflictError, { name: 'ConflictError', interfaces: [ErrorInterface] });
