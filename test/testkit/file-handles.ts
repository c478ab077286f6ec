import { afterAll } from 'vitest';
import type { TestApp } from './app';
import type { it as fixtureTest } from './fixtures';
import type { OperationKit } from './operations';
import type { seizureKit } from './seizures';
import type { TestSocket } from './ws';

interface Handles {
  app: TestApp;
  kit: OperationKit;
  seizures: ReturnType<typeof seizureKit>;
}

/**
 * The file's fixtures for the helpers at module level, which a test's context does not reach: read
 * `file.app`, `file.kit`, `file.seizures` or `file.seed` inside a test or hook. The sockets a file
 * pushes onto `file.sockets` are disposed after its last test, so a failed test leaves none open.
 */
export function fileHandles(test: typeof fixtureTest) {
  let handles: Handles | undefined;
  const sockets: TestSocket[] = [];
  test.beforeAll(({ app, kit, seizures }) => {
    handles = { app, kit, seizures };
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
  });
  const read = (): Handles => {
    // Module-level code runs while vitest collects the file, before any fixture exists.
    if (!handles) throw new Error("the file's handles are read before its beforeAll ran: read them inside a test or a hook");
    return handles;
  };
  return {
    get app() {
      return read().app;
    },
    get kit() {
      return read().kit;
    },
    get seizures() {
      return read().seizures;
    },
    /** The kit's seed: users, agencies and sign-ins without an operation. */
    get seed() {
      return read().kit.seed;
    },
    sockets,
  };
}
