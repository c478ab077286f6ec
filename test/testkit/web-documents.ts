import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

// The GraphQL documents the web app sends, rebuilt from its sources as gql.tada and urql send
// them: each operation with the fragments it spreads (transitively), and `__typename` in every
// selection set below the root (graphcache asks for it to normalise the answer).

const WEB_SOURCES = fileURLToPath(new URL('../../web/src', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WebDocument {
  name: string;
  kind: OperationDefinitionNode['operation'];
  /** The file that defines the operation, relative to the repository root. */
  file: string;
  /** The text sent over the wire. */
  query: string;
}

/** Every `graphql(` template literal of web/src, outside tests. gql.tada documents never interpolate. */
function templates(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const name of readdirSync(WEB_SOURCES, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$|\.d\.ts$/.test(name)) continue;
    const path = join(WEB_SOURCES, name);
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(/\bgraphql\(\s*`([^`]*)`/g)) found.push({ file: relative(ROOT, path), text: match[1]! });
  }
  return found;
}

function withTypenames(definition: DefinitionNode): DefinitionNode {
  return visit(definition, {
    SelectionSet: {
      leave(node: SelectionSetNode, _key, parent) {
        const isRoot = parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION;
        const has = node.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename' && !selection.alias,
        );
        if (isRoot || has) return undefined;
        return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
      },
    },
  }) as DefinitionNode;
}

function spreadsOf(definition: DefinitionNode): string[] {
  const names: string[] = [];
  visit(definition, { FragmentSpread: (node) => void names.push(node.name.value) });
  return names;
}

export function webDocuments(): WebDocument[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: { definition: OperationDefinitionNode; file: string }[] = [];
  for (const { file, text } of templates()) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ definition, file });
    }
  }
  return operations.map(({ definition, file }) => {
    const needed = new Set<string>();
    const pending = spreadsOf(definition);
    while (pending.length) {
      const name = pending.pop()!;
      if (needed.has(name)) continue;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`${file}: fragment ${name} is not defined in web/src`);
      needed.add(name);
      pending.push(...spreadsOf(fragment));
    }
    const definitions = [definition, ...[...needed].map((name) => fragments.get(name)!)].map(withTypenames);
    return {
      name: definition.name?.value ?? '(anonymous)',
      kind: definition.operation,
      file,
      query: print({ kind: Kind.DOCUMENT, definitions }),
    };
  });
}
