import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { encodeGlobalId } from '@jointops/server/global-id';
import * as accounts from '@jointops/shared/accounts';
import * as alerts from '@jointops/shared/alerts';
import * as catalogue from '@jointops/shared/catalogue';
import * as checks from '@jointops/shared/checks';
import * as operations from '@jointops/shared/operations';
import { SEIZURE_IMPORT_COLUMNS } from '@jointops/shared/seizure-import';
import { csvRecord } from '@jointops/shared/csv';
import * as seizures from '@jointops/shared/seizures';
import { arbitraryOf, HOSTILE_CHARACTERS } from '../testkit/zod-arbitrary';

// What mutation-fuzz.test.ts sends each mutation: the shared zod schema its service parses (the
// arbitraries are read off it), whether a success must leave events on the operation's timeline,
// and the ids its id fields are drawn from. The well-formed inputs and who may send them come
// from input-validation.cases.ts, so both suites start from the same honest calls.

type Schema = Parameters<typeof arbitraryOf>[0];

/** Real global ids of the fuzz's world, by the type they name. */
export type IdPool = Record<IdKind, string[]>;
export type IdKind = 'Operation' | 'Agency' | 'User' | 'Alert' | 'Seizure' | 'OperationMember' | 'Commodity';

export interface FuzzEntry {
  /** The schema the mutation's service parses its input with. */
  schema: Schema;
  /** A success writes the operation's timeline: whatever it changed comes with at least one event. */
  journal: boolean;
  /**
   * Its ids are drawn only from bystanders (and made-up ids), never from the people and
   * operations the other mutations are sent as and to: it can deactivate, demote (assigning the
   * coordinator as an observer), withdraw or cancel them, and the mutations fuzzed after it would
   * then only ever meet refusals.
   */
  bystandersOnly?: boolean;
  /** Cases to generate; fewer where each call hashes a password (about 30 ms each). */
  runs?: number;
}

/** The id type each id field names. */
const ID_FIELDS: Record<string, IdKind> = {
  operationId: 'Operation',
  agencyId: 'Agency',
  recipientAgencyIds: 'Agency',
  userId: 'User',
  alertId: 'Alert',
  linkedAlertIds: 'Alert',
  seizureId: 'Seizure',
  memberId: 'OperationMember',
  commodityId: 'Commodity',
  commodityIds: 'Commodity',
  targetCommodityIds: 'Commodity',
};

/** An id for a field naming `kind`: mostly a real one of that type, else of another type, made up or malformed. */
export function idArbitrary(kind: IdKind, pool: IdPool): fc.Arbitrary<string> {
  const real = pool[kind];
  const others = Object.entries(pool).flatMap(([type, ids]) => (type === kind ? [] : ids));
  const madeUp = fc.constantFrom(...(Object.keys(pool) as IdKind[])).map((type) => encodeGlobalId(type, randomUUID()));
  const malformed = fc.constantFrom(
    encodeGlobalId(kind, 'not-a-uuid'),
    encodeGlobalId(kind, '00000000-0000-0000-0000-000000000000'),
    randomUUID(),
    `${kind}:${randomUUID()}`,
  );
  return fc.oneof(
    ...(real.length ? [{ weight: 6, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...others) },
    { weight: 2, arbitrary: madeUp },
    { weight: 1, arbitrary: malformed },
  );
}

/**
 * An import file as a national team might fill it in: template columns (some missing, some
 * repeated, some unknown), each cell drawn from the schema of the report field it fills.
 */
function csvArbitrary(): fc.Arbitrary<string> {
  const shape = (seizures.seizureContentInput as unknown as { _zod: { def: { shape: Record<string, Schema> } } })._zod.def.shape;
  // A list item that is an object (a nationality and its count, a notice's type and reference) is written as the import reads it: `FR:2`.
  const item = (value: unknown): string =>
    value !== null && typeof value === 'object' ? Object.values(value).map(item).join(':') : String(value);
  const cell = (field: string) =>
    (shape[field] ? arbitraryOf(shape[field]) : fc.string()).map((value) =>
      value === undefined || value === null ? '' : Array.isArray(value) ? value.map(item).join(';') : item(value),
    );
  const column = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...SEIZURE_IMPORT_COLUMNS) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('notes', '', ' seized at ', `seized${HOSTILE_CHARACTERS[0]}at`).map((name) => ({ name, field: name })),
    },
  );
  const columns = fc.oneof(
    fc.constant(SEIZURE_IMPORT_COLUMNS.map((entry) => ({ name: entry.name, field: entry.field }))),
    fc.uniqueArray(column, { minLength: 1, maxLength: SEIZURE_IMPORT_COLUMNS.length + 1, selector: (entry) => entry.name }),
  );
  return fc
    .tuple(columns, fc.constantFrom(',', ';' as const), fc.boolean())
    .chain(([header, separator, bom]) =>
      fc
        .array(fc.tuple(...header.map((entry) => cell(entry.field))), { minLength: 0, maxLength: 3 })
        .map(
          (rows) =>
            (bom ? '\uFEFF' : '') +
            [header.map((entry) => entry.name), ...rows].map((cells) => csvRecord(cells, separator as ',' | ';')).join('\r\n'),
        ),
    );
}

