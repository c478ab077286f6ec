import { defineRelations } from 'drizzle-orm';
import * as accounts from './schema/accounts';
import * as audit from './schema/audit';
import * as catalogue from './schema/catalogue';

export const tables = { ...accounts, ...catalogue, ...audit };

export const relations = defineRelations(tables, (r) => ({
  agencies: { users: r.many.users() },
  users: {
    agency: r.one.agencies({ from: r.users.agencyId, to: r.agencies.id, optional: false }),
    sessions: r.many.sessions(),
  },
  sessions: { user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }) },
}));
