import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';

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

// What the app needs offline whatever the reader opened before: the first page's files, and the
// shell's own pieces it loads on demand (the outbox's list and its refusals, sign-in). A screen's
// chunk is kept once the reader has opened it; one never opened needs the server's data anyway.
const OFFLINE_ESSENTIAL = /\/src\/(?:shell|modules\/outbox|modules\/session)\//;

/** The entry's files and the essential pieces, each with everything it imports statically, and their styles. */
export function essentialFilesOf(bundle: Rolldown.OutputBundle): string[] {
  const kept = new Set<string>();
  const keep = (fileName: string) => {
    const item = bundle[fileName];
    if (!item || kept.has(fileName)) return;
    kept.add(fileName);
    if (item.type !== 'chunk') return;
    for (const imported of item.imports) keep(imported);
    for (const css of (item as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []) keep(css);
  };
  for (const item of Object.values(bundle)) {
    if (item.type === 'chunk' && (item.isEntry || OFFLINE_ESSENTIAL.test(item.facadeModuleId ?? ''))) keep(item.fileName);
  }
  return precachedFilesOf([...kept]);
}

export function offlineShell(compress: () => Plugin): Plugin {
  let files: string[] = [];
  let essential: string[] = [];
  return {
    name: 'jointops:offline-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      files = precachedFilesOf(Object.keys(bundle));
      essential = essentialFilesOf(bundle);
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
        define: {
          __JOINTOPS_PRECACHE__: JSON.stringify(files),
          __JOINTOPS_ESSENTIAL__: JSON.stringify(essential),
          __JOINTOPS_BUILD__: JSON.stringify(version),
        },
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
