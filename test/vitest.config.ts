import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const faultTests = 'test/integration/fault-*.test.ts';
const browserSuites = 'test/e2e/**/*.test.ts';
// Files that get a module graph of their own; every other node suite shares one per worker (see
// `isolate` below): those that replace a module (vi.mock) or a global prototype for their run, and
// the browser suites (in CI's PGlite pass the planning journey twice waited in vain for the page
// after "Create the operation" once other suites had run in its worker, and never alone).
const ownModules = [
  'test/integration/session-channels-standing.test.ts',
  'test/integration/live-slow-consumer.test.ts',
  'server/src/live/hub.test.ts',
  browserSuites,
];

// The web app's component tests touch no database, so their outcome is the same in both of CI's
// passes: .ci/run has the PGlite pass leave them to the PostgreSQL pass, which runs every suite.
// `pnpm test` alone always runs them.
const webComponentsElsewhere = process.env.JOINTOPS_WEB_COMPONENTS_ELSEWHERE === '1';
// The browser suites too (see .ci/run: the two passes side by side kept both cores busy for over
// 30 minutes, half of each pass's time in its browser suites). They are left out of the run rather
// than skipped inside it: a skipped file is still imported, the server's modules with it, ~4 s each.
const browserSuitesElsewhere = process.env.JOINTOPS_BROWSER_SUITES_ELSEWHERE === '1';

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
          include: ['test/integration/**/*.test.ts', 'server/src/**/*.test.ts', 'shared/src/**/*.test.ts'],
          exclude: [faultTests, ...ownModules],
          environment: 'node',
          // Each suite starts its own apps and databases; importing the server afresh for each file
          // (the schema built again, every module evaluated again) was a third of the run's time.
          isolate: false,
          globalSetup: ['test/testkit/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
        test: {
          name: 'node-own-modules',
          root,
          include: ownModules,
          ...(browserSuitesElsewhere ? { exclude: [browserSuites] } : {}),
          environment: 'node',
          globalSetup: ['test/testkit/global-setup.ts'],
          setupFiles: ['test/testkit/browser-diagnostics.setup.ts'],
          // A screen polled for what it should show gets 10 s, not vitest's 1 s: on CI's two loaded
          // cores a page's answer alone can take 2-4 s, and a screen that never comes still fails.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The fault tests kill connections, databases and processes and time recoveries against
        // bounds (1,000 clients back within 30 s): they run after everything else, one file at a
        // time, so other suites neither disturb them nor get disturbed.
        resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
        test: {
          name: 'faults',
          root,
          include: [faultTests],
          environment: 'node',
          globalSetup: ['test/testkit/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      ...(webComponentsElsewhere ? [] : ['web/vitest.config.ts']),
    ],
  },
});
