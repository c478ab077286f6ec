import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// Signing in, and the administration of accounts and agencies (accounts and agencies services).

export const accountWords = defineMessages({
  invalidCredentials: { id: 'serverText.account.invalidCredentials', defaultMessage: 'The e-mail address or password is incorrect.' },
  tooManyAttempts: {
    id: 'serverText.account.tooManyAttempts',
    defaultMessage:
      '{minutes, plural, one {Too many failed sign-in attempts. Try again in # minute.} other {Too many failed sign-in attempts. Try again in # minutes.}}',
  },
  tooManyAttemptsSeconds: {
    id: 'serverText.account.tooManyAttemptsSeconds',
    defaultMessage:
      '{seconds, plural, one {Too many failed sign-in attempts. Try again in # second.} other {Too many failed sign-in attempts. Try again in # seconds.}}',
  },
  emailTaken: { id: 'serverText.account.emailTaken', defaultMessage: 'An account with this e-mail address already exists' },
  ownAccount: { id: 'serverText.account.ownAccount', defaultMessage: 'You cannot deactivate your own account' },
  ownAdminRights: { id: 'serverText.account.ownAdminRights', defaultMessage: 'You cannot remove your own administrator rights' },
  agencyWhileMember: {
    id: 'serverText.account.agencyWhileMember',
    defaultMessage: 'A member of an operation still open cannot change agency: remove them from it first, or wait until it is closed',
  },
  noSuchAgency: { id: 'serverText.account.noSuchAgency', defaultMessage: 'This agency is not in the directory' },
  agencyDeactivated: { id: 'serverText.account.agencyDeactivated', defaultMessage: 'This agency is deactivated' },
  reactivateAgencyFirst: {
    id: 'serverText.account.reactivateAgencyFirst',
    defaultMessage: 'This agency is deactivated: reactivate it first',
  },
  agencyNameTaken: { id: 'serverText.account.agencyNameTaken', defaultMessage: 'An agency with this name already exists in this country' },
  ownAgency: { id: 'serverText.account.ownAgency', defaultMessage: 'You cannot deactivate your own agency' },
  countryForNationalAgency: { id: 'serverText.account.countryForNationalAgency', defaultMessage: 'Required for a national agency' },
  notYourPassword: { id: 'serverText.account.notYourPassword', defaultMessage: 'This is not your current password' },
  chooseYourOwn: { id: 'serverText.account.chooseYourOwn', defaultMessage: 'Choose a password of your own, not the one you were given' },
});

export const accountTexts: readonly ServerText[] = [
  { pattern: /^The e-mail address or password is incorrect\.$/, message: accountWords.invalidCredentials },
  { pattern: /^Too many failed sign-in attempts\. Try again in (?<minutes>\d+) minute\(s\)\.$/, message: accountWords.tooManyAttempts },
  {
    pattern: /^Too many failed sign-in attempts\. Try again in (?<seconds>\d+) second\(s\)\.$/,
    message: accountWords.tooManyAttemptsSeconds,
  },
  { pattern: /^An account with this e-mail address already exists$/, message: accountWords.emailTaken },
  { pattern: /^You cannot deactivate your own account$/, message: accountWords.ownAccount },
  { pattern: /^You cannot remove your own administrator rights$/, message: accountWords.ownAdminRights },
  {
    pattern: /^A member of an operation still open cannot change agency: remove them from it first, or wait until it is closed$/,
    message: accountWords.agencyWhileMember,
  },
  { pattern: /^No such agency$/, message: accountWords.noSuchAgency },
  { pattern: /^This agency is deactivated$/, message: accountWords.agencyDeactivated },
  { pattern: /^This agency is deactivated: reactivate it first$/, message: accountWords.reactivateAgencyFirst },
  { pattern: /^An agency with this name already exists in this country$/, message: accountWords.agencyNameTaken },
  { pattern: /^You cannot deactivate your own agency$/, message: accountWords.ownAgency },
  { pattern: /^Required for a national agency$/, message: accountWords.countryForNationalAgency },
  { pattern: /^This is not your current password$/, message: accountWords.notYourPassword },
  { pattern: /^Choose a password of your own, not the one you were given$/, message: accountWords.chooseYourOwn },
];
