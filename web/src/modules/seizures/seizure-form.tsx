import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { useRefusedForm } from '../../ui/use-refused-form';
import { withoutFields, type Refusal } from '../alerts/alert-refusals';
import { FormProblem } from '../alerts/form-problem';
import { FollowUpFields } from './follow-up-fields';
import { HowFields } from './how-fields';
import type { SeizureFormOptions } from './seizure-documents';
import type { SeizureDraft } from './seizure-draft';
import { fieldWords } from './seizure-words';
import { WhatFields } from './what-fields';
import { WhereFields } from './where-fields';
import { FilePicker } from '../../ui/file-picker';

const words = defineMessages({
  saveDraft: { id: 'seizures.form.saveDraft', defaultMessage: 'Save as draft' },
  submit: { id: 'seizures.form.submit', defaultMessage: 'Submit for verification' },
  correct: { id: 'seizures.form.correct', defaultMessage: 'Correct and send back for verification' },
  saveEdits: { id: 'seizures.form.saveEdits', defaultMessage: 'Save the draft' },
  sending: { id: 'seizures.form.sending', defaultMessage: 'Sending…' },
});

const SHOWN_FIELDS = [
  'seizedAt',
  'countryCode',
  'place',
  'locationType',
  'latitude',
  'longitude',
  'commodityId',
  'commodityDescription',
  'quantity',
  'unit',
  'detectionMethod',
  'concealment',
  'transportMode',
  'conveyance',
  'originCountryCode',
  'transitCountryCodes',
  'destinationCountryCode',
  'arrests',
  'arrestsByNationality',
  'interpolNotifiedAt',
  'interpolNcbAgencyId',
  'interpolNotices',
];

/** The draft's fields that differ from before the change: their problems are answered. */
const touched = (draft: SeizureDraft, changes: Partial<SeizureDraft>) =>
  Object.keys(changes).filter((field) => changes[field as keyof SeizureDraft] !== draft[field as keyof SeizureDraft]);

type Alert = { id: string; reference: string; title: string };

interface SeizureFormProps {
  /** Reported anew, a draft edited (it stays a draft), or a rejected report corrected (it goes back to the reviewers). */
  mode: 'report' | 'editDraft' | 'correct';
  initialDraft: SeizureDraft;
  options: Pick<SeizureFormOptions, 'commodities'> & { alerts: readonly Alert[]; ncbs: Parameters<typeof FollowUpFields>[0]['ncbs'] };
  /** Checks and sends the draft (`submit`: to the reviewers, or kept as a draft), with the files to add; answers why it was refused. */
  onSubmit(draft: SeizureDraft, submit: boolean, files: readonly File[]): Promise<Refusal | null>;
  /** Upload progress of the files, shown under the form once the report is saved. */
  progress?: ReactNode;
  cancel: ReactNode;
}

/** Every field of a seizure report, as reported or corrected; problems at their fields, the first one focused. */
export function SeizureForm({ mode, initialDraft, options, onSubmit, progress, cancel }: SeizureFormProps) {
  const intl = useIntl();
  const id = useId();
  const [draft, setDraft] = useState(initialDraft);
  const [files, setFiles] = useState<File[]>([]);
  const { formRef, refusal, setRefusal, busy, run } = useRefusedForm(onSubmit);
  const problems = refusal?.fields ?? {};
  const send = (submit: boolean) => void run(draft, submit, files);

  const change = (changes: Partial<SeizureDraft>) => {
    setRefusal((before) => withoutFields(before, touched(draft, changes)));
    setDraft((before) => ({ ...before, ...changes }));
  };

  const section = (key: string, heading: ReactNode, content: ReactNode) => (
    <section className="panel form-section" aria-labelledby={`${id}-${key}`}>
      <h3 id={`${id}-${key}`}>{heading}</h3>
      <div className="form">{content}</div>
    </section>
  );
  const fields = { draft, problems, onChange: change };

  return (
    <form
      ref={formRef}
      className="seizure-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        send(true);
      }}
    >
      {section('where', <FormattedMessage {...fieldWords.when} />, <WhereFields {...fields} />)}
      {section('what', <FormattedMessage {...fieldWords.what} />, <WhatFields {...fields} commodities={options.commodities} />)}
      {section('how', <FormattedMessage {...fieldWords.how} />, <HowFields {...fields} />)}
      {section('follow-up', <FormattedMessage {...fieldWords.followUp} />, <FollowUpFields {...fields} ncbs={options.ncbs} />)}
      {section(
        'links',
        <FormattedMessage {...fieldWords.linkedAlertIds} />,
        options.alerts.length === 0 ? (
          <p className="muted">
            <FormattedMessage {...fieldWords.noAlerts} />
          </p>
        ) : (
          <fieldset>
            <legend className="visually-hidden">
              <FormattedMessage {...fieldWords.linkedAlertIds} />
            </legend>
            <div className="choice-list">
              {options.alerts.map((alert) => (
                <label key={alert.id} className="check">
                  <input
                    type="checkbox"
                    checked={draft.linkedAlertIds.includes(alert.id)}
                    onChange={(event) =>
                      change({
                        linkedAlertIds: event.target.checked
                          ? [...draft.linkedAlertIds, alert.id]
                          : draft.linkedAlertIds.filter((chosen) => chosen !== alert.id),
                      })
                    }
                  />
                  <span>
                    {alert.reference} — {alert.title}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ),
      )}
      {section(
        'files',
        <FormattedMessage {...fieldWords.attachments} />,
        <div className="field">
          <label htmlFor={`${id}-file-input`}>{intl.formatMessage(fieldWords.attachments)}</label>
          <FilePicker
            id={`${id}-file-input`}
            multiple
            accept="image/jpeg,image/png,application/pdf"
            aria-describedby={`${id}-files-hint`}
            chosen={files}
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
          />
          <p id={`${id}-files-hint`} className="field-hint">
            <FormattedMessage {...fieldWords.attachmentsHint} />
          </p>
          {progress}
        </div>,
      )}
      <FormProblem refusal={refusal} shown={SHOWN_FIELDS} />
      <div className="form-actions">
        {mode === 'report' ? (
          <>
            <button type="submit" className="primary" disabled={busy}>
              <FormattedMessage {...(busy ? words.sending : words.submit)} />
            </button>
            <button type="button" disabled={busy} onClick={() => send(false)}>
              <FormattedMessage {...words.saveDraft} />
            </button>
          </>
        ) : (
          <button type="submit" className="primary" disabled={busy}>
            <FormattedMessage {...(busy ? words.sending : mode === 'correct' ? words.correct : words.saveEdits)} />
          </button>
        )}
        {cancel}
      </div>
    </form>
  );
}
