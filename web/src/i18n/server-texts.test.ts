import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phaseWords, severityWords } from './codes';
import { scanSentences, type FoundSentence, type Samples, type SourceFile } from './server-text-scanner';
import { translateServerText } from './server-texts';

// Every sentence the shared schemas and the server can refuse with has words in every language:
// a rule added in shared/ or server/ without a pattern in server-texts/ fails here, before a French
// reader meets it in English.

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Read by the person starting the server, never sent to a browser. */
const NOT_FOR_READERS = new Set(['server/src/env.ts']);

function sourcesUnder(folder: string): SourceFile[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(ROOT, folder, name))
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
    .filter(({ path }) => !NOT_FOR_READERS.has(path));
}

/** What each `${…}` stands for, by what it says: a coded value where the sentence names one. */
const SAMPLES: Samples = [
  [/message/, 'Required'],
  [/typename/, 'Alert'],
  [/phase|\bfrom\b|\bto\b/, 'PRE_OPERATIONAL'],
  [/status|\bwas\b/, 'SUBMITTED'],
  [/category/, 'SHIPMENT'],
  [/minutes\[/, '60'],
  [/graver|lighter/, 'HIGH'],
  [/\.role\b/, 'COORDINATOR'],
  [/verb/, 'verify'],
  [/[vV]ersion\b/, 'PGS-2023'],
  [/UNIT_DIMENSION/, 'mass'],
  [/[uU]nit\b/, 'KG'],
  [/reference/, 'PGS-APAC-2026-01/A-0003'],
  [/toLocaleString/, '1,000,000'],
  [/toFixed/, '5.0'],
  [/\.join\(/, 'PGS-2015, PGS-2023'],
];

const unrecognised = (found: readonly FoundSentence[]): string[] =>
  [
    ...new Set(found.filter(({ sentence }) => !translateServerText(sentence)).map(({ sentence, where }) => `${sentence}  (${where})`)),
  ].sort();

describe('sentences of the shared schemas and the server', () => {
  it('each has words in every language (web/src/i18n/server-texts/)', () => {
    const found = scanSentences([...sourcesUnder('shared/src'), ...sourcesUnder('server/src')], SAMPLES);
    // The scan itself must see the rules, or an empty list would prove nothing.
    expect(found.length).toBeGreaterThan(150);
    expect(unrecognised(found)).toEqual([]);
  });

  it('are found where they are written, through constants, helpers and error classes', () => {
    const sample: SourceFile[] = [
      {
        path: 'errors.ts',
        text: `
export abstract class DomainError extends Error {}
export class ForbiddenError extends DomainError {
  constructor(action: string) { super(\`Your role in this operation does not allow you to \${action}.\`); }
}
export class ValidationError extends DomainError {
  static field(path: string, message: string) { return new ValidationError([{ path: path.split('.'), message }]); }
  constructor(readonly fieldErrors: { path: string[]; message: string }[]) { super(\`Invalid input: \${fieldErrors.length}\`); }
}`,
      },
      {
        path: 'service.ts',
        text: `
const TAKEN = 'An operation with this code already exists';
function forAction(allowed: boolean, action: string) { if (!allowed) throw new ForbiddenError(action); }
export const name = z.string().max(200, { error: \`At most \${max} characters\` });
export function create(phase: string) {
  forAction(false, 'edit the operation');
  if (phase === 'CLOSED') throw ValidationError.field('code', TAKEN);
  throw ValidationError.field('name', 'Names are poems now');
}`,
      },
    ];
    const found = scanSentences(sample, SAMPLES);
    expect(found.map(({ sentence }) => sentence).sort()).toEqual([
      'An operation with this code already exists',
      'At most 1 characters',
      'Invalid input: 1',
      'Names are poems now',
      'Your role in this operation does not allow you to edit the operation.',
    ]);
    expect(unrecognised(found)).toEqual(['Names are poems now  (service.ts:8)']);
  });

  it('takes the sample for a value it cannot follow from what the caller passed for it', () => {
    const found = scanSentences(
      [
        {
          path: 'errors.ts',
          text:
            'export abstract class DomainError extends Error {}\nexport class Missing extends DomainError {\n  constructor(what: string) { super(`$' +
            '{what} not found.`); }\n}',
        },
        { path: 'access.ts', text: 'export function find(access: { typename: string }) { throw new Missing(access.typename); }' },
      ],
      SAMPLES,
    );
    expect(found.map(({ sentence }) => sentence)).toEqual(['Alert not found.']);
  });

  it('reads a constant imported from another file with the names of the file that declares it', () => {
    const found = scanSentences(
      [
        { path: 'rules.ts', text: 'const LEAD = 180;\nexport const tooEarly = `At most $' + '{LEAD} days before`;' },
        { path: 'check.ts', text: "function check() {\n  const LEAD = 'soon';\n  problems.push({ message: tooEarly });\n}" },
      ],
      SAMPLES,
    );
    expect(found).toEqual([{ sentence: 'At most 1 days before', where: 'rules.ts:2' }]);
  });
});

describe('translateServerText', () => {
  it('gives a coded value its words, as a message of its own', () => {
    expect(translateServerText('Must not start before PRE_OPERATIONAL ends')?.values).toEqual({
      phase: { message: phaseWords.PRE_OPERATIONAL },
    });
    expect(translateServerText('A CRITICAL alert cannot have longer (90 min) than a HIGH one (60 min)')?.values).toEqual({
      graver: { message: severityWords.CRITICAL },
      graverMinutes: 90,
      lighter: { message: severityWords.HIGH },
      lighterMinutes: 60,
    });
  });

  it('reads numbers written with thousands separators', () => {
    expect(translateServerText('At most 10,000,000 a day')?.values).toEqual({ max: 10_000_000 });
  });

  it('words the sentence inside another, and the phrase a service passes', () => {
    expect(translateServerText('Item 2: Not a valid Alert id')?.values?.problem).toEqual(translateServerText('Not a valid id'));
    expect(translateServerText('Your role in this operation does not allow you to assign this person as REVIEWER.')).not.toBeNull();
  });

  it('knows nothing of a phrase or a code it has no words for', () => {
    expect(translateServerText('Your role in this operation does not allow you to fly.')).toBeNull();
    expect(translateServerText('The operation is already DORMANT.')).toBeNull();
    expect(translateServerText('Agency not found.')).not.toBeNull();
    expect(translateServerText('Unicorn not found.')).toBeNull();
  });
});

describe('the French words of problems and server sentences', () => {
  it('put a no-break space before : ; ? ! and inside « »', () => {
    const french: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'web', 'lang', 'fr', 'problems.json'), 'utf8'));
    const breakable = Object.entries(french)
      .filter(([, text]) => / [:;?!»]|« /.test(text))
      .map(([id]) => id);
    expect(breakable).toEqual([]);
  });
});
