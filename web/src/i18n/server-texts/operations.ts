import { phaseWords, severityWords } from '../codes';
import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// Planning an operation, its phases, the agencies taking part and the members (shared/src/operations.ts
// and the operations services).

export const operationWords = defineMessages({
  operationCodeShape: { id: 'serverText.operation.codeShape', defaultMessage: 'Use 3 to 40 letters, digits and hyphens, e.g. {example}' },
  operationCodeTaken: { id: 'serverText.operation.codeTaken', defaultMessage: 'An operation with this code already exists' },
  commodityCodeShape: {
    id: 'serverText.operation.commodityCodeShape',
    defaultMessage: 'Use 2 to 40 letters, digits or _, starting with a letter, e.g. {example}',
  },
  commodityCodeTaken: {
    id: 'serverText.operation.commodityCodeTaken',
    defaultMessage: 'This code is taken, in this operation or in the reference lists',
  },
  unknownDimension: { id: 'serverText.operation.unknownDimension', defaultMessage: 'Unknown dimension: use one of {values}' },
  unknownCategory: { id: 'serverText.operation.unknownCategory', defaultMessage: 'Unknown category: use one of {values}' },
  notAPlanner: {
    id: 'serverText.operation.notAPlanner',
    defaultMessage: 'Administrators keep the directory and do not plan operations: create it with your ordinary account.',
  },
  onlyOpenPhasesPlanned: {
    id: 'serverText.operation.onlyOpenPhasesPlanned',
    defaultMessage: 'Only the phases up to post-operational have planned dates',
  },
  mustBeAfterStart: { id: 'serverText.operation.mustBeAfterStart', defaultMessage: 'Must be after the start' },
  plannedTwice: { id: 'serverText.operation.plannedTwice', defaultMessage: 'This phase is planned twice' },
  overlapsPreviousPhase: {
    id: 'serverText.operation.overlapsPreviousPhase',
    defaultMessage: 'Must not start before the {phase} phase ends',
  },
  deadlineOrder: {
    id: 'serverText.operation.deadlineOrder',
    defaultMessage:
      'An alert of severity “{graver}” cannot be given longer to acknowledge ({graverMinutes, number} min) than one of severity “{lighter}” ({lighterMinutes, number} min)',
  },
  notCatalogueItems: { id: 'serverText.operation.notCatalogueItems', defaultMessage: 'Some are not items of the {version} catalogue' },
  notNextPhase: {
    id: 'serverText.operation.notNextPhase',
    defaultMessage: 'The {to} phase does not follow the {from} phase: an operation moves one phase forward at a time',
  },
  reasonForCancelling: { id: 'serverText.operation.reasonForCancelling', defaultMessage: 'Give the reason for cancelling' },
  alreadyInPhase: { id: 'serverText.operation.alreadyInPhase', defaultMessage: 'The operation is already in the {phase} phase.' },
  gateNotMet: {
    id: 'serverText.operation.gateNotMet',
    defaultMessage: 'The operation cannot move to the {to} phase yet: some criteria are not met.',
  },
  alreadyInvited: { id: 'serverText.operation.alreadyInvited', defaultMessage: 'This agency has already been invited' },
  alreadyTakingPart: { id: 'serverText.operation.alreadyTakingPart', defaultMessage: 'This agency is already taking part' },
  notTakingPart: { id: 'serverText.operation.notTakingPart', defaultMessage: 'This agency is not taking part in the operation' },
  coordinatingCannotWithdraw: {
    id: 'serverText.operation.coordinatingCannotWithdraw',
    defaultMessage: 'A coordinating agency cannot be withdrawn',
  },
  noSuchActiveUser: { id: 'serverText.operation.noSuchActiveUser', defaultMessage: 'This person has no active account' },
  onlyAcceptedAgencies: {
    id: 'serverText.operation.onlyAcceptedAgencies',
    defaultMessage: 'Only people from agencies that have accepted can be members',
  },
  lastCoordinator: {
    id: 'serverText.operation.lastCoordinator',
    defaultMessage: 'An operation keeps at least one coordinator: assign another one first',
  },
  noSuchMember: { id: 'serverText.operation.noSuchMember', defaultMessage: 'This person is not a member of this operation' },
});

export const operationTexts: readonly ServerText[] = [
  { pattern: /^Use 3 to 40 letters, digits and hyphens, e\.g\. (?<example>\S+)$/, message: operationWords.operationCodeShape },
  { pattern: /^An operation with this code already exists$/, message: operationWords.operationCodeTaken },
  {
    pattern: /^Use 2 to 40 letters, digits or _, starting with a letter, e\.g\. (?<example>\S+)$/,
    message: operationWords.commodityCodeShape,
  },
  { pattern: /^This code is taken, in this operation or in the reference lists$/, message: operationWords.commodityCodeTaken },
  { pattern: /^Unknown dimension: use one of (?<values>.+)$/, message: operationWords.unknownDimension },
  { pattern: /^Unknown category: use one of (?<values>.+)$/, message: operationWords.unknownCategory },
  {
    pattern: /^Administrators keep the directory and do not plan operations: create it with your ordinary account\.$/,
    message: operationWords.notAPlanner,
  },
  { pattern: /^Only open phases have planned dates$/, message: operationWords.onlyOpenPhasesPlanned },
  { pattern: /^Must be after the start$/, message: operationWords.mustBeAfterStart },
  { pattern: /^Planned twice$/, message: operationWords.plannedTwice },
  {
    pattern: /^Must not start before (?<phase>[A-Z_]+) ends$/,
    message: operationWords.overlapsPreviousPhase,
    values: { phase: phaseWords },
  },
  {
    pattern:
      /^A (?<graver>[A-Z]+) alert cannot have longer \((?<graverMinutes>\d+) min\) than a (?<lighter>[A-Z]+) one \((?<lighterMinutes>\d+) min\)$/,
    message: operationWords.deadlineOrder,
    values: { graver: severityWords, lighter: severityWords },
  },
  { pattern: /^Not all are items of the (?<version>\S+) catalogue$/, message: operationWords.notCatalogueItems },
  {
    pattern: /^(?<to>[A-Z_]+) does not follow (?<from>[A-Z_]+): phases move one step forward$/,
    message: operationWords.notNextPhase,
    values: { to: phaseWords, from: phaseWords },
  },
  { pattern: /^Give the reason for cancelling$/, message: operationWords.reasonForCancelling },
  { pattern: /^The operation is already (?<phase>[A-Z_]+)\.$/, message: operationWords.alreadyInPhase, values: { phase: phaseWords } },
  { pattern: /^The operation cannot move to (?<to>[A-Z_]+) yet: .+\.$/, message: operationWords.gateNotMet, values: { to: phaseWords } },
  { pattern: /^Already invited$/, message: operationWords.alreadyInvited },
  { pattern: /^Already taking part$/, message: operationWords.alreadyTakingPart },
  { pattern: /^This agency is not taking part$/, message: operationWords.notTakingPart },
  { pattern: /^A coordinating agency cannot withdraw$/, message: operationWords.coordinatingCannotWithdraw },
  { pattern: /^No such active user$/, message: operationWords.noSuchActiveUser },
  { pattern: /^Only users of agencies that accepted can be members$/, message: operationWords.onlyAcceptedAgencies },
  { pattern: /^An operation keeps at least one coordinator: assign another first$/, message: operationWords.lastCoordinator },
  { pattern: /^No such member of this operation$/, message: operationWords.noSuchMember },
];
