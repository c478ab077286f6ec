import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import type { TimelineSearch } from '../../router';
import { agencyLabel } from '../../ui/agency';
import { SelectField } from '../../ui/fields';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperation } from '../operations/operation-context';
import { eventTypeWords, isFilterableEventType } from './describe-event';
import { TimelineAgenciesQuery } from './timeline-documents';
import { TimelineList } from './timeline-list';
import './timeline.css';

const words = defineMessages({
  title: { id: 'timeline.title', defaultMessage: 'Timeline' },
  intro: {
    id: 'timeline.intro',
    defaultMessage:
      'Everything that happened in the operation that your agency may see, newest first. New events appear at the top as they happen.',
  },
  filters: { id: 'timeline.filters', defaultMessage: 'Filter the timeline' },
  type: { id: 'timeline.filter.type', defaultMessage: 'Event type' },
  allTypes: { id: 'timeline.filter.allTypes', defaultMessage: 'All event types' },
  agency: { id: 'timeline.filter.agency', defaultMessage: 'Agency' },
  allAgencies: { id: 'timeline.filter.allAgencies', defaultMessage: 'All agencies' },
  agencyHint: { id: 'timeline.filter.agencyHint', defaultMessage: 'What its people did, and what concerns it.' },
});

/** The operation's event log in words, newest first, narrowed by event type and agency from the address. */
export function TimelinePage() {
  const intl = useIntl();
  const operation = useOperation();
  const headingId = useId();
  const search = useSearch({ from: '/operations/$code/timeline' });
  const navigate = useNavigate({ from: '/operations/$code/timeline' });
  useDocumentTitle(intl.formatMessage(words.title), operation.code);

  const [{ data: agencyData }] = useQuery({ query: TimelineAgenciesQuery, variables: { operationId: operation.id } });
  const collator = new Intl.Collator(intl.locale);
  const agencies = (agencyData?.operation?.participations ?? [])
    .map((participation) => ({ value: participation.agency.id, label: agencyLabel(intl.locale, participation.agency) }))
    .sort((a, b) => collator.compare(a.label, b.label));

  const typename = isFilterableEventType(search.type) ? search.type : undefined;
  // An agency in the address that is not one of the operation's is dropped once they are known,
  // so the list never says "all agencies" while showing one.
  const agencyId = search.agency && (!agencyData || agencies.some((agency) => agency.value === search.agency)) ? search.agency : undefined;

  const setFilter = (change: TimelineSearch) => void navigate({ search: (before) => ({ ...before, ...change }), replace: true });
  const typeOptions = [
    { value: '', label: intl.formatMessage(words.allTypes) },
    ...Object.entries(eventTypeWords).map(([value, message]) => ({ value, label: intl.formatMessage(message) })),
  ];

  return (
    <section className="panel timeline" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} />
      </h2>
      <p className="muted">
        <FormattedMessage {...words.intro} />
      </p>
      <div className="toolbar timeline-filters" role="search" aria-label={intl.formatMessage(words.filters)}>
        <SelectField
          label={<FormattedMessage {...words.type} />}
          options={typeOptions}
          value={typename ?? ''}
          onChange={(event) => setFilter({ type: event.target.value || undefined })}
        />
        <SelectField
          label={<FormattedMessage {...words.agency} />}
          hint={<FormattedMessage {...words.agencyHint} />}
          options={[{ value: '', label: intl.formatMessage(words.allAgencies) }, ...agencies]}
          value={agencyId ?? ''}
          onChange={(event) => setFilter({ agency: event.target.value || undefined })}
        />
      </div>
      <TimelineList
        key={`${typename ?? ''}|${agencyId ?? ''}`}
        operationId={operation.id}
        referenceZone={operation.referenceTimeZone}
        typename={typename}
        agencyId={agencyId}
        onClearFilters={() => setFilter({ type: undefined, agency: undefined })}
      />
    </section>
  );
}
