import type { Db } from './client';

// The executions of one live event for its audiences (live/shared-delivery.ts) each ask the drizzle
// plugin for the same relational queries: the event's alert with what the document asks of it, the
// event's actor. drizzle builds a query's SQL text anew every time it is run, walking its relations
// and columns and every fragment through `is` and `collectSQL`: ~0.45 ms per execution, the largest
// part of an audience's execution, thirteen times per event for thirteen agencies. Here a query is
// built once per shared connection (db/shared-reads.ts, which lives while one event's executions
// run) when its configuration is made of plain values only: the same configuration of the same
// table builds the same text with the same values, whoever asks, just as the same statement reads
// the same rows. A configuration naming a viewer names them in its values, so another audience's is
// never the same. One with anything else in it (a function, a SQL fragment, a Date, a column) is
// built as before, every time.

/** Relational queries built, and relational queries answered with one built before, since the process started. */
export const sharedBuildCounts = { built: 0, shared: 0 };

/** What drizzle's relational query (`db.query.<table>.findMany/findFirst`) holds, as far as its build goes. */
interface RelationalQuery {
  readonly table: object;
  readonly mode: string;
  readonly config: unknown;
  readonly session: object;
  _toSQL(): unknown;
}
type RelationalQueryClass = new (...args: unknown[]) => RelationalQuery;

/** Each shared connection's builds, by its session: by table, then by mode and configuration. */
const buildsBySession = new WeakMap<object, Map<object, Map<string, unknown>>>();
const sharingClasses = new WeakMap<RelationalQueryClass, RelationalQueryClass>();

/**
 * The configuration as a key, or null when anything in it is not a plain value. Keys keep their
 * order (drizzle builds columns in the order given) and an undefined value stays apart from an
 * absent one.
 */
export function plainKey(value: unknown): string | null {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      break;
    default:
      return null;
  }
  let key = '';
  if (Array.isArray(value)) {
    for (const item of value) {
      const itemKey = plainKey(item);
      if (itemKey === null) return null;
      key += `${itemKey},`;
    }
    return `[${key}]`;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || Object.getOwnPropertySymbols(value).length) return null;
  for (const [name, entry] of Object.entries(value)) {
    const entryKey = plainKey(entry);
    if (entryKey === null) return null;
    key += `${JSON.stringify(name)}:${entryKey},`;
  }
  return `{${key}}`;
}

function sharingBuilds(base: RelationalQueryClass): RelationalQueryClass {
  let sharing = sharingClasses.get(base);
  if (!sharing) {
    sharing = class extends base {
      override _toSQL(): unknown {
        const byTable = buildsBySession.get(this.session);
        const config = byTable ? plainKey(this.config) : null;
        if (!byTable || config === null) return super._toSQL();
        let builds = byTable.get(this.table);
        if (!builds) {
          builds = new Map();
          byTable.set(this.table, builds);
        }
        const key = `${this.mode}|${config}`;
        let built = builds.get(key);
        if (built === undefined) {
          built = super._toSQL();
          builds.set(key, built);
          sharedBuildCounts.built += 1;
        } else sharedBuildCounts.shared += 1;
        return built;
      }
    };
    sharingClasses.set(base, sharing);
  }
  return sharing;
}

/** Makes `db` (a shared connection's own drizzle instance) build each plain relational query once. */
export function buildOnce(db: Db): void {
  buildsBySession.set(db._.session, new Map());
  for (const tableQueries of Object.values(db.query) as unknown as { builder: RelationalQueryClass }[]) {
    tableQueries.builder = sharingBuilds(tableQueries.builder);
  }
}
