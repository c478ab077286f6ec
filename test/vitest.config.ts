import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// graphql-js must be one instance: Node loads it as CommonJS for Pothos and yoga, while Vite would
// pick its .mjs build for our sources, and the two reject each other's schema objects.
const graphqlEntry = createRequire(new URL('../server/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  test: {
    root,
    reporters: ['default', './test/testkit/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
        test: {
          name: 'node',
          root,
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'server/src/**/*.test.ts', 'shared/src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/testkit/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
