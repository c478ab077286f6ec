import { builder } from '../../graphql/builder';
import { AuditOutcomeEnum } from '../../graphql/enums';
import { connectionPage, numericCursor, pageSize } from '../../graphql/pagination';
import { UserType } from '../accounts/accounts.graphql';
import { findUserById } from '../accounts/users.repo';
import { AgencyType } from '../agencies/agencies.graphql';
import { findAgencyById } from '../agencies/agencies.repo';
import { OperationType } from '../operations/operations.graphql';
import { canReadAuditTrail } from '../operations/operations.policy';
import { standingIn } from '../operations/operation-access';
import { readAccountAudit, readOperationAudit, type AuditEntryRow } from './audit.repo';

const auditCursor = numericCursor('audit');

const AuditEntryType = builder.objectRef<AuditEntryRow>('AuditEntry').implement({
  description: 'One mutation attempt: who, what, on what, with which outcome, from where.',
  fields: (t) => ({
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    actor: t.field({
      type: UserType,
      nullable: true,
      resolve: (entry, _args, ctx) => (entry.actorUserId ? findUserById(ctx.db, entry.actorUserId) : null),
    }),
    actorAgency: t.field({
      type: AgencyType,
      nullable: true,
      resolve: (entry, _args, ctx) => (entry.actorAgencyId ? findAgencyById(ctx.db, entry.actorAgencyId) : null),
    }),
    action: t.exposeString('action'),
    targetType: t.exposeString('targetType', { nullable: true }),
    targetId: t.exposeString('targetId', { nullable: true }),
    outcome: t.expose('outcome', { type: AuditOutcomeEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    requestId: t.exposeString('requestId', {
      nullable: true,
      description: "The server's own id of the request; never taken from the client.",
    }),
    clientRequestId: t.exposeString('clientRequestId', {
      nullable: true,
      description:
        "The id the client gave its request (X-Request-Id), when it was 1 to 128 letters, digits and ._:- ; kept beside the server's.",
    }),
    sourceAddress: t.exposeString('sourceAddress', { nullable: true }),
    details: t.expose('details', {
      type: 'JSON',
      nullable: true,
      description: 'What the attempt carried that matters later, e.g. an override justification.',
    }),
  }),
});

type Page = { first?: number | null; after?: string | null };

/** One page of entries, newest first, from a reader that takes "before this id" and a limit. */
async function auditPage(args: Page, read: (before: number | null, limit: number) => Promise<AuditEntryRow[]>) {
  const before = args.after ? auditCursor.decode(args.after) : null;
  const first = pageSize(args.first);
  return connectionPage(await read(before, first + 1), first, (entry) => auditCursor.encode(entry.id), args.after);
}

const AuditEntryConnection = builder.connectionObject({ type: AuditEntryType, name: 'AuditEntryConnection' }, { name: 'AuditEntryEdge' });

const emptyPage = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };

builder.objectField(OperationType, 'auditTrail', (t) =>
  t.connection(
    {
      type: AuditEntryType,
      description: 'Every attempt to change the operation, newest first; for coordinators and reviewers.',
      resolve: async (operation, args, ctx) => {
        const found = await standingIn(ctx, operation.id);
        // Members without the right see an empty trail rather than an error on the whole operation.
        if (!found || !canReadAuditTrail(found.standing)) return emptyPage;
        return auditPage(args, (before, limit) => readOperationAudit(ctx.db, found.viewer, operation.id, before, limit));
      },
    },
    AuditEntryConnection,
  ),
);

builder.queryFields((t) => ({
  accountAuditTrail: t.connection(
    {
      type: AuditEntryType,
      authScopes: { admin: true },
      description:
        'Account-level audit entries (sign-ins, accounts, agencies), newest first; administrators only. Operation entries are not in it.',
      resolve: (_root, args, ctx) => auditPage(args, (before, limit) => readAccountAudit(ctx.db, before, limit)),
    },
    AuditEntryConnection,
  ),
}));
