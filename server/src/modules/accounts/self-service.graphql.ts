import { builder } from '../../graphql/builder';
import { TooManyAttemptsError, ValidationError } from '../../domain-errors';
import { signedIn } from '../../graphql/signed-in';
import { UserType } from './accounts.graphql';
import { changeMyPassword, updateMyPreferences } from './self-service.service';

const ChangeMyPasswordInput = builder.inputType('ChangeMyPasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({
      required: true,
      description: 'A wrong one is refused on this field, and repeated failures are throttled.',
    }),
    newPassword: t.string({ required: true, description: 'The same rules as every password: at least 12 characters.' }),
  }),
});

const UpdateMyPreferencesInput = builder.inputType('UpdateMyPreferencesInput', {
  description: 'Fields left out stay as they are.',
  fields: (t) => ({
    locale: t.string({ description: 'The language of server texts, commodity names and exports: en or fr.' }),
    timeZone: t.string({ description: 'An IANA time zone, e.g. Asia/Bangkok.' }),
  }),
});

builder.mutationFields((t) => ({
  changeMyPassword: t.field({
    type: UserType,
    authScopes: { signedIn: true },
    description:
      "Changes the caller's own password, given the current one. Every other session of the caller ends, with its live streams; this one goes on.",
    args: { input: t.arg({ type: ChangeMyPasswordInput, required: true }) },
    errors: { types: [ValidationError, TooManyAttemptsError] },
    resolve: (_root, { input }, ctx) => changeMyPassword(signedIn(ctx), input),
  }),
  updateMyPreferences: t.field({
    type: UserType,
    authScopes: { authenticated: true },
    description: "Changes the caller's own language and time zone, shown by `me`.",
    args: { input: t.arg({ type: UpdateMyPreferencesInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => updateMyPreferences(signedIn(ctx), input),
  }),
}));
