import { afterAll } from 'vitest';
import type { TestApp } from './app';
import type { it as fixtureTest } from './fixtures';
import type { OperationKit } from './operations';
import type { seizureKit } from './seizures';
import type { TestSocket } from './ws';

/** The file-scoped fixtures. */
export interface FileFixtures {
  app: TestApp;
  kit: OperationKit;
  seizures: ReturnType<typeof seizureKit>;
}

/**
 * What `make` builds from the file's fixtures in the file's beforeAll, for helpers at module level,
 * which a test's context does not reach: the returned reader throws when called before that hook.
 */
export function fileValue<T>(test: typeof fixtureTest, make: (fixtures: FileFixtures) => T | Promise<T>): () => T {
  let made: { value: T } | undefined;
  test.beforeAll(async ({ app, kit, seizures }) => {
    made = { value: await make({ app, kit, seizures }) };
  });
  return () => {
    // Module-level code runs while vitest collects the file, before any fixture exists.
    if (!made) throw new Error("the file's handles are read before its beforeAll ran: read them inside a test or a hook");
    return made.value;
  };
}

/**
 * The file's fixtures for the helpers at module level: read `file.app`, `file.kit`, `file.seizures`
 * or `file.seed` inside a test or hook. The sockets a file pushes onto `file.sockets` are disposed
 * after its last test, so a failed test leaves none open.
 */
export function fileHandles(test: typeof fixtureTest) {
  const handles = fileValue(test, (fixtures) => fixtures);
  const sockets: TestSocket[] = [];
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
  });
  return {
    get app() {
      return handles().app;
    },
    get kit() {
      return handles().kit;
    },
    get seizures() {
      return handles().seizures;
    },
    /** The kit's seed: users, agencies and sign-ins without an operation. */
    get seed() {
      return handles().kit.seed;
    },
    sockets,
  };
}
