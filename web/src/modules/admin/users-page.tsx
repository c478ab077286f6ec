import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { defineMessages } from '../../i18n/define-messages';
import { say, type Problem } from '../../i18n/problems';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ModalQuestion } from '../../ui/modal-question';
import { adminWords } from './admin-words';
import { AgencyPicker, type AgencyChoice } from './agency-picker';
import { PAGE_SIZE, Pager, SearchBox, usePages, useReturnFocus } from './directory-controls';
import { refusalOf } from './refusals';
import { ResetPasswordDialog } from './reset-password-dialog';
import { AdminUserFields, UserForm, type AdminUser } from './user-form';
import { UsersTable } from './users-table';
import './admin.css';

const words = defineMessages({
  heading: { id: 'admin.users.heading', defaultMessage: 'Users' },
  newUser: { id: 'admin.users.new', defaultMessage: 'New user' },
  search: { id: 'admin.users.search', defaultMessage: 'Search users' },
  searchHint: { id: 'admin.users.searchHint', defaultMessage: 'Display name or e-mail address' },
  agencyFilter: { id: 'admin.users.agencyFilter', defaultMessage: 'Users of' },
  allAgencies: { id: 'admin.users.allAgencies', defaultMessage: 'All agencies' },
  showInactive: { id: 'admin.users.showInactive', defaultMessage: 'Show inactive users' },
  pages: { id: 'admin.users.pages', defaultMessage: 'Pages of users' },
  empty: { id: 'admin.users.empty', defaultMessage: 'No users here yet' },
  emptyHint: {
    id: 'admin.users.emptyHint',
    defaultMessage: 'Give someone an account with “New user”; they sign in with the password you set.',
  },
  noMatch: { id: 'admin.users.noMatch', defaultMessage: 'No user matches “{search}”' },
  noneInAgency: { id: 'admin.users.noneInAgency', defaultMessage: 'No users of {agency}' },
  noMatchHint: { id: 'admin.users.noMatchHint', defaultMessage: 'Check the spelling, choose all agencies, or show inactive users too.' },
  created: {
    id: 'admin.users.created',
    defaultMessage: 'Account of {name} created: they sign in with the initial password, then choose their own.',
  },
  saved: { id: 'admin.users.saved', defaultMessage: 'Changes to {name} saved.' },
  passwordReset: { id: 'admin.users.passwordReset', defaultMessage: 'New password set for {name}: their sessions have ended.' },
  deactivated: { id: 'admin.users.deactivated', defaultMessage: '{name} deactivated: signed out everywhere, and cannot sign in.' },
  reactivated: { id: 'admin.users.reactivated', defaultMessage: '{name} reactivated: they can sign in again.' },
  confirmTitle: { id: 'admin.users.confirmTitle', defaultMessage: 'Deactivate {name}?' },
  confirmText: {
    id: 'admin.users.confirmText',
    defaultMessage: 'They are signed out everywhere at once and cannot sign in until reactivated. What they reported stays.',
  },
});

const AdminUsersQuery = graphql(
  `
    query AdminUsers($first: Int!, $after: String, $search: String, $agencyId: ID, $includeInactive: Boolean!) {
      users(first: $first, after: $after, search: $search, agencyId: $agencyId, includeInactive: $includeInactive) {
        edges {
          node {
            ...AdminUserFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [AdminUserFields],
);

const DeactivateUserMutation = graphql(
  `
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) {
      __typename
      ... on User { id active }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);
