import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { openPglite, type Database } from '@jointops/server/db/client';
import { seededDemo } from './bench-client';
import { print, scratchPostgres } from './scratch-database';

// Alert → live event latency: SUBSCRIBERS contact points of the demo operation's participating
// agencies follow it over graphql-ws, each asking what an operations-room screen asks of a new
// alert, while Malaysian customs raise ROUNDS alerts, one at a time; for each alert, the time from
// sending raiseAlert to each subscriber receiving its event. Also the process's CPU time per
// delivery (server and clients share this process, so it is an upper bound for the server's). On
// PostgreSQL when DATABASE_URL is set (a scratch database is created next to it and dropped), else
// on in-memory PGlite.

const PARTICIPANTS = ['bn', 'kh', 'id', 'la', 'mm', 'ph', 'th', 'vn', 'bd', 'in', 'mv', 'pk', 'lk'].map(
  (country) => `ncp@customs.${country}.demo`,
);
const STREAM = `subscription($id: ID!) {
  operationEvents(operationId: $id) {
    cursor type occurredAt actor { displayName agency { name } }
    ... on AlertRaisedEvent { alert { id reference category severity title marking distribution raisedAt raisedByAgency { name countryCode } recipients { agency { id } dueAt overdue } } }
  }
}`;

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

async function scratchDatabase(): Promise<{ database: Database; label: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { database: openPglite(), label: 'PGlite (in memory)', drop: async () => undefined };
  const scratch = await scratchPostgres(base, 20);
  return { database: scratch.database, label: 'PostgreSQL', drop: scratch.drop };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const { database, label, drop } = await scratchDatabase();
  // Every subscriber connects from 127.0.0.1 at once: the per-address allowance before sign-in must hold them all.
  const demo = await seededDemo(database, {
    WS_MAX_CONNECTIONS_PER_USER: String(SUBSCRIBERS + 1),
    WS_MAX_PENDING_PER_ADDRESS: String(SUBSCRIBERS + 1),
  });
  const server = await demo.start();
  const { port } = server;
  const { gql, signIn, demoOperationId } = server.client;

  const planner = await signIn('planner@wco.demo');
  const operationId = await demoOperationId(planner);
  const raiser = await signIn('ncp@customs.my.demo');
  const tokens = await Promise.all(PARTICIPANTS.map(signIn));

  const arrivals: number[][] = Array.from({ length: ROUNDS }, () => []);
  const clients = Array.from({ length: SUBSCRIBERS }, (_, index) =>
    createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { token: tokens[index % tokens.length] },
    }),
  );
  let round = -1;
  const subscribed = clients.map(
    (client) =>
      new Promise<void>((ready) => {
        client.on('connected', () => setTimeout(ready, 50));
        client.subscribe(
          { query: STREAM, variables: { id: operationId } },
          {
            next: () => round >= 0 && arrivals[round]!.push(performance.now()),
            error: (error) => console.error(error),
            complete: () => undefined,
          },
        );
      }),
  );
  await Promise.all(subscribed);

  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (round = 0; round < ROUNDS; round += 1) {
    const sent = performance.now();
    const raised = await gql(
      'mutation($i: RaiseAlertInput!) { raiseAlert(input: $i) { __typename } }',
      {
        i: {
          operationId,
          idempotencyKey: `bench-${round}-${randomBytes(4).toString('hex')}`,
          category: 'INTELLIGENCE',
          severity: 'HIGH',
          title: `Bench alert ${round}: consignee linked to an earlier diversion`,
          marking: 'AMBER',
          distribution: 'ALL_PARTICIPANTS',
        },
      },
      raiser,
    );
    if (raised.data?.raiseAlert?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(raised)}`);
    while (arrivals[round]!.length < SUBSCRIBERS) await new Promise((resolve) => setTimeout(resolve, 1));
    latencies.push(...arrivals[round]!.map((at) => at - sent));
  }
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const format = (ms: number) => `${ms.toFixed(1)} ms`;
  print(
    `live latency on ${label}: ${SUBSCRIBERS} subscribers (${tokens.length} agencies) × ${ROUNDS} alerts = ${latencies.length} deliveries; ` +
      `raiseAlert sent → event received p50 ${format(percentile(latencies, 50))}, p90 ${format(percentile(latencies, 90))}, ` +
      `p99 ${format(percentile(latencies, 99))}, max ${format(latencies[latencies.length - 1]!)}; ` +
      `process CPU ${((cpu.user + cpu.system) / latencies.length).toFixed(0)} µs per delivery`,
  );
  await Promise.all(clients.map((client) => client.dispose()));
  await server.stop();
  await database.close();
  await drop();
}

await main();
