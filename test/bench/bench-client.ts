import { buildApp } from '@jointops/server/app';
import { systemClock } from '@jointops/server/clock';
import type { Database } from '@jointops/server/db/client';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import { seedDemo } from '@jointops/server/demo/seed';
import { parseConfig } from '@jointops/server/env';
import { createLogger } from '@jointops/server/logger';
import { escalateOverdue } from '@jointops/server/modules/alerts/escalation.job';
import { syncCatalogue } from '@jointops/server/modules/catalogue/catalogue.repo';
import { openPubSub } from '@jointops/server/pubsub';
import type { Shaped } from '../testkit/graphql';

// How a bench talks to the server it started: GraphQL over HTTP with a bearer token, as an outside
// client would, signed in as a demo account.

export interface BenchClient {
  gql(query: string, variables: Record<string, unknown>, token?: string): Promise<{ data: Shaped; errors?: unknown }>;
  signIn(email: string): Promise<string>;
  /** The demo operation's global id, as the given account finds it. */
  demoOperationId(token: string): Promise<string>;
}

export function benchClient(port: number, demoPassword: string): BenchClient {
  const url = `http://127.0.0.1:${port}/graphql`;
  const gql: BenchClient['gql'] = async (query, variables, token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: Shaped; errors?: unknown };
  };
  return {
    gql,
    async signIn(email) {
      const login = await gql('mutation($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { token } } }', {
        i: { email, password: demoPassword },
      });
      return login.data.login.token as string;
    },
    async demoOperationId(token) {
      const listing = await gql('{ operations(first: 5) { edges { node { id code } } } }', {}, token);
      return listing.data.operations.edges.find((edge: Shaped) => edge.node.code === DEMO_OPERATION_CODE).node.id as string;
    },
  };
}

/**
 * The demo seeded into a scratch database (migrated, the catalogue loaded) with a bench's own
 * settings; the server starts when the bench asks, so that it can fill the database first.
 */
export async function seededDemo(database: Database, settings: Record<string, string> = {}) {
  await database.migrate();
  await syncCatalogue(database.db);
  const config = parseConfig({ LOG_LEVEL: 'silent', ...settings });
  const logger = createLogger('silent');
  const pubSubHandle = openPubSub(undefined);
  const deps = { db: database.db, clock: systemClock, config, logger, pubSub: pubSubHandle.pubSub };
  await seedDemo(deps, new Date());
  // The demo's deadlines passed hours ago (its alerts were raised two days back): escalated here,
  // as a server that had been running would have, and not by the bench's server in its first 15 s,
  // which delivered them to every subscriber connected by then, in the middle of what a bench measures.
  while ((await escalateOverdue(deps)) > 0);
  return {
    config,
    /** Starts the server on a free port of 127.0.0.1. */
    async start() {
      const app = buildApp({ db: database.db, clock: systemClock, config, logger, pubSub: pubSubHandle.pubSub, database, pubSubHandle });
      const port = await app.start(0, '127.0.0.1');
      return {
        port,
        client: benchClient(port, config.demoPassword),
        async stop() {
          await app.stop();
          await pubSubHandle.close();
        },
      };
    },
  };
}
