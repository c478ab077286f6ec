import { count } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies, users } from '../db/schema/accounts';
import { hashPassword } from '../modules/accounts/passwords';
import { DEMO_AGENCIES } from './directory';
import { DEMO_USERS } from './people';
import { seedDemoOperation } from './operation';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub';

export interface DemoSeedResult {
  agencies: number;
  users: number;
}

/**
 * Loads the demo directory in one transaction. Agencies and users already present (by name and
 * country, by e-mail) are left alone, so running it twice changes nothing.
 */
export async function seedDemoDirectory(db: Db, password: string): Promise<DemoSeedResult> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx
      .insert(agencies)
      .values(DEMO_AGENCIES.map(({ key: _key, ...agency }) => agency))
      .onConflictDoNothing();
    const stored = await tx.select({ id: agencies.id, name: agencies.name, countryCode: agencies.countryCode }).from(agencies);
    const idOf = (key: string) => {
      const demo = DEMO_AGENCIES.find((agency) => agency.key === key);
      const row = stored.find((agency) => agency.name === demo?.name && agency.countryCode === demo?.countryCode);
      if (!row) throw new Error(`demo agency ${key} is missing`);
      return row.id;
    };
    await tx
      .insert(users)
      .values(DEMO_USERS.map(({ agencyKey, ...user }) => ({ ...user, agencyId: idOf(agencyKey), passwordHash })))
      .onConflictDoNothing({ target: users.email });
    const [agencyCount] = await tx.select({ n: count() }).from(agencies);
    const [userCount] = await tx.select({ n: count() }).from(users);
    return { agencies: agencyCount?.n ?? 0, users: userCount?.n ?? 0 };
  });
}

/** True when nobody has set anything up yet: the only time a start-up seeds by itself. */
export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) === 0;
}

/** The whole demo: the directory, then the demo operation played through the services. */
export async function seedDemo(deps: { db: Db; config: Config; logger: Logger; pubSub: PubSub }, now: Date): Promise<DemoSeedResult> {
  const result = await seedDemoDirectory(deps.db, deps.config.demoPassword);
  await seedDemoOperation(deps, now);
  return result;
}
