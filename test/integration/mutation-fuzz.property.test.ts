import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { coerceInputValue, GraphQLObjectType, type GraphQLInputType } from 'graphql';
import { afterAll, describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { schema } from '@jointops/server/graphql/schema';
import { ERROR_CODES } from '@jointops/shared/errors';
import type { TestApp } from '../testkit/app';
import type { CallOptions, GraphQLResponse } from '../testkit/graphql';
import { reportFigure } from '../testkit/report';
import { arbitraryOf, HOSTILE_CHARACTERS } from '../testkit/zod-arbitrary';
import { mutationInputs, type Validated } from './input-validation.cases';
import { fieldValues, FUZZ, FUZZED_WITHOUT_INPUT, type FuzzEntry } from './mutation-fuzz.cases';
import { buildFuzzWorld, type FuzzWorld } from './mutation-fuzz.world';

// Every mutation, fed generated input through the real API: values its shared zod schema accepts,
// its edges, hostile text and numbers, real ids of other operations and agencies, made-up ids and
// values of the wrong type, sent by someone who may perform it and sometimes by someone who may
// not. Whatever comes in, the answer is a success or a typed refusal (never an internal error,
// never a 500), a refusal changes nothing but the audit row recording it, and a success leaves its
// audit row and, on an operation, its events. JOINTOPS_PROPERTY_SEED=<seed> replays a run.

const seed = Number(process.env.JOINTOPS_PROPERTY_SEED) || Math.floor(Math.random() * 2 ** 31);
const DEFAULT_RUNS = 100;
/**
 * What one mutation's cases may take: the file must stay well inside CI's budget on a slow
 * machine, where fewer cases run (the figures say how many); on an ordinary one all of them run.
 */
const TIME_BUDGET_MS = 2_000;

/** Codes a top-level refusal may carry: the catalogue's, which never holds INTERNAL_SERVER_ERROR (the mask of a bug). */
const TYPED_CODES = new Set<string>(Object.values(ERROR_CODES));

/** Refusals of the request as a whole, by a limit rather than a rule of the mutation: these need not be audited. */
const REQUEST_LIMITS = new Set<string>(
  ['RATE_LIMITED', 'QUERY_LIMIT', 'REQUEST_TIMEOUT', 'CSRF_REFUSED', 'TOO_MANY_CONNECTIONS'].filter((code) => TYPED_CODES.has(code)),
);

/** Bookkeeping a refusal may legitimately change: failed sign-ins are counted, and every attempt is audited. */
const NOT_DIGESTED = new Set(['audit_entries', 'login_throttles']);

type Outcome = 'succeeded' | 'typed error' | 'refused' | 'refused as a request' | 'rejected by GraphQL' | 'nothing to do';
type Who = 'authorized' | 'outsider' | 'anonymous';

let testApp: TestApp;
let world: FuzzWorld;
let tables: string[];
const figures = new Map<string, Record<Outcome, number>>();
let internalErrors = 0;

const it = withApp({
  env: {
    // Thousands of calls from one address and a few accounts in a minute: the limits that stop a
    // guesser or a flood would otherwise answer most of them, and those answers are tested elsewhere.
    LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
    MUTATION_RATE_PER_MINUTE: '1000000',
    MUTATION_BURST: '1000000',
  },
});

it.beforeAll(async ({ app }) => {
  testApp = app;
  world = await buildFuzzWorld(testApp);
  const rows = await execute<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  tables = rows.map((row) => row.name).filter((name) => !NOT_DIGESTED.has(name));
  reportFigure(`mutation fuzz: seed ${seed} (replay with JOINTOPS_PROPERTY_SEED=${seed})`);
}, 120_000);

afterAll(async () => {
  const total = { cases: 0, succeeded: 0 };
  for (const [mutation, counts] of figures) {
    const cases = Object.values(counts).reduce((sum, count) => sum + count, 0);
    total.cases += cases;
    total.succeeded += counts.succeeded;
    reportFigure(
      `mutation fuzz: ${mutation} ${cases} cases — ${Object.entries(counts)
        .map(([outcome, count]) => `${count} ${outcome}`)
        .join(', ')}`,
    );
  }
  reportFigure(
    `mutation fuzz: ${figures.size} mutations, ${total.cases} cases, ${total.succeeded} succeeded, ${internalErrors} internal errors (seed ${seed})`,
  );
});

async function execute<T>(query: string): Promise<T[]> {
  const result = (await testApp.database.db.execute(sql.raw(query))) as unknown as { rows: T[] };
  return result.rows;
}

interface Snapshot {
  digests: Map<string, string>;
  lastAuditId: number;
  /** The audit rows written since the snapshot before it, as `action outcome`. */
  audited: { action: string; outcome: string }[];
}

/**
 * Every table's row count and content digest, and the audit rows written since `previous`, in one
 * round trip: each case costs one call and one query.
 */
async function snapshot(previous?: Snapshot): Promise<Snapshot> {
  const since = previous?.lastAuditId ?? 0;
  const rows = await execute<{ name: string; digest: string }>(
    [
      ...tables.map(
        (table) =>
          `select '${table}' as name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${table}" t`,
      ),
      `select '#audit' as name, coalesce(max(id), 0)::text as digest from audit_entries`,
      previous
        ? `select '#audited' as name, coalesce(string_agg(action || ' ' || outcome, '|' order by id), '') as digest from audit_entries where id > ${since}`
        : `select '#audited', ''`,
    ].join(' union all '),
  );
  const digests = new Map(rows.map((row) => [row.name, row.digest]));
  const audited = digests.get('#audited')!;
  return {
    digests,
    lastAuditId: Number(digests.get('#audit')),
    audited: audited ? audited.split('|').map((row) => ({ action: row.split(' ')[0]!, outcome: row.split(' ')[1]! })) : [],
  };
}

function changedTables(before: Snapshot, after: Snapshot): string[] {
  return tables.filter((table) => before.digests.get(table) !== after.digests.get(table));
}

const implementsError = (typename: string) => {
  const type = schema.getType(typename);
  return type instanceof GraphQLObjectType && type.getInterfaces().some((iface) => iface.name === 'Error');
};

/** What the API answered, or a thrown description of how the answer broke the rules. */
function outcomeOf(mutation: string, response: GraphQLResponse): Outcome {
  const internal = response.errors?.filter(
    (error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' || error.message === 'Unexpected error.',
  );
  if (response.status >= 500 || internal?.length) {
    internalErrors += 1;
    throw new Error(`internal error (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
  }
  const result = response.data?.[mutation] as { __typename?: string } | boolean | null | undefined;
  if (result !== undefined && result !== null) {
    if (response.errors) throw new Error(`a result and errors at once: ${JSON.stringify(response.errors)}`);
    if (typeof result === 'boolean') return result ? 'succeeded' : 'nothing to do';
    return implementsError(result.__typename!) ? 'typed error' : 'succeeded';
  }
  const errors = response.errors ?? [];
  if (errors.length === 0) {
    if (response.status >= 400) return 'rejected by GraphQL';
    throw new Error(`no result and no error (HTTP ${response.status})`);
  }
  const codes = errors.map((error) => error.extensions?.code);
  if (codes.every((code) => code !== undefined && TYPED_CODES.has(code)))
    return codes.some((code) => REQUEST_LIMITS.has(code!)) ? 'refused as a request' : 'refused';
  // GraphQL's own refusals (variables of the wrong type, unknown fields) come before execution: no path, no data.
  if (response.data == null && errors.every((error) => !error.path)) {
    return 'rejected by GraphQL';
  }
  throw new Error(`an error outside the catalogue: ${JSON.stringify(errors)}`);
}

/** The rules every answer keeps: what it may have changed, and what it must have recorded. */
function checkEffects(mutation: string, entry: Pick<FuzzEntry, 'journal'>, outcome: Outcome, before: Snapshot, after: Snapshot): void {
  const changed = changedTables(before, after);
  const audit = after.audited;
  switch (outcome) {
    case 'succeeded':
      expect(audit, 'a success is audited').toContainEqual({ action: mutation, outcome: 'SUCCEEDED' });
      expect(
        audit.filter((row) => row.outcome !== 'SUCCEEDED'),
        'a success records no refusal',
      ).toEqual([]);
      if (entry.journal && changed.some((table) => table !== 'operation_events' && table !== 'sessions')) {
        expect(changed, `a change by ${mutation} is on the timeline`).toContain('operation_events');
      }
      return;
    case 'typed error':
    case 'refused':
      expect(changed, 'a refusal changes nothing').toEqual([]);
      expect(audit, 'a refusal is audited, once').toEqual([{ action: mutation, outcome: 'REFUSED' }]);
      return;
    // Refused by a limit of the request (a rate, a query limit): audited at most once.
    case 'refused as a request':
      expect(changed, 'a refusal changes nothing').toEqual([]);
      expect([[], [{ action: mutation, outcome: 'REFUSED' }]], 'a refused request is audited at most once').toContainEqual(audit);
      return;
    case 'rejected by GraphQL':
    case 'nothing to do':
      expect(changed, 'a request refused before execution changes nothing').toEqual([]);
      expect(audit, 'a request refused before execution is no attempt to audit').toEqual([]);
  }
}

function record(mutation: string, outcome: Outcome): void {
  const counts = figures.get(mutation) ?? {
    succeeded: 0,
    'typed error': 0,
    refused: 0,
    'refused as a request': 0,
    'rejected by GraphQL': 0,
    'nothing to do': 0,
  };
  counts[outcome] += 1;
  figures.set(mutation, counts);
}

const inputTypeOf = (mutation: string): GraphQLInputType =>
  schema
    .getMutationType()!
    .getFields()
    [mutation]!.args.find((arg) => arg.name === 'input')!.type;

const documentFor = (mutation: string) =>
  `mutation($input: ${String(inputTypeOf(mutation))}) { ${mutation}(input: $input) { __typename ... on Error { code message } } }`;

/** Whether GraphQL itself takes `value` as the mutation's input, by the schema's own coercion rules. */
function acceptedByGraphQL(mutation: string): (value: unknown) => boolean {
  const type = inputTypeOf(mutation);
  return (value) => {
    let accepted = true;
    coerceInputValue(JSON.parse(JSON.stringify(value)), type, () => {
      accepted = false;
    });
    return accepted;
  };
}

/** The state the next call starts from: the state the last one left, since nothing else writes meanwhile. */
let current: Snapshot | undefined;

/** One generated call, checked end to end. */
async function attempt(
  mutation: string,
  entry: Pick<FuzzEntry, 'journal'>,
  document: string,
  variables: Record<string, unknown> | undefined,
  as: CallOptions,
  who: Who,
) {
  const before = current ?? (await snapshot());
  current = undefined;
  const response = await testApp.graphql(document, variables, as);
  const outcome = outcomeOf(mutation, response);
  const after = await snapshot(before);
  current = after;
  checkEffects(mutation, entry, outcome, before, after);
  if (outcome === 'succeeded' && who === 'anonymous' && mutation !== 'login') throw new Error('an anonymous caller succeeded');
  if (outcome === 'succeeded' && who === 'outsider' && (mutationInputs[mutation] as Validated).caller === 'admin')
    throw new Error('a non-administrator succeeded');
  record(mutation, outcome);
}

/** Each mutation its own seed, derived from the run's: mutations with inputs of one shape must not get the same cases. */
const seedOf = (mutation: string) => [...mutation].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, seed) >>> 0;

/**
 * Runs `check` on each generated case, `first` before them, until the runs or the time budget are
 * spent. (The budget is kept here, between cases: fast-check's own time limit leaves the case in
 * flight running, and its writes would land in the next mutation's snapshots.) A failure names
 * the run's seed, the one to replay it with, beside fast-check's report.
 */
async function fuzz<T>(
  mutation: string,
  cases: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
  runs: number,
  first: T,
): Promise<void> {
  const deadline = performance.now() + TIME_BUDGET_MS;
  const property = fc.asyncProperty(cases, async (value) => {
    if (performance.now() < deadline) await check(value);
  });
  try {
    await fc.assert(property, { seed: seedOf(mutation), numRuns: runs, examples: [[first]], endOnFailure: true, verbose: 1 });
  } catch (error) {
    throw new Error(`${mutation}: replay with JOINTOPS_PROPERTY_SEED=${seed}\n${(error as Error).message}`, { cause: error });
  }
}

/**
 * The ways a generated input departs from a well-formed one. Nine cases in ten are inputs GraphQL
 * takes, so that they reach the service; the tenth is one it refuses itself.
 */
function inputArbitrary(mutation: string, entry: FuzzEntry, bases: Record<string, unknown>[], field: ReturnType<typeof fieldValues>) {
  const typed = acceptedByGraphQL(mutation);
  const generated = arbitraryOf(entry.schema, { field }) as fc.Arbitrary<Record<string, unknown>>;
  const wronglyTyped = arbitraryOf(entry.schema, { field, wrongTypes: true }) as fc.Arbitrary<Record<string, unknown>>;
  const keys = [...new Set(bases.flatMap((base) => Object.keys(base)))];
  const spliced = (from: fc.Arbitrary<Record<string, unknown>>) =>
    fc
      .tuple(fc.constantFrom(...bases), from, fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }))
      .map(([base, other, replaced]) => {
        // A whole input of the wrong type (a number, a list) is sent as it is.
        if (typeof other !== 'object' || other === null || Array.isArray(other)) return other as Record<string, unknown>;
        const input = { ...base };
        for (const key of replaced) {
          if (key in other) input[key] = other[key];
          else delete input[key];
        }
        return input;
      });
  return fc.oneof(
    // The well-formed call as it stands: the first succeeds, repeats replay or conflict.
    { weight: 2, arbitrary: fc.constantFrom(...bases) },
    { weight: 5, arbitrary: spliced(generated).filter(typed) },
    { weight: 2, arbitrary: generated.filter(typed) },
    { weight: 1, arbitrary: spliced(wronglyTyped).filter((input) => !typed(input)) },
  );
}

const whoArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Who>('authorized') },
  { weight: 1, arbitrary: fc.constant<Who>('outsider') },
  { weight: 1, arbitrary: fc.constant<Who>('anonymous') },
);

describe('the mutation fuzz', () => {
  it('covers every mutation of the schema', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect([...Object.keys(FUZZ), ...FUZZED_WITHOUT_INPUT].sort()).toEqual(mutations);
  });

  it.each(Object.entries(FUZZ))(
    '%s answers generated input with a success or a typed refusal, and a refusal changes nothing',
    async (mutation, entry) => {
      const wellFormed = mutationInputs[mutation] as Validated;
      const bases: Record<string, unknown>[] = [];
      const authorized: CallOptions[] = [];
      for (let k = 0; k < 3; k += 1) {
        bases.push(await wellFormed.wellFormed(world));
        authorized.push(await world.callerFor(wellFormed.caller));
      }
      const field = fieldValues(entry.bystandersOnly ? world.bystanderIds : world.ids);
      const document = documentFor(mutation);
      const callers = { outsider: { token: world.outsider.token }, anonymous: {} };
      current = undefined;
      await fuzz(
        mutation,
        fc.record({ input: inputArbitrary(mutation, entry, bases, field), who: whoArbitrary, k: fc.nat(authorized.length - 1) }),
        async ({ input, who, k }) => {
          const as = who === 'authorized' ? authorized[k]! : callers[who];
          await attempt(mutation, entry, document, { input }, as, who);
        },
        entry.runs ?? DEFAULT_RUNS,
        // The well-formed call by someone who may make it, first: it must get through.
        { input: bases[0]!, who: 'authorized' as Who, k: 0 },
      );
      // A fuzz that only ever met refusals would prove little: the world still lets the honest call through.
      expect(figures.get(mutation)?.succeeded, `successes of ${mutation}`).toBeGreaterThan(0);
    },
    180_000,
  );

  it('logout answers whatever a request carries with true, false or a typed refusal', async () => {
    const leaving = await world.kit.seed.user();
    const sessions = await Promise.all([1, 2, 3].map(() => world.kit.seed.signIn(leaving)));
    current = undefined;
    // What a header can carry at all: no line breaks, no NUL, nothing past Latin-1.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the control characters a printable name must not carry
    const printable = fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((text) => text.replace(/[\u0000-\u001f\u007f]/g, '').trim());
    const credentials = fc.oneof(
      fc.constantFrom(...sessions).map((session) => ({ token: session.token })),
      fc.constantFrom(...sessions).map((session) => ({ cookie: session.cookie })),
      printable.map((token) => ({ token })),
      printable.map((value) => ({ cookie: `jointops_session=${value}` })),
      fc
        .constantFrom(...HOSTILE_CHARACTERS.filter((char) => char.charCodeAt(0) > 0x20 && char.charCodeAt(0) <= 0xff && char !== '\u007f'))
        .map((char) => ({ token: `x${char}y` })),
      fc.constant({}),
    );
    await fuzz(
      'logout',
      credentials,
      async (as: CallOptions) => {
        await attempt('logout', { journal: false }, 'mutation { logout }', undefined, as, 'authorized');
      },
      40,
      { token: sessions[0]!.token } as CallOptions,
    );
    expect(figures.get('logout')?.succeeded, 'sessions ended').toBeGreaterThan(0);
  }, 60_000);
});
