import {
  aliasedTable,
  EmptyFilter,
  is,
  operators,
  Param,
  Placeholder,
  SQL,
  StringChunk,
  getTableColumns,
  type Table,
  type TableRelationalConfig,
} from 'drizzle-orm';
import type { Db } from './client';
import { plainKey } from './shared-builds';

// A read through the API asks drizzle for the same relational query, request after request, with
// only the viewer (and the ids asked for) changing: drizzle builds its SQL text anew every time,
// walking every relation, column and fragment (~0.5 ms of the ~4 ms of CPU an operation's page of
// alerts costs). Here the statement is built once per *shape*, and each request only supplies its
// values. Need-to-know decides what a shape may leave out:
//
// - The need-to-know conditions are `where.RAW` functions closed over the viewer (and, in some, the
//   clock). Each is called again for every request, with the table drizzle would give it, and
//   rendered as drizzle renders it. Its text goes into the shape; its values (the viewer's ids,
//   the time) become the statement's parameters, never part of its text. Two viewers whose
//   conditions render the same text share the statement, each with their own values; a condition
//   that renders other text (another kind of viewer, another filter) is another shape.
// - Everything else in the configuration goes into the shape as it is (column filters, page
//   sizes, columns, order), as db/shared-builds.ts keys them: the same value builds the same text.
// - A configuration holding anything else (another function, a SQL fragment, a Date, a column)
//   is built by drizzle every time, as before.
//
// A statement is only kept if drizzle, building it, called each condition with the table the
// shape was rendered with and got the same text back.
//
// On PostgreSQL each shape is also a named prepared statement (drizzle names it from its text):
// unnamed, PostgreSQL planned it again at every bind, and an operation's page (its participations,
// its newest alerts, each with the need-to-know conditions) took 5-7 ms to plan and under 1 ms to
// run: the database spent more CPU on a read than the hub did (reads bench, 5,620 µs a request).
// Named, each pooled connection parses it once, and after five runs PostgreSQL keeps one generic
// plan for every viewer's values when it costs no more than planning each time. PGlite's driver
// ignores the name.

/** Statements built for a new shape, and reads answered with a statement built before, since the process started. */
export const shapeCounts = { built: 0, reused: 0 };

/** Shapes kept per database before the oldest are let go. */
const MAX_SHAPES = 500;

/** Where a parameter sits in a rendered condition's text: a NUL byte, which no PostgreSQL statement text may hold. */
const SLOT = '\u0000';

interface RelationalQuery {
  readonly schema: Record<string, TableRelationalConfig>;
  readonly table: Table;
  readonly tableConfig: TableRelationalConfig;
  readonly dialect: {
    escapeName(name: string): string;
    escapeParam(num: number): string;
    escapeString(value: string): string;
    readonly codecs?: unknown;
  };
  readonly session: object;
  readonly config: unknown;
  readonly mode: 'first' | 'many';
  readonly parseJson: boolean;
  execute(placeholderValues?: Record<string, unknown>): Promise<unknown>;
  _prepare(name?: string, generateName?: boolean): { execute(placeholderValues?: Record<string, unknown>): Promise<unknown> };
}
type RelationalQueryClass = new (...args: unknown[]) => RelationalQuery;

/** A need-to-know condition as drizzle would embed it: its text around its parameters, and their values. */
interface RenderedCondition {
  pieces: string[];
  values: unknown[];
}

/** A configuration's shape, its parameters' values in order, and its conditions as rendered. */
interface Shape {
  key: string;
  values: unknown[];
  conditions: (RenderedCondition | typeof EmptyFilter)[];
}

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.getOwnPropertySymbols(value).length === 0;
};

class Unshaped extends Error {}

type Rendering = Parameters<SQL['toQuery']>[0];
const renderings = new WeakMap<RelationalQuery['dialect'], Rendering>();

/** drizzle's own way of writing a statement for this dialect, with a SLOT in each parameter's place. */
function renderingFor(dialect: RelationalQuery['dialect']): Rendering {
  let rendering = renderings.get(dialect);
  if (!rendering) {
    rendering = {
      escapeName: dialect.escapeName.bind(dialect),
      escapeParam: () => SLOT,
      escapeString: dialect.escapeString.bind(dialect),
      codecs: dialect.codecs,
    } as Rendering;
    renderings.set(dialect, rendering);
  }
  return rendering;
}

