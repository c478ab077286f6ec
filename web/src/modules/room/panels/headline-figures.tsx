import { useId, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../../i18n/define-messages';
import { LoadError, Skeleton } from '../../../ui/page-state';
import { useRoomResults } from './room-results';

const words = defineMessages({
  title: { id: 'room.figures.title', defaultMessage: 'The operation so far' },
  alertsRaised: { id: 'room.figures.alertsRaised', defaultMessage: 'Alerts raised' },
  alertsAcknowledged: { id: 'room.figures.alertsAcknowledged', defaultMessage: 'Acknowledged' },
  alertsOverdue: { id: 'room.figures.alertsOverdue', defaultMessage: 'With a deadline missed' },
  medianToAcknowledge: { id: 'room.figures.medianToAcknowledge', defaultMessage: 'Median time to acknowledge' },
  noMedian: { id: 'room.figures.noMedian', defaultMessage: 'none yet' },
  seizures: { id: 'room.figures.seizures', defaultMessage: 'Seizures' },
  arrests: { id: 'room.figures.arrests', defaultMessage: 'Arrests' },
  bonusSeizures: {
    id: 'room.figures.bonusSeizures',
    defaultMessage: '{count, plural, =0 {no bonus seizure} one {# bonus seizure} other {# bonus seizures}}',
  },
});

function Figure({ label, value, detail, tone }: { label: ReactNode; value: ReactNode; detail?: ReactNode; tone?: 'warn' | 'none' }) {
  return (
    <div className={tone ? `room-figure room-figure-${tone}` : 'room-figure'}>
      <dt>{label}</dt>
      <dd>
        <span className="room-figure-value">{value}</span>
        {detail && <span className="room-figure-detail">{detail}</span>}
      </dd>
    </div>
  );
}

/** The operation's headline figures, large enough to read from across the room. */
export function HeadlineFigures({ operationId }: { operationId: string }) {
  const intl = useIntl();
  const headingId = useId();
  const { results, fetching, error, retry } = useRoomResults(operationId);
  const totals = results?.totals;
  const number = (value: number) => intl.formatNumber(value);
  const median = totals?.medianMinutesToAcknowledge;
  return (
    <section className="panel room-panel headline-figures" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden-on-wall">
        <FormattedMessage {...words.title} />
      </h2>
      {!totals && fetching && <Skeleton lines={2} />}
      {!totals && !fetching && error && <LoadError error={error} onRetry={retry} />}
      {totals && (
        <dl className="room-figures">
          <Figure label={<FormattedMessage {...words.alertsRaised} />} value={number(totals.alertsRaised)} />
          <Figure label={<FormattedMessage {...words.alertsAcknowledged} />} value={number(totals.alertsAcknowledged)} />
          <Figure
            label={<FormattedMessage {...words.alertsOverdue} />}
            value={number(totals.alertsOverdue)}
            {...(totals.alertsOverdue > 0 ? { tone: 'warn' as const } : {})}
          />
          {median === null || median === undefined ? (
            <Figure label={<FormattedMessage {...words.medianToAcknowledge} />} value={intl.formatMessage(words.noMedian)} tone="none" />
          ) : (
            <Figure
              label={<FormattedMessage {...words.medianToAcknowledge} />}
              // The unit smaller than its number: in a number's size, "0 mins" broke over two lines of a wall's column.
              value={intl
                .formatNumberToParts(median, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 0 })
                .map((part, index) =>
                  part.type === 'unit' ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one formatted number, never reordered.
                    <span key={index} className="room-figure-unit">
                      {part.value}
                    </span>
                  ) : (
                    part.value
                  ),
                )}
            />
          )}
          <Figure
            label={<FormattedMessage {...words.seizures} />}
            value={number(totals.seizures)}
            detail={<FormattedMessage {...words.bonusSeizures} values={{ count: totals.bonusSeizures }} />}
          />
          <Figure label={<FormattedMessage {...words.arrests} />} value={number(totals.arrests)} />
        </dl>
      )}
    </section>
  );
}
