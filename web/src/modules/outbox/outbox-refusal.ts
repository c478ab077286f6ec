import { describeError, describeIssue } from '../../i18n/problems';
import type { Problem } from '../../i18n/say';
import { defineMessages } from '../../i18n/define-messages';
import type { StoredRefusal } from './outbox-store';
import type { OutboxWrite } from './outbox-writes';

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

/**
 * The server's answers about a file that hold however often it is sent: a kind of file not kept, a
 * file over the size allowed, a name refused, an upload the user may not make. Others (the server
 * busy or failing, a time budget run out) may pass on a second sending.
 */
const FINAL_FOR_A_FILE = new Set(['ATTACHMENT_TYPE_REFUSED', 'ATTACHMENT_TOO_LARGE', 'VALIDATION', 'FORBIDDEN']);

/** The report's kept file the server will never take, if that is what the write was refused for. */
export function fileRefusedForGood(write: OutboxWrite, refusal: StoredRefusal | null): string | null {
  if (write.kind !== 'reportSeizure' || !refusal?.fileName || !FINAL_FOR_A_FILE.has(refusal.code)) return null;
  return refusal.fileName;
}

/** The write without the file refused for good: sent again, it adds the report's other files, then submits it if asked. */
export function withoutFile(write: OutboxWrite, fileName: string): OutboxWrite {
  if (write.kind !== 'reportSeizure' || !write.files) return write;
  const index = write.files.findIndex((file) => file.name === fileName);
  return { ...write, files: write.files.filter((_, at) => at !== index) };
}
