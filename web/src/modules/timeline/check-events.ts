import type { IntlShape } from 'react-intl';
import { checkedDatabaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { countryName } from '../../ui/agency';
import { commodityName } from '../../ui/commodity-name';
import { actorName, formatDay, formatQuantity, type EventDescription, type EventDetail } from './event-description';
import type { EventOf, TimelineEvent } from './timeline-documents';

// The register of checks: licit shipments checked and database checks, per country and day. A
// new figure for the same day replaces the earlier one, and says what it was.

const words = defineMessages({
  shipments: {
    id: 'timeline.event.licitShipmentsChecked',
    defaultMessage:
      '{actor} recorded {shipments, plural, =0 {no licit shipment} one {# licit shipment} other {# licit shipments}} of {commodity} checked on {day} ({country})',
  },
  shipmentsWithQuantity: {
    id: 'timeline.event.licitShipmentsCheckedQuantity',
    defaultMessage:
      '{actor} recorded {shipments, plural, =0 {no licit shipment} one {# licit shipment} other {# licit shipments}} of {commodity} ({quantity}) checked on {day} ({country})',
  },
  databaseChecks: {
    id: 'timeline.event.databaseChecksRecorded',
    defaultMessage:
      '{actor} recorded {checks, plural, one {# check} other {# checks}} in {database} on {day} ({country}), with {hits, plural, =0 {no hit} one {# hit} other {# hits}}',
  },
  correction: { id: 'timeline.tag.correction', defaultMessage: 'Correction' },
  before: { id: 'timeline.detail.before', defaultMessage: 'Recorded before' },
  shipmentsBefore: {
    id: 'timeline.detail.shipmentsBefore',
    defaultMessage: '{shipments, plural, =0 {no licit shipment} one {# licit shipment} other {# licit shipments}}',
  },
  checksBefore: {
    id: 'timeline.detail.checksBefore',
    defaultMessage: '{checks, plural, one {# check} other {# checks}}, {hits, plural, =0 {no hit} one {# hit} other {# hits}}',
  },
});

type ShipmentFigures = EventOf<'LicitShipmentsCheckedEvent'>['shipmentsAfter'];

const withQuantity = (intl: IntlShape, figures: ShipmentFigures): string | null =>
  figures.quantity != null && figures.unit ? formatQuantity(intl, figures.quantity, figures.unit) : null;

function correction(intl: IntlShape, corrected: boolean, before: string | null): Pick<EventDescription, 'tags' | 'details'> {
  if (!corrected) return {};
  const details: EventDetail[] = before ? [{ label: intl.formatMessage(words.before), text: before }] : [];
  return { tags: [{ text: intl.formatMessage(words.correction), tone: 'warn' }], details };
}

export function describeCheckEvent(intl: IntlShape, event: TimelineEvent): EventDescription | null {
  const actor = actorName(intl, event.actor);
  switch (event.__typename) {
    case 'LicitShipmentsCheckedEvent': {
      const { shipmentCheck: check, shipmentsAfter: after, shipmentsBefore: before } = event;
      const quantity = withQuantity(intl, after);
      const values = {
        actor,
        shipments: after.shipments,
        commodity: commodityName(intl.locale, check.commodity),
        quantity: quantity ?? '',
        country: countryName(intl.locale, check.countryCode),
        day: formatDay(intl, check.checkedOn),
      };
      const earlier = before
        ? [intl.formatMessage(words.shipmentsBefore, { shipments: before.shipments }), withQuantity(intl, before)]
            .filter(Boolean)
            .join(', ')
        : null;
      return {
        sentence: intl.formatMessage(quantity ? words.shipmentsWithQuantity : words.shipments, values),
        ...correction(intl, event.correction, earlier),
      };
    }
    case 'DatabaseChecksRecordedEvent': {
      const { databaseCheck: check, checksAfter: after, checksBefore: before } = event;
      const values = {
        actor,
        checks: after.checks,
        hits: after.hits,
        database: intl.formatMessage(checkedDatabaseWords[check.database]),
        country: countryName(intl.locale, check.countryCode),
        day: formatDay(intl, check.checkedOn),
      };
      const earlier = before ? intl.formatMessage(words.checksBefore, { checks: before.checks, hits: before.hits }) : null;
      return { sentence: intl.formatMessage(words.databaseChecks, values), ...correction(intl, event.correction, earlier) };
    }
    default:
      return null;
  }
}
