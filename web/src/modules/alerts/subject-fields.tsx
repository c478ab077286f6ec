import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import type { FieldProblems } from '../../i18n/problems';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { countryOptions } from '../admin/country-options';
import type { AlertDraft } from './alert-draft';
import { subjectWords } from './subject-words';

const words = defineMessages({
  chooseCountry: { id: 'alerts.form.chooseCountry', defaultMessage: 'Choose a country' },
  detailsHint: {
    id: 'alerts.form.detailsHint',
    defaultMessage: 'What the recipients need to act on: names of companies, routes, modus operandi. No more personal data than needed.',
  },
});

interface SubjectFieldsProps {
  draft: AlertDraft;
  problems: FieldProblems;
  onChange(change: Partial<AlertDraft>): void;
}

/** The fields a subject of the draft's category names, each under the input path its problems come back on. */
export function SubjectFields({ draft, problems, onChange }: SubjectFieldsProps) {
  const intl = useIntl();
  const countries = (current: string) => [
    { value: '', label: intl.formatMessage(words.chooseCountry) },
    ...countryOptions(intl.locale, current),
  ];
  const text = <Kind extends 'shipment' | 'passenger' | 'conveyance'>(
    kind: Kind,
    name: keyof AlertDraft[Kind] & string,
    options: { hint?: ReactNode; path?: string; className?: string } = {},
  ) => (
    <TextField
      label={<FormattedMessage {...subjectWords[name as keyof typeof subjectWords]} />}
      hint={options.hint}
      problem={problems[`typedSubject.${kind}.${options.path ?? name}`]}
      value={draft[kind][name] as string}
      onChange={(event) => onChange({ [kind]: { ...draft[kind], [name]: event.target.value } })}
      spellCheck={false}
      className={options.className}
    />
  );
  const country = <Kind extends 'shipment' | 'passenger'>(kind: Kind, name: keyof AlertDraft[Kind] & string, path: string) => (
    <SelectField
      label={<FormattedMessage {...subjectWords[name as keyof typeof subjectWords]} />}
      problem={problems[`typedSubject.${kind}.${path}`]}
      value={draft[kind][name] as string}
      options={countries(draft[kind][name] as string)}
      onChange={(event) => onChange({ [kind]: { ...draft[kind], [name]: event.target.value } })}
    />
  );
  const routeFields = (kind: 'shipment' | 'passenger') => (
    <div className="form-row">
      {country(kind, 'origin', 'route.origin')}
      {text(kind, 'transit', { path: 'route.transit', hint: <FormattedMessage {...subjectWords.transitHint} /> })}
      {country(kind, 'destination', 'route.destination')}
    </div>
  );

  switch (draft.category) {
    case 'SHIPMENT':
      return (
        <>
          <div className="form-row">
            {text('shipment', 'containerNumber')}
            {text('shipment', 'hsCode', { hint: <FormattedMessage {...subjectWords.hsCodeHint} /> })}
          </div>
          <div className="form-row">
            {text('shipment', 'billOfLading', { hint: <FormattedMessage {...subjectWords.transportDocumentHint} /> })}
            {text('shipment', 'airWaybill')}
          </div>
          <div className="form-row">
            {text('shipment', 'consignor')}
            {text('shipment', 'consignee')}
          </div>
          {routeFields('shipment')}
        </>
      );
    case 'PASSENGER':
      return (
        <>
          <p className="muted">
            <FormattedMessage {...subjectWords.personalData} />
          </p>
          <div className="form-row">
            {country('passenger', 'travelDocumentCountry', 'travelDocumentCountry')}
            {text('passenger', 'flightNumber', { hint: <FormattedMessage {...subjectWords.flightNumberHint} /> })}
          </div>
          {routeFields('passenger')}
        </>
      );
    case 'CONVEYANCE':
      return (
        <>
          <p className="muted">
            <FormattedMessage {...subjectWords.conveyanceHint} />
          </p>
          <div className="form-row">
            {text('conveyance', 'vesselName')}
            {text('conveyance', 'imo', { hint: <FormattedMessage {...subjectWords.imoHint} /> })}
          </div>
          <div className="form-row">
            {text('conveyance', 'flightNumber', { hint: <FormattedMessage {...subjectWords.flightNumberHint} /> })}
            {text('conveyance', 'vehicleRegistration')}
          </div>
        </>
      );
    default:
      return (
        <TextAreaField
          label={<FormattedMessage {...subjectWords.details} />}
          hint={<FormattedMessage {...words.detailsHint} />}
          problem={problems['typedSubject.free']}
          rows={4}
          value={draft.details}
          onChange={(event) => onChange({ details: event.target.value })}
        />
      );
  }
}

/** The subject's fields problems may name, for the form's list of those it shows elsewhere. */
export const SUBJECT_FIELDS: Record<AlertDraft['category'], readonly string[]> = {
  SHIPMENT: [
    'containerNumber',
    'hsCode',
    'billOfLading',
    'airWaybill',
    'consignor',
    'consignee',
    'route.origin',
    'route.transit',
    'route.destination',
  ].map((name) => `typedSubject.shipment.${name}`),
  PASSENGER: ['travelDocumentCountry', 'flightNumber', 'route.origin', 'route.transit', 'route.destination'].map(
    (name) => `typedSubject.passenger.${name}`,
  ),
  CONVEYANCE: ['vesselName', 'imo', 'flightNumber', 'vehicleRegistration'].map((name) => `typedSubject.conveyance.${name}`),
  INTELLIGENCE: ['typedSubject.free'],
  TEST: ['typedSubject.free'],
};
