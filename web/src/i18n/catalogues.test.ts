import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

// English lives in the code (defaultMessage), extracted to lang/en.json; French is lang/fr/*.json.
// These tests fail when a message is missing from either, or says a different thing in structure.

const WEB = join(import.meta.dirname, '..', '..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8'));

function extractNow(): Record<string, string> {
  const out = join(mkdtempSync(join(tmpdir(), 'jointops-i18n-')), 'en.json');
  const formatjs = join(WEB, 'node_modules', '.bin', 'formatjs');
  execFileSync(
    formatjs,
    ['extract', 'src/**/*.{ts,tsx}', '--ignore', 'src/**/*.d.ts', '--ignore', 'src/**/*.test.tsx', '--out-file', out, '--format', 'simple'],
    {
      cwd: WEB,
    },
  );
  return readJson(out);
}

function frenchParts(): Record<string, Record<string, string>> {
  const folder = join(WEB, 'lang', 'fr');
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, readJson(join(folder, name))]),
  );
}

/** The arguments a message takes, with their kinds: `{count, plural}` and `{count}` differ. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && element.type !== TYPE.literal) {
        found.add(`${String(element.value)}:${TYPE[element.type]}`);
      }
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('message catalogues', () => {
  const english = readJson(join(WEB, 'lang', 'en.json'));

  it('lang/en.json holds exactly the messages in the code (pnpm --filter @jointops/web i18n:extract)', () => {
    expect(extractNow()).toEqual(english);
  });

  it('gives every message in French, once, and nothing the code no longer says', () => {
    const parts = frenchParts();
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, messages] of Object.entries(parts)) {
      for (const id of Object.keys(messages)) {
        if (seen.has(id)) twice.push(`${id} in ${seen.get(id)} and ${file}`);
        seen.set(id, file);
      }
    }
    expect(twice).toEqual([]);
    const missing = Object.keys(english).filter((id) => !seen.has(id));
    const extra = [...seen.keys()].filter((id) => !(id in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('says each message in French with the same arguments as in English', () => {
    const french = Object.assign({}, ...Object.values(frenchParts())) as Record<string, string>;
    const different = Object.entries(english)
      .filter(([id]) => id in french)
      .filter(([id, message]) => argumentsOf(message).join() !== argumentsOf(french[id]!).join())
      .map(([id]) => id);
    expect(different).toEqual([]);
  });

  // French typography: the apostrophe is ’, and a no-break space keeps : ; ? ! on the line of the
  // word before them, where a plain space lets the sign open the next line on a narrow screen.
  it('writes French with ’ and a no-break space before : ; ? !', () => {
    const french = Object.assign({}, ...Object.values(frenchParts())) as Record<string, string>;
    const straightApostrophe = Object.keys(french).filter((id) => french[id]!.includes("'"));
    const plainSpaceBeforeSign = Object.keys(french).filter((id) => / [:;?!]/.test(french[id]!));
    expect({ straightApostrophe, plainSpaceBeforeSign }).toEqual({ straightApostrophe: [], plainSpaceBeforeSign: [] });
  });
});
