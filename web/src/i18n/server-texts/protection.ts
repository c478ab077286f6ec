import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// Refusals of the API's protections (server/src/graphql/protection/): a query over a limit or
// over its time budget, changes made too fast, a forged request. The web app's own documents stay
// within the limits, so a reader meets these only when something is wrong; they are worded anyway.

const words = defineMessages({
  tooDeep: { id: 'serverText.protection.tooDeep', defaultMessage: 'The query is nested too deeply.' },
  tooManyAliases: { id: 'serverText.protection.tooManyAliases', defaultMessage: 'The query uses too many aliases.' },
  tooManyDirectives: { id: 'serverText.protection.tooManyDirectives', defaultMessage: 'The query uses too many directives.' },
  tooLong: { id: 'serverText.protection.tooLong', defaultMessage: 'The query is too long.' },
  tooCostly: {
    id: 'serverText.protection.tooCostly',
    defaultMessage: 'The query asks for too much at once: ask for fewer items per page or fewer nested lists.',
  },
  unreadable: { id: 'serverText.protection.unreadable', defaultMessage: 'The query could not be read.' },
  timedOut: { id: 'serverText.protection.timedOut', defaultMessage: 'The request took too long and was stopped: ask for less at once.' },
  rateLimited: {
    id: 'serverText.protection.rateLimited',
    defaultMessage: 'Too many changes in a short time. Wait a moment and try again.',
  },
  notJson: { id: 'serverText.protection.notJson', defaultMessage: 'Requests signed in with the session cookie must be sent as JSON.' },
  // The request body's limit (request-body-limit.ts) keeps yoga's own words.
  bodyTooLarge: { id: 'serverText.protection.bodyTooLarge', defaultMessage: 'Request body too large' },
  badContentLength: { id: 'serverText.protection.badContentLength', defaultMessage: 'Content-Length header is invalid.' },
});

const exactly = (sentence: string) => new RegExp(`^${sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export const protectionTexts: readonly ServerText[] = Object.values(words).map((message) => ({
  pattern: exactly(message.defaultMessage as string),
  message,
}));
