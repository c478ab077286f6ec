import { randomBytes } from 'node:crypto';
import { benchClient, seededDemo } from './bench-client';
import { pinLoadGenerator, startChild } from './child-process';
import { type Measured, measure, type Shape } from './fan-out-run';
import { benchSize, compared, emit, type Figure, postgresOrSkip } from './report';
import { scratchPostgres } from './scratch-database';

// Fan-out (issue 15, 1 and 2): N authenticated graphql-ws subscribers of the demo operation, spread
// over its 13 participating agencies, on one hub process on PostgreSQL pinned to core 0; alerts at
// 1/s, then a burst (every fourth alert of it restricted to half the agencies, to prove need-to-know).
// In the same run a raw `ws` server sends frames of the same size to as many sockets from the same
// client. `--profile DIR` writes the hub's CPU profile there (node --cpu-prof); `--heap-snapshot DIR`
// a heap snapshot of the hub idle with every subscriber connected.

// The idle window is one keep-alive interval (the hub's default WS_KEEP_ALIVE_MS, 12 s): in any such
// stretch of an idle day each silent socket is pinged once. A 5 s window caught the first round of
// pings of sockets opened within seconds of each other all at once (at 5,000, ~1,000 a second in the
// window against ~440 a second over the interval) and read up to twice the idle cost.
const IDLE_SECONDS = 12;
const SHAPES: Record<ReturnType<typeof benchSize>, Shape> = {
  tiny: { subscribers: 26, rounds: 2, burst: 8, idleSeconds: 1 },
  small: { subscribers: 1_000, rounds: 10, burst: 100, idleSeconds: IDLE_SECONDS },
  default: { subscribers: 5_000, rounds: 10, burst: 100, idleSeconds: IDLE_SECONDS },
};
const PARTICIPANTS = ['bn', 'kh', 'id', 'la', 'mm', 'ph', 'th', 'vn', 'bd', 'in', 'mv', 'pk', 'lk'].map(
  (country) => `ncp@customs.${country}.demo`,
);
const STREAM = `subscription($id: ID!) {
  operationEvents(operationId: $id) {
    cursor type occurredAt actor { displayName agency { name } }
    ... on AlertRaisedEvent { alert { id reference category severity title marking distribution raisedAt raisedByAgency { name countryCode } recipients { agency { id } dueAt overdue } } }
  }
}`;
const RAISE = 'mutation($i: RaiseAlertInput!) { raiseAlert(input: $i) { __typename ... on Error { message } } }';

async function hub(base: string, shape: Shape, profileDir: string | undefined, heapSnapshotDir: string | undefined): Promise<Measured> {
  const scratch = await scratchPostgres(base, 5);
  const settings = {
    WS_MAX_CONNECTIONS_PER_USER: String(Math.min(1_000, Math.ceil(shape.subscribers / PARTICIPANTS.length) + 1)),
    WS_MAX_PENDING_PER_ADDRESS: String(Math.min(10_000, shape.subscribers + 10)),
    MUTATION_RATE_PER_MINUTE: '1000000',
    MUTATION_BURST: '1000000',
  };
  const demo = await seededDemo(scratch.database, settings);
  await scratch.database.close();
  const child = await startChild(
    'serve.ts',
    { ...settings, BENCH_DATABASE_URL: scratch.url },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  try {
    const { gql, signIn, demoOperationId } = benchClient(child.port, demo.config.demoPassword);
    const tokens = await Promise.all(PARTICIPANTS.map(signIn));
    const raiser = await signIn('ncp@customs.my.demo');
    const operationId = await demoOperationId(tokens[0]!);
    const agencies = await Promise.all(
      tokens.map(async (token) => (await gql('{ me { agency { id } } }', {}, token)).data.me.agency.id as string),
    );
    // Restricted alerts go to the first half of the agencies: subscribers of the rest must not see them.
    const inner = agencies.slice(0, Math.ceil(agencies.length / 2));
    const raise = async (key: number, restricted: boolean) => {
      const answer = await gql(
        RAISE,
        {
          i: {
            operationId,
            idempotencyKey: `bench-${key}-${randomBytes(4).toString('hex')}`,
            category: 'INTELLIGENCE',
            severity: 'HIGH',
            title: `Bench alert #${key}: consignee linked to an earlier diversion`,
            marking: 'AMBER',
            distribution: restricted ? 'RESTRICTED' : 'ALL_PARTICIPANTS',
            ...(restricted ? { recipientAgencyIds: inner } : {}),
          },
        },
        raiser,
      );
      if (answer.data?.raiseAlert?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(answer)}`);
    };
    return await measure(
      {
        child,
        connect: {
          url: `ws://127.0.0.1:${child.port}/graphql`,
          graphql: { token: (index) => tokens[index % tokens.length]!, query: STREAM, variables: { id: operationId } },
        },
        raise,
        ...(heapSnapshotDir
          ? { whenIdle: async () => void (await child.control(`/heap-snapshot?dir=${encodeURIComponent(heapSnapshotDir)}`)) }
          : {}),
        burst: async (keys, restricted) => {
          for (const key of keys) await raise(key, restricted(key));
        },
        keyOf: (frame) => {
          const title = (frame.message.payload?.data as { operationEvents?: { alert?: { title?: string } } })?.operationEvents?.alert
            ?.title;
          const key = title && /#(\d+)/.exec(title)?.[1];
          return key ? Number(key) : undefined;
        },
        entitled: (index, restricted) => !restricted || index % tokens.length < inner.length,
      },
      shape,
    );
  } finally {
    await child.stop();
    await scratch.drop();
  }
}

