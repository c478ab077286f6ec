import { FormattedMessage, useIntl } from 'react-intl';
import { say } from '../../i18n/problems';
import { SelectField, TextField } from '../../ui/fields';
import { agencyLabel } from '../../ui/agency';
import { countryOptions } from '../admin/country-options';
import { NOTICE_TYPES, type SeizureDraft } from './seizure-draft';
import type { SeizureFormOptions } from './seizure-documents';
import { fieldWords as words, noticeWords } from './seizure-words';
import type { DraftFieldsProps } from './where-fields';
import { spellWallClock } from '../../ui/time';

type Ncb = SeizureFormOptions['participations'][number]['agency'];

/** Arrests (a total, or counts by nationality: no names are kept) and the INTERPOL follow-up. */
export function FollowUpFields({ draft, problems, onChange, ncbs }: DraftFieldsProps & { ncbs: readonly Ncb[] }) {
  const intl = useIntl();
  const countries = countryOptions(intl.locale);
  const setNationality = (index: number, changes: Partial<SeizureDraft['arrestsByNationality'][number]>) =>
    onChange({ arrestsByNationality: draft.arrestsByNationality.map((entry, at) => (at === index ? { ...entry, ...changes } : entry)) });
  const setNotice = (index: number, changes: Partial<SeizureDraft['interpolNotices'][number]>) =>
    onChange({ interpolNotices: draft.interpolNotices.map((notice, at) => (at === index ? { ...notice, ...changes } : notice)) });
  return (
    <>
      <TextField
        inputMode="numeric"
        label={<FormattedMessage {...words.arrests} />}
        hint={<FormattedMessage {...words.arrestsHint} />}
        problem={problems.arrests}
        value={draft.arrests}
        onChange={(event) => onChange({ arrests: event.target.value })}
      />
      <fieldset>
        <legend>
          <FormattedMessage {...words.arrestsByNationality} />
        </legend>
        {draft.arrestsByNationality.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place, and are only added at the end or removed
          <div className="field-row" key={index}>
            <SelectField
              label={<FormattedMessage {...words.nationality} />}
              value={entry.nationality}
              onChange={(event) => setNationality(index, { nationality: event.target.value })}
              options={countries}
            />
            <TextField
              inputMode="numeric"
              label={<FormattedMessage {...words.count} />}
              value={entry.count}
              onChange={(event) => setNationality(index, { count: event.target.value })}
            />
            <button
              type="button"
              onClick={() => onChange({ arrestsByNationality: draft.arrestsByNationality.filter((_, at) => at !== index) })}
            >
              <FormattedMessage {...words.remove} />
            </button>
          </div>
        ))}
        {problems.arrestsByNationality && <p className="field-error">{say(intl, problems.arrestsByNationality)}</p>}
        <button
          type="button"
          onClick={() =>
            onChange({ arrestsByNationality: [...draft.arrestsByNationality, { nationality: countries[0]?.value ?? '', count: '1' }] })
          }
        >
          <FormattedMessage {...words.addNationality} />
        </button>
      </fieldset>
      <TextField
        type="datetime-local"
        label={<FormattedMessage {...words.interpolNotifiedAt} />}
        hint={spellWallClock(intl.locale, draft.interpolNotifiedAt)}
        problem={problems.interpolNotifiedAt}
        value={draft.interpolNotifiedAt}
        onChange={(event) => onChange({ interpolNotifiedAt: event.target.value })}
      />
      <SelectField
        label={<FormattedMessage {...words.interpolNcbAgencyId} />}
        problem={problems.interpolNcbAgencyId}
        value={draft.interpolNcbAgencyId}
        onChange={(event) => onChange({ interpolNcbAgencyId: event.target.value })}
        options={[
          { value: '', label: intl.formatMessage(words.none) },
          ...ncbs.map((agency) => ({ value: agency.id, label: agencyLabel(intl.locale, agency) })),
        ]}
      />
      <fieldset>
        <legend>
          <FormattedMessage {...words.interpolNotices} />
        </legend>
        {draft.interpolNotices.map((notice, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place, and are only added at the end or removed
          <div className="field-row" key={index}>
            <SelectField
              label={<FormattedMessage {...words.noticeType} />}
              value={notice.type}
              onChange={(event) => setNotice(index, { type: event.target.value as (typeof NOTICE_TYPES)[number] })}
              options={NOTICE_TYPES.map((type) => ({ value: type, label: intl.formatMessage(noticeWords[type]) }))}
            />
            <TextField
              label={<FormattedMessage {...words.noticeReference} />}
              value={notice.reference}
              onChange={(event) => setNotice(index, { reference: event.target.value })}
            />
            <button type="button" onClick={() => onChange({ interpolNotices: draft.interpolNotices.filter((_, at) => at !== index) })}>
              <FormattedMessage {...words.remove} />
            </button>
          </div>
        ))}
        {problems.interpolNotices && <p className="field-error">{say(intl, problems.interpolNotices)}</p>}
        <button type="button" onClick={() => onChange({ interpolNotices: [...draft.interpolNotices, { type: 'RED', reference: '' }] })}>
          <FormattedMessage {...words.addNotice} />
        </button>
      </fieldset>
    </>
  );
}
