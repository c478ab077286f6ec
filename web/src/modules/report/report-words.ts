import { defineMessages } from '../../i18n/define-messages';

export const reportWords = defineMessages({
  kind: { id: 'report.kind', defaultMessage: 'Joint customs and police operation · Results release' },
  exercise: { id: 'report.exercise', defaultMessage: 'Exercise: these figures come from a rehearsal and count in no results.' },
  dates: { id: 'report.dates', defaultMessage: 'Operational phase: {start} to {end} ({zone})' },
  datesOpen: { id: 'report.datesOpen', defaultMessage: 'Operational phase from {start} ({zone})' },
  datesUnknown: { id: 'report.datesUnknown', defaultMessage: 'Operational phase not yet dated' },
  region: { id: 'report.region', defaultMessage: 'Region: {region}' },
  summary: {
    id: 'report.summary',
    defaultMessage:
      '{administrations, plural, one {# administration} other {# administrations}} in {countries, plural, one {# country} other {# countries}} took part. They made {seizures, plural, =0 {no seizure} one {# seizure} other {# seizures}} and {arrests, plural, =0 {no arrest} one {# arrest} other {# arrests}}.',
  },
  seized: { id: 'report.seized', defaultMessage: 'Seized: {list}' },
  headline: { id: 'report.headline', defaultMessage: 'Headline figures' },
  objectives: { id: 'report.objectives', defaultMessage: 'Objectives' },
  participants: { id: 'report.participants', defaultMessage: 'Participating administrations' },
  partners: { id: 'report.partners', defaultMessage: 'International partners' },
  noPartners: { id: 'report.noPartners', defaultMessage: 'None.' },
  tables: { id: 'report.tables', defaultMessage: 'Results in detail' },
  notable: { id: 'report.notable', defaultMessage: 'Notable seizures' },
  notableNone: { id: 'report.notableNone', defaultMessage: 'No verified seizure.' },
  notableLine: { id: 'report.notableLine', defaultMessage: '{quantity} of {commodity} at {place} ({country}), {date}' },
  method: { id: 'report.method', defaultMessage: 'Detected by: {method}.' },
  outcomes: { id: 'report.outcomes', defaultMessage: 'Alert outcomes' },
  text: { id: 'report.text', defaultMessage: 'Final report' },
  textMissing: { id: 'report.textMissing', defaultMessage: 'The final report has not been recorded yet.' },
  recorded: { id: 'report.recorded', defaultMessage: 'Recorded on {date}.' },
  scope: {
    id: 'report.scope',
    defaultMessage:
      'Figures from verified seizure reports, in the base unit of each measure (kg, L, m, pieces); unlike units are never added. Compiled on {date}.',
  },
  pageNumber: { id: 'report.pageNumber', defaultMessage: 'Page {page} of {pages}' },
  otherCommodity: { id: 'report.otherCommodity', defaultMessage: 'other goods' },
});