/** Walks a configuration as drizzle's relational query builder does, to key its shape or to make its template. */
class ShapeWalk {
  key = '';
  readonly values: unknown[] = [];
  readonly conditions: Shape['conditions'] = [];

  constructor(
    private readonly query: RelationalQuery,
    /** Given on a miss: the conditions rendered for the key, handed out again in the same order. */
    private readonly rendered?: Shape['conditions'],
  ) {}

  /** A query's (or a `with` entry's) configuration at `depth`: drizzle aliases its table `d<depth>`. */
  config(config: unknown, tableConfig: TableRelationalConfig, depth: number): unknown {
    if (config === null || typeof config !== 'object' || Array.isArray(config) || !isPlainObject(config)) return this.plain(config);
    const template: Record<string, unknown> = {};
    this.key += '{';
    for (const name in config) {
      const value = (config as Record<string, unknown>)[name];
      this.key += `${JSON.stringify(name)}:`;
      if (name === 'where' && value !== null && typeof value === 'object') {
        template[name] = this.where(value, aliasedTable(tableConfig.table as Table, `d${depth}`), tableConfig, 0);
      } else if (name === 'with' && value !== null && typeof value === 'object' && isPlainObject(value)) {
        const joins: Record<string, unknown> = {};
        this.key += '{';
        for (const relationName in value) {
          const join = (value as Record<string, unknown>)[relationName];
          const relation = tableConfig.relations[relationName];
          this.key += `${JSON.stringify(relationName)}:`;
          joins[relationName] =
            relation && join !== null && typeof join === 'object'
              ? this.config(join, this.query.schema[relation.targetTableName]!, depth + 1)
              : this.plain(join);
          this.key += ',';
        }
        this.key += '}';
        template[name] = joins;
      } else template[name] = this.plain(value);
      this.key += ',';
    }
    this.key += '}';
    return template;
  }

  /** A filter on `table` (as aliased by drizzle); a relation's filter aliases its table `f<depth>`. */
  private where(filter: object, table: Table, tableConfig: TableRelationalConfig, depth: number): unknown {
    if (!isPlainObject(filter)) return this.plain(filter);
    const template: Record<string, unknown> = {};
    this.key += '{';
    for (const name in filter) {
      const value = (filter as Record<string, unknown>)[name];
      this.key += `${JSON.stringify(name)}:`;
      const relation = Object.hasOwn(getTableColumns(tableConfig.table as Table), name) ? undefined : tableConfig.relations[name];
      if (name === 'RAW' && value !== EmptyFilter) template[name] = this.condition(value, table);
      else if ((name === 'AND' || name === 'OR') && Array.isArray(value)) {
        this.key += '[';
        template[name] = value.map((part: unknown) => {
          const built = part !== null && typeof part === 'object' ? this.where(part, table, tableConfig, depth) : this.plain(part);
          this.key += ',';
          return built;
        });
        this.key += ']';
      } else if (name === 'NOT' && value !== null && typeof value === 'object')
        template[name] = this.where(value, table, tableConfig, depth);
      else if (relation && value !== null && typeof value === 'object') {
        const target = this.query.schema[relation.targetTableName]!;
        template[name] = this.where(value, aliasedTable(relation.targetTable as Table, `f${depth}`), target, depth + 1);
      } else template[name] = this.plain(value);
      this.key += ',';
    }
    this.key += '}';
    return template;
  }

