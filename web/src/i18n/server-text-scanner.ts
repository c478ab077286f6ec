import { parseSync } from 'vite';

// For server-texts.test.ts: every English sentence the shared schemas and the server can refuse
// with, read from their sources. A sentence is a string or template literal that reaches
//   - a `message`, `error` or `problem` property (zod's `{ error }`, `ctx.addIssue({ message })`,
//     field and row problems), directly or through a constant or a function returning it;
//   - the message of a domain error (a class extending DomainError, or GraphQLError), built from
//     the arguments of `new X(…)` as the class's constructor builds it.
// A parameter is followed to the arguments of every call of its function, so a phrase passed
// through helpers (`operationForAction(…, 'edit the operation')` → `new ForbiddenError(action)`)
// is found where it is written. What a `${…}` cannot be followed to becomes a sample value.

export interface FoundSentence {
  sentence: string;
  /** `file:line` where the sentence is written. */
  where: string;
}

export interface SourceFile {
  path: string;
  text: string;
}

/** A sample for a `${…}` by what its source says, first match wins; a number otherwise. */
export type Samples = readonly (readonly [RegExp, string])[];

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface Fn {
  name: string | null;
  params: (string | null)[];
  /** Every name the parameters bind, destructured ones included. */
  bound: Set<string>;
  returns: Node[];
  outer: Fn[];
  file: Parsed;
}

interface Parsed {
  path: string;
  text: string;
  consts: Map<string, Node[]>;
}

interface Site {
  kind: 'property' | 'new';
  node: Node;
  stack: Fn[];
  file: Parsed;
}

interface ClassInfo {
  superName: string | null;
  ctor: Fn | null;
  superArgs: Node[] | null;
}

/** A function being followed: its parameters bound to the arguments of one call, or not yet. */
interface Scope {
  fn: Fn;
  bindings: Map<string, Written> | null;
}

/** An expression with where it is written, which says what its names mean. */
interface Written {
  expr: Node;
  chain: Scope[];
  file: Parsed;
}

interface CallSite {
  args: Node[];
  chain: Scope[];
  file: Parsed;
}

/** A sentence an expression can be, and where its literal is written. */
interface Piece {
  text: string;
  where: string;
}

const MESSAGE_KEYS = new Set(['message', 'error', 'problem']);
const ROOT_ERRORS = new Set(['Error', 'GraphQLError']);
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression']);
const unwrap = (node: Node): Node => (WRAPPERS.has(node.type) ? unwrap(node.expression as Node) : node);
const nameOf = (node: unknown): string | null => (isNode(node) && node.type === 'Identifier' ? (node.name as string) : null);

function boundNames(pattern: Node, into: Set<string>): void {
  if (pattern.type === 'Identifier') into.add(pattern.name as string);
  else if (pattern.type === 'TSParameterProperty') boundNames(pattern.parameter as Node, into);
  else if (pattern.type === 'AssignmentPattern') boundNames(pattern.left as Node, into);
  else if (pattern.type === 'RestElement') boundNames(pattern.argument as Node, into);
  else if (pattern.type === 'ObjectPattern')
    for (const p of pattern.properties as Node[]) boundNames((p.value ?? p.argument) as Node, into);
  else if (pattern.type === 'ArrayPattern') for (const p of pattern.elements as (Node | null)[]) if (p) boundNames(p, into);
}

const paramName = (pattern: Node): string | null =>
  pattern.type === 'TSParameterProperty'
    ? paramName(pattern.parameter as Node)
    : pattern.type === 'AssignmentPattern'
      ? paramName(pattern.left as Node)
      : nameOf(pattern);

