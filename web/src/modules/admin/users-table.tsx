import { useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { AgencyName } from '../../ui/agency';
import { adminWords, hidden } from './admin-words';
import { LANGUAGE_NAMES, type AdminUser } from './user-form';

const words = defineMessages({
  name: { id: 'admin.users.column.name', defaultMessage: 'Display name' },
  email: { id: 'admin.users.column.email', defaultMessage: 'E-mail' },
  agency: { id: 'admin.users.column.agency', defaultMessage: 'Agency' },
  role: { id: 'admin.users.column.role', defaultMessage: 'Role' },
  languageAndZone: { id: 'admin.users.column.languageAndZone', defaultMessage: 'Language and time zone' },
  administrator: { id: 'admin.users.role.administrator', defaultMessage: 'Administrator' },
  user: { id: 'admin.users.role.user', defaultMessage: 'User' },
  // A reset password, or one an administrator chose at creation, is only for the next sign-in.
  mustChoosePassword: { id: 'admin.users.mustChoosePassword', defaultMessage: 'Must choose a new password' },
  resetPassword: { id: 'admin.users.resetPassword', defaultMessage: 'Reset password <hidden>of {name}</hidden>' },
});

interface UsersTableProps {
  users: readonly AdminUser[];
  /** A newer page is on its way: the rows shown are the previous ones. */
  busy: boolean;
  reactivatingId: string | null;
  onEdit(user: AdminUser): void;
  onDeactivate(user: AdminUser): void;
  onReactivate(user: AdminUser): void;
  onResetPassword(user: AdminUser): void;
}

/** One page of accounts, each with what an administrator can do to it. */
export function UsersTable({ users, busy, reactivatingId, onEdit, onDeactivate, onReactivate, onResetPassword }: UsersTableProps) {
  const intl = useIntl();
  return (
    <div className="table-scroll" aria-busy={busy || undefined}>
      <table className="admin-table users-table">
        <thead>
          <tr>
            <th scope="col">{intl.formatMessage(words.name)}</th>
            <th scope="col">{intl.formatMessage(words.email)}</th>
            <th scope="col">{intl.formatMessage(words.agency)}</th>
            <th scope="col">{intl.formatMessage(words.role)}</th>
            <th scope="col">{intl.formatMessage(words.languageAndZone)}</th>
            <th scope="col">{intl.formatMessage(adminWords.status)}</th>
            <th scope="col">{intl.formatMessage(adminWords.actions)}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'inactive-row'}>
              <th scope="row">{user.displayName}</th>
              <td className="email">{user.email}</td>
              <td>
                <AgencyName agency={user.agency} />
              </td>
              <td>
                {user.isAdmin ? <span className="badge">{intl.formatMessage(words.administrator)}</span> : intl.formatMessage(words.user)}
              </td>
              <td>
                <span lang={user.locale}>{LANGUAGE_NAMES[user.locale as keyof typeof LANGUAGE_NAMES] ?? user.locale}</span>
                <br />
                <span className="muted">{user.timeZone}</span>
              </td>
              <td>
                <span className={user.active ? 'badge badge-ok' : 'badge'}>
                  {intl.formatMessage(user.active ? adminWords.active : adminWords.inactive)}
                </span>
                {user.mustChangePassword && (
                  <>
                    <br />
                    <span className="muted">{intl.formatMessage(words.mustChoosePassword)}</span>
                  </>
                )}
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" onClick={() => onEdit(user)}>
                    {intl.formatMessage(adminWords.edit, { name: user.displayName, hidden })}
                  </button>
                  {user.active ? (
                    <button type="button" onClick={() => onDeactivate(user)}>
                      {intl.formatMessage(adminWords.deactivate, { name: user.displayName, hidden })}
                    </button>
                  ) : (
                    <button type="button" disabled={reactivatingId !== null} onClick={() => onReactivate(user)}>
                      {reactivatingId === user.id
                        ? intl.formatMessage(adminWords.reactivating)
                        : intl.formatMessage(adminWords.reactivate, { name: user.displayName, hidden })}
                    </button>
                  )}
                  <button type="button" onClick={() => onResetPassword(user)}>
                    {intl.formatMessage(words.resetPassword, { name: user.displayName, hidden })}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
