import { Link, Outlet } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { NotFoundPage } from '../../shell/not-found-page';
import { useSession } from '../../shell/viewer-context';

const words = defineMessages({
  title: { id: 'admin.title', defaultMessage: 'Administration' },
  sections: { id: 'admin.nav.label', defaultMessage: 'Administration' },
  agencies: { id: 'admin.nav.agencies', defaultMessage: 'Agencies' },
  users: { id: 'admin.nav.users', defaultMessage: 'Users' },
});

/** Administrators keep the directory; to anyone else these addresses do not exist. */
export function AdminLayout() {
  const intl = useIntl();
  const { viewer } = useSession();
  if (!viewer.isAdmin) return <NotFoundPage />;
  return (
    <>
      <div className="page-header">
        <h1>
          <FormattedMessage {...words.title} />
        </h1>
        <nav className="tabs" aria-label={intl.formatMessage(words.sections)}>
          <Link to="/admin/agencies" activeProps={{ 'aria-current': 'page' }}>
            <FormattedMessage {...words.agencies} />
          </Link>
          <Link to="/admin/users" activeProps={{ 'aria-current': 'page' }}>
            <FormattedMessage {...words.users} />
          </Link>
        </nav>
      </div>
      <Outlet />
    </>
  );
}
