import { describeError, describeIssue } from '../../i18n/problems';
import type { Problem } from '../../i18n/say';
import { defineMessages } from '../../i18n/define-messages';
import type { StoredRefusal } from './outbox-store';

const words = defineMessages({
  fileRefused: {
    id: 'outbox.fileRefused',
    defaultMessage: '{file} was not added: {reason} The report itself is kept as your agency’s draft, with the files added before it.',
  },
});

// Apart from outbox-words.ts: the refusals' words need every sentence the server may say
// (i18n/server-texts), loaded only once a refusal is shown rather than with every screen.

/** The server's refusal, in the reader's words. */
export function refusalWords(refusal: StoredRefusal): Problem {
  const first = refusal.fieldErrors?.[0];
  if (first) return describeIssue(first);
  const reason = describeError({ code: refusal.code, message: refusal.message, phase: refusal.phase ?? null });
  return refusal.fileName ? { message: words.fileRefused, values: { file: refusal.fileName, reason } } : reason;
}
