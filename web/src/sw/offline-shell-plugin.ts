import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

// Builds the service worker (./worker.ts) beside the app, once the app's files are written: the
// worker gets the list of those files to keep, and a version made of their names. Vite names each
// by its content, so the version changes with any change to the app, the worker's bytes with it,
// and the browser installs the new worker (and its new cache) on the next visit.

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** The built files the worker keeps for offline use: everything under assets/, not the compressed copies. */
export const precachedFilesOf = (fileNames: readonly string[]): string[] =>
  fileNames
    .filter((name) => name.startsWith('assets/') && !/\.(?:br|gz)$/.test(name))
    .sort()
    .map((name) => `/${name}`);

export function offlineShell(compress: () => Plugin): Plugin {
  let files: string[] = [];
  return {
    name: 'jointops:offline-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      files = precachedFilesOf(Object.keys(bundle));
    },
    async writeBundle(options, bundle) {
      const index = bundle['index.html'];
      const version = createHash('sha256')
        .update(files.join('\n'))
        .update(index?.type === 'asset' ? index.source : '')
        .digest('hex')
        .slice(0, 16);
      await build({
        configFile: false,
        logLevel: 'warn',
        define: { __JOINTOPS_PRECACHE__: JSON.stringify(files), __JOINTOPS_BUILD__: JSON.stringify(version) },
        plugins: [compress()],
        build: {
          outDir: options.dir ?? 'dist',
          emptyOutDir: false,
          copyPublicDir: false,
          lib: { entry: WORKER, formats: ['iife'], name: 'jointopsWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}
