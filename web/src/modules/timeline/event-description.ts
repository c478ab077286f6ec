import type { QuantityUnit } from '@jointops/shared/domain';
import type { IntlShape } from 'react-intl';
import { unitWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { commodityName } from '../../ui/commodity-name';
import type { TimelineActor, TimelineAgency } from './timeline-documents';

/** A marker beside the sentence: an override, a correction, a severity, a TLP label. */
export interface EventTag {
  text: string;
  tone: 'warn' | 'danger' | 'ok' | 'neutral' | 'tlp';
  /** What the tag means, for its hover text (a TLP label's meaning). */
  title?: string;
}

/** What an event carried, under a label: a justification, a reason, the criteria it overrode. */
export interface EventDetail {
  label: string;
  text: string | string[];
}

/** An event in the reader's words: one sentence, then what it carried. */
export interface EventDescription {
  sentence: string;
  details?: EventDetail[];
  tags?: EventTag[];
  /** Someone went past a rule (an override): the item is marked so the eye finds it. */
  flagged?: boolean;
}

const words = defineMessages({
  someone: { id: 'timeline.actor.someone', defaultMessage: 'Someone' },
  actor: { id: 'timeline.actor', defaultMessage: '{name} ({agency})' },
  quantityOf: { id: 'timeline.quantityOf', defaultMessage: '{quantity} of {commodity}' },
  unnamedCommodity: { id: 'timeline.unnamedCommodity', defaultMessage: 'an unlisted commodity' },
});

/** The agency as a sentence names it in passing: its acronym, or its name when it has none. */
export const agencyShort = (agency: Pick<TimelineAgency, 'name' | 'acronym'>): string => agency.acronym || agency.name;

/** "Amélie Laurent (WCO)": who did it and for which agency. */
export function actorName(intl: IntlShape, actor: TimelineActor | null | undefined): string {
  if (!actor) return intl.formatMessage(words.someone);
  return intl.formatMessage(words.actor, { name: actor.displayName, agency: agencyShort(actor.agency) });
}

/** "1 250,5 kg", "12 pieces": the number in the reader's conventions, always with its unit. */
export function formatQuantity(intl: IntlShape, quantity: number, unit: QuantityUnit): string {
  return `${intl.formatNumber(quantity, { maximumFractionDigits: 3 })}\u00a0${intl.formatMessage(unitWords[unit])}`;
}

/** "24 t of ammonium nitrate": a seizure's quantity and what it was. */
export function quantityOf(
  intl: IntlShape,
  seizure: {
    quantity: number;
    unit: QuantityUnit;
    commodity: { nameEn: string; nameFr: string } | null;
    commodityDescription: string | null;
  },
): string {
  const commodity =
    (seizure.commodity && commodityName(intl.locale, seizure.commodity)) ??
    seizure.commodityDescription ??
    intl.formatMessage(words.unnamedCommodity);
  return intl.formatMessage(words.quantityOf, { quantity: formatQuantity(intl, seizure.quantity, seizure.unit), commodity });
}

/** A calendar day such as a register's "2026-06-02", in the reader's way of writing dates. */
export function formatDay(intl: IntlShape, day: string): string {
  return intl.formatDate(`${day}T12:00:00Z`, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}
