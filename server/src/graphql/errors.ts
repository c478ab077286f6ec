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
import { ErrorCodeEnum, ProblemKeyEnum } from './enums';

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
      description: 'What is wrong, for a client to word in its reader’s language; OTHER: a rule of its own, said by the message.',
      resolve: (error) => error.key ?? 'OTHER',
    }),
    min: t.float({
      nullable: true,
      description: 'The lower bound broken (TOO_SHORT, TOO_FEW, TOO_SMALL).',
      resolve: (error) => error.min ?? null,
    }),
    max: t.float({
      nullable: true,
      description: 'The upper bound broken (TOO_LONG, TOO_MANY, TOO_LARGE).',
      resolve: (error) => error.max ?? null,
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
