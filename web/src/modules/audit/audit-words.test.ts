import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { refusalOf } from './audit-words';

const intl = createIntl({ locale: 'en-GB', messages: {} });

describe('refusalOf', () => {
  it('says an unexpected failure in words, keeping the recorded sentence', () => {
    expect(refusalOf(intl, 'INTERNAL: An unexpected failure; nothing was changed.')).toEqual({
      words: 'Failed unexpectedly; nothing was changed',
      recorded: 'An unexpected failure; nothing was changed.',
    });
  });

  it('falls back to a general word for a code it does not know', () => {
    expect(refusalOf(intl, 'SOMETHING_NEW: text').words).toBe('Refused by the server');
  });
});