export function scanSentences(files: readonly SourceFile[], samples: Samples): FoundSentence[] {
  const functions = new Map<string, Fn[]>();
  const calls = new Map<string, CallSite[]>();
  const classes = new Map<string, ClassInfo>();
  /** Module-level string constants, with the file that declares them (where their own names mean something). */
  const globalConsts = new Map<string, { init: Node; file: Parsed }>();
  const sites: Site[] = [];

  for (const source of files) {
    const parsed: Parsed = { path: source.path, text: source.text, consts: new Map() };
    const { program, errors } = parseSync(source.path, source.text);
    if (errors.length) throw new Error(`${source.path} does not parse: ${errors[0]!.message}`);
    const walk = (node: Node, stack: Fn[], name: string | null, className: string | null): void => {
      let inner = stack;
      if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
        const params = node.params as Node[];
        const fn: Fn = {
          name: name ?? nameOf(node.id),
          params: params.map(paramName),
          bound: new Set(),
          returns: [],
          outer: stack,
          file: parsed,
        };
        for (const param of params) boundNames(param, fn.bound);
        if (node.expression) fn.returns.push(node.body as Node);
        if (fn.name) functions.set(fn.name, [...(functions.get(fn.name) ?? []), fn]);
        if (fn.name?.endsWith('.constructor')) classes.get(className!)!.ctor = fn;
        inner = [fn, ...stack];
      }
      if (node.type === 'ReturnStatement' && node.argument && stack[0]) stack[0].returns.push(node.argument as Node);
      if (node.type === 'VariableDeclarator' && node.init && nameOf(node.id)) {
        const constName = nameOf(node.id)!;
        parsed.consts.set(constName, [...(parsed.consts.get(constName) ?? []), node.init as Node]);
        const init = unwrap(node.init as Node);
        if (!stack.length && (init.type === 'Literal' || init.type === 'TemplateLiteral'))
          globalConsts.set(constName, { init, file: parsed });
      }
      if (node.type === 'ClassDeclaration' && nameOf(node.id)) {
        className = nameOf(node.id)!;
        classes.set(className, { superName: nameOf(node.superClass), ctor: null, superArgs: null });
      }
      if (node.type === 'CallExpression' && (node.callee as Node).type === 'Super' && className)
        classes.get(className)!.superArgs = node.arguments as Node[];
      if (node.type === 'CallExpression' || node.type === 'NewExpression') {
        const callee = node.callee as Node;
        const key =
          node.type === 'NewExpression'
            ? `${nameOf(callee)}.constructor`
            : callee.type === 'MemberExpression' && nameOf(callee.object)
              ? `${nameOf(callee.object)}.${nameOf(callee.property)}`
              : nameOf(callee);
        const chain: Scope[] = inner.map((fn) => ({ fn, bindings: null }));
        if (key) calls.set(key, [...(calls.get(key) ?? []), { args: node.arguments as Node[], chain, file: parsed }]);
        if (node.type === 'NewExpression' && nameOf(callee)) sites.push({ kind: 'new', node, stack: inner, file: parsed });
      }
      if (node.type === 'Property' && MESSAGE_KEYS.has(nameOf(node.key) ?? ''))
        sites.push({ kind: 'property', node: node.value as Node, stack: inner, file: parsed });
      for (const [key, value] of Object.entries(node)) {
        if (key === 'type' || key === 'start' || key === 'end') continue;
        const childName =
          node.type === 'VariableDeclarator' && key === 'init'
            ? nameOf(node.id)
            : node.type === 'MethodDefinition' && key === 'value'
              ? node.static || node.kind === 'constructor'
                ? `${className}.${nameOf(node.key)}`
                : null
              : null;
        const children: unknown[] = Array.isArray(value) ? value : [value];
        for (const child of children) if (isNode(child)) walk(child, inner, childName, className);
      }
    };
    walk(program as unknown as Node, [], null, null);
  }

  const descendsFromDomainError = (name: string): boolean => {
    for (let cls = classes.get(name); cls; cls = classes.get(cls.superName ?? '')) if (cls.superName === 'DomainError') return true;
    return false;
  };

  const at = (file: Parsed, node: Node): string => `${file.path}:${file.text.slice(0, node.start).split('\n').length}`;

  const matchingSample = (file: Parsed, node: Node): string | null => {
    const source = file.text.slice(node.start, node.end);
    return samples.find(([pattern]) => pattern.test(source))?.[1] ?? null;
  };

  /** A sample by what the `${…}` says, else by what the call being followed passed for it, else a number. */
  const sample = (expression: Node, chain: Scope[], file: Parsed): string => {
    const own = matchingSample(file, expression);
    if (own !== null) return own;
    const name = nameOf(expression);
    const bound = name ? chain.find((scope) => scope.fn.bound.has(name))?.bindings?.get(name) : undefined;
    return (bound && matchingSample(bound.file, bound.expr)) ?? '1';
  };

  let depth = 0;
  /** The sentences an expression can be, or null when it is not made of literals. */
  const evaluate = (raw: Node, chain: Scope[], file: Parsed): Piece[] | null => {
    if (depth > 12) return null;
    depth += 1;
    try {
      const node = unwrap(raw);
      switch (node.type) {
        case 'Literal':
          return typeof node.value === 'string' ? [{ text: node.value, where: at(file, node) }] : null;
        case 'TemplateLiteral': {
          const quasis = node.quasis as Node[];
          let results = [(quasis[0]!.value as { cooked: string }).cooked];
          (node.expressions as Node[]).forEach((expression, index) => {
            const parts = evaluate(expression, chain, file)?.map((piece) => piece.text) ?? [sample(expression, chain, file)];
            const tail = (quasis[index + 1]!.value as { cooked: string }).cooked;
            results = results.flatMap((head) => parts.map((part) => head + part + tail));
          });
          return results.map((text) => ({ text, where: at(file, node) }));
        }
        case 'ConditionalExpression':
        case 'LogicalExpression': {
          const branches = node.type === 'LogicalExpression' ? [node.left, node.right] : [node.consequent, node.alternate];
          const found = branches.map((branch) => evaluate(branch as Node, chain, file)).filter((list) => list !== null);
          return found.length ? found.flat() : null;
        }
        case 'Identifier':
          return identifier(node.name as string, chain, file);
        case 'CallExpression': {
          const callee = nameOf(node.callee);
          const targets = callee ? (functions.get(callee) ?? []) : [];
          const found = targets.flatMap((fn) => returnsOf(fn, node.arguments as Node[], chain, file));
          return found.length ? found : null;
        }
        default:
          return null;
      }
    } finally {
      depth -= 1;
    }
  };

  const bind = (fn: Fn, args: Node[], chain: Scope[], file: Parsed): Scope[] => {
    const bindings = new Map(
      fn.params.flatMap((param, index) => (param && args[index] ? [[param, { expr: args[index]!, chain, file }] as const] : [])),
    );
    return [{ fn, bindings }, ...fn.outer.map((outer) => ({ fn: outer, bindings: null }))];
  };

  const returnsOf = (fn: Fn, args: Node[], chain: Scope[], file: Parsed): Piece[] =>
    fn.returns.flatMap((expression) => evaluate(expression, bind(fn, args, chain, file), fn.file) ?? []);

  const identifier = (name: string, chain: Scope[], file: Parsed): Piece[] | null => {
    for (const scope of chain) {
      if (!scope.fn.bound.has(name)) continue;
      if (scope.bindings) {
        const bound = scope.bindings.get(name);
        return bound ? evaluate(bound.expr, bound.chain, bound.file) : null;
      }
      const index = scope.fn.params.indexOf(name);
      if (!scope.fn.name || index < 0) return null;
      const found = (calls.get(scope.fn.name) ?? []).flatMap((call) =>
        call.args[index] ? (evaluate(call.args[index]!, call.chain, call.file) ?? []) : [],
      );
      return found.length ? found : null;
    }
    const local = file.consts.get(name)?.flatMap((init) => evaluate(init, chain, file) ?? []);
    if (local?.length) return local;
    const global = globalConsts.get(name);
    return global ? evaluate(global.init, [], global.file) : null;
  };

  /** The message `new name(args)` gets, following each constructor's `super(…)`. */
  const messageOf = (name: string, args: Node[], chain: Scope[], file: Parsed): Piece[] | null => {
    if (ROOT_ERRORS.has(name)) return args[0] ? evaluate(args[0], chain, file) : null;
    const cls = classes.get(name);
    if (!cls?.superName) return null;
    if (!cls.ctor || !cls.superArgs) return messageOf(cls.superName, args, chain, file);
    return messageOf(cls.superName, cls.superArgs, bind(cls.ctor, args, chain, file), cls.ctor.file);
  };

  const found: FoundSentence[] = [];
  for (const site of sites) {
    const chain = site.stack.map((fn) => ({ fn, bindings: null }));
    let pieces: Piece[] | null;
    if (site.kind === 'new') {
      const name = nameOf(site.node.callee)!;
      if (name !== 'GraphQLError' && !descendsFromDomainError(name)) continue;
      pieces = messageOf(name, site.node.arguments as Node[], chain, site.file);
    } else {
      pieces = evaluate(site.node, chain, site.file);
    }
    for (const { text, where } of pieces ?? []) {
      // Coded values (`'INVITED'` in a condition) are not sentences. A domain error's sentence is
      // written in its class: the `new` that raises it says more.
      if (!/^[A-Z0-9_]*$/.test(text)) found.push({ sentence: text, where: site.kind === 'new' ? at(site.file, site.node) : where });
    }
  }
  return found;
}
