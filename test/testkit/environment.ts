import { existsSync } from 'node:fs';
import { describe } from 'vitest';

// What this machine offers the suites. A suite that needs something missing is skipped with a
// name that says why; with JOINTOPS_REQUIRE_ALL_SUITES=1 (CI) a missing one fails the run instead.

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);

export const environment = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  chromiumPath: chromium,
  requireAll: process.env.JOINTOPS_REQUIRE_ALL_SUITES === '1',
};

export type Requirement = 'postgres' | 'redis' | 'chromium';

const missingReason: Record<Requirement, () => string | null> = {
  postgres: () => (environment.databaseUrl ? null : 'DATABASE_URL is not set'),
  redis: () => (environment.redisUrl ? null : 'REDIS_URL is not set'),
  chromium: () => (environment.chromiumPath ? null : 'Chromium is not installed (apt-get install -y chromium)'),
};

export function missing(requirements: Requirement[]): string[] {
  return requirements.map((requirement) => missingReason[requirement]()).filter((reason): reason is string => !!reason);
}

/** A describe block that runs only where its requirements are met, and says so when it does not. */
export function describeWhere(requirements: Requirement[], name: string, body: () => void): void {
  const reasons = missing(requirements);
  describe.skipIf(reasons.length > 0)(reasons.length ? `${name} [skipped: ${reasons.join('; ')}]` : name, body);
}
