import { render, screen } from '@testing-library/react';
import { useIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { IntlRoot } from './intl-root';
import { giveAlertFeedbackInput } from '@jointops/shared/alerts';
import { describeIssue, say, type FieldIssue } from './problems';

// A server field error carries its key and parameters (FieldError.key, min, max, phase…): the
// reader gets the problem in their language from them, whatever the English sentence says; without
// a key the sentence is still looked up. The browser's own zod checks give a rule's key the same way.

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

  it('of a rule is worded from its key and parameters too', async () => {
    render(
      <IntlRoot userLocale="fr">
        <Said
          issues={[
            { path: ['distribution'], message: '?', key: 'RED_NEEDS_NAMED_RECIPIENTS' },
            { path: ['arrests'], message: '?', key: 'ARRESTS_NOT_SUM_OF_NATIONALITIES', expected: 3 },
            { path: ['commodityId'], message: '?', key: 'NOT_IN_CATALOGUE', catalogueVersion: 'PGS-2023' },
            { path: ['to'], message: '?', key: 'PHASE_NOT_NEXT', phase: 'PLANNING' },
            { path: ['unit'], message: '?', key: 'UNIT_NOT_OF_COMMODITY_DIMENSION', unit: 'KG' },
            { path: ['linkedAlertIds', 0], message: '?', key: 'ALERT_WITHDRAWN' },
            { path: ['quantity'], message: '?', key: 'BELOW_LEAST_QUANTITY', min: 0.000001 },
          ]}
        />
      </IntlRoot>,
    );
    await screen.findByRole('list');
    expect(shown()).toEqual([
      'Une alerte TLP:RED ne va qu’aux agences désignées\u00a0: choisissez «\u00a0Agences désignées uniquement\u00a0»',
      'Doit être la somme des arrestations par nationalité (3), ou rester vide',
      'Cette marchandise ne figure pas dans le catalogue PGS-2023',
      'L’opération est en phase «\u00a0Planification\u00a0»\u00a0: elle avance d’une phase à la fois',
      'Cette marchandise se mesure en masse (comme kg)\u00a0: convertissez la quantité avant de la déclarer',
      'Cette alerte a été retirée\u00a0: aucune saisie ne peut plus lui être rattachée',
      'Au moins un millionième de l’unité (0,000001)',
    ]);
  });

  it('of the browser’s own check of a rule is worded from the key its refinement gives', async () => {
    const checked = giveAlertFeedbackInput.safeParse({ alertId: 'QWxlcnQ6MQ==', outcome: 'PENDING' });
    const issues = checked.error!.issues.map((issue) => ({ ...issue, message: 'English words the web does not know' }));
    render(
      <IntlRoot userLocale="fr">
        <Said issues={issues} />
      </IntlRoot>,
    );
    await screen.findByRole('list');
    expect(shown()).toEqual(['Indiquez ce qu’il est advenu de l’alerte\u00a0: saisie, rien trouvé ou non contrôlé']);
  });
});
