import type { MessageDescriptor } from 'react-intl';
import type { Problem, ProblemValue } from './problems';
import { accessTexts } from './server-texts/access';
import { accountTexts } from './server-texts/accounts';
import { alertTexts } from './server-texts/alerts';
import { attachmentTexts } from './server-texts/attachments';
import { checkTexts } from './server-texts/checks';
import { fieldTexts } from './server-texts/fields';
import { operationTexts } from './server-texts/operations';
import { protectionTexts } from './server-texts/protection';
import { seizureTexts } from './server-texts/seizures';

// The shared zod schemas and the server's business rules explain a refusal in an English
// sentence. Each sentence they can say is listed in server-texts/ as a pattern with its words in
// every language; server-texts.test.ts reads shared/src and server/src and fails on a sentence
// that has no pattern, so a new rule cannot reach a French reader in English.

/** How a named group of a pattern becomes a value of its message. */
export type ValueWords =
  /** A coded value (a phase, a status…): its words, from codes.ts. */
  | Readonly<Record<string, MessageDescriptor>>
  /** A phrase of its own: the action a role does not allow, the activity a phase forbids. */
  | readonly ServerText[]
  /** Any sentence of the table: the problem of one item of a list, after "Item 2: ". */
  | 'sentence'
  /** A number with decimals (`5.0` MiB); whole numbers need no saying, and examples such as `2.5` stay as written. */
  | 'decimal';

export interface ServerText {
  pattern: RegExp;
  message: MessageDescriptor;
  /** Groups not named here are whole numbers where they are digits (`1,000,000` included), text otherwise. */
  values?: Readonly<Record<string, ValueWords>>;
}

const SENTENCES: readonly ServerText[] = [
  ...fieldTexts,
  ...accessTexts,
  ...accountTexts,
  ...operationTexts,
  ...alertTexts,
  ...seizureTexts,
  ...checkTexts,
  ...attachmentTexts,
  ...protectionTexts,
];

const WHOLE_NUMBER = /^-?\d[\d,]*$/;
const isPhrases = (words: ValueWords): words is readonly ServerText[] => Array.isArray(words);

/** A group's value, or null when it is a code or a phrase not known here (the sentence is then not known either). */
function groupValue(raw: string, words: ValueWords | undefined): ProblemValue | null {
  if (words === undefined) return WHOLE_NUMBER.test(raw) ? Number(raw.replaceAll(',', '')) : raw;
  if (words === 'sentence') return translateWith(SENTENCES, raw);
  if (words === 'decimal') return Number(raw);
  if (isPhrases(words)) return translateWith(words, raw);
  const message = Object.hasOwn(words, raw) ? words[raw] : undefined;
  return message ? { message } : null;
}

function translateWith(table: readonly ServerText[], text: string): Problem | null {
  const sentence = text.trim();
  for (const { pattern, message, values: words = {} } of table) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const values: Record<string, ProblemValue> = {};
    let known = true;
    for (const [name, raw] of Object.entries(match.groups ?? {})) {
      const value = groupValue(raw, words[name]);
      if (value === null) known = false;
      else values[name] = value;
    }
    if (known) return Object.keys(values).length ? { message, values } : { message };
  }
  return null;
}

/** The reader's words for a sentence of the shared schemas or the server; null for one not listed. */
export const translateServerText = (text: string): Problem | null => translateWith(SENTENCES, text);
