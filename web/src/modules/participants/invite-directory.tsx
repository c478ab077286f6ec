import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import { TextField } from '../../ui/fields';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { useOperation } from '../operations/operation-context';
import { groupAgencies, type AgencyGroup, type DirectoryAgency } from './group-agencies';
import { InviteRow, inviteWords } from './invite-row';
import { statusOf, type ParticipationItem } from './participations-query';

const words = defineMessages({
  heading: { id: 'participants.invite.heading', defaultMessage: 'Invite agencies' },
  search: { id: 'participants.invite.search', defaultMessage: 'Find an agency' },
  searchHint: { id: 'participants.invite.searchHint', defaultMessage: 'Name, acronym or two-letter country code (for example MY)' },
  international: { id: 'participants.invite.group.international', defaultMessage: 'International organisations' },
  country: { id: 'participants.invite.group.country', defaultMessage: '{country} ({code})' },
  noCountry: { id: 'participants.invite.group.noCountry', defaultMessage: 'Other agencies, without a country' },
  invite: { id: 'participants.invite.column.invite', defaultMessage: 'Invitation' },
  noMatch: { id: 'participants.invite.noMatch', defaultMessage: 'No agency matches “{search}”.' },
  noMatchHint: { id: 'participants.invite.noMatchHint', defaultMessage: 'Try its acronym or the two-letter code of its country.' },
  emptyDirectory: { id: 'participants.invite.emptyDirectory', defaultMessage: 'The directory has no agencies yet.' },
  emptyDirectoryHint: { id: 'participants.invite.emptyDirectoryHint', defaultMessage: 'An administrator adds agencies to the directory.' },
  more: {
    id: 'participants.invite.more',
    defaultMessage:
      '{count, plural, one {Only the first agency is shown} other {Only the first # agencies are shown}}: type more of the name to find the others.',
  },
});

const DIRECTORY_SIZE = 50;
const TYPING_PAUSE_MS = 300;

// Deactivated agencies are left out by the server (includeInactive is false by default); `active`
// is read too, so one deactivated between two reads is still not offered.
const InviteDirectoryQuery = graphql(`
  query InviteDirectory($first: Int!, $search: String) {
    agencies(first: $first, search: $search) {
      edges {
        node {
          id
          name
          acronym
          countryCode
          kind
          active
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** The search text once the reader stops typing, so the directory is not asked at every key. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** The agency directory for coordinators: find an agency, see where it stands, invite it. */
export function InviteDirectory({ participations }: { participations: readonly ParticipationItem[] }) {
  const intl = useIntl();
  const operation = useOperation();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const term = useSettled(search.trim());
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: InviteDirectoryQuery,
    variables: { first: DIRECTORY_SIZE, search: term || null },
  });
  const statusByAgency = new Map(participations.map((item) => [item.agency.id, statusOf(item)]));
  const agencies = (data?.agencies.edges ?? []).map((edge) => edge.node).filter((agency) => agency.active);
  const groups = groupAgencies(agencies, intl.locale);

  const groupName = (group: AgencyGroup<DirectoryAgency>) => {
    if (group.kind === 'international') return intl.formatMessage(words.international);
    if (group.kind === 'noCountry') return intl.formatMessage(words.noCountry);
    return intl.formatMessage(words.country, { country: group.label, code: group.countryCode });
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h2>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <TextField
          className="directory-search"
          type="search"
          label={<FormattedMessage {...words.search} />}
          hint={<FormattedMessage {...words.searchHint} />}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
        />
      </form>
      {fetching && !data && <Skeleton lines={5} />}
      {error && !data && <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && !groups.length && (
        <EmptyState
          title={term ? <FormattedMessage {...words.noMatch} values={{ search: term }} /> : <FormattedMessage {...words.emptyDirectory} />}
          hint={<FormattedMessage {...(term ? words.noMatchHint : words.emptyDirectoryHint)} />}
        />
      )}
      {groups.length > 0 && (
        <div className="table-scroll" aria-busy={fetching}>
          <table className="stack-table directory-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage {...inviteWords.agency} />
                </th>
                <th scope="col">
                  <FormattedMessage {...inviteWords.kind} />
                </th>
                <th scope="col">
                  <FormattedMessage {...inviteWords.inOperation} />
                </th>
                <th scope="col">
                  <FormattedMessage {...inviteWords.role} />
                </th>
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage {...words.invite} />
                  </span>
                </th>
              </tr>
            </thead>
            {groups.map((group) => {
              const groupId = `${headingId}-${group.key}`;
              return (
                <tbody key={group.key} aria-labelledby={groupId}>
                  <tr className="group-row">
                    <th id={groupId} scope="rowgroup" colSpan={5}>
                      {groupName(group)}
                    </th>
                  </tr>
                  {group.agencies.map((agency) => (
                    <InviteRow key={agency.id} operationId={operation.id} agency={agency} status={statusByAgency.get(agency.id)} />
                  ))}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
      {data?.agencies.pageInfo.hasNextPage && (
        <p className="muted">
          <FormattedMessage {...words.more} values={{ count: DIRECTORY_SIZE }} />
        </p>
      )}
    </section>
  );
}
