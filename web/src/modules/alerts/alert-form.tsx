import { ALERT_CATEGORIES, type AlertCategory, type AlertSeverity } from '@jointops/shared/domain';
import { useId, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { commodityName } from '../../ui/commodity-name';
import { alertCategoryWords, severityWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { SEVERITIES_BY_GRAVITY } from '../operations/operation-form-values';
import { AudienceFields } from './audience-fields';
import { touchedFields, type AlertDraft } from './alert-draft';
import { useRefusedForm } from '../../ui/use-refused-form';
import { type Refusal, withoutFields } from './alert-refusals';
import { FormProblem } from './form-problem';
import { SUBJECT_FIELDS, SubjectFields } from './subject-fields';
import { subjectWords } from './subject-words';

const words = defineMessages({
  about: { id: 'alerts.form.about', defaultMessage: 'The alert' },
  category: { id: 'alerts.form.category', defaultMessage: 'Category' },
  categoryLocked: {
    id: 'alerts.form.categoryLocked',
    defaultMessage: 'Before the operational phase, only the readiness test (a Test alert) may be raised.',
  },
  severity: { id: 'alerts.form.severity', defaultMessage: 'Severity' },
  severityHint: { id: 'alerts.form.severityHint', defaultMessage: 'It sets how long each recipient has to acknowledge.' },
  title: { id: 'alerts.form.title', defaultMessage: 'Title' },
  description: { id: 'alerts.form.description', defaultMessage: 'Description' },
  language: { id: 'alerts.form.language', defaultMessage: 'Language of the text' },
  languageHint: { id: 'alerts.form.languageHint', defaultMessage: 'A language tag, e.g. en or fr; optional.' },
  commodities: { id: 'alerts.form.commodities', defaultMessage: 'Commodities concerned' },
  noCommodities: { id: 'alerts.form.noCommodities', defaultMessage: 'The operation names no commodities.' },
  audience: { id: 'alerts.form.audience', defaultMessage: 'Marking and recipients' },
  raise: { id: 'alerts.form.raise', defaultMessage: 'Raise the alert' },
  raising: { id: 'alerts.form.raising', defaultMessage: 'Raising…' },
  amend: { id: 'alerts.form.amend', defaultMessage: 'Save the new version' },
  saving: { id: 'alerts.form.saving', defaultMessage: 'Saving…' },
});

const TEXT_FIELDS = [
  'category',
  'severity',
  'title',
  'description',
  'language',
  'commodityIds',
  'marking',
  'distribution',
  'recipientAgencyIds',
];

interface AlertFormProps {
  mode: 'raise' | 'amend';
  initialDraft: AlertDraft;
  categories: readonly AlertCategory[];
  commodities: readonly { id: string; code: string; nameEn: string; nameFr: string }[];
  agencies: ComponentProps<typeof AudienceFields>['agencies'];
  /** Checks and sends the draft; answers why it was refused, or nothing once done. */
  onSubmit(draft: AlertDraft): Promise<Refusal | null>;
  /** Said above the buttons in amend mode: what an amendment cannot change. */
  audienceNote?: ReactNode;
  cancel: ReactNode;
}

/** The alert's content, subject and audience, as raised or amended; problems at their fields, the first one focused. */
export function AlertForm({ mode, initialDraft, categories, commodities, agencies, onSubmit, audienceNote, cancel }: AlertFormProps) {
  const intl = useIntl();
  const id = useId();
  const [draft, setDraft] = useState(initialDraft);
  // A second click while the first is on its way sends nothing: the draft goes once.
  const { formRef, refusal, setRefusal, busy, run } = useRefusedForm(() => onSubmit(draft));
  const problems = refusal?.fields ?? {};

  const change = (changes: Partial<AlertDraft>) => {
    // A problem goes once its field is changed: what is still wrong is said again on sending.
    setRefusal((before) => withoutFields(before, touchedFields(draft, changes)));
    setDraft((before) => ({ ...before, ...changes }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  const section = (key: string, heading: ReactNode, content: ReactNode) => (
    <section className="panel form-section" aria-labelledby={`${id}-${key}`}>
      <h3 id={`${id}-${key}`}>{heading}</h3>
      {content}
    </section>
  );

  return (
    <form ref={formRef} className="alert-form" noValidate onSubmit={submit}>
      {section(
        'about',
        <FormattedMessage {...words.about} />,
        <div className="form">
          {mode === 'raise' && (
            <fieldset>
              <legend>
                <FormattedMessage {...words.category} />
              </legend>
              <div className="choice-list">
                {ALERT_CATEGORIES.filter((category) => categories.includes(category)).map((category) => (
                  <label key={category} className="check">
                    <input
                      type="radio"
                      name={`${id}-category`}
                      checked={draft.category === category}
                      onChange={() => change({ category })}
                    />
                    {intl.formatMessage(alertCategoryWords[category])}
                  </label>
                ))}
              </div>
              {categories.length === 1 && (
                <p className="field-hint">
                  <FormattedMessage {...words.categoryLocked} />
                </p>
              )}
            </fieldset>
          )}
          <SelectField
            label={<FormattedMessage {...words.severity} />}
            hint={<FormattedMessage {...words.severityHint} />}
            problem={problems.severity}
            value={draft.severity}
            onChange={(event) => change({ severity: event.target.value as AlertSeverity })}
            options={SEVERITIES_BY_GRAVITY.map((severity) => ({ value: severity, label: intl.formatMessage(severityWords[severity]) }))}
          />
          <TextField
            label={<FormattedMessage {...words.title} />}
            problem={problems.title}
            value={draft.title}
            onChange={(event) => change({ title: event.target.value })}
          />
          <TextAreaField
            label={<FormattedMessage {...words.description} />}
            problem={problems.description}
            rows={5}
            value={draft.description}
            onChange={(event) => change({ description: event.target.value })}
          />
          <TextField
            label={<FormattedMessage {...words.language} />}
            hint={<FormattedMessage {...words.languageHint} />}
            problem={problems.language}
            value={draft.language}
            onChange={(event) => change({ language: event.target.value })}
            spellCheck={false}
            className="code-field"
          />
        </div>,
      )}
      {section(
        'subject',
        <FormattedMessage {...subjectWords.heading} />,
        <div className="form">
          <SubjectFields draft={draft} problems={problems} onChange={change} />
        </div>,
      )}
      {section(
        'commodities',
        <FormattedMessage {...words.commodities} />,
        commodities.length === 0 ? (
          <p className="muted">
            <FormattedMessage {...words.noCommodities} />
          </p>
        ) : (
          <fieldset>
            <legend className="visually-hidden">
              <FormattedMessage {...words.commodities} />
            </legend>
            <div className="choice-list">
              {commodities.map((commodity) => (
                <label key={commodity.id} className="check">
                  <input
                    type="checkbox"
                    checked={draft.commodityIds.includes(commodity.id)}
                    onChange={(event) =>
                      change({
                        commodityIds: event.target.checked
                          ? [...draft.commodityIds, commodity.id]
                          : draft.commodityIds.filter((chosen) => chosen !== commodity.id),
                      })
                    }
                  />
                  <span>
                    {commodityName(intl.locale, commodity)} <span className="muted">({commodity.code})</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ),
      )}
      {mode === 'raise'
        ? section(
            'audience',
            <FormattedMessage {...words.audience} />,
            <div className="form">
              <AudienceFields draft={draft} problems={problems} agencies={agencies} onChange={change} />
            </div>,
          )
        : audienceNote}
      <FormProblem refusal={refusal} shown={[...TEXT_FIELDS, ...SUBJECT_FIELDS[draft.category]]} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          <FormattedMessage {...(mode === 'raise' ? (busy ? words.raising : words.raise) : busy ? words.saving : words.amend)} />
        </button>
        {cancel}
      </div>
    </form>
  );
}
