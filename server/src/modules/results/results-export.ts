import { BOM } from '@jointops/shared/csv';
import { csvHeaderRow, type CsvColumnKey, type CsvHeader } from '@jointops/shared/csv-columns';
import type { Locale, Marking } from '@jointops/shared/domain';
import { ValidationError } from '../../domain-errors';
import type { AlertFigures } from './alert-figures.repo';
import { resultRows, type RowTable } from './result-rows';
import { type Cell, toCsv as csv } from './results-csv';
import type { CheckFigures, OperationResultsSource } from './results.service';
import type { SeizureFigures } from './seizure-figures.repo';

/** The headline figures, shared by the `totals` field and its CSV table. */
export function resultsTotals(seizures: SeizureFigures, alerts: AlertFigures, checks: CheckFigures) {
  const sum = <T>(rows: T[], figure: (row: T) => number) => rows.reduce((total, row) => total + figure(row), 0);
  return {
    seizures: seizures.seizures,
    arrests: seizures.arrests,
    bonusSeizures: seizures.bonusSeizures,
    interpolFollowUps: seizures.interpolFollowUps,
    alertsRaised: alerts.alertsRaised,
    alertsAcknowledged: alerts.alertsAcknowledged,
    alertsOverdue: alerts.alertsOverdue,
    deadlinesMissed: alerts.deadlinesMissed,
    medianMinutesToAcknowledge: alerts.medianMinutesToAcknowledge,
    alertsWithFeedback: alerts.alertsWithFeedback,
    alertsWithSeizure: alerts.alertsWithSeizure,
    hitRate: alerts.alertsWithFeedback ? alerts.alertsWithSeizure / alerts.alertsWithFeedback : null,
    alertDeliveries: alerts.alertDeliveries,
    recipientsWithFeedback: alerts.recipientsWithFeedback,
    controlsPerformed: alerts.controlsPerformed,
    controlRate: alerts.alertDeliveries ? alerts.controlsPerformed / alerts.alertDeliveries : null,
    alertsWithRecipientFeedback: alerts.alertsWithRecipientFeedback,
    alertsWithRecipientSeizure: alerts.alertsWithRecipientSeizure,
    recipientHitRate: alerts.alertsWithRecipientFeedback ? alerts.alertsWithRecipientSeizure / alerts.alertsWithRecipientFeedback : null,
    licitShipmentsChecked: sum(checks.licitShipments, (row) => row.shipments),
    databaseChecks: sum(checks.databaseChecks, (row) => row.checks),
    databaseHits: sum(checks.databaseChecks, (row) => row.hits),
  };
}

const ROW_TABLES: RowTable[] = ['byCountryAndCommodity', 'byDetectionMethod', 'byTransportMode', 'byCommodityClass', 'bonusByClass'];
export const CSV_TABLES = [
  'totals',
  ...ROW_TABLES,
  'arrestsByNationality',
  'alertOutcomes',
  'licitShipmentsChecked',
  'databaseChecks',
  'seizures',
] as const;

const ROW_COLUMNS: CsvColumnKey[] = [
  'key',
  'label',
  'country_code',
  'commodity_code',
  'commodity_class',
  'quantity',
  'unit',
  'seizures',
  'arrests',
];

/** The import template's columns, in its order, among what the system derives: an exported list imports again as it is. */
const SEIZURE_COLUMNS = [
  'reference',
  'status',
  'seized_at',
  'country_code',
  'place',
  'location_type',
  'latitude',
  'longitude',
  'commodity_code',
  'commodity_name',
  'commodity_description',
  'quantity',
  'unit',
  'base_quantity',
  'base_unit',
  'bonus',
  'detection_method',
  'concealment',
  'transport_mode',
  'conveyance',
  'origin_country_code',
  'transit_country_codes',
  'destination_country_code',
  'arrests',
  'reporting_agency',
  'linked_alert_references',
  // Added since: columns only ever go at the end, so a script that reads by position keeps working.
  'arrests_by_nationality',
  'interpol_notified_at',
  'interpol_ncb',
  'interpol_notices',
] as const satisfies readonly CsvColumnKey[];

export interface CsvRequest {
  table: string;
  maxMarking: Marking;
  header: CsvHeader;
  locale: Locale;
}

/**
 * One table of the results as CSV, from the same figures the fields show. Aggregate counts are not
 * alert data (they name no alert), so they are as the API gives them; the marking bound applies to
 * alert references, the only alert data an export carries.
 */
export async function resultsCsv(source: OperationResultsSource, { table, maxMarking, header, locale }: CsvRequest): Promise<string> {
  // A labelled file is for people, who open it in Excel: without a BOM Excel reads UTF-8 as the
  // machine's code page (Référence as RÃ©fÃ©rence). The import takes the BOM off again. A file
  // headed by keys is for scripts, which a BOM before the first key would trip.
  const toCsv = (keys: readonly CsvColumnKey[], records: readonly (readonly Cell[])[]) =>
    (header === 'LABELS' ? BOM : '') + csv(csvHeaderRow(keys, header, locale), records);
  if (table === 'totals') {
    const totals = resultsTotals(await source.seizures(), await source.alerts(), await source.checks());
    return toCsv(
      ['figure', 'value'],
      Object.entries(totals).map(([figure, value]): Cell[] => [figure, value]),
    );
  }
  if ((ROW_TABLES as string[]).includes(table)) {
    const rows = resultRows(table as RowTable, (await source.seizures())[table as RowTable], locale);
    return toCsv(
      ROW_COLUMNS,
      rows.map((row) => [
        row.key,
        row.label,
        row.countryCode,
        row.commodity?.code,
        row.commodityClass,
        row.quantity,
        row.unit,
        row.seizures,
        row.arrests,
      ]),
    );
  }
  if (table === 'arrestsByNationality') {
    return toCsv(
      ['nationality', 'arrests', 'seizures'],
      (await source.arrestsByNationality()).map((row) => [row.nationality, row.arrests, row.seizures]),
    );
  }
  if (table === 'alertOutcomes') {
    return toCsv(
      ['outcome', 'alerts'],
      (await source.alerts()).outcomes.map((outcome) => [outcome.outcome, outcome.count]),
    );
  }
  if (table === 'licitShipmentsChecked') {
    // One line per country and dimension: a country that checked tonnes and litres has two.
    const lines = (await source.checks()).licitShipments.flatMap((row): Cell[][] =>
      row.quantities.length
        ? row.quantities.map((q) => [row.countryCode, row.shipments, q.quantity, q.unit])
        : [[row.countryCode, row.shipments, null, null]],
    );
    return toCsv(['country_code', 'shipments', 'quantity', 'unit'], lines);
  }
  if (table === 'databaseChecks') {
    return toCsv(
      ['country_code', 'database', 'checks', 'hits'],
      (await source.checks()).databaseChecks.map((row) => [row.countryCode, row.database, row.checks, row.hits]),
    );
  }
  if (table === 'seizures') {
    const list = await source.seizureList(maxMarking);
    return toCsv(
      SEIZURE_COLUMNS,
      list.map((seizure) => SEIZURE_COLUMNS.map((column) => seizure[column] as Cell)),
    );
  }
  throw ValidationError.field('table', 'UNKNOWN_TABLE', `Unknown table; one of ${CSV_TABLES.join(', ')}`);
}
