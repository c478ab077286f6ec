import { builder } from '../../graphql/builder';
import { LocaleEnum } from '../../graphql/enums';
import { ValidationError, InvalidCredentialsError, TooManyAttemptsError, NotFoundError } from '../../domain-errors';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { uuidFromGlobalId } from '../../global-id';
import { clearSessionCookie, sessionCookie } from '../../http/cookies';
import {
  createUser,
  deactivateUser,
  findVisibleUser,
  login,
  logout,
  reactivateUser,
  resetUserPassword,
  updateUser,
  type SignedIn,
} from './accounts.service';
import { userListFilter } from './users.repo';

export const UserType = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (user) => user.id },
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    locale: t.expose('locale', { type: LocaleEnum }),
    timeZone: t.exposeString('timeZone'),
    isAdmin: t.exposeBoolean('isAdmin'),
    mustChangePassword: t.boolean({
      nullable: true,
      description:
        'Whether the person must choose a new password before doing anything else (after an administrator set it). Known to the person and administrators; null for others.',
      select: { columns: { mustChangePassword: true } },
      resolve: (user, _args, ctx) => (ctx.viewer && (ctx.viewer.userId === user.id || ctx.viewer.isAdmin) ? user.mustChangePassword : null),
    }),
    active: t.boolean({ select: { columns: { deactivatedAt: true } }, resolve: (user) => user.deactivatedAt === null }),
    agency: t.relation('agency'),
  }),
});

registerNodeLoader('User', findVisibleUser);

const LoginSuccess = builder.objectRef<SignedIn>('LoginSuccess').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Bearer token for clients that do not keep cookies.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({ type: UserType, resolve: (signedIn) => signedIn.user }),
    mustChangePassword: t.boolean({
      description: 'This session answers only `me`, `changeMyPassword` and `logout` until the person chooses their own password.',
      resolve: (signedIn) => signedIn.user.mustChangePassword,
    }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    displayName: t.string({ required: true }),
    agencyId: t.id({ required: true }),
    password: t.string({ required: true }),
    locale: t.string(),
    timeZone: t.string(),
    isAdmin: t.boolean(),
    mustChangePassword: t.boolean({
      description: 'The person must choose their own password at first sign-in, and may do nothing else until then.',
    }),
  }),
});

const DeactivateUserInput = builder.inputType('DeactivateUserInput', {
  fields: (t) => ({ userId: t.id({ required: true }) }),
});

const ReactivateUserInput = builder.inputType('ReactivateUserInput', {
  fields: (t) => ({ userId: t.id({ required: true }) }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Fields left out stay as they are.',
  fields: (t) => ({
    userId: t.id({ required: true }),
    displayName: t.string(),
    email: t.string(),
    agencyId: t.id({
      description: 'Refused while the person is a member of an operation not yet closed or cancelled; ends their sessions.',
    }),
    isAdmin: t.boolean(),
    locale: t.string(),
    timeZone: t.string(),
  }),
});

const ResetUserPasswordInput = builder.inputType('ResetUserPasswordInput', {
  fields: (t) => ({ userId: t.id({ required: true }), newPassword: t.string({ required: true }) }),
});

builder.queryFields((t) => ({
  me: t.drizzleField({
    type: UserType,
    nullable: true,
    authScopes: { public: true },
    description: 'The signed-in user; null when not signed in.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.db.query.users.findFirst(query({ where: { id: ctx.viewer.userId } })).then((user) => user ?? null) : null,
  }),
  users: t.drizzleConnection(
    {
      type: 'users',
      authScopes: { admin: true },
      description:
        'Accounts, by display name; administrators only. `search` matches display name or e-mail address; deactivated accounts only with `includeInactive`.',
      args: { search: t.arg.string(), agencyId: t.arg.id(), includeInactive: t.arg.boolean({ defaultValue: false }) },
      resolve: async (query, _root, args, ctx) => {
        const agencyId = args.agencyId == null ? null : uuidFromGlobalId(String(args.agencyId), 'Agency');
        // What is not an agency id names no agency, and so nobody.
        if (args.agencyId != null && !agencyId) return [];
        const where = userListFilter({ search: args.search, agencyId, includeInactive: args.includeInactive ?? false });
        return ctx.db.query.users.findMany(query({ where, orderBy: { displayName: 'asc', id: 'asc' } }));
      },
    },
    { name: 'UserConnection' },
    { name: 'UserEdge' },
  ),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginSuccess,
    authScopes: { public: true },
    args: { input: t.arg({ type: LoginInput, required: true }) },
    errors: { types: [ValidationError, InvalidCredentialsError, TooManyAttemptsError] },
    resolve: async (_root, { input }, ctx) => {
      const signedIn = await login(ctx, input);
      ctx.cookies?.set(sessionCookie(signedIn.token, ctx.config));
      return signedIn;
    },
  }),
  logout: t.boolean({
    authScopes: { public: true },
    description: 'Ends the current session; false when there was none.',
    resolve: async (_root, _args, ctx) => {
      ctx.cookies?.set(clearSessionCookie(ctx.config));
      return logout(ctx);
    },
  }),
  createUser: t.field({
    type: UserType,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => createUser(ctx, input),
  }),
  deactivateUser: t.field({
    type: UserType,
    authScopes: { admin: true },
    description: 'Deactivates the account and ends its sessions and live streams.',
    args: { input: t.arg({ type: DeactivateUserInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => deactivateUser(ctx, input),
  }),
  reactivateUser: t.field({
    type: UserType,
    authScopes: { admin: true },
    description: 'Reactivates the account; the person signs in again (not while their agency is deactivated).',
    args: { input: t.arg({ type: ReactivateUserInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => reactivateUser(ctx, input),
  }),
  updateUser: t.field({
    type: UserType,
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => updateUser(ctx, input),
  }),
  resetUserPassword: t.field({
    type: UserType,
    authScopes: { admin: true },
    description:
      'Sets a new password and ends the sessions and live streams of the account; lifts its sign-in locks. The person must then choose their own (`mustChangePassword`).',
    args: { input: t.arg({ type: ResetUserPasswordInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => resetUserPassword(ctx, input),
  }),
}));
