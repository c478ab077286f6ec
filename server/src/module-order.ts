import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/**
 * The module order of docs/ARCHITECTURE.md as data, and the check that holds every import to it.
 * A layer may import itself and the layers below it, never one above. Feature modules are ranked
 * in tiers: a module may import a lower tier; within a tier the imports must not form a cycle.
 */

export interface Layer {
  name: string;
  /** Position in the order: a layer may import only layers of a lower rank (and itself). */
  rank: number;
  /** Feature modules only: their place among the features. */
  tier?: number;
}

const FEATURE_TIERS: Record<string, number> = {
  catalogue: 1,
  agencies: 1,
  accounts: 2,
  operations: 3,
  timeline: 4,
  alerts: 5,
  seizures: 5,
  checks: 5,
  results: 6,
  attachments: 6,
  audit: 7,
};

const RANK = { shared: 0, db: 1, kernel: 2, http: 3, journal: 4, live: 5, graphql: 6, feature: 7, composition: 8, web: 9 };

const SERVER_FOLDERS = new Set(['db', 'http', 'journal', 'live', 'graphql']);

/** The files that put the server together: they may import everything below them. */
const COMPOSITION = new Set([
  'server/src/app.ts',
  'server/src/main.ts',
  'server/src/graphql-server.ts',
  'server/src/http/routes.ts',
  // The schema entry is the one file of graphql/ that lists the modules: it composes them.
  'server/src/graphql/schema.ts',
  'server/src/graphql/print-schema.ts',
  // The live transports sign sockets and streams in (accounts) and run GraphQL over them.
  'server/src/live/websocket.ts',
  'server/src/live/channel-streams.ts',
]);

