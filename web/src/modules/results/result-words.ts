import type { CommodityCategory } from '@jointops/shared/catalogue';
import type { DetectionMethod, TransportMode } from '@jointops/shared/domain';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { detectionMethodWords, transportModeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { countryName } from '../../ui/agency';
import { commodityName } from '../../ui/commodity-name';
import type { ResultRow, RowTable } from './results-documents';

export const tableWords = defineMessages({
  byCountryAndCommodity: { id: 'results.table.byCountryAndCommodity', defaultMessage: 'Seizures by country and commodity' },
  byDetectionMethod: { id: 'results.table.byDetectionMethod', defaultMessage: 'Seizures by detection method' },
  byTransportMode: { id: 'results.table.byTransportMode', defaultMessage: 'Seizures by transport mode' },
  byCommodityClass: { id: 'results.table.byCommodityClass', defaultMessage: 'Seizures by commodity class' },
  bonusByClass: { id: 'results.table.bonusByClass', defaultMessage: 'Bonus seizures (outside the target commodities)' },
  alertOutcomes: { id: 'results.table.alertOutcomes', defaultMessage: 'Alert outcomes' },
  arrestsByNationality: { id: 'results.table.arrestsByNationality', defaultMessage: 'Arrests by nationality' },
  licitShipmentsChecked: { id: 'results.table.licitShipmentsChecked', defaultMessage: 'Register of checks: licit shipments checked' },
  databaseChecks: { id: 'results.table.databaseChecks', defaultMessage: 'Register of checks: database checks' },
});

export const columnWords = defineMessages({
  byCountryAndCommodity: { id: 'results.column.countryAndCommodity', defaultMessage: 'Country and commodity' },
  byDetectionMethod: { id: 'results.column.detectionMethod', defaultMessage: 'Detection method' },
  byTransportMode: { id: 'results.column.transportMode', defaultMessage: 'Transport mode' },
  byCommodityClass: { id: 'results.column.commodityClass', defaultMessage: 'Commodity class' },
  bonusByClass: { id: 'results.column.bonusClass', defaultMessage: 'Commodity class' },
  quantity: { id: 'results.column.quantity', defaultMessage: 'Quantity' },
  seizures: { id: 'results.column.seizures', defaultMessage: 'Seizures' },
  arrests: { id: 'results.column.arrests', defaultMessage: 'Arrests' },
  outcome: { id: 'results.column.outcome', defaultMessage: 'Outcome' },
  alerts: { id: 'results.column.alerts', defaultMessage: 'Alerts' },
  country: { id: 'results.column.country', defaultMessage: 'Country' },
  nationality: { id: 'results.column.nationality', defaultMessage: 'Nationality' },
  shipments: { id: 'results.column.shipments', defaultMessage: 'Shipments checked' },
  database: { id: 'results.column.database', defaultMessage: 'Database' },
  checks: { id: 'results.column.checks', defaultMessage: 'Checks' },
  hits: { id: 'results.column.hits', defaultMessage: 'Hits' },
  noNationality: { id: 'results.column.noNationality', defaultMessage: 'Not given' },
  otherCommodities: { id: 'results.otherCommodities', defaultMessage: 'Other commodities' },
  empty: { id: 'results.empty', defaultMessage: 'Nothing counted yet.' },
});

/** The catalogue's categories, and OTHER for commodities described in words. */
export const commodityClassWords = defineMessages({
  PRECURSOR_CHEMICAL: { id: 'results.class.PRECURSOR_CHEMICAL', defaultMessage: 'Precursor chemicals' },
  DETONATOR: { id: 'results.class.DETONATOR', defaultMessage: 'Detonators' },
  FUSE: { id: 'results.class.FUSE', defaultMessage: 'Detonating cord and safety fuse' },
  COMPONENT: { id: 'results.class.COMPONENT', defaultMessage: 'IED components' },
  UAV: { id: 'results.class.UAV', defaultMessage: 'Drones and parts' },
  OTHER: { id: 'results.class.OTHER', defaultMessage: 'Other goods' },
}) satisfies Record<CommodityCategory | 'OTHER', unknown>;

const codeOf = (row: ResultRow) => row.key.split(':')[0] ?? '';

function wordFor<T extends string>(intl: IntlShape, words: Record<T, MessageDescriptor>, code: string): string {
  const descriptor: MessageDescriptor | undefined = code in words ? words[code as T] : undefined;
  return descriptor ? intl.formatMessage(descriptor) : code;
}

/**
 * A row's name in the language of the page it is on, from its codes: the server's `label`
 * follows the account's language, and a French report read by an English account is French.
 */
export function rowLabel(intl: IntlShape, table: RowTable, row: ResultRow): string {
  switch (table) {
    case 'byCountryAndCommodity': {
      const commodity = row.commodity ? commodityName(intl.locale, row.commodity) : intl.formatMessage(columnWords.otherCommodities);
      return `${countryName(intl.locale, row.countryCode ?? '')} · ${commodity}`;
    }
    case 'byDetectionMethod':
      return wordFor<DetectionMethod>(intl, detectionMethodWords, codeOf(row));
    case 'byTransportMode':
      return wordFor<TransportMode>(intl, transportModeWords, codeOf(row));
    default:
      return wordFor(intl, commodityClassWords, row.commodityClass ?? codeOf(row));
  }
}
