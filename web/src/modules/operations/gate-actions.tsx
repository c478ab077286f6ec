import type { Phase } from '@jointops/shared/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { say, type Problem } from '../../i18n/problems';
import { criterionDetail, criterionStatement } from './gate-criteria';
import { JustificationField } from './gate-justification';
import { useAdvancePhase, type UnmetCriterion } from './phase-advance';

const words = defineMessages({
  advance: { id: 'overview.advance', defaultMessage: 'Advance to {phase}' },
  advancing: { id: 'overview.advancing', defaultMessage: 'Advancing…' },
  blocked: {
    id: 'overview.advance.blocked',
    defaultMessage: 'Advancing needs every criterion met. To go ahead anyway, override them with a written justification.',
  },
  override: { id: 'overview.override', defaultMessage: 'Override…' },
  overrideExplanation: {
    id: 'overview.override.explanation',
    defaultMessage:
      'The operation moves on although the criteria above are not met. Your justification is kept in the audit trail and shown on the timeline to every participant.',
  },
  justification: { id: 'overview.override.justification', defaultMessage: 'Justification' },
  overrideAndAdvance: { id: 'overview.override.submit', defaultMessage: 'Override and advance to {phase}' },
  gateClosed: { id: 'overview.advance.gateClosed', defaultMessage: 'The operation did not move: these criteria are not met now.' },
});

interface GateActionsProps {
  operationId: string;
  to: Phase;
  unmetCount: number;
  onAdvanced(phase: Phase): void;
  /** The server saw a different gate than the one on screen: read it again. */
  onGateChanged(): void;
}

/** The coordinator's way forward: advance when every criterion is met, or override in writing. */
export function GateActions({ operationId, to, unmetCount, onAdvanced, onGateChanged }: GateActionsProps) {
  const intl = useIntl();
  const id = useId();
  const { advance, sending } = useAdvancePhase(operationId);
  const [overriding, setOverriding] = useState(false);
  const [justification, setJustification] = useState('');
  const [justificationProblem, setJustificationProblem] = useState<Problem | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [refusedBy, setRefusedBy] = useState<UnmetCriterion[] | null>(null);
  const overrideForm = useRef<HTMLFormElement>(null);
  const phase = intl.formatMessage(phaseWords[to]);

  const focusJustification = () => {
    const field = overrideForm.current?.elements.namedItem('justification');
    if (field instanceof HTMLTextAreaElement) field.focus();
  };

  // Opening the override takes the reader straight to what it asks of them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusJustification only reads a ref; the effect is about opening.
  useEffect(() => {
    if (overriding) focusJustification();
  }, [overriding]);

  async function run(withJustification: string | null) {
    setProblem(null);
    setRefusedBy(null);
    const outcome = await advance(to, withJustification);
    switch (outcome.kind) {
      case 'advanced':
        setOverriding(false);
        setJustification('');
        setJustificationProblem(undefined);
        onAdvanced(outcome.phase);
        return;
      case 'justification':
        setJustificationProblem(outcome.problem);
        focusJustification();
        return;
      case 'gate':
        setRefusedBy(outcome.unmet);
        onGateChanged();
        return;
      case 'problem':
        setProblem(outcome.problem);
    }
  }

  function submitOverride(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(justification);
  }

  const blocked = unmetCount > 0;
  return (
    <div className="gate-actions">
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={blocked || sending}
          aria-describedby={blocked ? `${id}-blocked` : undefined}
          onClick={() => void run(null)}
        >
          {sending && !overriding ? intl.formatMessage(words.advancing) : intl.formatMessage(words.advance, { phase })}
        </button>
        {blocked && (
          <button type="button" aria-expanded={overriding} aria-controls={`${id}-override`} onClick={() => setOverriding(!overriding)}>
            <FormattedMessage {...words.override} />
          </button>
        )}
      </div>
      {blocked && (
        <p id={`${id}-blocked`} className="field-hint">
          <FormattedMessage {...words.blocked} />
        </p>
      )}
      {refusedBy && (
        <div className="form-error" role="alert">
          <p>
            <FormattedMessage {...words.gateClosed} />
          </p>
          <ul>
            {refusedBy.map((criterion) => (
              <li key={criterion.key}>
                {criterionStatement(intl, criterion.key)}
                {criterionDetail(intl, criterion) && <> — {criterionDetail(intl, criterion)}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {say(intl, problem)}
        </p>
      )}
      {blocked && overriding && (
        <form ref={overrideForm} id={`${id}-override`} className="form gate-override" noValidate onSubmit={submitOverride}>
          <p className="muted">
            <FormattedMessage {...words.overrideExplanation} />
          </p>
          <JustificationField
            label={intl.formatMessage(words.justification)}
            value={justification}
            onChange={(value) => {
              setJustification(value);
              setJustificationProblem(undefined);
            }}
            problem={justificationProblem}
          />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={sending}>
              {sending ? intl.formatMessage(words.advancing) : intl.formatMessage(words.overrideAndAdvance, { phase })}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
