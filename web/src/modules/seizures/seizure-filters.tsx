import { DETECTION_METHODS, SEIZURE_STATUSES } from '@jointops/shared/domain';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { detectionMethodWords, seizureStatusWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel, countryName } from '../../ui/agency';
import { commodityName } from '../../ui/commodity-name';
import { SelectField } from '../../ui/fields';
import { RaiseAlertOptionsQuery } from '../alerts/alert-documents';
import type { SeizuresSearch } from './seizure-search';

const words = defineMessages({
  filters: { id: 'seizures.filters', defaultMessage: 'Filter the seizure reports' },
  status: { id: 'seizures.filter.status', defaultMessage: 'Status' },
  country: { id: 'seizures.filter.country', defaultMessage: 'Country' },
  commodity: { id: 'seizures.filter.commodity', defaultMessage: 'Commodity' },
  agency: { id: 'seizures.filter.agency', defaultMessage: 'Reporting agency' },
  method: { id: 'seizures.filter.method', defaultMessage: 'Detection method' },
  any: { id: 'seizures.filter.any', defaultMessage: 'Any' },
});

/** The list's filters, read from and written to the address. */
export function SeizureFilters({
  operationId,
  search,
  onChange,
}: {
  operationId: string;
  search: SeizuresSearch;
  onChange(change: SeizuresSearch): void;
}) {
  const intl = useIntl();
  // The operation's commodities and participants, as the raise form asks for them: one document,
  // so a member going from one screen to the other is answered from the cache.
  const [{ data }] = useQuery({ query: RaiseAlertOptionsQuery, variables: { operationId } });
  const collator = new Intl.Collator(intl.locale);
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  const agencies = (data?.operation?.participations ?? []).map((participation) => participation.agency);
  const countries = [...new Set(agencies.map((agency) => agency.countryCode).filter((code): code is string => !!code))]
    .map((code) => ({ value: code, label: countryName(intl.locale, code) }))
    .sort(byLabel);
  const any = { value: '', label: intl.formatMessage(words.any) };
  const chosen = (value: string) => value || undefined;
  return (
    <div className="toolbar seizure-filters" role="search" aria-label={intl.formatMessage(words.filters)}>
      <SelectField
        label={<FormattedMessage {...words.status} />}
        options={[any, ...SEIZURE_STATUSES.map((value) => ({ value, label: intl.formatMessage(seizureStatusWords[value]) }))]}
        value={search.status ?? ''}
        onChange={(event) => onChange({ status: chosen(event.target.value) as SeizuresSearch['status'] })}
      />
      <SelectField
        label={<FormattedMessage {...words.country} />}
        options={[any, ...countries]}
        value={search.country ?? ''}
        onChange={(event) => onChange({ country: chosen(event.target.value) })}
      />
      <SelectField
        label={<FormattedMessage {...words.commodity} />}
        options={[
          any,
          ...(data?.operation?.commodities ?? [])
            .map((commodity) => ({ value: commodity.id, label: commodityName(intl.locale, commodity) }))
            .sort(byLabel),
        ]}
        value={search.commodity ?? ''}
        onChange={(event) => onChange({ commodity: chosen(event.target.value) })}
      />
      <SelectField
        label={<FormattedMessage {...words.agency} />}
        options={[any, ...agencies.map((agency) => ({ value: agency.id, label: agencyLabel(intl.locale, agency) })).sort(byLabel)]}
        value={search.agency ?? ''}
        onChange={(event) => onChange({ agency: chosen(event.target.value) })}
      />
      <SelectField
        label={<FormattedMessage {...words.method} />}
        options={[any, ...DETECTION_METHODS.map((value) => ({ value, label: intl.formatMessage(detectionMethodWords[value]) }))]}
        value={search.method ?? ''}
        onChange={(event) => onChange({ method: chosen(event.target.value) as SeizuresSearch['method'] })}
      />
    </div>
  );
}
