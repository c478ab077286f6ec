import type { AlertSeverity } from '@jointops/shared/domain';
import { MAX_ACKNOWLEDGEMENT_MINUTES } from '@jointops/shared/alerts';
import { PLANNED_PHASES } from '@jointops/shared/operations';
import { useId, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { phaseWords, severityWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { say, type FieldProblems } from '../../i18n/problems';
import { FieldFrame, SelectField } from '../../ui/fields';
import { SEVERITIES_BY_GRAVITY, type PhaseDates, type PlannedPhase } from './operation-form-values';
import { spellWallClock } from '../../ui/time';

const words = defineMessages({
  timeZone: { id: 'operations.form.timeZone', defaultMessage: 'Reference time zone' },
  timeZoneHint: {
    id: 'operations.form.timeZoneHint',
    defaultMessage:
      'The zone the operation’s days are counted in (registers of checks, daily figures). The planned dates below are read in it.',
  },
  datesHint: {
    id: 'operations.form.datesHint',
    defaultMessage: 'Type the dates and times as the clocks show them in {zone}, the operation’s reference time zone.',
  },
  startsAt: { id: 'operations.form.startsAt', defaultMessage: 'Starts' },
  endsAt: { id: 'operations.form.endsAt', defaultMessage: 'Ends' },
  deadlinesHint: {
    id: 'operations.form.deadlinesHint',
    defaultMessage: 'Minutes an agency has to acknowledge an alert, by severity. A change applies to alerts raised after it.',
  },
  minutes: { id: 'operations.form.minutes', defaultMessage: 'min' },
  minutesLong: { id: 'operations.form.minutesLong', defaultMessage: 'minutes, from 1 to {max, number}' },
});

/** Every IANA zone the browser knows, UTC included (some browsers leave it out of the list). */
function zoneNames(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

export function TimeZoneField({
  value,
  onChange,
  problem,
}: {
  value: string;
  onChange(zone: string): void;
  problem?: FieldProblems[string];
}) {
  const intl = useIntl();
  const options = useMemo(() => zoneNames(value).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), [value]);
  return (
    <SelectField
      label={intl.formatMessage(words.timeZone)}
      hint={intl.formatMessage(words.timeZoneHint)}
      problem={problem}
      options={options}
      name="referenceTimeZone"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

interface PhaseDatesFieldsProps {
  zone: string;
  dates: Record<PlannedPhase, PhaseDates>;
  onChange(phase: PlannedPhase, dates: PhaseDates): void;
  problems: FieldProblems;
}

/** A fieldset per planned phase; the dates are wall-clock times of the reference zone. */
export function PhaseDatesFields({ zone, dates, onChange, problems }: PhaseDatesFieldsProps) {
  const intl = useIntl();
  const hintId = useId();
  return (
    <>
      <p id={hintId} className="zone-hint">
        <FormattedMessage {...words.datesHint} values={{ zone: <strong>{zone.replaceAll('_', ' ')}</strong> }} />
      </p>
      <div className="phase-dates">
        {PLANNED_PHASES.map((phase) => (
          <fieldset key={phase} className="phase-dates-phase">
            <legend>{intl.formatMessage(phaseWords[phase])}</legend>
            {(['startsAt', 'endsAt'] as const).map((end) => (
              <FieldFrame
                key={end}
                label={intl.formatMessage(words[end])}
                hint={spellWallClock(intl.locale, dates[phase][end])}
                problem={problems[`plannedPhases.${phase}.${end}`]}
              >
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    type="datetime-local"
                    name={`plannedPhases.${phase}.${end}`}
                    value={dates[phase][end]}
                    onChange={(event) => onChange(phase, { ...dates[phase], [end]: event.target.value })}
                    aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
                    aria-invalid={invalid || undefined}
                  />
                )}
              </FieldFrame>
            ))}
          </fieldset>
        ))}
      </div>
    </>
  );
}

interface DeadlineFieldsProps {
  minutes: Record<AlertSeverity, string>;
  onChange(severity: AlertSeverity, minutes: string): void;
  problems: FieldProblems;
}

/** Minutes to acknowledge, most severe first; an order problem is said once, above them. */
export function DeadlineFields({ minutes, onChange, problems }: DeadlineFieldsProps) {
  const intl = useIntl();
  const id = useId();
  const orderProblem = problems.acknowledgementDeadlines;
  return (
    <>
      <p id={`${id}-hint`} className="field-hint">
        <FormattedMessage {...words.deadlinesHint} />
      </p>
      <p id={`${id}-unit`} className="visually-hidden">
        <FormattedMessage {...words.minutesLong} values={{ max: MAX_ACKNOWLEDGEMENT_MINUTES }} />
      </p>
      {orderProblem && (
        <p id={`${id}-problem`} className="field-error" tabIndex={-1} data-problem-anchor="">
          {say(intl, orderProblem)}
        </p>
      )}
      <div className="deadlines">
        {SEVERITIES_BY_GRAVITY.map((severity) => (
          <FieldFrame
            key={severity}
            label={intl.formatMessage(severityWords[severity])}
            problem={problems[`acknowledgementDeadlines.${severity}`]}
          >
            {({ id: inputId, describedBy, invalid }) => (
              <span className="input-with-unit">
                <input
                  id={inputId}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_ACKNOWLEDGEMENT_MINUTES}
                  step={1}
                  name={`acknowledgementDeadlines.${severity}`}
                  value={minutes[severity]}
                  onChange={(event) => onChange(severity, event.target.value)}
                  aria-describedby={[`${id}-unit`, orderProblem ? `${id}-problem` : '', describedBy].filter(Boolean).join(' ')}
                  aria-invalid={invalid || !!orderProblem || undefined}
                />
                <span aria-hidden="true">{intl.formatMessage(words.minutes)}</span>
              </span>
            )}
          </FieldFrame>
        ))}
      </div>
    </>
  );
}
