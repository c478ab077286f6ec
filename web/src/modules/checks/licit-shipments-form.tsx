import { recordLicitShipmentsCheckedInput } from '@jointops/shared/checks';
import { QUANTITY_UNITS, type QuantityUnit } from '@jointops/shared/domain';
import { UNIT_DIMENSION } from '@jointops/shared/seizures';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { unitWords } from '../../i18n/codes';
import { commodityName } from '../../ui/commodity-name';
import { SelectField, TextField } from '../../ui/fields';
import { RecordLicitShipmentsMutation, type ChecksRegister } from './checks-documents';
import { CheckForm } from './check-form';
import { checkWords } from './check-words';

// A decimal comma is what a French reader types; the number itself is the same.
const figure = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

interface LicitShipmentsFormProps {
  operationId: string;
  days: readonly string[];
  commodities: ChecksRegister['commodities'];
  onRecorded(): void;
}

/** One day's licit shipments of one commodity checked by the viewer's agency, with their quantity if known. */
export function LicitShipmentsForm({ operationId, days, commodities, onRecorded }: LicitShipmentsFormProps) {
  const intl = useIntl();
  const [commodityId, setCommodityId] = useState(commodities[0]?.id ?? '');
  const [shipments, setShipments] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<QuantityUnit | null>(null);
  const [, record] = useMutation(RecordLicitShipmentsMutation);
  const commodity = commodities.find((item) => item.id === commodityId);
  // Only the units of what the commodity is measured in: kilograms of a liquid would be refused.
  const units = QUANTITY_UNITS.filter((candidate) => !commodity || UNIT_DIMENSION[candidate] === UNIT_DIMENSION[commodity.defaultUnit]);
  // The commodity's own unit until the reader picks another of its dimension.
  const shownUnit = unit && units.includes(unit) ? unit : (commodity?.defaultUnit ?? null);
  const given = quantity.trim() !== '';

  return (
    <CheckForm
      legend={checkWords.licitHeading}
      hint={checkWords.licitHint}
      days={days}
      inputFor={(checkedOn) => ({
        operationId,
        checkedOn,
        commodityId,
        shipments: figure(shipments),
        quantity: given ? figure(quantity) : null,
        unit: given ? shownUnit : null,
      })}
      check={(input) => recordLicitShipmentsCheckedInput.safeParse(input)}
      send={async (input) => {
        const outcome = await record({ input });
        return { error: outcome.error, result: outcome.data?.recordLicitShipmentsChecked };
      }}
      recorded={(input, day) => <FormattedMessage {...checkWords.recordedLicit} values={{ shipments: input.shipments, day }} />}
      onRecorded={onRecorded}
    >
      {(problems) => (
        <>
          <SelectField
            label={intl.formatMessage(checkWords.commodity)}
            value={commodityId}
            onChange={(e) => setCommodityId(e.target.value)}
            options={commodities.map((item) => ({ value: item.id, label: commodityName(intl.locale, item) }))}
            problem={problems.commodityId}
          />
          <div className="form-row">
            <TextField
              label={intl.formatMessage(checkWords.shipments)}
              inputMode="numeric"
              value={shipments}
              onChange={(e) => setShipments(e.target.value)}
              problem={problems.shipments}
            />
            <TextField
              label={intl.formatMessage(checkWords.quantity)}
              inputMode="decimal"
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              problem={problems.quantity}
            />
            <SelectField
              label={intl.formatMessage(checkWords.unit)}
              value={shownUnit ?? ''}
              onChange={(e) => setUnit(e.target.value as QuantityUnit)}
              options={units.map((value) => ({ value, label: intl.formatMessage(unitWords[value]) }))}
              problem={problems.unit}
            />
          </div>
        </>
      )}
    </CheckForm>
  );
}
