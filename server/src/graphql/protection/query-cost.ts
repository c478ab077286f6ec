import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../env';
import { queryLimitError } from './query-limits';

// How many objects a query may make the server resolve, estimated from the schema before it
// runs. graphql-armor's cost rule reads the text alone: it cannot tell a list from an object,
// nor read a page size given as a variable, and it scored the 16-second
// `participations { operation { participations { … } } }` below the timeline screen. This
// estimate knows both: a list multiplies what is under it by the page asked for (`first`, as
// the resolvers clamp it) or, for a plain list, by an assumed size; scalars cost nothing.

/** As graphql/pagination.ts: a connection without `first` gives 50 items, never more than 500. */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

interface Estimate {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  listSize: number;
  /** A fragment costs the same wherever it is spread: a fragment spread in a fragment spread… is walked once. */
  fragmentCosts: Map<string, number>;
  /** The variables whose values the estimate read: the only ones it depends on, besides the document. */
  variablesRead: Set<string>;
}

/** A variable's value as a page size: a finite number, or null for anything else. */
const pageGiven = (given: unknown): number | null => (typeof given === 'number' && Number.isFinite(given) ? given : null);

function intArgument(field: FieldNode, names: string[], estimate: Estimate): number | null {
  const argument = field.arguments?.find((candidate) => names.includes(candidate.name.value));
  if (!argument) return null;
  const value: ValueNode = argument.value;
  if (value.kind === Kind.INT) return pageGiven(Number(value.value));
  if (value.kind !== Kind.VARIABLE) return null;
  estimate.variablesRead.add(value.name.value);
  return pageGiven(estimate.variables[value.name.value]);
}

function selectionSetCost(estimate: Estimate, selectionSet: SelectionSetNode, type: GraphQLCompositeType, page: number | null): number {
  let common = 0;
  // On an interface or union, one object takes one concrete branch: the dearest one counts.
  const branches = new Map<string, number>();
  const addBranch = (condition: GraphQLCompositeType, cost: number) => {
    if (isObjectType(condition) && condition !== type) branches.set(condition.name, (branches.get(condition.name) ?? 0) + cost);
    else common += cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      common += fieldCost(estimate, selection, type, page);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? estimate.schema.getType(selection.typeCondition.name.value) : type;
      if (condition && isCompositeType(condition))
        addBranch(condition, selectionSetCost(estimate, selection.selectionSet, condition, page));
    } else {
      const fragment = estimate.fragments.get(selection.name.value);
      const condition = fragment && estimate.schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !condition || !isCompositeType(condition)) continue;
      const key = `${fragment.name.value}@${page ?? ''}`;
      let cost = estimate.fragmentCosts.get(key);
      if (cost === undefined) {
        cost = selectionSetCost(estimate, fragment.selectionSet, condition, page);
        estimate.fragmentCosts.set(key, cost);
      }
      addBranch(condition, cost);
    }
  }
  return common + Math.max(0, ...branches.values());
}

function fieldCost(estimate: Estimate, field: FieldNode, parent: GraphQLCompositeType, page: number | null): number {
  // A union has no fields of its own but __typename, which costs nothing.
  const definition = 'getFields' in parent ? parent.getFields()[field.name.value] : undefined;
  if (!definition || !field.selectionSet) return 0;
  const type = getNamedType(definition.type);
  if (!isCompositeType(type)) return 0;
  // A connection's page size applies to the list right under it (its edges), not further down.
  const asked = intArgument(field, ['first', 'last'], estimate);
  const childPage =
    asked === null && !definition.args.some((argument) => argument.name === 'first')
      ? null
      : Math.min(Math.max(asked ?? DEFAULT_PAGE, 1), MAX_PAGE);
  const count = isListType(getNullableType(definition.type)) ? (page ?? estimate.listSize) : 1;
  return count * (1 + selectionSetCost(estimate, field.selectionSet, type, childPage));
}

/** The estimate, and the variables it read. */
function estimated(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  listSize: number,
): { cost: number; variablesRead: Set<string> } {
  const variablesRead = new Set<string>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { cost: 0, variablesRead };
  const estimate: Estimate = { schema, fragments, variables: variables ?? {}, listSize, fragmentCosts: new Map(), variablesRead };
  return { cost: selectionSetCost(estimate, operation.selectionSet, root, null), variablesRead };
}

/** The objects the operation may resolve; fragments and variables as given (the document is valid). */
export function estimateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  listSize: number,
): number {
  return estimated(schema, document, operationName, variables, listSize).cost;
}

/** Page sizes a document is asked with, kept per document: a client pages with a handful of sizes. */
const PAGE_SIZES_KEPT = 16;

/** What one operation of a document was estimated at: the variables it reads, and its cost by their page sizes. */
interface KeptEstimate {
  variablesRead: string[];
  costs: Map<string, number>;
}

/**
 * The estimate, computed once per document, operation and page sizes asked. yoga's parser cache
 * hands every request of the same text the same parsed document, so the walk over the schema is
 * done once, not per request; a document yoga lets go of takes its estimates with it.
 */
function estimateCache(schema: GraphQLSchema, listSize: number) {
  const byDocument = new WeakMap<DocumentNode, Map<string, KeptEstimate>>();
  return (document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined) => {
    let operations = byDocument.get(document);
    if (!operations) {
      operations = new Map();
      byDocument.set(document, operations);
    }
    const kept = operations.get(operationName ?? '');
    const pages = (read: string[]) => read.map((name) => String(pageGiven(variables?.[name]))).join(',');
    const cost = kept?.costs.get(pages(kept.variablesRead));
    if (cost !== undefined) return cost;
    const fresh = estimated(schema, document, operationName, variables, listSize);
    const entry = kept ?? { variablesRead: [...fresh.variablesRead], costs: new Map<string, number>() };
    if (!kept) operations.set(operationName ?? '', entry);
    if (entry.costs.size >= PAGE_SIZES_KEPT) entry.costs.clear();
    entry.costs.set(pages(entry.variablesRead), fresh.cost);
    return fresh.cost;
  };
}

/** Refuses, before the first resolver runs, an operation whose estimate is over the limit. */
export function useQueryCost(limits: Config['queryLimits']): Plugin {
  // By schema too: a document's cost is the schema's reading of it.
  const caches = new WeakMap<GraphQLSchema, ReturnType<typeof estimateCache>>();
  const costOf = (schema: GraphQLSchema) => {
    let cache = caches.get(schema);
    if (!cache) {
      cache = estimateCache(schema, limits.costListSize);
      caches.set(schema, cache);
    }
    return cache;
  };
  const refuseIfTooCostly = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null };
    setResultAndStopExecution: (result: { errors: readonly Error[] }) => void;
  }) => {
    const cost = costOf(args.schema)(args.document, args.operationName, args.variableValues);
    if (cost > limits.maxCost) setResultAndStopExecution({ errors: [queryLimitError('cost', limits.maxCost, Math.round(cost))] });
  };
  return {
    onExecute: refuseIfTooCostly,
    onSubscribe: ({ args, setResultAndStopExecution }) =>
      refuseIfTooCostly({ args, setResultAndStopExecution: (result) => setResultAndStopExecution(result as never) }),
  };
}
