import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// The building blocks of every form (shared/src/validation.ts), zod's own refusals, and what the
// server says about a request itself rather than a rule of the domain.

const words = defineMessages({
  required: { id: 'serverText.field.required', defaultMessage: 'Required' },
  atMostCharacters: { id: 'serverText.field.atMostCharacters', defaultMessage: '{max, plural, one {At most # character} other {At most # characters}}' },
  atLeastCharacters: { id: 'serverText.field.atLeastCharacters', defaultMessage: '{min, plural, one {At least # character} other {At least # characters}}' },
  atMost: { id: 'serverText.field.atMost', defaultMessage: 'At most {max, number}' },
  between: { id: 'serverText.field.between', defaultMessage: 'Between {min, number} and {max, number}' },
  notValidId: { id: 'serverText.field.notValidId', defaultMessage: 'Not a valid identifier' },
  countryCode: { id: 'serverText.field.countryCode', defaultMessage: 'Use a two-letter ISO 3166-1 country code' },
  unknownTimeZone: { id: 'serverText.field.unknownTimeZone', defaultMessage: 'Unknown time zone' },
  notValidEmail: { id: 'serverText.field.notValidEmail', defaultMessage: 'Not a valid e-mail address' },
  calendarDate: { id: 'serverText.field.calendarDate', defaultMessage: 'Write the date as YYYY-MM-DD' },
  noSuchDay: { id: 'serverText.field.noSuchDay', defaultMessage: 'This day does not exist' },
  notValidDateTime: { id: 'serverText.field.notValidDateTime', defaultMessage: 'Not a valid date and time' },
  notInFuture: { id: 'serverText.field.notInFuture', defaultMessage: 'Must not be in the future' },
  mustBeNumber: { id: 'serverText.field.mustBeNumber', defaultMessage: 'Must be a number' },
  wholeNumber: { id: 'serverText.field.wholeNumber', defaultMessage: 'Must be a whole number' },
  moreThanZero: { id: 'serverText.field.moreThanZero', defaultMessage: 'Must be more than zero' },
  notNegative: { id: 'serverText.field.notNegative', defaultMessage: 'Must not be negative' },
  tooLarge: { id: 'serverText.field.tooLarge', defaultMessage: 'Too large' },
  invalidInput: { id: 'serverText.field.invalidInput', defaultMessage: 'Some values were refused: see the fields marked.' },
  item: { id: 'serverText.field.item', defaultMessage: 'Item {item}: {problem}' },
  signInFirst: { id: 'serverText.field.signInFirst', defaultMessage: 'Sign in first.' },
  notSignedIn: { id: 'serverText.field.notSignedIn', defaultMessage: 'Not signed in' },
  notAllowed: { id: 'serverText.field.notAllowed', defaultMessage: 'You are not allowed to do this.' },
  staleCursor: { id: 'serverText.field.staleCursor', defaultMessage: 'This page of the list is no longer valid. Reload the list.' },
  tooManySubscriptions: {
    id: 'serverText.field.tooManySubscriptions',
    defaultMessage: '{max, plural, one {At most # live view per connection. Close the others and reload.} other {At most # live views per connection. Close the others and reload.}}',
  },
});

export const fieldTexts: readonly ServerText[] = [
  { pattern: /^Required$/, message: words.required },
  { pattern: /^At most (?<max>\d+) characters$/, message: words.atMostCharacters },
  { pattern: /^At least (?<min>\d+) characters$/, message: words.atLeastCharacters },
  { pattern: /^At most (?<max>\d+)$/, message: words.atMost },
  { pattern: /^Between (?<min>-?\d+) and (?<max>-?\d+)$/, message: words.between },
  { pattern: /^Not a valid(?: \w+)? id$/, message: words.notValidId },
  { pattern: /^Use a two-letter ISO 3166-1 country code$/, message: words.countryCode },
  { pattern: /^Unknown IANA time zone$/, message: words.unknownTimeZone },
  { pattern: /^Not a valid e-mail address$/, message: words.notValidEmail },
  { pattern: /^Use a date as YYYY-MM-DD$/, message: words.calendarDate },
  { pattern: /^No such day$/, message: words.noSuchDay },
  { pattern: /^Not a valid date and time$/, message: words.notValidDateTime },
  { pattern: /^Must not be in the future$/, message: words.notInFuture },
  { pattern: /^Must be a number$/, message: words.mustBeNumber },
  { pattern: /^A whole number$/, message: words.wholeNumber },
  { pattern: /^Must be more than zero$/, message: words.moreThanZero },
  { pattern: /^Not negative$/, message: words.notNegative },
  { pattern: /^Too large$/, message: words.tooLarge },
  { pattern: /^Invalid input: /, message: words.invalidInput },
  { pattern: /^Item (?<item>\d+): (?<problem>.+)$/, message: words.item, values: { problem: 'sentence' } },
  { pattern: /^Sign in first\.$/, message: words.signInFirst },
  { pattern: /^Not signed in$/, message: words.notSignedIn },
  { pattern: /^Not allowed\.?$/, message: words.notAllowed },
  { pattern: /^Not an? \w+ cursor\.$/, message: words.staleCursor },
  { pattern: /^At most (?<max>\d+) subscriptions per connection\.$/, message: words.tooManySubscriptions },
];
