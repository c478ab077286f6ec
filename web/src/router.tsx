import { PHASES, PROGRAMMES, type Phase, type Programme } from '@jointops/shared/domain';
import { createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { validateReportSearch } from './modules/report/report-search';
import { validateResultsSearch } from './modules/results/results-search';
import { loadWorldGeometry } from './modules/room/panels/world-map-loader';
import { validateRoomSearch } from './modules/room/room-search';
import { validateSeizuresSearch } from './modules/seizures/seizure-search';
import { NotFoundPage } from './shell/not-found-page';
import { RootLayout } from './shell/root-layout';
import { screenOf } from './shell/screen-chunks';
import { ScreenError } from './shell/screen-error';

// Every screen has an address that survives a reload and a sign-in: the server answers every
// path that is not its own (/graphql, /healthz…) with index.html, and these routes take it from there.

// Each screen is its own chunk, fetched when its route matches: a contact point on a thin link who
// opens the room downloads the room, not the planning forms and the administration. The router
// fetches the chunks of every route a URL matches at once (layout and page in parallel, not one
// after the other), before it renders them.

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
  component: screenOf(() => import('./modules/operations/operations-page'), 'OperationsPage'),
});

const newOperationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operations/new',
  component: screenOf(() => import('./modules/operations/operation-form-page'), 'CreateOperationPage'),
});

const operationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operations/$code',
  component: screenOf(() => import('./modules/operations/operation-layout'), 'OperationLayout'),
});
const overviewRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/',
  component: screenOf(() => import('./modules/operations/overview-page'), 'OverviewPage'),
});
const editRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/edit',
  component: screenOf(() => import('./modules/operations/operation-form-page'), 'EditOperationPage'),
});
const participantsRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/participants',
  component: screenOf(() => import('./modules/participants/participants-page'), 'ParticipantsPage'),
});

export interface TimelineSearch {
  type?: string | undefined;
  agency?: string | undefined;
}

const timelineRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/timeline',
  validateSearch: (search: Record<string, unknown>): TimelineSearch => ({ type: text(search.type), agency: text(search.agency) }),
  component: screenOf(() => import('./modules/timeline/timeline-page'), 'TimelinePage'),
});
const roomRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/room',
  validateSearch: validateRoomSearch,
  // The world's shapes come apart from the room's code, in parallel: the room asks for its feed
  // and figures without waiting for them (panels/world-map-loader.ts).
  component: screenOf(() => {
    void loadWorldGeometry();
    return import('./modules/room/room-page');
  }, 'RoomPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/audit',
  component: screenOf(() => import('./modules/audit/audit-page'), 'AuditPage'),
});
const raiseAlertRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/alerts/new',
  component: screenOf(() => import('./modules/alerts/raise-alert-page'), 'RaiseAlertPage'),
});
const alertRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/alerts/$alertId',
  component: screenOf(() => import('./modules/alerts/alert-detail-page'), 'AlertDetailPage'),
});
const amendAlertRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/alerts/$alertId/amend',
  component: screenOf(() => import('./modules/alerts/amend-alert-page'), 'AmendAlertPage'),
});
const reviewRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/review',
  component: screenOf(() => import('./modules/review/review-page'), 'ReviewPage'),
});
const importSeizuresRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/seizures/import',
  component: screenOf(() => import('./modules/review/import-page'), 'ImportPage'),
});
const checksRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/checks',
  component: screenOf(() => import('./modules/checks/checks-page'), 'ChecksPage'),
});
const seizuresRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/seizures',
  validateSearch: validateSeizuresSearch,
  component: screenOf(() => import('./modules/seizures/seizures-page'), 'SeizuresPage'),
});
const reportSeizureRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/seizures/new',
  component: screenOf(() => import('./modules/seizures/report-seizure-page'), 'ReportSeizurePage'),
});
const seizureRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/seizures/$id',
  component: screenOf(() => import('./modules/seizures/seizure-detail-page'), 'SeizureDetailPage'),
});

const resultsRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/results',
  validateSearch: validateResultsSearch,
  component: screenOf(() => import('./modules/results/results-page'), 'ResultsPage'),
});
const reportRoute = createRoute({
  getParentRoute: () => operationRoute,
  path: '/report',
  validateSearch: validateReportSearch,
  component: screenOf(() => import('./modules/report/report-page'), 'ReportPage'),
});
const programmeResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programmes/$programme/results',
  component: screenOf(() => import('./modules/results/programme-results-page'), 'ProgrammeResultsPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: screenOf(() => import('./modules/admin/admin-layout'), 'AdminLayout'),
});
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
  component: screenOf(() => import('./modules/admin/agencies-page'), 'AgenciesPage'),
});
const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  validateSearch: directorySearch,
  component: screenOf(() => import('./modules/admin/users-page'), 'UsersPage'),
});

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
    reviewRoute,
    importSeizuresRoute,
    checksRoute,
    resultsRoute,
    reportRoute,
    seizuresRoute,
    reportSeizureRoute,
    seizureRoute,
  ]),
  programmeResultsRoute,
  adminRoute.addChildren([adminIndexRoute, agenciesRoute, usersRoute]),
]);

// A screen whose chunk never came, or that failed, says so with a way to reload (shell/screen-error.tsx).
export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true, defaultErrorComponent: ScreenError });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
