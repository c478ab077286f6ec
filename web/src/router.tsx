import { PHASES, PROGRAMMES, type Phase, type Programme } from '@jointops/shared/domain';
import { createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { AdminLayout } from './modules/admin/admin-layout';
import { AlertDetailPage } from './modules/alerts/alert-detail-page';
import { AmendAlertPage } from './modules/alerts/amend-alert-page';
import { RaiseAlertPage } from './modules/alerts/raise-alert-page';
import { AgenciesPage } from './modules/admin/agencies-page';
import { UsersPage } from './modules/admin/users-page';
import { AuditPage } from './modules/audit/audit-page';
import { CreateOperationPage, EditOperationPage } from './modules/operations/operation-form-page';
import { OperationLayout } from './modules/operations/operation-layout';
import { OperationsPage } from './modules/operations/operations-page';
import { OverviewPage } from './modules/operations/overview-page';
import { ParticipantsPage } from './modules/participants/participants-page';
import { RoomPage } from './modules/room/room-page';
import { validateRoomSearch } from './modules/room/room-search';
import { TimelinePage } from './modules/timeline/timeline-page';
import { NotFoundPage } from './shell/not-found-page';
import { RootLayout } from './shell/root-layout';

// Every screen has an address that survives a reload and a sign-in: the server answers every
// path that is not its own (/graphql, /healthz…) with index.html, and these routes take it from there.

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/operations', replace: true });
  },
});

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((candidate) => candidate === value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

export interface OperationsSearch {
  search?: string | undefined;
  phase?: Phase | undefined;
  programme?: Programme | undefined;
}

const operationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operations',
  validateSearch: (search: Record<string, unknown>): OperationsSearch => ({
    search: text(search.search),
    phase: oneOf(PHASES, search.phase),
    programme: oneOf(PROGRAMMES, search.programme),
  }),
  component: OperationsPage,
});

const newOperationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/operations/new', component: CreateOperationPage });

const operationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code', component: OperationLayout });
const overviewRoute = createRoute({ getParentRoute: () => operationRoute, path: '/', component: OverviewPage });
const editRoute = createRoute({ getParentRoute: () => operationRoute, path: '/edit', component: EditOperationPage });
const participantsRoute = createRoute({ getParentRoute: () => operationRoute, path: '/participants', component: ParticipantsPage });

export interface TimelineSearch {
  type?: string | undefined;
  agency?: string | undefined;
}

const timelineRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/timeline',
  validateSearch: (search: Record<string, unknown>): TimelineSearch => ({ type: text(search.type), agency: text(search.agency) }),
  component: TimelinePage,
});
const roomRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/room',
  validateSearch: validateRoomSearch,
  component: RoomPage,
});
const auditRoute = createRoute({ getParentRoute: () => operationRoute, path: '/audit', component: AuditPage });
const raiseAlertRoute = createRoute({ getParentRoute: () => operationRoute, path: '/alerts/new', component: RaiseAlertPage });
const alertRoute = createRoute({ getParentRoute: () => operationRoute, path: '/alerts/$alertId', component: AlertDetailPage });
const amendAlertRoute = createRoute({ getParentRoute: () => operationRoute, path: '/alerts/$alertId/amend', component: AmendAlertPage });

const adminRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin', component: AdminLayout });
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/agencies', replace: true });
  },
});

export interface DirectorySearch {
  search?: string | undefined;
}
const directorySearch = (search: Record<string, unknown>): DirectorySearch => ({ search: text(search.search) });
const agenciesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/agencies',
  validateSearch: directorySearch,
  component: AgenciesPage,
});
const usersRoute = createRoute({ getParentRoute: () => adminRoute, path: '/users', validateSearch: directorySearch, component: UsersPage });

const routeTree = rootRoute.addChildren([
  homeRoute,
  operationsRoute,
  newOperationRoute,
  operationRoute.addChildren([
    overviewRoute,
    editRoute,
    participantsRoute,
    roomRoute,
    timelineRoute,
    auditRoute,
    raiseAlertRoute,
    alertRoute,
    amendAlertRoute,
  ]),
  adminRoute.addChildren([adminIndexRoute, agenciesRoute, usersRoute]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
