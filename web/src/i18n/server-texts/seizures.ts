import { seizureStatusWords, unitWords } from '../codes';
import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// Seizure reports, their review, the import of a file of them, and the export of results
// (shared/src/seizures.ts, seizure-import.ts, csv.ts and the seizures and results services).

export const seizureWords = defineMessages({
  commodityOrDescription: {
    id: 'serverText.seizure.commodityOrDescription',
    defaultMessage: 'Choose a catalogue commodity or describe the commodity seized',
  },
  wholePieces: { id: 'serverText.seizure.wholePieces', defaultMessage: 'Pieces are counted in whole numbers' },
  tooEarly: {
    id: 'serverText.seizure.tooEarly',
    defaultMessage:
      '{days, plural, one {Must not be more than # day before the operation begins} other {Must not be more than # days before the operation begins}}',
  },
  bothCoordinates: { id: 'serverText.seizure.bothCoordinates', defaultMessage: 'Give both coordinates, or neither' },
  unitMismatch: {
    id: 'serverText.seizure.unitMismatch',
    defaultMessage: 'This commodity is measured {dimension} (like {unit}): convert the quantity before reporting it',
  },
  notCatalogueItem: { id: 'serverText.seizure.notCatalogueItem', defaultMessage: 'Not an item of the {version} catalogue' },
  notCatalogueCode: { id: 'serverText.seizure.notCatalogueCode', defaultMessage: 'Not a code of the {version} catalogue' },
  noSuchAlert: { id: 'serverText.seizure.noSuchAlert', defaultMessage: 'No such alert in this operation' },
  noSuchAlertReference: { id: 'serverText.seizure.noSuchAlertReference', defaultMessage: 'No alert {reference} in this operation' },
  alertWithdrawn: {
    id: 'serverText.seizure.alertWithdrawn',
    defaultMessage: 'This alert was withdrawn: a seizure can no longer be linked to it',
  },
  resentDifferently: {
    id: 'serverText.seizure.resentDifferently',
    defaultMessage: 'This seizure was already reported with different content. Reload the page to see it before sending again.',
  },
  onlyDraftSubmitted: {
    id: 'serverText.seizure.onlyDraftSubmitted',
    defaultMessage: 'Only a draft can be submitted; this report is “{status}”.',
  },
  onlyDraftOrRejectedCorrected: {
    id: 'serverText.seizure.onlyDraftOrRejectedCorrected',
    defaultMessage: 'Only a draft or a rejected report can be corrected; this report is “{status}”.',
  },
  onlySubmittedReviewed: {
    id: 'serverText.seizure.onlySubmittedReviewed',
    defaultMessage: 'Only a submitted report can be reviewed; this report is “{status}”.',
  },
  notTemplateColumn: { id: 'serverText.seizure.notTemplateColumn', defaultMessage: 'Not a column of the seizure template' },
  columnTwice: { id: 'serverText.seizure.columnTwice', defaultMessage: 'This column appears twice' },
  columnMissing: { id: 'serverText.seizure.columnMissing', defaultMessage: 'Required column missing' },
  commodityColumn: {
    id: 'serverText.seizure.commodityColumn',
    defaultMessage: 'Give a commodity_code or a commodity_description column, or both',
  },
  cellNotNumber: {
    id: 'serverText.seizure.cellNotNumber',
    defaultMessage: 'Not a number: write it like {example}, without thousands separators',
  },
  cellNotDateTime: {
    id: 'serverText.seizure.cellNotDateTime',
    defaultMessage: 'Write a date and time with its zone, like {example} or {utcExample}',
  },
  cellCount: {
    id: 'serverText.seizure.cellCount',
    defaultMessage:
      '{cells, plural, one {# cell} other {# cells}} in this row for {columns, plural, one {# column} other {# columns}} in the header',
  },
  quoteNotClosed: { id: 'serverText.seizure.quoteNotClosed', defaultMessage: 'A quoted cell is never closed' },
  noRows: { id: 'serverText.seizure.noRows', defaultMessage: 'No seizure under the header row' },
  sameAsRow: { id: 'serverText.seizure.sameAsRow', defaultMessage: 'The same seizure as row {row}' },
  importRejected: {
    id: 'serverText.seizure.importRejected',
    defaultMessage:
      'Nothing was imported: {problems, plural, one {# problem} other {# problems}} in {rows, plural, one {# row} other {# rows}}. Correct them and import the whole file again.',
  },
  fileTooLarge: {
    id: 'serverText.seizure.fileTooLarge',
    defaultMessage:
      'The file is too large ({bytes, number} bytes): one import takes at most {mib, number} MiB and {maxRows, number} rows. Split the file.',
  },
  tooManyRows: {
    id: 'serverText.seizure.tooManyRows',
    defaultMessage:
      'The file has too many rows ({rows, number}): one import takes at most {maxRows, number} rows and {mib, number} MiB. Split the file.',
  },
  unknownTable: { id: 'serverText.seizure.unknownTable', defaultMessage: 'Unknown table: choose one of {tables}' },
  toAfterFrom: { id: 'serverText.seizure.toAfterFrom', defaultMessage: 'Must be after the start of the period' },
  nationalityCount: { id: 'serverText.seizure.nationalityCount', defaultMessage: 'At least 1: leave a nationality out instead' },
  nationalityTwice: { id: 'serverText.seizure.nationalityTwice', defaultMessage: 'This nationality appears twice' },
  arrestsDisagree: {
    id: 'serverText.seizure.arrestsDisagree',
    defaultMessage: 'Must be the arrests by nationality added up ({sum, number}), or left out',
  },
  noticeReference: { id: 'serverText.seizure.noticeReference', defaultMessage: 'Letters, digits, spaces and / - . _ only' },
  interpolNotifiedRequired: {
    id: 'serverText.seizure.interpolNotifiedRequired',
    defaultMessage: 'When was the National Central Bureau notified? A follow-up starts there',
  },
  notAnNcb: { id: 'serverText.seizure.notAnNcb', defaultMessage: 'Not an INTERPOL National Central Bureau of the directory' },
  cellNotCounts: {
    id: 'serverText.seizure.cellNotCounts',
    defaultMessage: 'Write each as a country code and a count, like {example}',
  },
  cellNotNotices: {
    id: 'serverText.seizure.cellNotNotices',
    defaultMessage: 'Write each as a type and a reference, like {example}',
  },
  unknownCatalogue: {
    id: 'serverText.seizure.unknownCatalogue',
    defaultMessage: 'Unknown catalogue version “{version}”; known versions: {known}.',
  },
});

