import { render, screen } from '@testing-library/react';
import { useIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { IntlRoot } from './intl-root';
import { describeIssue, say, type FieldIssue } from './problems';

// A server field error carries its key and bounds (FieldError.key/min/max): the reader gets the
// problem in their language from them, whatever the English sentence says; without a key the
// sentence is still looked up.

function Said({ issues }: { issues: readonly FieldIssue[] }) {
  const intl = useIntl();
  return (
    <ul>
      {issues.map((issue) => (
        <li key={issue.path.join('.')}>{say(intl, describeIssue(issue))}</li>
      ))}
    </ul>
  );
}

const shown = () => screen.getAllByRole('listitem').map((item) => item.textContent);

describe('a server field error in French', () => {
  it('is worded from its key and bounds, not its sentence', async () => {
    render(
      <IntlRoot userLocale="fr">
        <Said
          issues={[
            { path: ['title'], message: 'English words the web does not know', key: 'TOO_LONG', min: null, max: 300 },
            { path: ['consignor'], message: '?', key: 'REQUIRED' },
            { path: ['description'], message: '?', key: 'CONTROL_CHARACTER' },
            { path: ['name'], message: '?', key: 'ONE_LINE' },
            { path: ['origin'], message: '?', key: 'NOT_A_COUNTRY' },
            { path: ['minutes'], message: '?', key: 'TOO_SMALL', min: 1 },
            { path: ['ids'], message: '?', key: 'TOO_MANY', max: 100 },
          ]}
        />
      </IntlRoot>,
    );
    await screen.findByRole('list');
    expect(shown()).toEqual([
      '300 caractères au plus',
      'Obligatoire',
      'Ne doit pas contenir de caractères de contrôle',
      'Doit tenir sur une ligne, sans tabulation',
      'Utilisez un code pays ISO 3166-1 à deux lettres, par exemple MY',
      'Au moins 1',
      'Choisissez au plus 100 éléments',
    ]);
  });

  it('of a rule of its own (OTHER) falls back on its sentence', async () => {
    render(
      <IntlRoot userLocale="fr">
        <Said issues={[{ path: ['billOfLading'], message: 'Give a bill of lading or an air waybill', key: 'OTHER' }]} />
      </IntlRoot>,
    );
    await screen.findByRole('list');
    expect(shown()).toEqual(['Indiquez un connaissement ou une lettre de transport aérien']);
  });
});
