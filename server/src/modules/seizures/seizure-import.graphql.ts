import { seizureImportTemplate } from '@jointops/shared/seizure-import';
import {
  ImportRejectedError,
  ImportTooLargeError,
  NotFoundError,
  PhaseRuleError,
  ValidationError,
  type RowError,
} from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { ErrorInterface } from '../../graphql/errors';
import { importSeizures, type ImportOutcome } from './seizure-import.service';
import type { SeizureRow } from './seizures.repo';
import { SeizureType } from './seizures.graphql';

const RowErrorType = builder.objectRef<RowError>('RowError').implement({
  description: 'A problem of an imported file: row 1 is the first row under the header, row 0 the header itself.',
  fields: (t) => ({
    row: t.exposeInt('row'),
    column: t.exposeString('column', { nullable: true, description: 'The template column, or null for the row as a whole.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ImportRejectedError, {
  name: 'ImportRejectedError',
  description: 'Nothing was imported: every problem of every row is listed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ rowErrors: t.field({ type: [RowErrorType], resolve: (error) => error.rowErrors }) }),
});

builder.objectType(ImportTooLargeError, {
  name: 'ImportTooLargeError',
  description: 'The file is over the import limits and was not read.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ maxBytes: t.exposeInt('maxBytes'), maxRows: t.exposeInt('maxRows') }),
});

const ImportSeizuresSuccess = builder.objectRef<ImportOutcome>('ImportSeizuresSuccess').implement({
  fields: (t) => ({
    importedCount: t.exposeInt('importedCount', { description: 'Reports this import created.' }),
    alreadyImportedCount: t.exposeInt('alreadyImportedCount', {
      description: 'Rows an earlier import of the agency had already created; not created again.',
    }),
    // Read again with the selection in one query: rows handed to the type as they are would be
    // reloaded by the drizzle plugin, which matches each row of the reload by a search through
    // all of them (seconds for a file of 10,000 rows).
    seizures: t.drizzleField({
      type: [SeizureType],
      description: 'One report per row, in the order of the file.',
      resolve: async (query, outcome, _args, ctx) => {
        const rows = await ctx.db.query.seizures.findMany(query({ where: { id: { in: outcome.seizures.map((seizure) => seizure.id) } } }));
        const byId = new Map(rows.map((row) => [(row as unknown as SeizureRow).id, row]));
        return outcome.seizures.map((seizure) => byId.get(seizure.id)!);
      },
    }),
  }),
});

const ImportSeizuresInput = builder.inputType('ImportSeizuresInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    csv: t.string({
      required: true,
      description: 'The filled-in template (see seizureImportTemplate): `,` or `;` separated, UTF-8, a BOM allowed.',
    }),
  }),
});

builder.queryField('seizureImportTemplate', (t) =>
  t.string({
    authScopes: { authenticated: true },
    description: 'The empty seizure import template: its header row, for the web app to offer as a download.',
    resolve: () => seizureImportTemplate(),
  }),
);

builder.mutationField('importSeizures', (t) =>
  t.field({
    type: ImportSeizuresSuccess,
    authScopes: { authenticated: true },
    description: "Imports a CSV of seizures for the caller's agency, all rows or none; rows imported before are not created again.",
    args: { input: t.arg({ type: ImportSeizuresInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PhaseRuleError, ImportRejectedError, ImportTooLargeError] },
    resolve: (_root, args, ctx) => importSeizures(ctx, args.input),
  }),
);
