import type { ReactElement } from 'react';
import { IntlProvider } from 'react-intl';
import french from '../../../../lang/fr/room-panels.json';
import frenchCodes from '../../../../lang/fr/codes.json';
import frenchTimeline from '../../../../lang/fr/timeline.json';
import frenchShell from '../../../../lang/fr/shell.json';
import { renderAnswered, type Answers } from '../../../fixed-answers.test-support';
import { SessionContext } from '../../../shell/viewer-context';
import { planner } from '../../participants/test-support';
import type { RoomResults } from './room-results';

// The room's panels as a signed-in planner sees them, urql answering from fixed results, in
// English or in French with the real catalogues.

export const OPERATION_ID = 'T3BlcmF0aW9uOjE';
export const OPERATION_CODE = 'PGS-2026-07';

const FRENCH = { ...frenchCodes, ...frenchShell, ...frenchTimeline, ...french };

export function renderPanel(element: ReactElement, answers: Answers = {}, language: 'en' | 'fr' = 'en') {
  return renderAnswered(element, answers, (children) => (
    <SessionContext value={{ viewer: planner, timeZone: planner.timeZone, endSession() {} }}>
      {language === 'fr' ? (
        <IntlProvider locale="fr-FR" defaultLocale="en-GB" messages={FRENCH}>
          {children}
        </IntlProvider>
      ) : (
        children
      )}
    </SessionContext>
  ));
}

const commodity = (id: string, code: string, nameEn: string, nameFr: string) => ({
  __typename: 'Commodity' as const,
  id,
  code,
  nameEn,
  nameFr,
});
export const AMMONIUM_NITRATE = commodity('c-an', 'AMMONIUM_NITRATE', 'Ammonium nitrate', 'Nitrate d’ammonium');
export const DETONATOR = commodity('c-det', 'DETONATOR', 'Detonators', 'Détonateurs');

type Row = RoomResults['byCommodity'][number];
/** One row of the per-commodity table, as the API gives it: one commodity (null: the others together) in one base unit. */
export const row = (item: Row['commodity'], quantity: number, unit: Row['unit'], seizures: number): Row => ({
  key: `${item?.code ?? 'OTHER'}:${unit}`,
  commodity: item,
  quantity,
  unit,
  seizures,
});

/** The results of an operation where Malaysia, Thailand and Singapore reported, as the API gives them. */
export function results(overrides: Partial<RoomResults> = {}): { operationResults: RoomResults } {
  return {
    operationResults: {
      includeUnverified: true,
      totals: {
        alertsRaised: 1250,
        alertsAcknowledged: 1180,
        alertsOverdue: 3,
        medianMinutesToAcknowledge: 12.4,
        seizures: 7,
        arrests: 5,
        bonusSeizures: 1,
      },
      // Malaysia's 2,003.5 kg of ammonium nitrate in three reports and Singapore's 1,000 kg in one, and so on.
      byCommodity: [
        row(AMMONIUM_NITRATE, 3003.5, 'KG', 4),
        row(DETONATOR, 40, 'PIECES', 1),
        row(null, 1.5, 'KG', 1),
        row(null, 3, 'PIECES', 1),
      ],
      byCountry: [
        { countryCode: 'MY', alertsRaised: 2, seizures: 4 },
        { countryCode: 'SG', alertsRaised: 0, seizures: 1 },
        { countryCode: 'TH', alertsRaised: 1, seizures: 2 },
      ],
      ...overrides,
    },
  };
}
