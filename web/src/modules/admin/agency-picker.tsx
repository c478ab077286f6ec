import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import type { Problem } from '../../i18n/problems';
import { agencyLabel } from '../../ui/agency';
import { SelectField, TextField } from '../../ui/fields';

const words = defineMessages({
  find: { id: 'admin.agencyPicker.find', defaultMessage: 'Find an agency' },
  findHint: { id: 'admin.agencyPicker.findHint', defaultMessage: 'Name, acronym or country code; then choose below.' },
  inactive: { id: 'admin.agencyPicker.inactive', defaultMessage: '{agency} — inactive' },
  noMatch: { id: 'admin.agencyPicker.noMatch', defaultMessage: 'No agency matches “{search}”.' },
});

const AgencyChoicesQuery = graphql(`
  query AgencyChoices($search: String, $includeInactive: Boolean!) {
    agencies(first: 40, search: $search, includeInactive: $includeInactive) {
      edges {
        node {
          id
          name
          acronym
          countryCode
          active
        }
      }
    }
  }
`);

export type AgencyChoice = ResultOf<typeof AgencyChoicesQuery>['agencies']['edges'][number]['node'];

interface AgencyPickerProps {
  label: ReactNode;
  /** The first option: "Choose an agency", or "All agencies" for a filter. */
  emptyLabel: string;
  value: AgencyChoice | null;
  includeInactive: boolean;
  problem?: Problem | undefined;
  onChange(agency: AgencyChoice | null): void;
}

/**
 * A select over the directory, narrowed by what the reader types: the directory is too long to
 * scroll, and a native select keeps keyboard and screen-reader use as people know it. The chosen
 * agency stays offered whatever the search.
 */
export function AgencyPicker({ label, emptyLabel, value, includeInactive, problem, onChange }: AgencyPickerProps) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const search = useSettled(text.trim());
  const [{ data }] = useQuery({ query: AgencyChoicesQuery, variables: { search: search || null, includeInactive } });
  const found = data?.agencies.edges.map((edge) => edge.node) ?? [];
  const choices = value && !found.some((agency) => agency.id === value.id) ? [value, ...found] : found;
  const name = (agency: AgencyChoice) => {
    const label_ = agencyLabel(intl.locale, agency);
    return agency.active ? label_ : intl.formatMessage(words.inactive, { agency: label_ });
  };
  return (
    <div className="agency-picker">
      <TextField
        type="search"
        label={intl.formatMessage(words.find)}
        hint={search && data && !found.length ? intl.formatMessage(words.noMatch, { search }) : intl.formatMessage(words.findHint)}
        value={text}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        // Enter here narrows the list; it must not submit the form around it.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <SelectField
        name="agencyId"
        label={label}
        problem={problem}
        value={value?.id ?? ''}
        options={[{ value: '', label: emptyLabel }, ...choices.map((agency) => ({ value: agency.id, label: name(agency) }))]}
        onChange={(event) => onChange(choices.find((agency) => agency.id === event.target.value) ?? null)}
      />
    </div>
  );
}

/** The value once the reader has stopped typing for a moment: one request per pause, not per key. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), 250);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}
