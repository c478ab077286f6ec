import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// The register of checks a contact point keeps (shared/src/checks.ts and the checks service).

export const checkWords = defineMessages({
  atMostADay: { id: 'serverText.check.atMostADay', defaultMessage: 'At most {max, number} a day' },
  unitOfQuantity: { id: 'serverText.check.unitOfQuantity', defaultMessage: 'Give the unit of the quantity' },
  unitWithoutQuantity: { id: 'serverText.check.unitWithoutQuantity', defaultMessage: 'A unit is given without a quantity' },
  quantityWithoutShipment: { id: 'serverText.check.quantityWithoutShipment', defaultMessage: 'No quantity without a shipment checked' },
  moreHitsThanChecks: { id: 'serverText.check.moreHitsThanChecks', defaultMessage: 'More hits than checks' },
  agencyWithoutCountry: {
    id: 'serverText.check.agencyWithoutCountry',
    defaultMessage: 'Figures are reported per country, and your agency has none: a national agency records them',
  },
  dayNotCome: {
    id: 'serverText.check.dayNotCome',
    defaultMessage: 'This day has not come yet in the reference time zone of the operation',
  },
  beforeOperational: { id: 'serverText.check.beforeOperational', defaultMessage: 'This day is before the operational phase began' },
});

export const checkTexts: readonly ServerText[] = [
  { pattern: /^At most (?<max>[\d,]+) a day$/, message: checkWords.atMostADay },
  { pattern: /^Give the unit of the quantity$/, message: checkWords.unitOfQuantity },
  { pattern: /^A unit without a quantity$/, message: checkWords.unitWithoutQuantity },
  { pattern: /^No quantity without a shipment checked$/, message: checkWords.quantityWithoutShipment },
  { pattern: /^More hits than checks$/, message: checkWords.moreHitsThanChecks },
  {
    pattern: /^Figures are reported per country, and your agency has none: a national agency records them$/,
    message: checkWords.agencyWithoutCountry,
  },
  { pattern: /^This day has not come yet in the operation's reference time zone$/, message: checkWords.dayNotCome },
  { pattern: /^Before the operational phase began$/, message: checkWords.beforeOperational },
];
