import { beforeEach } from 'vitest';
import { ARTIFACTS } from './browser';
import { describeOpenBrowsers } from './browser-diagnostics';

// A browser test that fails prints what its people's pages showed and waited for (CI keeps only the log).
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const report = await describeOpenBrowsers(task.name, ARTIFACTS);
    if (report) console.error(`\nBrowsers when "${task.name}" failed:\n${report}\n`);
  });
});
