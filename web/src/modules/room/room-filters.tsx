import { ALERT_CATEGORIES, ALERT_SEVERITIES } from '@jointops/shared/domain';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { alertCategoryWords, severityWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel } from '../../ui/agency';
import { SelectField } from '../../ui/fields';
import { RoomParticipationsQuery } from './feed-documents';
import type { RoomSearch } from './room-search';

const words = defineMessages({
  filters: { id: 'room.filters', defaultMessage: 'Filter the alerts' },
  severity: { id: 'room.filter.severity', defaultMessage: 'Severity' },
  category: { id: 'room.filter.category', defaultMessage: 'Category' },
  agency: { id: 'room.filter.agency', defaultMessage: 'Originating agency' },
  awaiting: { id: 'room.filter.awaiting', defaultMessage: 'Waiting for my agency' },
  any: { id: 'room.filter.any', defaultMessage: 'Any' },
  anyAgency: { id: 'room.filter.anyAgency', defaultMessage: 'Any agency' },
  awaitingNothing: { id: 'room.filter.awaitingNothing', defaultMessage: 'Every alert' },
  awaitingAcknowledgement: { id: 'room.filter.awaitingAcknowledgement', defaultMessage: 'Awaiting our acknowledgement' },
  awaitingFeedback: { id: 'room.filter.awaitingFeedback', defaultMessage: 'Awaiting our feedback' },
});

/** The feed's filters, read from and written to the address. */
export function RoomFilters({
  operationCode,
  search,
  onChange,
}: {
  operationCode: string;
  search: RoomSearch;
  onChange(change: RoomSearch): void;
}) {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: RoomParticipationsQuery, variables: { operationCode } });
  const collator = new Intl.Collator(intl.locale);
  const agencies = (data?.operationByCode?.participations ?? [])
    .map((participation) => ({ value: participation.agency.id, label: agencyLabel(intl.locale, participation.agency) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const any = { value: '', label: intl.formatMessage(words.any) };
  return (
    <div className="toolbar room-filters" role="search" aria-label={intl.formatMessage(words.filters)}>
      <SelectField
        label={<FormattedMessage {...words.severity} />}
        options={[any, ...[...ALERT_SEVERITIES].reverse().map((value) => ({ value, label: intl.formatMessage(severityWords[value]) }))]}
        value={search.severity ?? ''}
        onChange={(event) => onChange({ severity: (event.target.value || undefined) as RoomSearch['severity'] })}
      />
      <SelectField
        label={<FormattedMessage {...words.category} />}
        options={[any, ...ALERT_CATEGORIES.map((value) => ({ value, label: intl.formatMessage(alertCategoryWords[value]) }))]}
        value={search.category ?? ''}
        onChange={(event) => onChange({ category: (event.target.value || undefined) as RoomSearch['category'] })}
      />
      <SelectField
        label={<FormattedMessage {...words.agency} />}
        options={[{ value: '', label: intl.formatMessage(words.anyAgency) }, ...agencies]}
        value={search.agency ?? ''}
        onChange={(event) => onChange({ agency: event.target.value || undefined })}
      />
      <SelectField
        label={<FormattedMessage {...words.awaiting} />}
        options={[
          { value: '', label: intl.formatMessage(words.awaitingNothing) },
          { value: 'acknowledgement', label: intl.formatMessage(words.awaitingAcknowledgement) },
          { value: 'feedback', label: intl.formatMessage(words.awaitingFeedback) },
        ]}
        value={search.awaiting ?? ''}
        onChange={(event) => onChange({ awaiting: (event.target.value || undefined) as RoomSearch['awaiting'] })}
      />
    </div>
  );
}
