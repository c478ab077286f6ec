import type { IntlShape, MessageDescriptor } from 'react-intl';
import { checkedDatabaseWords, outcomeWords } from '../../i18n/codes';
import { countryName } from '../../ui/agency';
import { formatQuantity } from '../timeline/event-description';
import { columnWords, rowLabel } from './result-words';
import type { ResultRow, Results, RowTable } from './results-documents';
import type { ResultsTableContent } from './results-section';

// Each results table as lines of words and figures in the reader's language: the results page
// and the final report show the same lines.

const number = (intl: IntlShape, value: number) => intl.formatNumber(value);

/** A table of result rows: each row is one group in one base unit, its quantity with that unit. */
export function rowTable(intl: IntlShape, table: RowTable, rows: readonly ResultRow[]): ResultsTableContent {
  const say = (words: MessageDescriptor) => intl.formatMessage(words);
  return {
    columns: [
      { header: say(columnWords[table]) },
      { header: say(columnWords.quantity), numeric: true },
      { header: say(columnWords.seizures), numeric: true },
      { header: say(columnWords.arrests), numeric: true },
    ],
    lines: rows.map((row) => ({
      key: row.key,
      cells: [
        rowLabel(intl, table, row),
        formatQuantity(intl, row.quantity, row.unit),
        number(intl, row.seizures),
        number(intl, row.arrests),
      ],
    })),
    bars: rows.map((row) => ({
      key: row.key,
      label: `${rowLabel(intl, table, row)} (${formatQuantity(intl, row.quantity, row.unit)})`,
      value: row.seizures,
    })),
  };
}

export function outcomesTable(intl: IntlShape, outcomes: Results['alertOutcomes']): ResultsTableContent {
  return {
    columns: [{ header: intl.formatMessage(columnWords.outcome) }, { header: intl.formatMessage(columnWords.alerts), numeric: true }],
    lines: outcomes.map((row) => ({ key: row.outcome, cells: [intl.formatMessage(outcomeWords[row.outcome]), number(intl, row.count)] })),
    bars: outcomes.map((row) => ({ key: row.outcome, label: intl.formatMessage(outcomeWords[row.outcome]), value: row.count })),
  };
}

export function arrestsTable(intl: IntlShape, rows: Results['arrestsByNationality']): ResultsTableContent {
  return {
    columns: [
      { header: intl.formatMessage(columnWords.nationality) },
      { header: intl.formatMessage(columnWords.arrests), numeric: true },
      { header: intl.formatMessage(columnWords.seizures), numeric: true },
    ],
    lines: rows.map((row) => ({
      key: row.nationality ?? '',
      cells: [
        row.nationality ? countryName(intl.locale, row.nationality) : intl.formatMessage(columnWords.noNationality),
        number(intl, row.arrests),
        number(intl, row.seizures),
      ],
    })),
  };
}

/** Licit shipments per country, their quantities side by side: kilograms and litres are never one figure. */
export function licitShipmentsTable(intl: IntlShape, rows: Results['licitShipmentsChecked']): ResultsTableContent {
  return {
    columns: [
      { header: intl.formatMessage(columnWords.country) },
      { header: intl.formatMessage(columnWords.shipments), numeric: true },
      { header: intl.formatMessage(columnWords.quantity), numeric: true },
    ],
    lines: rows.map((row) => ({
      key: row.countryCode,
      cells: [
        countryName(intl.locale, row.countryCode),
        number(intl, row.shipments),
        row.quantities.map((quantity) => formatQuantity(intl, quantity.quantity, quantity.unit)).join(' · '),
      ],
    })),
    bars: rows.map((row) => ({ key: row.countryCode, label: countryName(intl.locale, row.countryCode), value: row.shipments })),
  };
}

export function databaseChecksTable(intl: IntlShape, rows: Results['databaseChecks']): ResultsTableContent {
  return {
    columns: [
      { header: intl.formatMessage(columnWords.country) },
      { header: intl.formatMessage(columnWords.database) },
      { header: intl.formatMessage(columnWords.checks), numeric: true },
      { header: intl.formatMessage(columnWords.hits), numeric: true },
    ],
    lines: rows.map((row) => ({
      key: `${row.countryCode}:${row.database}`,
      cells: [
        countryName(intl.locale, row.countryCode),
        intl.formatMessage(checkedDatabaseWords[row.database]),
        number(intl, row.checks),
        number(intl, row.hits),
      ],
    })),
  };
}
