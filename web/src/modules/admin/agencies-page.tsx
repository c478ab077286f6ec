import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { agencyKindWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { say, type Problem } from '../../i18n/problems';
import { CountryName } from '../../ui/agency';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ModalQuestion } from '../../ui/modal-question';
import { adminWords, hidden } from './admin-words';
import { AdminAgencyFields, AgencyForm, type AdminAgency } from './agency-form';
import { PAGE_SIZE, Pager, SearchBox, usePages, useReturnFocus } from './directory-controls';
import { refusalOf } from './refusals';
import './admin.css';

const words = defineMessages({
  heading: { id: 'admin.agencies.heading', defaultMessage: 'Agencies' },
  newAgency: { id: 'admin.agencies.new', defaultMessage: 'New agency' },
  search: { id: 'admin.agencies.search', defaultMessage: 'Search agencies' },
  searchHint: { id: 'admin.agencies.searchHint', defaultMessage: 'Name, acronym or country code' },
  showInactive: { id: 'admin.agencies.showInactive', defaultMessage: 'Show inactive agencies' },
  pages: { id: 'admin.agencies.pages', defaultMessage: 'Pages of agencies' },
  name: { id: 'admin.agencies.column.name', defaultMessage: 'Name' },
  acronym: { id: 'admin.agencies.column.acronym', defaultMessage: 'Acronym' },
  kind: { id: 'admin.agencies.column.kind', defaultMessage: 'Kind' },
  country: { id: 'admin.agencies.column.country', defaultMessage: 'Country' },
  international: { id: 'admin.agencies.international', defaultMessage: 'International' },
  empty: { id: 'admin.agencies.empty', defaultMessage: 'No agencies yet' },
  emptyHint: { id: 'admin.agencies.emptyHint', defaultMessage: 'Add the first with “New agency”: its people can then be given accounts.' },
  noMatch: { id: 'admin.agencies.noMatch', defaultMessage: 'No agency matches “{search}”' },
  noMatchHint: {
    id: 'admin.agencies.noMatchHint',
    defaultMessage: 'Check the spelling, search by acronym or country code, or show inactive agencies too.',
  },
  created: { id: 'admin.agencies.created', defaultMessage: 'Agency “{name}” created.' },
  saved: { id: 'admin.agencies.saved', defaultMessage: 'Changes to “{name}” saved.' },
  deactivated: { id: 'admin.agencies.deactivated', defaultMessage: '“{name}” deactivated: its users are signed out and cannot sign in.' },
  reactivated: { id: 'admin.agencies.reactivated', defaultMessage: '“{name}” reactivated: its users can sign in again.' },
  confirmTitle: { id: 'admin.agencies.confirmTitle', defaultMessage: 'Deactivate {name}?' },
  confirmText: {
    id: 'admin.agencies.confirmText',
    defaultMessage:
      'Its users are signed out everywhere and cannot sign in until the agency is reactivated. It is no longer offered when inviting agencies to an operation.',
  },
});

