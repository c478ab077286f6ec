import type { TestApp } from './app';
import type { Actor } from './operations';

// Reading results as a client does: every table in one request, CSV tables one at a time.

const ROW = 'key label countryCode commodity { code } commodityClass quantity unit seizures arrests';

export const RESULTS_SELECTION = `includeUnverified
  totals { seizures arrests bonusSeizures interpolFollowUps alertsRaised alertsAcknowledged alertsOverdue deadlinesMissed
    medianMinutesToAcknowledge alertsWithFeedback alertsWithSeizure hitRate licitShipmentsChecked databaseChecks databaseHits
    alertDeliveries recipientsWithFeedback controlsPerformed controlRate alertsWithRecipientFeedback alertsWithRecipientSeizure recipientHitRate }
  byCountryAndCommodity { ${ROW} } byCommodity { ${ROW} } byDetectionMethod { ${ROW} } byTransportMode { ${ROW} }
  byCommodityClass { ${ROW} } bonusByClass { ${ROW} } alertOutcomes { outcome count }`;

export interface ResultRowSeen {
  key: string;
  label: string;
  countryCode: string | null;
  commodity: { code: string } | null;
  commodityClass: string | null;
  quantity: number;
  unit: string;
  seizures: number;
  arrests: number;
}

export function resultsKit(testApp: TestApp) {
  return {
    /** `operationResults` as `viewer` gets it: the data, or the top-level error code. */
    async results(viewer: Actor, operationId: string, options: { includeUnverified?: boolean; selection?: string } = {}) {
      const response = await testApp.graphql(
        `query($id: ID!, $all: Boolean) { operationResults(operationId: $id, includeUnverified: $all) { ${options.selection ?? RESULTS_SELECTION} } }`,
        { id: operationId, all: options.includeUnverified ?? false },
        { token: viewer.token },
      );
      return { data: response.data?.operationResults ?? null, error: response.errors?.[0]?.extensions?.code as string | undefined };
    },

    /** One CSV table, or the top-level error code. */
    async csv(
      viewer: Actor,
      operationId: string,
      table: string,
      options: { maxMarking?: string; includeUnverified?: boolean; header?: 'KEYS' | 'LABELS' } = {},
    ) {
      const response = await testApp.graphql(
        `query($id: ID!, $all: Boolean, $table: ResultsTable!, $max: Marking, $header: CsvHeader) { operationResults(operationId: $id, includeUnverified: $all) { csv(table: $table, maxMarking: $max, header: $header) } }`,
        {
          id: operationId,
          all: options.includeUnverified ?? false,
          table,
          max: options.maxMarking ?? null,
          header: options.header ?? null,
        },
        { token: viewer.token },
      );
      return {
        text: (response.data?.operationResults?.csv as string | undefined) ?? null,
        error: response.errors?.[0]?.extensions?.code as string | undefined,
      };
    },
  };
}

/** RFC 4180 back into records, a leading BOM (labelled exports have one) taken off: enough to check what an export says. */
export function parseCsv(file: string): string[][] {
  const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return records;
}
