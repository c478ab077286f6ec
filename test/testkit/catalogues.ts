import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The web app's message catalogues, for browser tests that check a French page holds no English.

const LANG = fileURLToPath(new URL('../../web/lang', import.meta.url));
const readCatalogue = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;

/**
 * English sentences that must not be on a French page: those whose French is different
 * ("Phase", "Participants" and "Programme" are the same words in both).
 */
export function englishOnlySentences(): string[] {
  const french: Record<string, string> = Object.assign(
    {},
    ...readdirSync(join(LANG, 'fr')).map((file) => readCatalogue(join(LANG, 'fr', file))),
  );
  return Object.entries(readCatalogue(join(LANG, 'en.json')))
    .filter(([id, words]) => french[id] !== words)
    .map(([, words]) => words);
}
