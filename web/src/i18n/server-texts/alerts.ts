import { alertCategoryWords, distributionWords } from '../codes';
import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// Raising an alert, its subject, its recipients and its deadlines (shared/src/alerts.ts and the
// alerts service).

export const alertWords = defineMessages({
  severityTwice: { id: 'serverText.alert.severityTwice', defaultMessage: 'This severity is given twice' },
  flightNumber: { id: 'serverText.alert.flightNumber', defaultMessage: 'Use an IATA flight number, e.g. {example}' },
  hsCode: { id: 'serverText.alert.hsCode', defaultMessage: 'Use a Harmonized System code of 4 to 10 digits, e.g. {example}' },
  transportDocument: { id: 'serverText.alert.transportDocument', defaultMessage: 'Give a bill of lading or an air waybill' },
  imoNumber: { id: 'serverText.alert.imoNumber', defaultMessage: 'Use a seven-digit IMO number' },
  conveyance: { id: 'serverText.alert.conveyance', defaultMessage: 'Name the vessel (or its IMO number), the flight or the vehicle' },
  subjectTooLong: {
    id: 'serverText.alert.subjectTooLong',
    defaultMessage: 'The details are too long: at most {max, number} characters once stored',
  },
  oneSubject: { id: 'serverText.alert.oneSubject', defaultMessage: 'Give one kind of subject, not several' },
  subjectTwice: { id: 'serverText.alert.subjectTwice', defaultMessage: 'The subject is given twice: keep only one' },
  subjectKind: { id: 'serverText.alert.subjectKind', defaultMessage: 'This kind of subject does not suit a “{category}” alert' },
  languageTag: { id: 'serverText.alert.languageTag', defaultMessage: 'Use a language tag, e.g. en or fr' },
  nameRecipient: { id: 'serverText.alert.nameRecipient', defaultMessage: 'Name at least one agency' },
  recipientsOnlyRestricted: {
    id: 'serverText.alert.recipientsOnlyRestricted',
    defaultMessage: 'Recipients are named only when the alert goes to “{distribution}”',
  },
  redNamedAgenciesOnly: {
    id: 'serverText.alert.redNamedAgenciesOnly',
    defaultMessage: 'A TLP:RED alert goes to named agencies only: choose “{distribution}”',
  },
  ownAgencyRecipient: {
    id: 'serverText.alert.ownAgencyRecipient',
    defaultMessage: 'Your own agency raises the alert: it is not one of its recipients',
  },
  recipientNotTakingPart: {
    id: 'serverText.alert.recipientNotTakingPart',
    defaultMessage: 'This agency is not taking part in this operation',
  },
  feedbackOutcome: {
    id: 'serverText.alert.feedbackOutcome',
    defaultMessage: 'Say what came of the alert: seized, nothing found or not controlled',
  },
  resentDifferently: {
    id: 'serverText.alert.resentDifferently',
    defaultMessage: 'This alert was already sent with different content. Reload the page to see it before sending again.',
  },
  commentResentDifferently: {
    id: 'serverText.alert.commentResentDifferently',
    defaultMessage: 'This comment was already sent with other words. Reload the page to see it before sending again.',
  },
  feedbackResentDifferently: {
    id: 'serverText.alert.feedbackResentDifferently',
    defaultMessage: 'This feedback was already sent with another outcome or note. Reload the page to see it before sending again.',
  },
  withdrawn: {
    id: 'serverText.alert.withdrawn',
    defaultMessage: 'This alert was withdrawn: it can no longer be acknowledged, answered or amended.',
  },
  testKeepsSeverity: {
    id: 'serverText.alert.testKeepsSeverity',
    defaultMessage: 'A TEST alert keeps its severity: its acknowledgements are the readiness proof',
  },
  amendedMeanwhile: {
    id: 'serverText.alert.amendedMeanwhile',
    defaultMessage: 'This alert was amended since you read it: read its current version before correcting it.',
  },
  nothingDiffers: { id: 'serverText.alert.nothingDiffers', defaultMessage: 'Nothing differs from the current version' },
});

export const alertTexts: readonly ServerText[] = [
  { pattern: /^Given twice$/, message: alertWords.severityTwice },
  { pattern: /^Use an IATA flight number, e\.g\. (?<example>\S+)$/, message: alertWords.flightNumber },
  { pattern: /^Use a Harmonized System code of 4 to 10 digits, e\.g\. (?<example>\S+)$/, message: alertWords.hsCode },
  { pattern: /^Give a bill of lading or an air waybill$/, message: alertWords.transportDocument },
  { pattern: /^Use a seven-digit IMO number$/, message: alertWords.imoNumber },
  { pattern: /^Name the vessel \(or its IMO number\), the flight or the vehicle$/, message: alertWords.conveyance },
  { pattern: /^At most (?<max>\d+) characters of JSON$/, message: alertWords.subjectTooLong },
  { pattern: /^Give one kind of subject, not several$/, message: alertWords.oneSubject },
  { pattern: /^Give the subject once: typedSubject, or the deprecated subject$/, message: alertWords.subjectTwice },
  {
    pattern: /^Not the subject of a (?<category>[A-Z_]+) alert$/,
    message: alertWords.subjectKind,
    values: { category: alertCategoryWords },
  },
  { pattern: /^Use a language tag, e\.g\. en or fr$/, message: alertWords.languageTag },
  { pattern: /^Name at least one agency$/, message: alertWords.nameRecipient },
  {
    pattern: /^Only a (?<distribution>[A-Z_]+) alert names its recipients$/,
    message: alertWords.recipientsOnlyRestricted,
    values: { distribution: distributionWords },
  },
  {
    pattern: /^A TLP:RED alert goes to named agencies only: make it (?<distribution>RESTRICTED)$/,
    message: alertWords.redNamedAgenciesOnly,
    values: { distribution: distributionWords },
  },
  { pattern: /^Your own agency raises the alert$/, message: alertWords.ownAgencyRecipient },
  { pattern: /^Not an agency taking part in this operation$/, message: alertWords.recipientNotTakingPart },
  { pattern: /^Say what came of the alert: SEIZED, NOTHING_FOUND or NOT_CONTROLLED$/, message: alertWords.feedbackOutcome },
  { pattern: /^This idempotency key was already used for a different alert\.$/, message: alertWords.resentDifferently },
  { pattern: /^This idempotency key was already used for a different comment\.$/, message: alertWords.commentResentDifferently },
  { pattern: /^This idempotency key was already used for different feedback\.$/, message: alertWords.feedbackResentDifferently },
  { pattern: /^This alert was withdrawn: it can no longer be acknowledged, answered or amended\.$/, message: alertWords.withdrawn },
  { pattern: /^A TEST alert keeps its severity: its acknowledgements are the readiness proof$/, message: alertWords.testKeepsSeverity },
  {
    pattern: /^This alert was amended since you read it: read its current version before correcting it\.$/,
    message: alertWords.amendedMeanwhile,
  },
  { pattern: /^Nothing differs from the current version$/, message: alertWords.nothingDiffers },
];
