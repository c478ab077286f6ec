import { Link, Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { useQuery } from 'urql';
import { phaseWords, programmeWords } from '../../i18n/codes';
import { NotFoundPage } from '../../shell/not-found-page';
import { useOperationEvents } from '../live/use-operation-events';
import { LoadError, Skeleton } from '../../ui/page-state';
import { actsForAgency, mayRaise } from '../alerts/alert-permissions';
import { isCoordinator, isOpen, OperationContext, OperationHeaderQuery, readsAuditTrail, type OperationHeader } from './operation-context';

const IMPORT_PATH = /\/seizures\/import\/?$/;

const words = defineMessages({
  sections: { id: 'operation.nav.label', defaultMessage: 'Operation' },
  overview: { id: 'operation.nav.overview', defaultMessage: 'Overview' },
  participants: { id: 'operation.nav.participants', defaultMessage: 'Participants' },
  room: { id: 'operation.nav.room', defaultMessage: 'Room' },
  timeline: { id: 'operation.nav.timeline', defaultMessage: 'Timeline' },
  results: { id: 'operation.nav.results', defaultMessage: 'Results' },
  seizures: { id: 'operation.nav.seizures', defaultMessage: 'Seizures' },
  audit: { id: 'operation.nav.audit', defaultMessage: 'Audit trail' },
  checks: { id: 'operation.nav.checks', defaultMessage: 'Register of checks' },
  review: { id: 'operation.nav.review', defaultMessage: 'Review' },
  importSeizures: { id: 'operation.nav.importSeizures', defaultMessage: 'Import seizures' },
  edit: { id: 'operation.nav.edit', defaultMessage: 'Edit the plan' },
  exercise: { id: 'operation.exercise', defaultMessage: 'Exercise' },
  raiseAlert: { id: 'operation.raiseAlert', defaultMessage: 'Raise an alert' },
});

/** Seizures are reported, and imported, by those who act for their agency while the operation runs and after it (seizures.policy.ts). */
const mayReport = (operation: OperationHeader): boolean =>
  actsForAgency(operation) && (operation.phase === 'OPERATIONAL' || operation.phase === 'POST_OPERATIONAL');

export function OperationLayout() {
  const intl = useIntl();
  const { code } = useParams({ from: '/operations/$code' });
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OperationHeaderQuery, variables: { code } });
  const operation = data?.operationByCode ?? null;
  // The layout holds the operation's stream open while any of its pages is: each event drops the
  // fields it may change from the cache (lib/urql.ts), and every screen showing them asks again.
  // A refused stream means the viewer's access ended: asked again, the operation is no longer theirs to see.
  useOperationEvents(
    operation?.id ?? null,
    () => {},
    () => reexecute({ requestPolicy: 'network-only' }),
  );
  // The import has a tab of its own, under the seizures' address: there, the Seizures tab is not the
  // current one. Read from the address the tabs themselves follow, not from the resolved route,
  // which comes only once the import's code has: until then both tabs were marked current.
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const importing = IMPORT_PATH.test(pathname);
  // On a screen too narrow for every tab they scroll sideways (styles.css): a page opened by its
  // address, or from a link elsewhere, may have its tab past the edge; it is brought into view.
  const tabs = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the current tab is read from the page drawn for this address and operation.
  useEffect(() => {
    tabs.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname, operation?.id]);

  if (fetching && !data) return <Skeleton lines={4} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!operation) return <NotFoundPage />;

  const tab = { activeProps: { 'aria-current': 'page' as const }, params: { code: operation.code } };
  return (
    <OperationContext value={operation}>
      <div className="operation-header">
        <p className="operation-code">{operation.code}</p>
        <h1>{operation.name}</h1>
        <p className="operation-facts">
          <span className={`phase-badge phase-${operation.phase}`}>{intl.formatMessage(phaseWords[operation.phase])}</span>
          <span>{intl.formatMessage(programmeWords[operation.programme])}</span>
          {operation.exercise && (
            <span className="exercise-badge">
              <FormattedMessage {...words.exercise} />
            </span>
          )}
          {mayRaise(operation) && (
            <Link to="/operations/$code/alerts/new" params={{ code: operation.code }} className="button primary">
              <FormattedMessage {...words.raiseAlert} />
            </Link>
          )}
        </p>
        <nav className="tabs" ref={tabs} aria-label={intl.formatMessage(words.sections)}>
          <Link to="/operations/$code" {...tab} activeOptions={{ exact: true }}>
            <FormattedMessage {...words.overview} />
          </Link>
          <Link to="/operations/$code/participants" {...tab}>
            <FormattedMessage {...words.participants} />
          </Link>
          <Link to="/operations/$code/room" {...tab}>
            <FormattedMessage {...words.room} />
          </Link>
          <Link to="/operations/$code/seizures" {...tab} activeOptions={{ exact: importing }}>
            <FormattedMessage {...words.seizures} />
          </Link>
          <Link to="/operations/$code/timeline" {...tab}>
            <FormattedMessage {...words.timeline} />
          </Link>
          {readsAuditTrail(operation) && (
            <Link to="/operations/$code/review" {...tab}>
              <FormattedMessage {...words.review} />
            </Link>
          )}
          {mayReport(operation) && (
            <Link to="/operations/$code/seizures/import" {...tab}>
              <FormattedMessage {...words.importSeizures} />
            </Link>
          )}
          <Link to="/operations/$code/checks" {...tab}>
            <FormattedMessage {...words.checks} />
          </Link>
          <Link to="/operations/$code/results" {...tab}>
            <FormattedMessage {...words.results} />
          </Link>
          {readsAuditTrail(operation) && (
            <Link to="/operations/$code/audit" {...tab}>
              <FormattedMessage {...words.audit} />
            </Link>
          )}
          {isCoordinator(operation) && isOpen(operation) && (
            <Link to="/operations/$code/edit" {...tab}>
              <FormattedMessage {...words.edit} />
            </Link>
          )}
        </nav>
      </div>
      <Outlet />
    </OperationContext>
  );
}
