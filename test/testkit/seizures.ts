import { randomUUID } from 'node:crypto';
import { errorCode } from './graphql';
import type { Actor, OperationDriver, OperationKit, Outcome } from './operations';

// Seizure reports as contact points file them: a well-formed report, changed only in what a
// test's story is about.

/** 24 t of ammonium nitrate in a container at Port Klang, found by x-ray after risk profiling. */
export function seizureInput(
  operation: OperationDriver,
  commodityId: string | null,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    seizedAt: '2026-05-01T00:00:00Z',
    countryCode: 'MY',
    place: 'Port Klang, Westport container terminal',
    locationType: 'SEAPORT',
    latitude: 2.9996,
    longitude: 101.3918,
    commodityId,
    quantity: 24,
    unit: 'T',
    detectionMethod: 'X_RAY',
    concealment: 'Declared as NPK fertiliser',
    transportMode: 'SEA',
    conveyance: 'MSKU1234565 on MV Kota Lestari',
    originCountryCode: 'MY',
    transitCountryCodes: ['SG'],
    destinationCountryCode: 'PH',
    arrests: 2,
    ...overrides,
  };
}

/** A CSV file of `rows` under a header naming their keys, every cell quoted as spreadsheets may. */
export function csvFile(rows: Record<string, string>[], separator: ',' | ';' = ','): string {
  const columns = Object.keys(rows[0]!);
  const record = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(separator);
  return [columns.join(separator), ...rows.map((row) => record(columns.map((column) => row[column] ?? '')))].join('\r\n');
}

const IMPORTED = `__typename ... on Error { code message } ... on ImportRejectedError { rowErrors { row column message } }
  ... on ImportTooLargeError { maxBytes maxRows }
  ... on ImportSeizuresSuccess { importedCount alreadyImportedCount seizures { id reference status quantity unit place concealment
    transitCountryCodes commodity { code } commodityDescription linkedAlerts { id } reportedBy { id } reportingAgency { id } } }`;

export function seizureKit(kit: OperationKit) {
  return {
    /** The global id of the catalogue item with `code`. */
    async commodity(viewer: Actor, code: string): Promise<string> {
      const item = (await kit.catalogue(viewer)).find((candidate) => candidate.code === code);
      if (!item) throw new Error(`no catalogue item ${code}`);
      return item.id;
    },

    report: (by: Actor, input: Record<string, unknown>) => kit.mutate(by, 'reportSeizure', input),

    /** importSeizures of `csv` into the operation by `by`. */
    async importFile(by: Actor, operation: OperationDriver, csv: string): Promise<Outcome> {
      const response = await kit.graphql(
        `mutation($input: ImportSeizuresInput!) { importSeizures(input: $input) { ${IMPORTED} } }`,
        { input: { operationId: operation.id, csv } },
        { token: by.token },
      );
      const refusal = errorCode(response);
      if (!refusal && response.errors) throw new Error(`importSeizures failed: ${JSON.stringify(response.errors)}`);
      return { result: response.data?.importSeizures ?? null, refusal };
    },

    /** A report `by` files and that must succeed; its id. */
    async reported(by: Actor, input: Record<string, unknown>): Promise<string> {
      const { result } = await kit.mutate(by, 'reportSeizure', input);
      if (result?.__typename !== 'Seizure') throw new Error(`reportSeizure failed: ${JSON.stringify(result)}`);
      return result.id as string;
    },

    /** The seizure and reconciliation events of the timeline as `viewer` sees it, oldest first. */
    async events(operation: OperationDriver, viewer: Actor): Promise<{ type: string; seizure?: { id: string }; alert?: { id: string } }[]> {
      const seen = await operation.view(
        viewer,
        `timeline(first: 500) { edges { node { type
          ... on SeizureReportedEvent { seizure { id } } ... on SeizureSubmittedEvent { seizure { id } }
          ... on SeizureCorrectedEvent { seizure { id } } ... on SeizureVerifiedEvent { seizure { id } }
          ... on SeizureRejectedEvent { seizure { id } } ... on AlertReconciledEvent { alert { id } seizure { id } } } } }`,
      );
      return seen!.timeline.edges
        .map((edge: { node: { type: string } }) => edge.node)
        .filter((event: { type: string }) => event.type.startsWith('SEIZURE_') || event.type === 'ALERT_RECONCILED');
    },
  };
}
