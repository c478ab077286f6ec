import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

// plugin-drizzle wraps every exposed column of a drizzle type: for each value it looks up, by the response path,
// how the row was loaded, and records it again for the fields beneath — two WeakMap writes and a
// few path strings per value, about a fifth of a read's CPU (reads bench: ~350 of a read's ~415
// values are plain columns). A column has no fields beneath it, and a row that carries the column
// was read with it: its value is the answer the plugin's lookup would lead to. Only a row without
// it (loaded by a plan that did not ask for it) still goes through the plugin, which loads it.

/** The column an exposed field of a drizzle type reads, when plugin-drizzle would look its loading up per value. */
function exposedColumn<Types extends SchemaTypes>(fieldConfig: PothosOutputFieldConfig<Types>): string | null {
  if (fieldConfig.kind !== 'DrizzleObject') return null;
  const { pothosExposedField: name, pothosDrizzleSelect: select } = (fieldConfig.extensions ?? {}) as {
    pothosExposedField?: unknown;
    pothosDrizzleSelect?: { columns?: Record<string, unknown> } | false;
  };
  if (typeof name !== 'string' || !select) return null;
  // Only plugin-drizzle's own `expose` select (that one column, nothing else): any other select
  // loads more than the value, and the plugin's bookkeeping is what carries it to the fields beneath.
  const columns = Object.keys(select.columns ?? {});
  return Object.keys(select).length === 1 && columns.length === 1 && columns[0] === name ? name : null;
}

type FieldResolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

/** `resolver` as plugin-drizzle wrapped it, answering a row's own column value without the plugin's lookups. */
export function columnAtHand<Types extends SchemaTypes>(
  resolver: FieldResolver<Types>,
  fieldConfig: PothosOutputFieldConfig<Types>,
): FieldResolver<Types> {
  const column = exposedColumn(fieldConfig);
  if (!column) return resolver;
  return (row, args, context, info) => {
    const value = (row as Record<string, unknown>)[column];
    return value === undefined ? resolver(row, args, context, info) : value;
  };
}

export class ColumnsAtHandPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: FieldResolver<Types>, fieldConfig: PothosOutputFieldConfig<Types>): FieldResolver<Types> {
    return columnAtHand(resolver, fieldConfig);
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      columnsAtHand: ColumnsAtHandPlugin<Types>;
    }
  }
}

export const columnsAtHand = 'columnsAtHand';
SchemaBuilder.registerPlugin(columnsAtHand, ColumnsAtHandPlugin);