export const dimensionWords = defineMessages({
  mass: { id: 'serverText.seizure.dimension.mass', defaultMessage: 'by mass' },
  volume: { id: 'serverText.seizure.dimension.volume', defaultMessage: 'by volume' },
  length: { id: 'serverText.seizure.dimension.length', defaultMessage: 'by length' },
  count: { id: 'serverText.seizure.dimension.count', defaultMessage: 'by the piece' },
});

export const seizureTexts: readonly ServerText[] = [
  { pattern: /^Choose a catalogue commodity or describe the commodity seized$/, message: seizureWords.commodityOrDescription },
  { pattern: /^Pieces are counted in whole numbers$/, message: seizureWords.wholePieces },
  { pattern: /^Must not be more than (?<days>\d+) days before the operation begins$/, message: seizureWords.tooEarly },
  { pattern: /^Give both coordinates, or neither$/, message: seizureWords.bothCoordinates },
  {
    pattern: /^This commodity is measured by (?<dimension>\w+) \(like (?<unit>[A-Z]+)\): convert the quantity before reporting it$/,
    message: seizureWords.unitMismatch,
    values: { dimension: dimensionWords, unit: unitWords },
  },
  { pattern: /^Not an item of the (?<version>\S+) catalogue$/, message: seizureWords.notCatalogueItem },
  { pattern: /^Not a code of the (?<version>\S+) catalogue$/, message: seizureWords.notCatalogueCode },
  { pattern: /^No such alert in this operation$/, message: seizureWords.noSuchAlert },
  { pattern: /^This alert was withdrawn: no seizure can be linked to it any more$/, message: seizureWords.alertWithdrawn },
  { pattern: /^No such alert in this operation: (?<reference>\S+)$/, message: seizureWords.noSuchAlertReference },
  { pattern: /^This idempotency key was already used for a different seizure report\.$/, message: seizureWords.resentDifferently },
  {
    pattern: /^Only a draft can be submitted; this report is (?<status>[A-Z_]+)\.$/,
    message: seizureWords.onlyDraftSubmitted,
    values: { status: seizureStatusWords },
  },
  {
    pattern: /^Only a draft or a rejected report can be corrected; this report is (?<status>[A-Z_]+)\.$/,
    message: seizureWords.onlyDraftOrRejectedCorrected,
    values: { status: seizureStatusWords },
  },
  {
    pattern: /^Only a submitted report can be reviewed; this report is (?<status>[A-Z_]+)\.$/,
    message: seizureWords.onlySubmittedReviewed,
    values: { status: seizureStatusWords },
  },
  { pattern: /^Not a column of the seizure template$/, message: seizureWords.notTemplateColumn },
  { pattern: /^This column appears twice$/, message: seizureWords.columnTwice },
  { pattern: /^Required column missing$/, message: seizureWords.columnMissing },
  { pattern: /^Give a commodity_code or a commodity_description column, or both$/, message: seizureWords.commodityColumn },
  { pattern: /^Not a number: write it like (?<example>\S+), without thousands separators$/, message: seizureWords.cellNotNumber },
  { pattern: /^A date and time with its zone, like (?<example>\S+) or (?<utcExample>\S+)$/, message: seizureWords.cellNotDateTime },
  { pattern: /^(?<cells>\d+) cells for (?<columns>\d+) columns$/, message: seizureWords.cellCount },
  { pattern: /^A quoted cell is never closed$/, message: seizureWords.quoteNotClosed },
  { pattern: /^No seizure under the header row$/, message: seizureWords.noRows },
  { pattern: /^The same seizure as row (?<row>\d+)$/, message: seizureWords.sameAsRow },
  {
    pattern:
      /^Nothing was imported: (?<problems>\d+) problem\(s\) in (?<rows>\d+) row\(s\)\. Correct them and import the whole file again\.$/,
    message: seizureWords.importRejected,
  },
  {
    pattern:
      /^The file is (?<bytes>\d+) bytes; one import takes at most \d+ bytes \((?<mib>\d+(?:\.\d+)?) MiB\) and (?<maxRows>\d+) rows\. Split the file\.$/,
    message: seizureWords.fileTooLarge,
    values: { mib: 'decimal' },
  },
  {
    pattern:
      /^The file has (?<rows>\d+) rows; one import takes at most \d+ bytes \((?<mib>\d+(?:\.\d+)?) MiB\) and (?<maxRows>\d+) rows\. Split the file\.$/,
    message: seizureWords.tooManyRows,
    values: { mib: 'decimal' },
  },
  { pattern: /^Unknown table; one of (?<tables>.+)$/, message: seizureWords.unknownTable },
  { pattern: /^Must be after from$/, message: seizureWords.toAfterFrom },
  { pattern: /^At least 1: leave a nationality out instead$/, message: seizureWords.nationalityCount },
  { pattern: /^This nationality appears twice$/, message: seizureWords.nationalityTwice },
  { pattern: /^Must be the arrests by nationality added up \((?<sum>\d+)\), or left out$/, message: seizureWords.arrestsDisagree },
  { pattern: /^Letters, digits, spaces and \/ - \. _ only$/, message: seizureWords.noticeReference },
  { pattern: /^When was the National Central Bureau notified\? A follow-up starts there$/, message: seizureWords.interpolNotifiedRequired },
  { pattern: /^Not an INTERPOL National Central Bureau of the directory$/, message: seizureWords.notAnNcb },
  { pattern: /^Each as a country code and a count, like (?<example>\S+)$/, message: seizureWords.cellNotCounts },
  { pattern: /^Each as a type and a reference, like (?<example>\S+)$/, message: seizureWords.cellNotNotices },
  { pattern: /^Unknown catalogue version "(?<version>[^"]*)"; known: (?<known>.+)\.$/, message: seizureWords.unknownCatalogue },
];
