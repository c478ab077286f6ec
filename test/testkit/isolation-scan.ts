import { mayNameUser, seesAlert, seesOperation, seesSeizure, type World, type WorldUser } from './isolation-model';

// Everything of a world that may surface in an answer — ids (global and raw, as the audit trail
// keeps them), references, e-mail addresses and the unique marks in every text — each with who may
// receive it. A scan walks a whole answer, texts and CSV included, and finds every one of them.

interface Traceable {
  what: string;
  mayReceive(viewer: WorldUser): boolean;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const REFERENCE = /[A-Z0-9][A-Z0-9-]*\/[AS]-\d+/g;
const TOKEN = /tok[0-9a-f]{12}/g;
const EMAIL = /isolation-[0-9a-f]{12}@test\.demo/g;

export function traceables(world: World): Map<string, Traceable> {
  const index = new Map<string, Traceable>();
  const add = (keys: string[], traceable: Traceable) => {
    for (const key of keys) index.set(key, traceable);
  };
  for (const user of world.users) {
    add([user.id, user.globalId, user.email], { what: `user ${user.label}`, mayReceive: (viewer) => mayNameUser(viewer, user, world) });
  }
  for (const operation of world.operations) {
    const withOperation = (what: string): Traceable => ({
      what: `${what} of ${operation.code}`,
      mayReceive: (viewer) => seesOperation(viewer, operation),
    });
    add([operation.id, operation.globalId], withOperation('the operation'));
    for (const p of operation.participations.values()) add([p.id, p.globalId], withOperation(`a participation (${p.status})`));
    for (const m of operation.members.values()) add([m.id, m.globalId], withOperation(`a membership (${m.role})`));
    for (const c of operation.checks.values()) add([c.id, c.globalId], withOperation(`a ${c.kind}`));
    for (const alert of operation.alerts) {
      add([alert.id, alert.globalId, alert.reference, ...alert.tokens], {
        what: `alert ${alert.reference} (${alert.distribution})`,
        mayReceive: (viewer) => seesAlert(viewer, operation, alert),
      });
    }
    for (const seizure of operation.seizures) {
      add([seizure.id, seizure.globalId, seizure.reference, ...seizure.tokens], {
        what: `seizure ${seizure.reference} (${seizure.status})`,
        mayReceive: (viewer) => seesSeizure(viewer, operation, seizure),
      });
    }
  }
  return index;
}

/** Every string of an answer, object keys included (JSON details carry data in keys too). */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* strings(item);
    }
  }
}

/** The traceables an answer carries, each once. */
export function found(index: Map<string, Traceable>, answer: unknown): Set<Traceable> {
  const hits = new Set<Traceable>();
  for (const text of strings(answer)) {
    const whole = index.get(text);
    if (whole) hits.add(whole);
    for (const pattern of [UUID, REFERENCE, TOKEN, EMAIL]) {
      for (const match of text.matchAll(pattern)) {
        const hit = index.get(match[0]);
        if (hit) hits.add(hit);
      }
    }
  }
  return hits;
}

/** What one world's checks found: each check a decision of the model held against an answer. */
export class Verdicts {
  checks = 0;
  scanned = 0;
  requests = 0;
  readonly byPath = new Map<string, number>();
  readonly leaks: string[] = [];
  readonly misses: string[] = [];

  constructor(private readonly index: Map<string, Traceable>) {}

  private count(path: string, n = 1) {
    this.checks += n;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + n);
  }

  /** One entity through one path: shown exactly when the model says it may be. */
  expect(path: string, viewer: WorldUser, what: string, shown: boolean, allowed: boolean): void {
    this.count(path);
    if (shown && !allowed) this.leaks.push(`${path}: ${viewer.label} received ${what}`);
    if (!shown && allowed) this.misses.push(`${path}: ${viewer.label} did not receive ${what}`);
  }

  /** Entities by id through a listing: each shown exactly when allowed, and nothing else at all. */
  expectSet<T extends { globalId: string }>(
    path: string,
    viewer: WorldUser,
    shown: Iterable<string>,
    all: T[],
    allowed: (entity: T) => boolean,
    name: (entity: T) => string,
  ): void {
    const ids = new Set(shown);
    for (const entity of all) {
      this.expect(path, viewer, name(entity), ids.delete(entity.globalId), allowed(entity));
    }
    for (const stranger of ids) this.expect(path, viewer, `an id outside the model (${stranger})`, true, false);
  }

  /** A value the model predicts exactly (a count, a sum). */
  expectEqual(path: string, viewer: WorldUser, what: string, actual: unknown, expected: unknown): void {
    this.count(path);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      this.leaks.push(`${path}: ${viewer.label} got ${what} ${JSON.stringify(actual)}, the model says ${JSON.stringify(expected)}`);
    }
  }

  /** Every traceable anywhere in an answer must be one the viewer may receive. */
  scan(path: string, viewer: WorldUser, answer: unknown): void {
    this.scanned += 1;
    for (const hit of found(this.index, answer)) this.expect(`${path} (scan)`, viewer, hit.what, true, hit.mayReceive(viewer));
  }

  /** Fails the world with what went wrong, leaks first. */
  assertClean(): void {
    const problems = [...this.leaks.map((leak) => `LEAK ${leak}`), ...this.misses.map((miss) => `MISSING ${miss}`)];
    if (problems.length)
      throw new Error(`${this.leaks.length} leak(s), ${this.misses.length} miss(es):\n${problems.slice(0, 20).join('\n')}`);
  }
}
