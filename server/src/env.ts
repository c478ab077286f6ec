import { z } from 'zod';

// The only reader of process.env. Every setting is parsed here, with every problem reported at
// once, so an operator fixes a bad deployment in one go instead of one error per restart.

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

const seconds = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  /** Channel names start with this, so deployments sharing one Redis never hear each other. */
  REDIS_CHANNEL_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/)
    .default('jointops:'),
  ALLOWED_ORIGINS: z.string().optional(),
  TRUST_PROXY: flag.default(false),
  COOKIE_SECURE: flag.default(false),
  SESSION_IDLE_TIMEOUT_SECONDS: seconds.default(12 * 3600),
  SESSION_ABSOLUTE_TIMEOUT_SECONDS: seconds.default(7 * 24 * 3600),
  // Sign-in failures: free ones for an account from one address, and for one address across accounts;
  // then a delay that doubles with each further failure, from the first delay up to the longest.
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds.default(15 * 60),
  LOGIN_FIRST_DELAY_SECONDS: seconds.default(30),
  LOGIN_LOCKOUT_SECONDS: seconds.default(15 * 60),
  WEB_DIST_DIR: z.string().optional(),
  DEMO_PASSWORD: z.string().min(8).default('jointops-demo'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_SECONDS: seconds.default(10),
  WS_MAX_PAYLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(64 * 1024),
  WS_CONNECTION_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1_000).default(20),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(1_000).default(10),
  // Sockets one address may hold open before they authenticate: a page opens one, a reconnecting
  // office behind one NAT a few at a time (the client retries with back-off when refused).
  WS_MAX_PENDING_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20),
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(256 * 1024 * 1024)
    .default(1024 * 1024),
  WS_MAX_SEND_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  WS_KEEP_ALIVE_MS: z.coerce.number().int().min(100).max(600_000).default(12_000),
  ESCALATION_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  EVENT_RETENTION_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000),
  LIVE_CATCH_UP_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  // The CSV travels as a JSON string, escaped, in a request body yoga caps at 25 MB: stay well under.
  SEIZURE_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1_048_576)
    .default(2 * 1_048_576),
  // Measured with `pnpm bench:import`: 10,000 rows take about 11 s on PostgreSQL and 16 s embedded, the
  // operation locked throughout (2,000 rows took 13 s and 40 s before files were filed in batches); at
  // some 210 bytes a row, 10,000 rows is also about what SEIZURE_IMPORT_MAX_BYTES lets through.
  SEIZURE_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(50_000).default(10_000),
  // An uploaded file is held in memory up to this size before it is written (modules/attachments/).
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1_048_576)
    .default(10 * 1_048_576),
  // Query limits: the web app's largest documents measure depth 7, 9 aliases, no directive, 505
  // tokens and a cost of 3,552 (test/integration/query-limits.test.ts); these leave room to spare.
  QUERY_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(30),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(10),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2_000),
  // Objects a query may have to resolve, lists counted at the page asked for (QUERY_COST_LIST_SIZE
  // for lists without one): participations { operation { participations { … } } } three deep is 55,861,
  // a whole timeline of 500 events with a short list each 16,502.
  QUERY_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(30_000),
  QUERY_COST_LIST_SIZE: z.coerce.number().int().min(1).max(1_000).default(30),
  // A query still running after this is abandoned (REQUEST_TIMEOUT); mutations always finish.
  REQUEST_TIME_BUDGET_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  // Changes one person may make: a steady rate, and a burst above it for quick runs of clicks.
  MUTATION_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  MUTATION_BURST: z.coerce.number().int().min(1).max(1_000_000).default(30),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  databasePoolSize: number;
  redisUrl: string | undefined;
  redisChannelPrefix: string;
  /** Browser origins allowed to call the API and open WebSockets; requests without Origin are not browsers. */
  allowedOrigins: string[];
  trustProxy: boolean;
  cookieSecure: boolean;
  sessionIdleTimeoutSeconds: number;
  sessionAbsoluteTimeoutSeconds: number;
  /** Sign-in throttling, per (account, address) and per address; never per account alone. */
  loginThrottle: {
    /** Failures for one account from one address before delays begin. */
    maxFailuresPerAccount: number;
    /** Failures from one address, whatever the accounts, before delays begin. */
    maxFailuresPerAddress: number;
    /** A run of failures is forgotten after this long without one (counted from its last lock). */
    windowSeconds: number;
    /** The first delay; each further failure doubles it. */
    firstDelaySeconds: number;
    /** The longest delay (LOGIN_LOCKOUT_SECONDS). */
    longestDelaySeconds: number;
  };
  webDistDir: string | undefined;
  demoPassword: string;
  seedDemo: 'auto' | 'never';
  logLevel: string;
  shutdownTimeoutSeconds: number;
  /** Protective limits of the WebSocket endpoint. */
  webSocket: {
    maxPayloadBytes: number;
    connectionInitTimeoutMs: number;
    maxSubscriptionsPerConnection: number;
    /** Live connections (sockets and SSE streams together) one person may hold in one process. */
    maxConnectionsPerUser: number;
    /** Sockets one source address may hold before they authenticate; more are refused with 429. */
    maxPendingPerAddress: number;
    /** A socket holding more bytes than this, not yet read by its client, is closed (1013). */
    maxBufferedBytes: number;
    /** A socket whose oldest unread frame has waited longer than this is closed (1013). */
    maxSendWaitMs: number;
    /** A socket silent this long is pinged, and cut off once it has been silent twice as long (live/keep-alive.ts). */
    keepAliveMs: number;
  };
  /** How often each process looks for missed acknowledgement deadlines. */
  escalationIntervalMs: number;
  events: {
    /** Events older than this many days leave the log (0 keeps them all). */
    retentionDays: number;
    retentionIntervalMs: number;
  };
  /** How often live feeds compare their head with the database, in case a pubsub hint was lost. */
  liveCatchUpIntervalMs: number;
  /** Limits of one seizure import: the CSV's size in UTF-8 bytes, and its rows under the header. */
  seizureImport: { maxBytes: number; maxRows: number };
  /** The largest file one upload to an alert or a seizure may carry, in bytes. */
  attachmentMaxBytes: number;
  /** What one GraphQL document may ask for, on every transport (graphql/protection/). */
  queryLimits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    /** The size assumed for a list the query gives no page size (participations, recipients…). */
    costListSize: number;
  };
  /** Introspection, field suggestions and GraphiQL: for developers, never in production. */
  exposeSchema: boolean;
  requestTimeBudgetMs: number;
  /** Per person, shared by every process through Redis when there is one. */
  mutationRate: { perMinute: number; burst: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  // Empty variables count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const defaultOrigins = [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  return {
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX,
    allowedOrigins: env.ALLOWED_ORIGINS
      ? env.ALLOWED_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : defaultOrigins,
    trustProxy: env.TRUST_PROXY,
    cookieSecure: env.COOKIE_SECURE,
    sessionIdleTimeoutSeconds: env.SESSION_IDLE_TIMEOUT_SECONDS,
    sessionAbsoluteTimeoutSeconds: env.SESSION_ABSOLUTE_TIMEOUT_SECONDS,
    loginThrottle: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      firstDelaySeconds: Math.min(env.LOGIN_FIRST_DELAY_SECONDS, env.LOGIN_LOCKOUT_SECONDS),
      longestDelaySeconds: env.LOGIN_LOCKOUT_SECONDS,
    },
    webDistDir: env.WEB_DIST_DIR,
    demoPassword: env.DEMO_PASSWORD,
    seedDemo: env.SEED_DEMO,
    logLevel: env.LOG_LEVEL,
    shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
    webSocket: {
      maxPayloadBytes: env.WS_MAX_PAYLOAD_BYTES,
      connectionInitTimeoutMs: env.WS_CONNECTION_INIT_TIMEOUT_MS,
      maxSubscriptionsPerConnection: env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxConnectionsPerUser: env.WS_MAX_CONNECTIONS_PER_USER,
      maxPendingPerAddress: env.WS_MAX_PENDING_PER_ADDRESS,
      maxBufferedBytes: env.WS_MAX_BUFFERED_BYTES,
      maxSendWaitMs: env.WS_MAX_SEND_WAIT_MS,
      keepAliveMs: env.WS_KEEP_ALIVE_MS,
    },
    escalationIntervalMs: env.ESCALATION_INTERVAL_MS,
    events: { retentionDays: env.EVENT_RETENTION_DAYS, retentionIntervalMs: env.EVENT_RETENTION_INTERVAL_MS },
    liveCatchUpIntervalMs: env.LIVE_CATCH_UP_INTERVAL_MS,
    seizureImport: { maxBytes: env.SEIZURE_IMPORT_MAX_BYTES, maxRows: env.SEIZURE_IMPORT_MAX_ROWS },
    attachmentMaxBytes: env.ATTACHMENT_MAX_BYTES,
    queryLimits: {
      maxDepth: env.QUERY_MAX_DEPTH,
      maxAliases: env.QUERY_MAX_ALIASES,
      maxDirectives: env.QUERY_MAX_DIRECTIVES,
      maxTokens: env.QUERY_MAX_TOKENS,
      maxCost: env.QUERY_MAX_COST,
      costListSize: env.QUERY_COST_LIST_SIZE,
    },
    exposeSchema: env.NODE_ENV !== 'production',
    requestTimeBudgetMs: env.REQUEST_TIME_BUDGET_MS,
    mutationRate: { perMinute: env.MUTATION_RATE_PER_MINUTE, burst: env.MUTATION_BURST },
  };
}

/** For entry points: the configuration, or every problem on stderr and exit code 1. */
export function loadConfigOrExit(source: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
