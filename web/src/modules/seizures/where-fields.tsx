import { LOCATION_TYPES } from '@jointops/shared/domain';
import { FormattedMessage, useIntl } from 'react-intl';
import { locationTypeWords } from '../../i18n/codes';
import type { FieldProblems } from '../../i18n/problems';
import { SelectField, TextField } from '../../ui/fields';
import { countryOptions } from '../admin/country-options';
import { PositionMap } from './position-map';
import type { SeizureDraft } from './seizure-draft';
import { fieldWords as words } from './seizure-words';
import { spellWallClock } from '../../ui/time';

export interface DraftFieldsProps {
  draft: SeizureDraft;
  problems: FieldProblems;
  onChange(changes: Partial<SeizureDraft>): void;
}

const coordinate = (typed: string): number | null => {
  const value = Number(typed.trim().replace(',', '.'));
  return typed.trim() && Number.isFinite(value) ? value : null;
};

/** When and where: the time, the country, the place and its kind, and the position if known. */
export function WhereFields({ draft, problems, onChange }: DraftFieldsProps) {
  const intl = useIntl();
  return (
    <>
      <TextField
        type="datetime-local"
        label={<FormattedMessage {...words.seizedAt} />}
        hint={spellWallClock(intl.locale, draft.seizedAt)}
        problem={problems.seizedAt}
        value={draft.seizedAt}
        onChange={(event) => onChange({ seizedAt: event.target.value })}
      />
      <SelectField
        label={<FormattedMessage {...words.countryCode} />}
        problem={problems.countryCode}
        value={draft.countryCode}
        onChange={(event) => onChange({ countryCode: event.target.value })}
        options={countryOptions(intl.locale, draft.countryCode)}
      />
      <TextField
        label={<FormattedMessage {...words.place} />}
        hint={<FormattedMessage {...words.placeHint} />}
        problem={problems.place}
        value={draft.place}
        onChange={(event) => onChange({ place: event.target.value })}
      />
      <SelectField
        label={<FormattedMessage {...words.locationType} />}
        problem={problems.locationType}
        value={draft.locationType}
        onChange={(event) => onChange({ locationType: event.target.value as SeizureDraft['locationType'] })}
        options={LOCATION_TYPES.map((type) => ({ value: type, label: intl.formatMessage(locationTypeWords[type]) }))}
      />
      <fieldset className="seizure-position">
        <legend>
          <FormattedMessage {...words.position} />
        </legend>
        <div className="field-row">
          <TextField
            inputMode="decimal"
            label={<FormattedMessage {...words.latitude} />}
            problem={problems.latitude}
            value={draft.latitude}
            onChange={(event) => onChange({ latitude: event.target.value })}
          />
          <TextField
            inputMode="decimal"
            label={<FormattedMessage {...words.longitude} />}
            problem={problems.longitude}
            value={draft.longitude}
            onChange={(event) => onChange({ longitude: event.target.value })}
          />
        </div>
        <p className="field-hint">
          <FormattedMessage {...words.positionHint} />
        </p>
        <PositionMap
          countryCode={draft.countryCode}
          latitude={coordinate(draft.latitude)}
          longitude={coordinate(draft.longitude)}
          onPick={({ latitude, longitude }) => onChange({ latitude: String(latitude), longitude: String(longitude) })}
        />
        {(draft.latitude || draft.longitude) && (
          <button type="button" onClick={() => onChange({ latitude: '', longitude: '' })}>
            <FormattedMessage {...words.clearPosition} />
          </button>
        )}
      </fieldset>
    </>
  );
}
