import { PROGRAMMES } from '@jointops/shared/domain';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { programmeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { problemWords, say, type FieldProblems, type Problem } from '../../i18n/problems';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { CommodityPicker } from './commodity-picker';
import type { OperationFormValues } from './operation-form-values';
import { DeadlineFields, PhaseDatesFields, TimeZoneField } from './plan-fields';
import './operations.css';

const words = defineMessages({
  about: { id: 'operations.form.about', defaultMessage: 'The operation' },
  code: { id: 'operations.form.code', defaultMessage: 'Code' },
  codeHint: {
    id: 'operations.form.codeHint',
    defaultMessage:
      '3 to 40 letters, digits and hyphens, e.g. PGS-APAC-2026-02. It is the operation’s address and cannot be changed later.',
  },
  name: { id: 'operations.form.name', defaultMessage: 'Name' },
  programme: { id: 'operations.form.programme', defaultMessage: 'Programme' },
  exercise: { id: 'operations.form.exercise', defaultMessage: 'Exercise' },
  exerciseHint: {
    id: 'operations.form.exerciseHint',
    defaultMessage: 'A rehearsal: its seizures and alerts are kept out of the programme’s results. This cannot be changed later.',
  },
  objectives: { id: 'operations.form.objectives', defaultMessage: 'Objectives' },
  region: { id: 'operations.form.region', defaultMessage: 'Region' },
  regionHint: { id: 'operations.form.regionHint', defaultMessage: 'For example: South and South-East Asia' },
  commodities: { id: 'operations.form.commodities', defaultMessage: 'Target commodities' },
  schedule: { id: 'operations.form.schedule', defaultMessage: 'Planned dates' },
  deadlines: { id: 'operations.form.deadlines', defaultMessage: 'Acknowledgement deadlines' },
  create: { id: 'operations.form.create', defaultMessage: 'Create the operation' },
  save: { id: 'operations.form.save', defaultMessage: 'Save the plan' },
  saving: { id: 'operations.form.saving', defaultMessage: 'Saving…' },
});

/** Why the form was not saved: problems at fields, and one said for the whole form. */
export interface Refusal {
  fields?: FieldProblems;
  problem?: Problem;
}

interface OperationFormProps {
  mode: 'create' | 'edit';
  initialValues: OperationFormValues;
  catalogueVersion?: string | undefined;
  /** Checks and sends the values; answers why they were refused, or nothing once saved. */
  onSubmit(values: OperationFormValues): Promise<Refusal | null>;
  cancel: ReactNode;
}

/** Fields the form shows a problem beside; any other is listed with the form's own message. */
function shownField(key: string): boolean {
  return /^(code|name|programme|exercise|objectives|region|referenceTimeZone|targetCommodityIds|acknowledgementDeadlines(\.\w+)?|plannedPhases\.\w+\.(startsAt|endsAt))$/.test(
    key,
  );
}

export function OperationForm({ mode, initialValues, catalogueVersion, onSubmit, cancel }: OperationFormProps) {
  const intl = useIntl();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initialValues);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [refusals, setRefusals] = useState(0);
  const [saving, setSaving] = useState(false);
  const problems = refusal?.fields ?? {};
  const Heading = mode === 'create' ? 'h2' : 'h3';

  // After a refusal, the first problem in the order of the form takes the focus.
  useEffect(() => {
    if (!refusals) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem-anchor], .form-error')?.focus();
  }, [refusals]);

  const set = <Key extends keyof OperationFormValues>(key: Key, value: OperationFormValues[Key]) =>
    setValues((before) => ({ ...before, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const answer = await onSubmit(values);
      setRefusal(answer);
      if (answer) setRefusals((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  const otherProblems = Object.entries(problems).filter(([key]) => !shownField(key));
  const hasFieldProblems = Object.keys(problems).length > 0;
  const section = (key: string, heading: ReactNode, content: ReactNode) => (
    <section className="panel form-section" aria-labelledby={`${id}-${key}`}>
      <Heading id={`${id}-${key}`}>{heading}</Heading>
      {content}
    </section>
  );

  return (
    <form ref={formRef} className="operation-form" noValidate onSubmit={(event) => void submit(event)}>
      {section(
        'about',
        <FormattedMessage {...words.about} />,
        <div className="form">
          {mode === 'create' && (
            <div className="form-row">
              <TextField
                label={intl.formatMessage(words.code)}
                hint={intl.formatMessage(words.codeHint)}
                problem={problems.code}
                name="code"
                value={values.code}
                onChange={(event) => set('code', event.target.value)}
                autoCapitalize="characters"
                spellCheck={false}
                className="code-field"
              />
              <SelectField
                label={intl.formatMessage(words.programme)}
                problem={problems.programme}
                name="programme"
                value={values.programme}
                onChange={(event) => set('programme', event.target.value as OperationFormValues['programme'])}
                options={PROGRAMMES.map((programme) => ({ value: programme, label: intl.formatMessage(programmeWords[programme]) }))}
              />
            </div>
          )}
          <TextField
            label={intl.formatMessage(words.name)}
            problem={problems.name}
            name="name"
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
          />
          {mode === 'create' && (
            <div className="field">
              <label className="check">
                <input
                  type="checkbox"
                  name="exercise"
                  checked={values.exercise}
                  onChange={(event) => set('exercise', event.target.checked)}
                  aria-describedby={`${id}-exercise-hint`}
                />
                <FormattedMessage {...words.exercise} />
              </label>
              <p id={`${id}-exercise-hint`} className="field-hint">
                <FormattedMessage {...words.exerciseHint} />
              </p>
            </div>
          )}
          <TextAreaField
            label={intl.formatMessage(words.objectives)}
            problem={problems.objectives}
            name="objectives"
            rows={4}
            value={values.objectives}
            onChange={(event) => set('objectives', event.target.value)}
          />
          <TextField
            label={intl.formatMessage(words.region)}
            hint={intl.formatMessage(words.regionHint)}
            problem={problems.region}
            name="region"
            value={values.region}
            onChange={(event) => set('region', event.target.value)}
          />
        </div>,
      )}
      {section(
        'commodities',
        <FormattedMessage {...words.commodities} />,
        <CommodityPicker
          version={catalogueVersion}
          chosen={values.targetCommodityIds}
          onChange={(ids) => set('targetCommodityIds', ids)}
          problem={problems.targetCommodityIds}
        />,
      )}
      {section(
        'schedule',
        <FormattedMessage {...words.schedule} />,
        <div className="form schedule">
          <TimeZoneField
            value={values.referenceTimeZone}
            onChange={(zone) => set('referenceTimeZone', zone)}
            problem={problems.referenceTimeZone}
          />
          <PhaseDatesFields
            zone={values.referenceTimeZone}
            dates={values.plannedPhases}
            onChange={(phase, dates) => set('plannedPhases', { ...values.plannedPhases, [phase]: dates })}
            problems={problems}
          />
        </div>,
      )}
      {section(
        'deadlines',
        <FormattedMessage {...words.deadlines} />,
        <DeadlineFields
          minutes={values.deadlines}
          onChange={(severity, minutes) => set('deadlines', { ...values.deadlines, [severity]: minutes })}
          problems={problems}
        />,
      )}
      {(refusal?.problem || hasFieldProblems) && (
        <div className="form-error" role="alert" tabIndex={-1}>
          <p>{say(intl, refusal?.problem ?? { message: problemWords.VALIDATION })}</p>
          {otherProblems.length > 0 && (
            <ul>
              {otherProblems.map(([key, problem]) => (
                <li key={key}>{say(intl, problem)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          <FormattedMessage {...(saving ? words.saving : mode === 'create' ? words.create : words.save)} />
        </button>
        {cancel}
      </div>
    </form>
  );
}
