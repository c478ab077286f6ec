import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'server/src/**/*.test.ts', 'shared/src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/testkit/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/testkit/summary-reporter.ts'],
  },
});
