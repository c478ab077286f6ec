import { DISTRIBUTION_KINDS, MARKINGS, type DistributionKind, type Marking } from '@jointops/shared/domain';
import { markingAllows } from '@jointops/shared/alerts';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { distributionWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { say, type FieldProblems } from '../../i18n/problems';
import { agencyLabel, type AgencyLike } from '../../ui/agency';
import { MarkingLabel } from './alert-badges';
import type { AlertDraft } from './alert-draft';

const words = defineMessages({
  marking: { id: 'alerts.form.marking', defaultMessage: 'Marking (Traffic Light Protocol)' },
  distribution: { id: 'alerts.form.distribution', defaultMessage: 'Who receives it' },
  allHint: { id: 'alerts.form.allHint', defaultMessage: 'Every agency that accepted to take part, now and later.' },
  restrictedHint: { id: 'alerts.form.restrictedHint', defaultMessage: 'Only the agencies you tick below.' },
  redRule: {
    id: 'alerts.form.redRule',
    defaultMessage:
      'A TLP:RED alert goes to named agencies only: sent to all participants it would be shared beyond its recipients. Tick the agencies that must receive it.',
  },
  recipients: { id: 'alerts.form.recipients', defaultMessage: 'Recipient agencies' },
  noAgencies: { id: 'alerts.form.noAgencies', defaultMessage: 'No other agency has accepted to take part yet.' },
  ruleCLEAR: { id: 'alerts.form.rule.CLEAR', defaultMessage: 'No restriction: recipients may share it freely.' },
  ruleGREEN: {
    id: 'alerts.form.rule.GREEN',
    defaultMessage: 'Recipients may share it within their community (partner agencies), but not publicly.',
  },
  ruleAMBER: {
    id: 'alerts.form.rule.AMBER',
    defaultMessage: 'Recipients may share it within their organisation and its clients, on a need-to-know basis only.',
  },
  ruleAMBER_STRICT: {
    id: 'alerts.form.rule.AMBER_STRICT',
    defaultMessage: 'Recipients may share it within their own organisation only, on a need-to-know basis.',
  },
  ruleRED: {
    id: 'alerts.form.rule.RED',
    defaultMessage: 'For the named recipients only: no further sharing, not even within their organisation, and never exported.',
  },
});

const ruleWords: Record<Marking, (typeof words)[keyof typeof words]> = {
  CLEAR: words.ruleCLEAR,
  GREEN: words.ruleGREEN,
  AMBER: words.ruleAMBER,
  AMBER_STRICT: words.ruleAMBER_STRICT,
  RED: words.ruleRED,
};

interface AudienceFieldsProps {
  draft: AlertDraft;
  problems: FieldProblems;
  /** The agencies an alert may be sent to: those that accepted, the viewer's own left out. */
  agencies: readonly (AgencyLike & { id: string })[];
  onChange(change: Partial<AlertDraft>): void;
}

/**
 * How far the alert may go and to whom. The rule of the chosen marking is said in words beside
 * it; TLP:RED makes "all participants" impossible, and says why, rather than refusing it later.
 */
export function AudienceFields({ draft, problems, agencies, onChange }: AudienceFieldsProps) {
  const intl = useIntl();
  const id = useId();
  const setMarking = (marking: Marking) =>
    onChange(markingAllows(marking, draft.distribution) ? { marking } : { marking, distribution: 'RESTRICTED' });
  const problem = (key: string) =>
    problems[key] && (
      <p id={`${id}-${key}-problem`} className="field-error">
        {say(intl, problems[key])}
      </p>
    );

  return (
    <>
      <fieldset aria-describedby={`${id}-rule`}>
        <legend>
          <FormattedMessage {...words.marking} />
        </legend>
        <div className="choice-list">
          {MARKINGS.map((marking) => (
            <label key={marking} className="check">
              <input type="radio" name={`${id}-marking`} checked={draft.marking === marking} onChange={() => setMarking(marking)} />
              <MarkingLabel marking={marking} explained />
            </label>
          ))}
        </div>
        <p id={`${id}-rule`} className="marking-rule" aria-live="polite">
          <MarkingLabel marking={draft.marking} /> <FormattedMessage {...ruleWords[draft.marking]} />
        </p>
        {problem('marking')}
      </fieldset>
      <fieldset aria-describedby={draft.marking === 'RED' ? `${id}-red` : undefined}>
        <legend>
          <FormattedMessage {...words.distribution} />
        </legend>
        {DISTRIBUTION_KINDS.map((distribution: DistributionKind) => {
          const allowed = markingAllows(draft.marking, distribution);
          return (
            <div key={distribution} className="field">
              <label className="check">
                <input
                  type="radio"
                  name={`${id}-distribution`}
                  checked={draft.distribution === distribution}
                  disabled={!allowed}
                  aria-describedby={`${id}-${distribution}-hint`}
                  onChange={() => onChange({ distribution })}
                />
                {intl.formatMessage(distributionWords[distribution])}
              </label>
              <p id={`${id}-${distribution}-hint`} className="field-hint">
                <FormattedMessage {...(distribution === 'RESTRICTED' ? words.restrictedHint : words.allHint)} />
              </p>
            </div>
          );
        })}
        {draft.marking === 'RED' && (
          <p id={`${id}-red`} className="marking-rule">
            <FormattedMessage {...words.redRule} />
          </p>
        )}
        {problem('distribution')}
      </fieldset>
      {draft.distribution === 'RESTRICTED' && (
        <fieldset aria-describedby={problems.recipientAgencyIds ? `${id}-recipientAgencyIds-problem` : undefined}>
          <legend>
            <FormattedMessage {...words.recipients} />
          </legend>
          {agencies.length === 0 ? (
            <p className="muted">
              <FormattedMessage {...words.noAgencies} />
            </p>
          ) : (
            <div className="choice-list">
              {agencies.map((agency) => (
                <label key={agency.id} className="check">
                  <input
                    type="checkbox"
                    checked={draft.recipientAgencyIds.includes(agency.id)}
                    aria-invalid={problems.recipientAgencyIds ? true : undefined}
                    onChange={(event) =>
                      onChange({
                        recipientAgencyIds: event.target.checked
                          ? [...draft.recipientAgencyIds, agency.id]
                          : draft.recipientAgencyIds.filter((chosen) => chosen !== agency.id),
                      })
                    }
                  />
                  {agencyLabel(intl.locale, agency)}
                </label>
              ))}
            </div>
          )}
          {problem('recipientAgencyIds')}
        </fieldset>
      )}
    </>
  );
}