const AdminAgenciesQuery = graphql(
  `
    query AdminAgencies($first: Int!, $after: String, $search: String, $includeInactive: Boolean!) {
      agencies(first: $first, after: $after, search: $search, includeInactive: $includeInactive) {
        edges {
          node {
            ...AdminAgencyFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [AdminAgencyFields],
);

const DeactivateAgencyMutation = graphql(
  `
  mutation DeactivateAgency($input: DeactivateAgencyInput!) {
    deactivateAgency(input: $input) {
      __typename
      ... on Agency { id active }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);
const ReactivateAgencyMutation = graphql(
  `
  mutation ReactivateAgency($input: ReactivateAgencyInput!) {
    reactivateAgency(input: $input) {
      __typename
      ... on Agency { id active }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

/** The agency directory: search, create, edit, deactivate and reactivate. */
export function AgenciesPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage(words.heading));
  const { search } = useSearch({ from: '/admin/agencies' });
  const navigate = useNavigate({ from: '/admin/agencies' });
  const [includeInactive, setIncludeInactive] = useState(false);
  const pages = usePages(`${search ?? ''}|${includeInactive}`);
  const [{ data, fetching, error }, reload] = useQuery({
    query: AdminAgenciesQuery,
    variables: { first: PAGE_SIZE, after: pages.after ?? null, search: search ?? null, includeInactive },
  });
  const [editing, setEditing] = useState<AdminAgency | 'new' | null>(null);
  const formOpener = useReturnFocus();
  const [confirming, setConfirming] = useState<AdminAgency | null>(null);
  const [notice, setNotice] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [deactivation, deactivateAgency] = useMutation(DeactivateAgencyMutation);
  const [, reactivateAgency] = useMutation(ReactivateAgencyMutation);
  const [reactivatingId, setReactivatingId] = useState<string | null>(null);

  const onSearch = useCallback(
    (value: string) => void navigate({ search: (previous) => ({ ...previous, search: value || undefined }), replace: true }),
    [navigate],
  );
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const done = (message: Problem) => {
    setNotice(message);
    setActionProblem(null);
    refresh();
  };

  async function deactivate(agency: AdminAgency) {
    const { data: result, error: failure } = await deactivateAgency({ input: { agencyId: agency.id } });
    if (result?.deactivateAgency.__typename === 'Agency') {
      setConfirming(null);
      return done({ message: words.deactivated, values: { name: agency.name } });
    }
    setActionProblem(refusalOf(failure, result?.deactivateAgency).problem);
  }

  async function reactivate(agency: AdminAgency) {
    setReactivatingId(agency.id);
    setNotice(null);
    const { data: result, error: failure } = await reactivateAgency({ input: { agencyId: agency.id } });
    setReactivatingId(null);
    if (result?.reactivateAgency.__typename === 'Agency') return done({ message: words.reactivated, values: { name: agency.name } });
    setActionProblem(refusalOf(failure, result?.reactivateAgency).problem);
  }

  const connection = data?.agencies;
  const agencies = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="admin-page" aria-labelledby="agencies-heading">
      <div className="page-header-row">
        <h2 id="agencies-heading">
          <FormattedMessage {...words.heading} />
        </h2>
        <button type="button" className="primary" onClick={() => formOpener.open(() => setEditing('new'))}>
          <FormattedMessage {...words.newAgency} />
        </button>
      </div>
      <div role="status" className="admin-notice">
        {notice && <p className="form-success">{say(intl, notice)}</p>}
      </div>
      {actionProblem && !confirming && (
        <p className="form-error" role="alert">
          {say(intl, actionProblem)}
        </p>
      )}
      {editing !== null && (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.id}
          agency={editing === 'new' ? undefined : editing}
          onCancel={() => formOpener.close(() => setEditing(null))}
          onSaved={(agency) => {
            done({ message: editing === 'new' ? words.created : words.saved, values: { name: agency.name } });
            formOpener.close(() => setEditing(null));
          }}
        />
      )}
      <div className="toolbar">
        <SearchBox
          label={intl.formatMessage(words.search)}
          hint={intl.formatMessage(words.searchHint)}
          value={search ?? ''}
          onSearch={onSearch}
        />
        <label className="checkbox">
          <input type="checkbox" checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)} />
          <FormattedMessage {...words.showInactive} />
        </label>
      </div>
      {error && !connection ? (
        <LoadError error={error} onRetry={refresh} />
      ) : !connection ? (
        <Skeleton lines={6} />
      ) : agencies.length === 0 ? (
        search ? (
          <EmptyState title={intl.formatMessage(words.noMatch, { search })} hint={intl.formatMessage(words.noMatchHint)} />
        ) : (
          <EmptyState title={intl.formatMessage(words.empty)} hint={intl.formatMessage(words.emptyHint)} />
        )
      ) : (
        <div className="table-scroll" aria-busy={fetching || undefined}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{intl.formatMessage(words.name)}</th>
                <th scope="col">{intl.formatMessage(words.acronym)}</th>
                <th scope="col">{intl.formatMessage(words.kind)}</th>
                <th scope="col">{intl.formatMessage(words.country)}</th>
                <th scope="col">{intl.formatMessage(adminWords.timeZone)}</th>
                <th scope="col">{intl.formatMessage(adminWords.status)}</th>
                <th scope="col">{intl.formatMessage(adminWords.actions)}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => (
                <tr key={agency.id} className={agency.active ? undefined : 'inactive-row'}>
                  <th scope="row">{agency.name}</th>
                  <td>{agency.acronym}</td>
                  <td>{intl.formatMessage(agencyKindWords[agency.kind])}</td>
                  <td>{agency.countryCode ? <CountryName code={agency.countryCode} /> : intl.formatMessage(words.international)}</td>
                  <td>{agency.timeZone ?? <span className="muted">{intl.formatMessage(adminWords.noTimeZone)}</span>}</td>
                  <td>
                    <span className={agency.active ? 'badge badge-ok' : 'badge'}>
                      {intl.formatMessage(agency.active ? adminWords.active : adminWords.inactive)}
                    </span>
                  </td>
                  <td>
                    <div className="row-actions">
                      <button type="button" onClick={() => formOpener.open(() => setEditing(agency))}>
                        {intl.formatMessage(adminWords.edit, { name: agency.name, hidden })}
                      </button>
                      {agency.active ? (
                        <button
                          type="button"
                          onClick={() => {
                            setActionProblem(null);
                            setConfirming(agency);
                          }}
                        >
                          {intl.formatMessage(adminWords.deactivate, { name: agency.name, hidden })}
                        </button>
                      ) : (
                        <button type="button" disabled={reactivatingId !== null} onClick={() => void reactivate(agency)}>
                          {reactivatingId === agency.id
                            ? intl.formatMessage(adminWords.reactivating)
                            : intl.formatMessage(adminWords.reactivate, { name: agency.name, hidden })}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {connection && (
        <Pager
          label={intl.formatMessage(words.pages)}
          page={pages.page}
          hasNextPage={connection.pageInfo.hasNextPage}
          endCursor={connection.pageInfo.endCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
        />
      )}
      {confirming && (
        <ModalQuestion
          className="admin-dialog"
          danger
          startOnCancel
          title={intl.formatMessage(words.confirmTitle, { name: confirming.name })}
          submitLabel={intl.formatMessage(adminWords.confirmDeactivate)}
          busyLabel={intl.formatMessage(adminWords.deactivating)}
          busy={deactivation.fetching}
          problem={actionProblem}
          onSubmit={() => void deactivate(confirming)}
          onClose={() => {
            setConfirming(null);
            setActionProblem(null);
          }}
        >
          <p>
            <FormattedMessage {...words.confirmText} />
          </p>
        </ModalQuestion>
      )}
    </section>
  );
}
