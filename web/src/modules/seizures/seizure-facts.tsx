import { useId } from 'react';
import { FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { detectionMethodWords, locationTypeWords, transportModeWords } from '../../i18n/codes';
import { agencyLabel, countryName } from '../../ui/agency';
import { commodityName } from '../../ui/commodity-name';
import { DateTime } from '../../ui/time';
import { formatQuantity } from '../timeline/event-description';
import type { SeizureDetail } from './seizure-documents';
import { fieldWords as words, noticeWords } from './seizure-words';

// Where the form's label speaks to the person filling it in ("your time", "optional"), the
// report read back says what the value is.
const readBack = defineMessages({
  seizedAt: { id: 'seizures.fact.seizedAt', defaultMessage: 'Seized at' },
  position: { id: 'seizures.fact.position', defaultMessage: 'Position' },
  interpolNotifiedAt: { id: 'seizures.fact.interpolNotifiedAt', defaultMessage: 'INTERPOL NCB notified at' },
  arrestsOfNationality: { id: 'seizures.fact.arrestsOfNationality', defaultMessage: '{nationality}: {count, number}' },
});
const labelOf = (field: keyof typeof words): MessageDescriptor =>
  field in readBack ? readBack[field as keyof typeof readBack] : words[field];

/** What the report says, field by field, in the reader's language; what it leaves out is not shown. */
export function SeizureFacts({ seizure, referenceZone }: { seizure: SeizureDetail; referenceZone: string }) {
  const intl = useIntl();
  const headingId = useId();
  const country = (code: string | null) => (code ? countryName(intl.locale, code) : null);
  const facts: [keyof typeof words, React.ReactNode][] = [
    ['seizedAt', <DateTime key="seizedAt" value={seizure.seizedAt} referenceZone={referenceZone} showReference />],
    ['countryCode', country(seizure.countryCode)],
    ['place', seizure.place],
    ['locationType', intl.formatMessage(locationTypeWords[seizure.locationType])],
    [
      'position',
      seizure.latitude !== null && seizure.longitude !== null
        ? `${intl.formatNumber(seizure.latitude, { maximumFractionDigits: 4 })}, ${intl.formatNumber(seizure.longitude, { maximumFractionDigits: 4 })}`
        : null,
    ],
    [
      'commodityId',
      seizure.commodity ? `${commodityName(intl.locale, seizure.commodity)} (${seizure.commodity.code})` : seizure.commodityDescription,
    ],
    ['quantity', formatQuantity(intl, seizure.quantity, seizure.unit)],
    ['detectionMethod', intl.formatMessage(detectionMethodWords[seizure.detectionMethod])],
    ['concealment', seizure.concealment],
    ['transportMode', intl.formatMessage(transportModeWords[seizure.transportMode])],
    ['conveyance', seizure.conveyance],
    ['originCountryCode', country(seizure.originCountryCode)],
    ['transitCountryCodes', seizure.transitCountryCodes.map((code) => countryName(intl.locale, code)).join(', ') || null],
    ['destinationCountryCode', country(seizure.destinationCountryCode)],
    ['arrests', intl.formatNumber(seizure.arrests)],
    [
      'arrestsByNationality',
      seizure.arrestsByNationality
        .map((entry) =>
          intl.formatMessage(readBack.arrestsOfNationality, {
            nationality: countryName(intl.locale, entry.nationality),
            count: entry.count,
          }),
        )
        .join(', ') || null,
    ],
    [
      'interpolNotifiedAt',
      seizure.interpolNotifiedAt ? <DateTime key="interpol" value={seizure.interpolNotifiedAt} referenceZone={referenceZone} /> : null,
    ],
    ['interpolNcbAgencyId', seizure.interpolNcb ? agencyLabel(intl.locale, seizure.interpolNcb) : null],
    [
      'interpolNotices',
      seizure.interpolNotices.map((notice) => `${intl.formatMessage(noticeWords[notice.type])} ${notice.reference}`).join(', ') || null,
    ],
  ];
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.what} />
      </h3>
      <dl className="facts seizure-facts">
        {facts
          .filter(([, value]) => value !== null && value !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>
                <FormattedMessage {...labelOf(label)} />
              </dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
