import { test } from 'vitest';
import { startTestApp, type TestAppOptions } from './app';
import { operationKit } from './operations';
import { seizureKit } from './seizures';

// The fixtures a story asks for by name. The app and its kit are started once per file, when the
// first test or suite hook that names them runs, and stopped after the file's last afterAll; the
// cast is assembled afresh for each test that names it, so no test sees another's operation.

/**
 * The fixtures, on an app started with `options` (a suite that needs its own settings); given as a
 * function when working them out costs something (a web build), so a skipped suite never does.
 */
export function withApp(options: TestAppOptions | (() => TestAppOptions) = {}) {
  return (
    test
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from its first parameter, which must be a pattern
      .extend('app', { scope: 'file' }, async ({}, { onCleanup }) => {
        const app = await startTestApp(typeof options === 'function' ? options() : options);
        onCleanup(() => app.stop());
        return app;
      })
      .extend('kit', { scope: 'file' }, ({ app }) => operationKit(app))
      /** The seizure reports' helpers, on the file's kit. */
      .extend('seizures', { scope: 'file' }, ({ kit }) => seizureKit(kit))
      /** The usual cast: a WCO planner coordinating an operation the customs of Malaysia and Thailand joined. */
      .extend('cast', ({ kit }) => kit.jointOperation())
      /** A contact point of an agency outside every operation. */
      .extend('outsider', async ({ kit }) => kit.actor(await kit.seed.agency({ countryCode: 'VN' })))
      /** A platform administrator. */
      .extend('admin', ({ kit }) => kit.actor(undefined, { isAdmin: true }))
      /** A colleague of the cast's planner, assigned as REVIEWER of its operation. */
      .extend('reviewer', async ({ kit, cast }) => {
        const reviewer = await kit.actor(cast.planner.agency);
        const assigned = await cast.operation.assign(reviewer, 'REVIEWER');
        if (assigned.result?.__typename !== 'OperationMember')
          throw new Error(`assigning the reviewer failed: ${JSON.stringify(assigned)}`);
        return reviewer;
      })
  );
}

/** The fixtures on an app with the test settings. */
export const it = withApp();
