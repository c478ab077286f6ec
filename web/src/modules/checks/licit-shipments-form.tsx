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
import { dayWords } from './checks-totals';
import { useRecordState } from './record-result';

// A decimal comma is what a French reader types; the number itself is the same.
const figure = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

interface LicitShipmentsFormProps {
  operationId: string;
  today: string;
  commodities: ChecksRegister['commodities'];
  onRecorded(): void;
}

/** One day's licit shipments of one commodity checked by the viewer's agency, with their quantity if known. */
export function LicitShipmentsForm({ operationId, today, commodities, onRecorded }: LicitShipmentsFormProps) {
  const intl = useIntl();
  const [day, setDay] = useState(today);
  const [commodityId, setCommodityId] = useState(commodities[0]?.id ?? '');
  const [shipments, setShipments] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<QuantityUnit | null>(null);
  const { state, refusedInBrowser, answered } = useRecordState<{ shipments: number; day: string }>();
  const [{ fetching }, record] = useMutation(RecordLicitShipmentsMutation);
  const commodity = commodities.find((item) => item.id === commodityId);
  // Only the units of what the commodity is measured in: kilograms of a liquid would be refused.
  const units = QUANTITY_UNITS.filter((candidate) => !commodity || UNIT_DIMENSION[candidate] === UNIT_DIMENSION[commodity.defaultUnit]);
  // The commodity's own unit until the reader picks another of its dimension.
  const shownUnit = unit && units.includes(unit) ? unit : (commodity?.defaultUnit ?? null);

  const submit = async () => {
    const given = quantity.trim() !== '';
    const input = {
      operationId,
      checkedOn: day,
      commodityId,
      shipments: figure(shipments),
      quantity: given ? figure(quantity) : null,
      unit: given ? shownUnit : null,
    };
    const checked = recordLicitShipmentsCheckedInput.safeParse(input);
    if (!checked.success) return refusedInBrowser(checked.error.issues);
    const outcome = await record({ input });
    if (answered(outcome.error, outcome.data?.recordLicitShipmentsChecked, { shipments: input.shipments, day })) onRecorded();
  };

  return (
    <CheckForm
      legend={checkWords.licitHeading}
      hint={checkWords.licitHint}
      sending={fetching}
      problem={state.problem}
      onSubmit={() => void submit()}
      recorded={
        state.recorded && (
          <FormattedMessage {...checkWords.recordedLicit} values={{ ...state.recorded, day: dayWords(intl.locale, state.recorded.day) }} />
        )
      }
    >
      <div className="form-row">
        <TextField
          label={intl.formatMessage(checkWords.day)}
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          problem={state.fields.checkedOn}
        />
        <SelectField
          label={intl.formatMessage(checkWords.commodity)}
          value={commodityId}
          onChange={(e) => setCommodityId(e.target.value)}
          options={commodities.map((item) => ({ value: item.id, label: commodityName(intl.locale, item) }))}
          problem={state.fields.commodityId}
        />
      </div>
      <div className="form-row">
        <TextField
          label={intl.formatMessage(checkWords.shipments)}
          inputMode="numeric"
          value={shipments}
          onChange={(e) => setShipments(e.target.value)}
          problem={state.fields.shipments}
        />
        <TextField
          label={intl.formatMessage(checkWords.quantity)}
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          problem={state.fields.quantity}
        />
        <SelectField
          label={intl.formatMessage(checkWords.unit)}
          value={shownUnit ?? ''}
          onChange={(e) => setUnit(e.target.value as QuantityUnit)}
          options={units.map((value) => ({ value, label: intl.formatMessage(unitWords[value]) }))}
          problem={state.fields.unit}
        />
      </div>
    </CheckForm>
  );
}