/** The subject of an alert: any category's subject schema, whichever category the alert says. */
function subjectArbitrary(): fc.Arbitrary<unknown> {
  return fc.oneof(...Object.values(alerts.ALERT_SUBJECTS).map((schema) => arbitraryOf(schema as unknown as Schema)));
}

/** Values for fields no schema can fill well: ids of the world, whole files, a JSON subject. */
export function fieldValues(pool: IdPool): (name: string) => fc.Arbitrary<unknown> | undefined {
  return (name) => {
    const kind = ID_FIELDS[name];
    if (kind && name.endsWith('Ids')) return fc.array(idArbitrary(kind, pool), { maxLength: 4 });
    if (kind) return idArbitrary(kind, pool);
    if (name === 'csv') return csvArbitrary();
    if (name === 'subject') return subjectArbitrary();
    // Typed subjects are GraphQL-typed (@oneOf): the JSON subject above carries the fuzz of the shared rules.
    if (name === 'typedSubject') return fc.constant(null);
    // Reused keys replay an earlier request, sometimes with other content.
    if (name === 'idempotencyKey') return fc.oneof(fc.uuid(), fc.constantFrom('fuzz-key-1', 'fuzz-key-2'));
    return undefined;
  };
}

const schema = (zod: unknown) => zod as Schema;

/**
 * Every mutation with an input, in the order they are fuzzed: the ones that can end people's
 * access or an operation come last, so that what runs before meets the world as it was built.
 */
export const FUZZ: Record<string, FuzzEntry> = {
  raiseAlert: { schema: schema(alerts.raiseAlertInput), journal: true },
  acknowledgeAlert: { schema: schema(alerts.acknowledgeAlertInput), journal: true },
  giveAlertFeedback: { schema: schema(alerts.giveAlertFeedbackInput), journal: true },
  commentOnAlert: { schema: schema(alerts.commentOnAlertInput), journal: true },
  amendAlert: { schema: schema(alerts.amendAlertInput), journal: true },
  // After the other alert mutations: a withdrawn alert refuses them all.
  withdrawAlert: { schema: schema(alerts.withdrawAlertInput), journal: true },
  reportSeizure: { schema: schema(seizures.reportSeizureInput), journal: true },
  importSeizures: { schema: schema(seizures.importSeizuresInput), journal: true },
  submitSeizure: { schema: schema(seizures.submitSeizureInput), journal: true },
  correctSeizure: { schema: schema(seizures.correctSeizureInput), journal: true },
  verifySeizure: { schema: schema(seizures.verifySeizureInput), journal: true },
  rejectSeizure: { schema: schema(seizures.rejectSeizureInput), journal: true },
  recordLicitShipmentsChecked: { schema: schema(checks.recordLicitShipmentsCheckedInput), journal: true },
  recordDatabaseChecks: { schema: schema(checks.recordDatabaseChecksInput), journal: true },
  createOperation: { schema: schema(operations.createOperationInput), journal: true },
  updateOperation: { schema: schema(operations.updateOperationInput), journal: true },
  addOperationCommodity: { schema: schema(catalogue.addOperationCommodityInput), journal: true },
  recordFinalReport: { schema: schema(operations.recordFinalReportInput), journal: true },
  inviteAgency: { schema: schema(operations.inviteAgencyInput), journal: true },
  respondToInvitation: { schema: schema(operations.respondToInvitationInput), journal: true },
  assignMember: { schema: schema(operations.assignMemberInput), journal: true, bystandersOnly: true },
  removeMember: { schema: schema(operations.removeMemberInput), journal: true, bystandersOnly: true },
  withdrawParticipation: { schema: schema(operations.withdrawParticipationInput), journal: true, bystandersOnly: true },
  advancePhase: { schema: schema(operations.advancePhaseInput), journal: true, bystandersOnly: true },
  login: { schema: schema(accounts.loginInput), journal: false, runs: 40 },
  createAgency: { schema: schema(accounts.createAgencyInput), journal: false },
  updateAgency: { schema: schema(accounts.updateAgencyInput), journal: false, bystandersOnly: true },
  deactivateAgency: { schema: schema(accounts.deactivateAgencyInput), journal: false, bystandersOnly: true },
  reactivateAgency: { schema: schema(accounts.reactivateAgencyInput), journal: false, bystandersOnly: true },
  createUser: { schema: schema(accounts.createUserInput), journal: false, runs: 40 },
  updateUser: { schema: schema(accounts.updateUserInput), journal: false, bystandersOnly: true },
  resetUserPassword: { schema: schema(accounts.resetUserPasswordInput), journal: false, bystandersOnly: true, runs: 40 },
  deactivateUser: { schema: schema(accounts.deactivateUserInput), journal: false, bystandersOnly: true },
  reactivateUser: { schema: schema(accounts.reactivateUserInput), journal: false, bystandersOnly: true },
  // The caller's own account: last, so that a new password or language meets no mutation fuzzed after.
  updateMyPreferences: { schema: schema(accounts.updateMyPreferencesInput), journal: false },
  changeMyPassword: { schema: schema(accounts.changeMyPasswordInput), journal: false, runs: 40 },
};

/** Mutations without input, fuzzed through what the request carries instead. */
export const FUZZED_WITHOUT_INPUT = ['logout'];