async function raw(shape: Shape, frameBytes: number): Promise<Measured> {
  const child = await startChild('raw-ws-server.ts', {});
  try {
    return await measure(
      {
        child,
        connect: { url: `ws://127.0.0.1:${child.port}` },
        raise: async () => void (await child.control(`/broadcast?count=1&bytes=${frameBytes}`)),
        burst: async (keys) => void (await child.control(`/broadcast?count=${keys.length}&bytes=${frameBytes}`)),
        keyOf: (frame) => (frame.message.payload?.data as { seq?: number })?.seq,
        entitled: () => true,
      },
      shape,
    );
  } finally {
    await child.stop();
  }
}

function figures(bench: string, ours: Measured, raw: Measured): Figure[] {
  const vsRaw = compared(bench, 'raw ws', ours, raw);
  const atMost = (max: number): Figure['goal'] => ({ max, on: 'ratio' });
  return [
    vsRaw('subscribers connected', 's', (m) => m.connectSeconds),
    vsRaw('subscriptions settled (server idle)', 's', (m) => m.settleSeconds, atMost(2)),
    vsRaw('server CPU per subscription, until settled', 'ms', (m) => m.subscribeCpuMsPerSubscriber),
    vsRaw('idle memory per subscriber (RSS Δ ÷ N)', 'KiB', (m) => m.idleRssPerSubscriberKiB, atMost(2)),
    vsRaw('idle server CPU', 'ms/s', (m) => m.idleCpuMsPerSecond, atMost(2)),
    vsRaw('1/s: last receipt p50', 'ms', (m) => m.last.p50, atMost(2)),
    vsRaw('1/s: last receipt p99', 'ms', (m) => m.last.p99),
    vsRaw('1/s: last receipt max', 'ms', (m) => m.last.max),
    vsRaw('1/s: median receipt p50', 'ms', (m) => m.median.p50),
    vsRaw('1/s: median receipt p99', 'ms', (m) => m.median.p99),
    vsRaw('1/s: median receipt max', 'ms', (m) => m.median.max),
    vsRaw('1/s: server CPU per delivery', 'µs', (m) => m.steadyCpuPerDeliveryMicros, atMost(2)),
    vsRaw('burst: deliveries per second', '/s', (m) => m.burstDeliveriesPerSecond, { min: 0.5, on: 'ratio' }),
    vsRaw('burst: server CPU per delivery', 'µs', (m) => m.burstCpuPerDeliveryMicros, atMost(2)),
    vsRaw('missing deliveries', 'frames', (m) => m.missing, { max: 0, on: 'ours' }),
    vsRaw('unauthorized deliveries', 'frames', (m) => m.unauthorized, { max: 0, on: 'ours' }),
    vsRaw('duplicate deliveries', 'frames', (m) => m.duplicates, { max: 0, on: 'ours' }),
    vsRaw('error frames', 'frames', (m) => m.errors, { max: 0, on: 'ours' }),
    vsRaw('frame size', 'bytes', (m) => m.frameBytes),
    vsRaw('load generator CPU, 1/s', '% core', (m) => m.generatorCpuPercent.steady),
    vsRaw('load generator CPU, burst', '% core', (m) => m.generatorCpuPercent.burst),
  ];
}

async function main() {
  const base = postgresOrSkip('fan-out');
  if (!base) return;
  const shape = { ...SHAPES[benchSize()] };
  const count = process.argv.indexOf('--subscribers');
  if (count >= 0) shape.subscribers = Number(process.argv[count + 1]);
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  pinLoadGenerator();
  const ours = await hub(base, shape, option('--profile'), option('--heap-snapshot'));
  const baseline = await raw(shape, ours.frameBytes);
  emit(figures(`fan-out ${shape.subscribers.toLocaleString('en')}`, ours, baseline));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
