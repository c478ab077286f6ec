import { DETECTION_METHODS, TRANSPORT_MODES } from '@jointops/shared/domain';
import { FormattedMessage, useIntl } from 'react-intl';
import { detectionMethodWords, transportModeWords } from '../../i18n/codes';
import { SelectField, TextAreaField } from '../../ui/fields';
import { countryName } from '../../ui/agency';
import { countryOptions } from '../admin/country-options';
import type { SeizureDraft } from './seizure-draft';
import { fieldWords as words } from './seizure-words';
import type { DraftFieldsProps } from './where-fields';

/** How it was found and how it travelled: detection, concealment, transport, and the route. */
export function HowFields({ draft, problems, onChange }: DraftFieldsProps) {
  const intl = useIntl();
  const countries = countryOptions(intl.locale);
  const maybeCountry = [{ value: '', label: intl.formatMessage(words.noCountry) }, ...countries];
  return (
    <>
      <SelectField
        label={<FormattedMessage {...words.detectionMethod} />}
        problem={problems.detectionMethod}
        value={draft.detectionMethod}
        onChange={(event) => onChange({ detectionMethod: event.target.value as SeizureDraft['detectionMethod'] })}
        options={DETECTION_METHODS.map((method) => ({ value: method, label: intl.formatMessage(detectionMethodWords[method]) }))}
      />
      <TextAreaField
        label={<FormattedMessage {...words.concealment} />}
        problem={problems.concealment}
        rows={2}
        value={draft.concealment}
        onChange={(event) => onChange({ concealment: event.target.value })}
      />
      <SelectField
        label={<FormattedMessage {...words.transportMode} />}
        problem={problems.transportMode}
        value={draft.transportMode}
        onChange={(event) => onChange({ transportMode: event.target.value as SeizureDraft['transportMode'] })}
        options={TRANSPORT_MODES.map((mode) => ({ value: mode, label: intl.formatMessage(transportModeWords[mode]) }))}
      />
      <TextAreaField
        label={<FormattedMessage {...words.conveyance} />}
        hint={<FormattedMessage {...words.conveyanceHint} />}
        problem={problems.conveyance}
        rows={2}
        value={draft.conveyance}
        onChange={(event) => onChange({ conveyance: event.target.value })}
      />
      <fieldset>
        <legend>
          <FormattedMessage {...words.route} />
        </legend>
        <SelectField
          label={<FormattedMessage {...words.originCountryCode} />}
          problem={problems.originCountryCode}
          value={draft.originCountryCode}
          onChange={(event) => onChange({ originCountryCode: event.target.value })}
          options={maybeCountry}
        />
        {draft.transitCountryCodes.length > 0 && (
          <ul className="chips" aria-label={intl.formatMessage(words.transitCountryCodes)}>
            {draft.transitCountryCodes.map((code) => (
              <li key={code}>
                {countryName(intl.locale, code)}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange({ transitCountryCodes: draft.transitCountryCodes.filter((other) => other !== code) })}
                >
                  <FormattedMessage {...words.removeTransit} values={{ country: countryName(intl.locale, code) }} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <SelectField
          label={<FormattedMessage {...words.addTransit} />}
          problem={problems.transitCountryCodes}
          value=""
          onChange={(event) => event.target.value && onChange({ transitCountryCodes: [...draft.transitCountryCodes, event.target.value] })}
          options={[{ value: '', label: '—' }, ...countries.filter((country) => !draft.transitCountryCodes.includes(country.value))]}
        />
        <SelectField
          label={<FormattedMessage {...words.destinationCountryCode} />}
          problem={problems.destinationCountryCode}
          value={draft.destinationCountryCode}
          onChange={(event) => onChange({ destinationCountryCode: event.target.value })}
          options={maybeCountry}
        />
      </fieldset>
    </>
  );
}
