import { describe, expect, it } from 'vitest';
import { spellWallClock } from './time';

// What the reader sees under a date field: the typed wall-clock time in the page's language,
// whatever the browser's own format (an American browser shows 12/01/2026 for 1 December).

describe('a typed date and time spelled out', () => {
  // Punctuation between the parts moves with the ICU release (browser or Node): the words are what matter.
  it('names the day and the month in the page’s language, at the time typed, in no zone', () => {
    expect(spellWallClock('en-GB', '2026-12-01T03:05')).toMatch(/^Tuesday,? 1 December 2026 at 03:05$/);
    expect(spellWallClock('fr-FR', '2026-12-01T03:05')).toMatch(/^mardi 1 décembre 2026 à 03:05$/);
    expect(spellWallClock('fr-FR', '2026-01-12T23:59:30')).toMatch(/^lundi 12 janvier 2026 à 23:59$/);
  });

  it('says nothing of a value that is not a whole date and time yet', () => {
    expect(spellWallClock('en-GB', '')).toBeUndefined();
    expect(spellWallClock('en-GB', '2026-12-01')).toBeUndefined();
    expect(spellWallClock('en-GB', '2026-12-01T3:05')).toBeUndefined();
  });

  it('makes one formatter per language however often the field is spelled out', () => {
    const original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        made += 1;
        return new target(...args);
      },
    });
    try {
      for (const minute of ['01', '02', '03']) {
        expect(spellWallClock('en-IE', `2026-12-01T03:${minute}`)).toMatch(new RegExp(`03:${minute}$`));
        expect(spellWallClock('fr-CA', `2026-12-01T03:${minute}`)).toMatch(new RegExp(`03 h ${minute}$|03:${minute}$`));
      }
      expect(made).toBe(2);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
