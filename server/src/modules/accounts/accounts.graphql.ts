import { builder } from '../../graphql/builder';
import { ValidationError, InvalidCredentialsError, TooManyAttemptsError, NotFoundError } from '../../domain-errors';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { clearSessionCookie, sessionCookie } from '../../http/cookies';
import { createUser, deactivateUser, findVisibleUser, login, logout, type SignedIn } from './accounts.service';

export const UserType = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (user) => user.id },
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    locale: t.exposeString('locale'),
    timeZone: t.exposeString('timeZone'),
    isAdmin: t.exposeBoolean('isAdmin'),
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
  }),
});

const DeactivateUserInput = builder.inputType('DeactivateUserInput', {
  fields: (t) => ({ userId: t.id({ required: true }) }),
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
    description: "Deactivates the account and ends its sessions and live streams.",
    args: { input: t.arg({ type: DeactivateUserInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => deactivateUser(ctx, input),
  }),
}));
