import { QUANTITY_UNITS, type QuantityUnit } from '@jointops/shared/domain';
import { UNIT_DIMENSION } from '@jointops/shared/seizures';
import { FormattedMessage, useIntl } from 'react-intl';
import { unitWords } from '../../i18n/codes';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { commodityName } from '../../ui/commodity-name';
import type { SeizureDraft } from './seizure-draft';
import type { SeizureFormOptions } from './seizure-documents';
import { fieldWords as words } from './seizure-words';
import type { DraftFieldsProps } from './where-fields';

type Commodity = SeizureFormOptions['commodities'][number];

/** The units a quantity of this commodity may be in: those of its dimension; any for a described one. */
export const unitsFor = (commodity: Pick<Commodity, 'defaultUnit'> | undefined): readonly QuantityUnit[] =>
  commodity ? QUANTITY_UNITS.filter((unit) => UNIT_DIMENSION[unit] === UNIT_DIMENSION[commodity.defaultUnit]) : QUANTITY_UNITS;

/** What was seized: a commodity of the operation's catalogue (or one described), and how much of it. */
export function WhatFields({ draft, problems, onChange, commodities }: DraftFieldsProps & { commodities: readonly Commodity[] }) {
  const intl = useIntl();
  const chosen = commodities.find((commodity) => commodity.id === draft.commodityId);
  const units = unitsFor(chosen);
  const choose = (commodityId: string) => {
    const commodity = commodities.find((candidate) => candidate.id === commodityId);
    // A unit of another dimension would be refused: the commodity's own unit replaces it.
    const unit = commodity && !unitsFor(commodity).includes(draft.unit) ? commodity.defaultUnit : draft.unit;
    onChange({ commodityId, unit });
  };
  return (
    <>
      <SelectField
        label={<FormattedMessage {...words.commodityId} />}
        problem={problems.commodityId}
        value={draft.commodityId}
        onChange={(event) => choose(event.target.value)}
        options={[
          ...commodities.map((commodity) => ({
            value: commodity.id,
            label: `${commodityName(intl.locale, commodity)} (${commodity.code})`,
          })),
          { value: '', label: intl.formatMessage(words.otherCommodity) },
        ]}
      />
      {!draft.commodityId && (
        <TextAreaField
          label={<FormattedMessage {...words.commodityDescription} />}
          problem={problems.commodityDescription}
          rows={2}
          value={draft.commodityDescription}
          onChange={(event) => onChange({ commodityDescription: event.target.value })}
        />
      )}
      <div className="field-row">
        <TextField
          inputMode="decimal"
          label={<FormattedMessage {...words.quantity} />}
          problem={problems.quantity}
          value={draft.quantity}
          onChange={(event) => onChange({ quantity: event.target.value })}
        />
        <SelectField
          label={<FormattedMessage {...words.unit} />}
          hint={chosen ? <FormattedMessage {...words.unitHint} /> : undefined}
          problem={problems.unit}
          value={draft.unit}
          onChange={(event) => onChange({ unit: event.target.value as SeizureDraft['unit'] })}
          options={units.map((unit) => ({ value: unit, label: intl.formatMessage(unitWords[unit]) }))}
        />
      </div>
    </>
  );
}
