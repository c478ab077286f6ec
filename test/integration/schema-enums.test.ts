import { getNamedType, getNullableType, type GraphQLEnumType, GraphQLObjectType, GraphQLInterfaceType, isListType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COMMODITY_CATEGORIES } from '@jointops/shared/catalogue';
import { AUDIT_OUTCOMES, LOCALES, PARTICIPATION_STATUSES } from '@jointops/shared/domain';
import { ERROR_CODES } from '@jointops/shared/errors';
import { EVENT_CATALOGUE } from '@jointops/server/journal/event-catalogue';
import { CSV_TABLES } from '@jointops/server/modules/results/results-export';
import { schema } from '@jointops/server/graphql/schema';
import { GATE_CRITERION_KEYS } from '@jointops/shared/operations';
import { PROBLEM_KEYS } from '@jointops/shared/problems';

// Coded values are enums, not Strings: a client learns the values from the schema and its
// generated types catch a typo. Each enum's values are the shared constant's, so a code added
// there is in the schema too.

const enumValuesOf = (name: string) =>
  (schema.getType(name) as GraphQLEnumType)
    .getValues()
    .map((value) => value.name)
    .sort();

/** The named type of a field (`Type.field`) or of an argument (`Type.field(argument)`). */
function typeOf(coordinate: string): string {
  const [, typeName, fieldName, argName] = coordinate.match(/^(\w+)\.(\w+)(?:\((\w+)\))?$/)!;
  const type = schema.getType(typeName!) as GraphQLObjectType | GraphQLInterfaceType;
  const field = type.getFields()[fieldName!]!;
  const target = argName ? field.args.find((arg) => arg.name === argName)!.type : field.type;
  return getNamedType(target).name;
}

const CONVERTED: [string, string, readonly string[]][] = [
  ['Error.errorCode', 'ErrorCode', Object.values(ERROR_CODES)],
  ['ValidationError.errorCode', 'ErrorCode', Object.values(ERROR_CODES)],
  ['OperationEvent.type', 'OperationEventType', Object.keys(EVENT_CATALOGUE)],
  ['AlertRaisedEvent.type', 'OperationEventType', Object.keys(EVENT_CATALOGUE)],
  ['ResyncRequiredEvent.type', 'OperationEventType', Object.keys(EVENT_CATALOGUE)],
  ['AuditEntry.outcome', 'AuditOutcome', AUDIT_OUTCOMES],
  ['Participation.status', 'ParticipationStatus', PARTICIPATION_STATUSES],
  ['ParticipationChangedEvent.statusAfter', 'ParticipationStatus', PARTICIPATION_STATUSES],
  ['Commodity.category', 'CommodityCategory', COMMODITY_CATEGORIES],
  ['User.locale', 'Locale', LOCALES],
  ['OperationResults.csv(table)', 'ResultsTable', CSV_TABLES],
  ['GateCriterion.key', 'GateCriterionKey', Object.keys(GATE_CRITERION_KEYS)],
  ['OverriddenCriterion.key', 'GateCriterionKey', Object.keys(GATE_CRITERION_KEYS)],
  ['FieldError.key', 'ProblemKey', PROBLEM_KEYS],
];

describe('coded values in the schema', () => {
  it.each(CONVERTED)('%s is the enum %s, with the shared values', (coordinate, enumName, values) => {
    expect(typeOf(coordinate)).toBe(enumName);
    expect(enumValuesOf(enumName)).toEqual([...values].sort());
  });

  // Fields whose names say "a code" and that stay Strings, each for its reason. A new one fails
  // here until it is an enum or its reason is written down.
  const STAYING_STRINGS: Record<string, string> = {
    'Error.code': 'shares its response name with Operation.code in one answer; errorCode is the enum',
    'Operation.code': 'an operation code its coordinator chooses (PGS-APAC-2026-01)',
    'Invitation.code': "the invited operation's code",
    'Commodity.code': 'catalogue item codes: data, hundreds of them, versioned with the catalogue',
    'AuditEntry.action': 'the audited action: every mutation name and each job, an open list several modules add to',
    'AuditEntry.targetType': 'a GraphQL type name',
    'ResultRow.key': 'the group and the unit of a row, e.g. MY:AMMONIUM_NITRATE:KG',
  };
  const CODE_NAMES = /^(code|status|statusAfter|type|outcome|category|locale|key|action|targetType|table|kind|state)$/;

  it('has no String field named like a code left but those with a written reason', () => {
    const strings: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType)) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (CODE_NAMES.test(field.name) && named.name === 'String' && !isListType(getNullableType(field.type))) {
          // An error type's code comes from the Error interface: the interface stands for it.
          if (field.name === 'code' && type.getInterfaces().some((face) => face.name === 'Error')) continue;
          strings.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(strings.sort()).toEqual(Object.keys(STAYING_STRINGS).sort());
  });
});
