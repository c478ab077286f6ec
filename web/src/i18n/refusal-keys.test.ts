import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

// Every refusal the shared schemas and the server raise names its key (FieldError.key), so the
// reader gets it in their language from the key and its parameters, never from an English
// sentence. A refinement or a field problem written without one would reach clients as OTHER:
// this reads shared/src and server/src and fails on each. (The services' `ValidationError.field`
// takes the key as an argument the compiler requires; this also holds the refinements, which zod
// cannot type, and the problems services build by hand.)

const ROOT = join(import.meta.dirname, '..', '..', '..');

interface SourceFile {
  path: string;
  text: string;
}

interface Node {
  type: string;
  start: number;
  [key: string]: unknown;
}

interface Scan {
  /** Refusals that carry their key (a `key` or `params` property, or a spread such as `...keyed('…')`). */
  keyed: number;
  /** `file:line` of each refusal without one. */
  unkeyed: string[];
}

function sourcesUnder(folder: string): SourceFile[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(ROOT, folder, name))
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
const nameOf = (node: unknown): string | null =>
  isNode(node) ? (node.type === 'Identifier' ? (node.name as string) : node.type === 'Literal' ? String(node.value) : null) : null;
const propertyNames = (object: Node): (string | null)[] =>
  (object.properties as Node[]).map((property) => (property.type === 'Property' ? nameOf(property.key) : null));

/** A refusal's object says which rule it is: by a key, by zod params, or by what it spreads (typed FieldError parts). */
const carriesKey = (object: Node): boolean =>
  (object.properties as Node[]).some(
    (property) => property.type === 'SpreadElement' || ['key', 'params'].includes(nameOf(property.key) ?? ''),
  );

/**
 * The refusals of these files: each zod issue a refinement adds (`ctx.addIssue({…})`), the options
 * of each `.refine(check, {…})`, each field problem a service builds (`{ path, message }`), and
 * each `ValidationError.field(path, key, message)`.
 */
function scanRefusals(files: readonly SourceFile[]): Scan {
  const scan: Scan = { keyed: 0, unkeyed: [] };
  for (const file of files) {
    const { program, errors } = parseSync(file.path, file.text);
    if (errors.length) throw new Error(`${file.path} does not parse: ${errors[0]!.message}`);
    const judge = (object: Node | undefined, at: Node) => {
      if (object?.type === 'ObjectExpression' && carriesKey(object)) scan.keyed += 1;
      else scan.unkeyed.push(`${file.path}:${file.text.slice(0, at.start).split('\n').length}`);
    };
    const walk = (node: Node): void => {
      if (node.type === 'CallExpression' && (node.callee as Node).type === 'MemberExpression') {
        const method = nameOf((node.callee as Node).property);
        const args = node.arguments as Node[];
        if (method === 'addIssue') judge(args[0], node);
        if (method === 'refine') judge(args[1], node);
        if (method === 'field' && nameOf((node.callee as Node).object) === 'ValidationError') {
          const key = args[1];
          if (args.length >= 3 && !(key?.type === 'Literal' && key.value === 'OTHER')) scan.keyed += 1;
          else scan.unkeyed.push(`${file.path}:${file.text.slice(0, node.start).split('\n').length}`);
        }
      }
      if (node.type === 'ObjectExpression') {
        const names = propertyNames(node);
        const isFieldProblem = names.includes('path') && names.includes('message') && !names.includes('code');
        if (isFieldProblem) judge(node, node);
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'type' || key === 'start' || key === 'end') continue;
        for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) walk(child);
      }
    };
    walk(program as unknown as Node);
  }
  return scan;
}

describe('the refusals of the shared schemas and the server', () => {
  it('each name their key, so none reaches a client as OTHER', () => {
    const scan = scanRefusals([...sourcesUnder('shared/src'), ...sourcesUnder('server/src')]);
    // The scan itself must see the rules, or an empty list would prove nothing.
    expect(scan.keyed).toBeGreaterThan(90);
    expect(scan.unkeyed).toEqual([]);
  });

  it('are found as refinements, refine options and field problems, and fail without a key', () => {
    const scan = scanRefusals([
      {
        path: 'rules.ts',
        text: `
export const day = z.string().refine(isDay, { error: 'No such day' }).refine(isLate, { error: 'Too late', ...keyed('DATE_TOO_LATE') });
export const pair = z.object({ a: z.number(), b: z.number() }).superRefine((pair, ctx) => {
  if (pair.a > pair.b) ctx.addIssue({ code: 'custom', path: ['b'], message: 'Must be after a' });
  if (pair.a === pair.b) ctx.addIssue({ code: 'custom', path: ['b'], message: 'Equal', params: { problem: { key: 'GIVEN_TWICE' } } });
});
export function check(problems: FieldError[]) {
  problems.push({ path: ['unit'], message: 'Wrong unit' });
  problems.push({ path: ['unit'], key: 'UNIT_REQUIRED', message: 'Give the unit' });
  if (taken) throw ValidationError.field('code', 'OTHER', 'Taken');
  throw ValidationError.field('code', 'OPERATION_CODE_TAKEN', 'Taken');
}`,
      },
    ]);
    expect(scan).toEqual({ keyed: 4, unkeyed: ['rules.ts:2', 'rules.ts:4', 'rules.ts:8', 'rules.ts:10'] });
  });
});