const ReactivateUserMutation = graphql(
  `
  mutation ReactivateUser($input: ReactivateUserInput!) {
    reactivateUser(input: $input) {
      __typename
      ... on User { id active }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

/** The accounts: search, filter by agency, create, edit, reset a password, deactivate and reactivate. */
export function UsersPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage(words.heading));
  const { search } = useSearch({ from: '/admin/users' });
  const navigate = useNavigate({ from: '/admin/users' });
  const [agency, setAgency] = useState<AgencyChoice | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const pages = usePages(`${search ?? ''}|${agency?.id ?? ''}|${includeInactive}`);
  const [{ data, fetching, error }, reload] = useQuery({
    query: AdminUsersQuery,
    variables: { first: PAGE_SIZE, after: pages.after ?? null, search: search ?? null, agencyId: agency?.id ?? null, includeInactive },
  });
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const formOpener = useReturnFocus();
  const [dialog, setDialog] = useState<{ kind: 'deactivate' | 'resetPassword'; user: AdminUser } | null>(null);
  const [notice, setNotice] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [deactivation, deactivateUser] = useMutation(DeactivateUserMutation);
  const [, reactivateUser] = useMutation(ReactivateUserMutation);
  const [reactivatingId, setReactivatingId] = useState<string | null>(null);

  const onSearch = useCallback(
    (value: string) => void navigate({ search: (previous) => ({ ...previous, search: value || undefined }), replace: true }),
    [navigate],
  );
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const done = (message: Problem) => {
    setNotice(message);
    setActionProblem(null);
    setDialog(null);
    refresh();
  };
  const openDialog = (kind: 'deactivate' | 'resetPassword', user: AdminUser) => {
    setActionProblem(null);
    setDialog({ kind, user });
  };

  async function deactivate(user: AdminUser) {
    const { data: result, error: failure } = await deactivateUser({ input: { userId: user.id } });
    if (result?.deactivateUser.__typename === 'User') return done({ message: words.deactivated, values: { name: user.displayName } });
    setActionProblem(refusalOf(failure, result?.deactivateUser).problem);
  }

  async function reactivate(user: AdminUser) {
    setReactivatingId(user.id);
    setNotice(null);
    const { data: result, error: failure } = await reactivateUser({ input: { userId: user.id } });
    setReactivatingId(null);
    if (result?.reactivateUser.__typename === 'User') return done({ message: words.reactivated, values: { name: user.displayName } });
    setActionProblem(refusalOf(failure, result?.reactivateUser).problem);
  }

  const connection = data?.users;
  const users = connection?.edges.map((edge) => edge.node) ?? [];
  const filtered = !!search || !!agency;
  return (
    <section className="admin-page" aria-labelledby="users-heading">
      <div className="page-header-row">
        <h2 id="users-heading">
          <FormattedMessage {...words.heading} />
        </h2>
        <button type="button" className="primary" onClick={() => formOpener.open(() => setEditing('new'))}>
          <FormattedMessage {...words.newUser} />
        </button>
      </div>
      <div role="status" className="admin-notice">
        {notice && <p className="form-success">{say(intl, notice)}</p>}
      </div>
      {actionProblem && !dialog && (
        <p className="form-error" role="alert">
          {say(intl, actionProblem)}
        </p>
      )}
      {editing !== null && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? undefined : editing}
          onCancel={() => formOpener.close(() => setEditing(null))}
          onSaved={(user) => {
            done({ message: editing === 'new' ? words.created : words.saved, values: { name: user.displayName } });
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
        <AgencyPicker
          label={intl.formatMessage(words.agencyFilter)}
          emptyLabel={intl.formatMessage(words.allAgencies)}
          value={agency}
          includeInactive
          onChange={setAgency}
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
      ) : users.length === 0 ? (
        filtered ? (
          <EmptyState
            title={
              search
                ? intl.formatMessage(words.noMatch, { search })
                : intl.formatMessage(words.noneInAgency, { agency: agency?.name ?? '' })
            }
            hint={intl.formatMessage(words.noMatchHint)}
          />
        ) : (
          <EmptyState title={intl.formatMessage(words.empty)} hint={intl.formatMessage(words.emptyHint)} />
        )
      ) : (
        <UsersTable
          users={users}
          busy={fetching}
          reactivatingId={reactivatingId}
          onEdit={(user) => formOpener.open(() => setEditing(user))}
          onDeactivate={(user) => openDialog('deactivate', user)}
          onReactivate={(user) => void reactivate(user)}
          onResetPassword={(user) => openDialog('resetPassword', user)}
        />
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
      {dialog?.kind === 'deactivate' && (
        <ModalQuestion
          className="admin-dialog"
          danger
          startOnCancel
          title={intl.formatMessage(words.confirmTitle, { name: dialog.user.displayName })}
          submitLabel={intl.formatMessage(adminWords.confirmDeactivate)}
          busyLabel={intl.formatMessage(adminWords.deactivating)}
          busy={deactivation.fetching}
          problem={actionProblem}
          onSubmit={() => void deactivate(dialog.user)}
          onClose={() => {
            setDialog(null);
            setActionProblem(null);
          }}
        >
          <p>
            <FormattedMessage {...words.confirmText} />
          </p>
        </ModalQuestion>
      )}
      {dialog?.kind === 'resetPassword' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => done({ message: words.passwordReset, values: { name: dialog.user.displayName } })}
        />
      )}
    </section>
  );
}
