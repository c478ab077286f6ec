import { useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import type { Results } from './results-documents';

export const figureWords = defineMessages({
  seizures: { id: 'results.figure.seizures', defaultMessage: 'Seizures' },
  arrests: { id: 'results.figure.arrests', defaultMessage: 'Arrests' },
  bonusSeizures: { id: 'results.figure.bonusSeizures', defaultMessage: 'Bonus seizures' },
  interpolFollowUps: { id: 'results.figure.interpolFollowUps', defaultMessage: 'INTERPOL follow-ups' },
  alertsRaised: { id: 'results.figure.alertsRaised', defaultMessage: 'Alerts raised' },
  alertsAcknowledged: { id: 'results.figure.alertsAcknowledged', defaultMessage: 'Alerts acknowledged' },
  alertsOverdue: { id: 'results.figure.alertsOverdue', defaultMessage: 'Alerts with a deadline missed' },
  hitRate: { id: 'results.figure.hitRate', defaultMessage: 'Alerts leading to a seizure' },
  licitShipmentsChecked: { id: 'results.figure.licitShipmentsChecked', defaultMessage: 'Licit shipments checked' },
  databaseChecks: { id: 'results.figure.databaseChecks', defaultMessage: 'Database checks' },
  databaseHits: { id: 'results.figure.databaseHits', defaultMessage: 'Database hits' },
  noRate: { id: 'results.figure.noRate', defaultMessage: 'no feedback yet' },
});

/** The operation's headline figures: what a results release opens with. */
export function HeadlineFigures({ totals }: { totals: Results['totals'] }) {
  const intl = useIntl();
  const count = (value: number) => intl.formatNumber(value);
  // A figure not there yet is words (`noRate`), drawn as words: in a number's size they took three lines.
  const figures: [keyof typeof figureWords, string, inWords?: boolean][] = [
    ['seizures', count(totals.seizures)],
    ['arrests', count(totals.arrests)],
    ['bonusSeizures', count(totals.bonusSeizures)],
    ['interpolFollowUps', count(totals.interpolFollowUps)],
    ['alertsRaised', count(totals.alertsRaised)],
    ['alertsAcknowledged', count(totals.alertsAcknowledged)],
    ['alertsOverdue', count(totals.alertsOverdue)],
    totals.hitRate === null || totals.hitRate === undefined
      ? ['hitRate', intl.formatMessage(figureWords.noRate), true]
      : ['hitRate', intl.formatNumber(totals.hitRate, { style: 'percent', maximumFractionDigits: 0 })],
    ['licitShipmentsChecked', count(totals.licitShipmentsChecked)],
    ['databaseChecks', count(totals.databaseChecks)],
    ['databaseHits', count(totals.databaseHits)],
  ];
  return (
    <dl className="results-figures">
      {figures.map(([name, value, inWords]) => (
        <div key={name} className="results-figure">
          <dt>{intl.formatMessage(figureWords[name])}</dt>
          <dd className={inWords ? 'results-figure-words' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