  /** A need-to-know condition: its text keys the shape, its values are the parameters. */
  private condition(raw: unknown, table: Table): unknown {
    const index = this.conditions.length;
    let rendered: RenderedCondition | typeof EmptyFilter;
    if (this.rendered) rendered = this.rendered[index]!;
    else {
      const produced: unknown = typeof raw === 'function' ? raw(table, operators) : is(raw, SQL) ? raw : undefined;
      rendered = produced === EmptyFilter ? EmptyFilter : this.render(produced);
    }
    this.conditions.push(rendered);
    if (rendered === EmptyFilter) {
      this.key += 'E';
      return () => EmptyFilter;
    }
    this.key += `R${JSON.stringify(rendered.pieces.join(SLOT))}`;
    const first = this.values.length;
    this.values.push(...rendered.values);
    if (!this.rendered) return raw;
    // The template's condition: the same text, each value a placeholder filled per request. It
    // checks that drizzle gives it the table the shape was rendered with.
    const chunks: unknown[] = [new StringChunk(rendered.pieces[0]!)];
    for (let offset = 0; offset < rendered.values.length; offset += 1) {
      chunks.push(new Placeholder(`s${first + offset}`), new StringChunk(rendered.pieces[offset + 1]!));
    }
    const templateSql = new SQL(chunks as ConstructorParameters<typeof SQL>[0]);
    return (given: Table) => {
      const again: unknown = typeof raw === 'function' ? raw(given, operators) : raw;
      const check = again === EmptyFilter ? null : this.render(again);
      if (!check || check.pieces.join(SLOT) !== rendered.pieces.join(SLOT)) throw new Unshaped();
      return templateSql;
    };
  }

  /** Renders a condition as drizzle would inside the statement, a SLOT where each parameter goes. */
  private render(condition: unknown): RenderedCondition {
    if (!is(condition, SQL)) throw new Unshaped();
    const { sql, params } = condition.toQuery(renderingFor(this.query.dialect));
    const pieces = sql.split(SLOT);
    if (pieces.length !== params.length + 1) throw new Unshaped();
    for (const value of params) if (is(value, Placeholder) || is(value, Param)) throw new Unshaped();
    return { pieces, values: params };
  }

  private plain(value: unknown): unknown {
    const key = plainKey(value);
    if (key === null) throw new Unshaped();
    this.key += key;
    return value;
  }
}

function shapeOf(query: RelationalQuery): Shape | null {
  const walk = new ShapeWalk(query);
  try {
    walk.config(query.config, query.tableConfig, 0);
  } catch (error) {
    if (error instanceof Unshaped) return null;
    throw error;
  }
  return { key: `${query.mode}|${query.tableConfig.name}|${walk.key}`, values: walk.values, conditions: walk.conditions };
}

type Statement = ReturnType<RelationalQuery['_prepare']>;

/**
 * Makes `db` build each shape of relational query once (see above). A transaction's queries are
 * built as before: drizzle makes their builders afresh.
 */
export function buildByShape(db: Db): void {
  const statements = new Map<string, Statement>();
  /** Shapes whose conditions drizzle did not call with the table they were rendered with: built every time. */
  const unshaped = new Set<string>();
  for (const tableQueries of Object.values(db.query) as unknown as { builder: RelationalQueryClass }[]) {
    const base = tableQueries.builder;
    tableQueries.builder = class extends base {
      override execute(placeholderValues?: Record<string, unknown>): Promise<unknown> {
        const shape = placeholderValues === undefined ? shapeOf(this) : null;
        if (!shape) return super.execute(placeholderValues);
        if (unshaped.has(shape.key)) return super.execute();
        let statement = statements.get(shape.key);
        if (statement) shapeCounts.reused += 1;
        else {
          const walk = new ShapeWalk(this, shape.conditions);
          const template = walk.config(this.config, this.tableConfig, 0);
          const built = new base(
            this.schema,
            this.table,
            this.tableConfig,
            this.dialect,
            this.session,
            template,
            this.mode,
            this.parseJson,
          );
          try {
            statement = built._prepare(undefined, true);
          } catch (error) {
            if (error instanceof Unshaped) {
              if (unshaped.size >= MAX_SHAPES) unshaped.clear();
              unshaped.add(shape.key);
              return super.execute();
            }
            throw error;
          }
          if (statements.size >= MAX_SHAPES) statements.delete(statements.keys().next().value!);
          statements.set(shape.key, statement);
          shapeCounts.built += 1;
        }
        const values: Record<string, unknown> = {};
        shape.values.forEach((value, index) => {
          values[`s${index}`] = value;
        });
        return statement.execute(values);
      }
    };
  }
}
