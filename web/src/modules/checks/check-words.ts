import { defineMessages } from '../../i18n/define-messages';

// The register of checks' own words; the databases' names and units are in i18n/codes.ts.

export const checkWords = defineMessages({
  title: { id: 'checks.title', defaultMessage: 'Register of checks' },
  intro: {
    id: 'checks.intro',
    defaultMessage:
      'Per day, in the operation’s time zone ({zone}): the licit shipments your agency checked and released, and its checks against databases with their hits. Counts only: name no person, document or consignment. Recording a day again replaces its figure.',
  },
  totalsHeading: { id: 'checks.totals.heading', defaultMessage: 'Totals so far' },
  totalsHint: { id: 'checks.totals.hint', defaultMessage: 'Every participating agency’s entries, all days.' },
  shipmentsTotal: { id: 'checks.totals.shipments', defaultMessage: 'Licit shipments checked' },
  checksTotal: { id: 'checks.totals.checks', defaultMessage: 'Database checks' },
  hitsTotal: { id: 'checks.totals.hits', defaultMessage: 'Database hits' },
  byDatabaseCaption: { id: 'checks.totals.byDatabase', defaultMessage: 'Checks and hits by database' },
  database: { id: 'checks.column.database', defaultMessage: 'Database' },
  checks: { id: 'checks.column.checks', defaultMessage: 'Checks' },
  hits: { id: 'checks.column.hits', defaultMessage: 'Hits' },
  day: { id: 'checks.column.day', defaultMessage: 'Day' },
  commodity: { id: 'checks.column.commodity', defaultMessage: 'Commodity' },
  shipments: { id: 'checks.column.shipments', defaultMessage: 'Shipments' },
  quantity: { id: 'checks.column.quantity', defaultMessage: 'Quantity' },
  unit: { id: 'checks.column.unit', defaultMessage: 'Unit' },
  licitHeading: { id: 'checks.licit.heading', defaultMessage: 'Licit shipments checked' },
  licitHint: {
    id: 'checks.licit.hint',
    defaultMessage: 'Shipments of a commodity checked and found licit that day; the quantity is optional.',
  },
  databaseHeading: { id: 'checks.database.heading', defaultMessage: 'Database checks and hits' },
  databaseHint: { id: 'checks.database.hint', defaultMessage: 'Checks run against one database that day, and how many were hits.' },
  record: { id: 'checks.record', defaultMessage: 'Record' },
  recording: { id: 'checks.recording', defaultMessage: 'Recording…' },
  recordedLicit: {
    id: 'checks.recorded.licit',
    defaultMessage: '{shipments, plural, one {# shipment} other {# shipments}} recorded for {day}.',
  },
  recordedDatabase: {
    id: 'checks.recorded.database',
    defaultMessage: '{checks, plural, one {# check} other {# checks}} and {hits, plural, one {# hit} other {# hits}} recorded for {day}.',
  },
  ownHeading: { id: 'checks.own.heading', defaultMessage: 'Your agency’s entries' },
  ownLicitCaption: { id: 'checks.own.licitCaption', defaultMessage: 'Licit shipments your agency checked, newest day first' },
  ownDatabaseCaption: { id: 'checks.own.databaseCaption', defaultMessage: 'Database checks by your agency, newest day first' },
  ownEmpty: { id: 'checks.own.empty', defaultMessage: 'Your agency has recorded nothing yet.' },
  notRecording: {
    id: 'checks.notRecording',
    defaultMessage: 'Contact points and coordinators record checks while the operation is operational or post-operational.',
  },
});
