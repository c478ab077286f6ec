import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST_DIR = join(ROOT, 'web', 'dist');

// What the bundle is made from: a browser test against an older bundle would test old code.
const SOURCES = ['web/src', 'web/lang', 'web/index.html', 'web/vite.config.ts', 'shared/src'].map((path) => join(ROOT, path));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** Builds web/dist when it is missing or older than its sources; returns its path. */
export function ensureWebBuilt(): string {
  const index = join(WEB_DIST_DIR, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (builtAt < Math.max(...SOURCES.map(newestChange))) {
    // The suites run as NODE_ENV=test, which Vite passes on: React would be bundled in its
    // development build, several times slower and larger than the one people get.
    execFileSync('pnpm', ['--filter', '@jointops/web', 'build'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return WEB_DIST_DIR;
}