/** The layer a repository-relative path belongs to; null for files outside the order (tests' kit, configs). */
export function layerOf(path: string): Layer | null {
  if (path.startsWith('shared/src/')) return { name: 'shared', rank: RANK.shared };
  if (path.startsWith('web/src/')) return { name: 'web', rank: RANK.web };
  if (!path.startsWith('server/src/')) return null;
  const inServer = path.slice('server/src/'.length);
  if (COMPOSITION.has(path) || /^(demo|scripts)\//.test(inServer)) return { name: 'composition', rank: RANK.composition };
  const feature = /^modules\/([^/]+)\//.exec(inServer)?.[1];
  if (feature) return { name: `modules/${feature}`, rank: RANK.feature, tier: FEATURE_TIERS[feature] ?? Number.NaN };
  const folder = /^([^/]+)\//.exec(inServer)?.[1];
  if (folder === undefined) return { name: 'kernel', rank: RANK.kernel };
  if (SERVER_FOLDERS.has(folder)) return { name: folder, rank: RANK[folder as keyof typeof RANK] };
  return { name: `server/src/${folder}`, rank: Number.NaN };
}

/** Why `from` may not import `to`, or null when it may. Cycles among features are found separately. */
export function refusal(from: Layer, to: Layer): string | null {
  if (from.name === to.name) return null;
  if (from.name === 'web' && to.name !== 'shared') return 'web may import only shared';
  const unplaced = [from, to].find((layer) => Number.isNaN(layer.rank) || Number.isNaN(layer.tier ?? 0));
  if (unplaced) return `${unplaced.name} has no place in the order`;
  if (to.rank < from.rank) return null;
  if (to.rank === from.rank && from.tier !== undefined && to.tier !== undefined && to.tier <= from.tier) return null;
  return `${from.name} may not import ${to.name}`;
}

export interface ImportEdge {
  file: string;
  line: number;
  specifier: string;
  /** The repository-relative file the specifier names, without extension; null for a package. */
  target: string | null;
  /** `import type …`: it brings no code along. */
  typeOnly: boolean;
}

// Static imports and re-exports (`import x from`, `import type`, `export * from`, `import 'x'`), which
// start a line (so a commented-out import does not count), and dynamic `import('x')`.
const IMPORT = /^[ \t]*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

const WORKSPACE_PACKAGES: Record<string, string> = {
  '@jointops/shared': 'shared/src',
  '@jointops/server': 'server/src',
  '@jointops/web': 'web/src',
};

function resolveSpecifier(file: string, specifier: string): string | null {
  const stripped = specifier.replace(/\.(js|ts|tsx)$/, '');
  if (stripped.startsWith('.')) return posix.normalize(posix.join(posix.dirname(file), stripped));
  for (const [name, folder] of Object.entries(WORKSPACE_PACKAGES)) {
    if (stripped === name || stripped.startsWith(`${name}/`)) return `${folder}${stripped.slice(name.length)}`;
  }
  return null;
}

export function importsOf(file: string, source: string): ImportEdge[] {
  return [...source.matchAll(IMPORT)].map((match) => {
    const specifier = (match[1] ?? match[2]) as string;
    const line = source.slice(0, match.index + match[0].lastIndexOf(specifier)).split('\n').length;
    return { file, line, specifier, target: resolveSpecifier(file, specifier), typeOnly: /^\s*import\s+type\s/.test(match[0]) };
  });
}

export interface Violation {
  edge: ImportEdge;
  reason: string;
}

export const describeViolation = ({ edge, reason }: Violation): string => `${edge.file}:${edge.line} → ${edge.specifier} (${reason})`;

/**
 * Tests and their helpers (`*.test.ts`, `*.testkit.ts`, test/) stand outside the order: a unit test
 * may borrow another module's fixtures. The product may not import them.
 */
const isTestCode = (path: string): boolean => path.startsWith('test/') || /\.(test|testkit)(\.tsx?)?$/.test(path);

/** In a feature module, only repositories (and tests) build SQL: nothing else imports drizzle or the tables for their values. */
function writesSql(file: string, edge: ImportEdge): boolean {
  if (!file.startsWith('server/src/modules/') || /\.repo\.ts$/.test(file) || isTestCode(file) || edge.typeOnly) return false;
  return edge.specifier === 'drizzle-orm' || (edge.target?.startsWith('server/src/db/schema/') ?? false);
}

/** Every import among `files` (repository-relative path → source) that runs against the order. */
export function checkModuleOrder(files: ReadonlyMap<string, string>, layerOfPath: (path: string) => Layer | null = layerOf): Violation[] {
  const violations: Violation[] = [];
  const featureEdges = new Map<string, Map<string, ImportEdge>>();
  for (const [file, source] of files) {
    const from = layerOfPath(file);
    if (!from) continue;
    for (const edge of importsOf(file, source)) {
      if (writesSql(file, edge)) violations.push({ edge, reason: 'SQL belongs in a *.repo.ts' });
      if (edge.target === null || isTestCode(file)) continue;
      if (isTestCode(edge.target)) {
        violations.push({ edge, reason: 'only tests may import test code' });
        continue;
      }
      const to = layerOfPath(edge.target);
      if (!to) continue;
      const reason = refusal(from, to);
      if (reason) violations.push({ edge, reason });
      else if (from.tier !== undefined && to.tier !== undefined && from.name !== to.name) {
        const out = featureEdges.get(from.name) ?? new Map<string, ImportEdge>();
        if (!out.has(to.name)) out.set(to.name, edge);
        featureEdges.set(from.name, out);
      }
    }
  }
  return [...violations, ...cycleViolations(featureEdges)];
}

/** One violation per feature import that closes a cycle: each cycle is reported once, at its last edge. */
function cycleViolations(edges: Map<string, Map<string, ImportEdge>>): Violation[] {
  const violations: Violation[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (module: string, path: string[]) => {
    state.set(module, 'open');
    for (const [next, edge] of edges.get(module) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...path.slice(path.indexOf(next)), module, next].join(' → ');
        violations.push({ edge, reason: `feature modules import each other: ${cycle}` });
      } else if (!state.has(next)) visit(next, [...path, module]);
    }
    state.set(module, 'done');
  };
  for (const module of [...edges.keys()].sort()) if (!state.has(module)) visit(module, []);
  return violations;
}

const SOURCE_ROOTS = ['server/src', 'shared/src', 'web/src'];

/** The .ts and .tsx sources of the ordered roots under `repositoryRoot`, keyed by repository-relative path. */
export function readSources(repositoryRoot: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.set(relative(repositoryRoot, path).split(sep).join('/'), readFileSync(path, 'utf8'));
      }
    }
  };
  for (const root of SOURCE_ROOTS) walk(join(repositoryRoot, root));
  return files;
}
