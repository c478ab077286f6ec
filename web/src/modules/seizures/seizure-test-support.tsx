import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { MemberRole } from '@jointops/shared/domain';
import { renderAnswered, type Answers } from '../../fixed-answers.test-support';
import { SessionContext } from '../../shell/viewer-context';
import { MALAYSIA, operation, THAILAND } from '../alerts/alert-test-support';
import { OperationContext, type OperationHeader } from '../operations/operation-context';
import type { LinkSignal } from '../outbox/outbox';
import { OutboxProvider } from '../outbox/outbox-context';
import type { Viewer } from '../session/viewer';
import { ReportSeizurePage } from './report-seizure-page';
import type { SeizureDetail } from './seizure-documents';
import { SeizureDetailPage } from './seizure-detail-page';
import { validateSeizuresSearch } from './seizure-search';
import { SeizuresPage } from './seizures-page';

// The seizure screens as a contact point sees them: inside an operation, at their own address,
// with urql answering from fixed results (fixed-answers.test-support.tsx).

export const SEIZURE_ID = 'U2VpenVyZTox';
export const AMMONIUM_NITRATE = {
  id: 'Q29tbW9kaXR5OjE',
  code: 'AMMONIUM_NITRATE',
  nameEn: 'Ammonium nitrate',
  nameFr: 'Nitrate d’ammonium',
  defaultUnit: 'KG' as const,
};
const NITRIC_ACID = {
  id: 'Q29tbW9kaXR5OjI',
  code: 'NITRIC_ACID',
  nameEn: 'Nitric acid',
  nameFr: 'Acide nitrique',
  defaultUnit: 'L' as const,
};
const NURUL = { id: 'VXNlcjpudXJ1bA', displayName: 'Nurul Aina binti Hassan', agency: MALAYSIA };
const PRIYA = {
  id: 'VXNlcjpwcml5YQ',
  displayName: 'Priya Raman',
  agency: { ...MALAYSIA, id: 'QWdlbmN5OndjbyI', name: 'World Customs Organization', acronym: 'WCO', countryCode: null },
};

export const viewerOf = (agency: typeof MALAYSIA): Viewer => ({
  id: `user-of-${agency.id}`,
  email: `${agency.acronym}@customs.demo`,
  displayName: `Contact point of ${agency.acronym}`,
  isAdmin: false,
  mustChangePassword: false,
  locale: 'en',
  timeZone: 'Asia/Kuala_Lumpur',
  agency: { ...agency, kind: 'CUSTOMS' },
});

export const malaysian = viewerOf(MALAYSIA);
export const thai = viewerOf(THAILAND);

/** 24 t of ammonium nitrate Malaysia reported at Port Klang, rejected once and corrected. */
export function seizure(changes: Partial<SeizureDetail> = {}): SeizureDetail {
  return {
    id: SEIZURE_ID,
    reference: `${operation.code}/S-0001`,
    status: 'SUBMITTED',
    bonus: false,
    seizedAt: '2026-06-02T02:00:00Z',
    countryCode: 'MY',
    place: 'Port Klang, Westport',
    locationType: 'SEAPORT',
    latitude: 2.9996,
    longitude: 101.3918,
    commodity: AMMONIUM_NITRATE,
    commodityDescription: null,
    quantity: 24,
    unit: 'T',
    detectionMethod: 'X_RAY',
    concealment: 'Declared as NPK fertiliser',
    transportMode: 'SEA',
    conveyance: null,
    originCountryCode: 'MY',
    transitCountryCodes: ['SG'],
    destinationCountryCode: 'PH',
    arrests: 2,
    arrestsByNationality: [],
    interpolNotifiedAt: null,
    interpolNcb: null,
    interpolNotices: [],
    linkedAlerts: [{ id: 'QWxlcnQ6MQ', reference: `${operation.code}/A-0001`, title: 'Ammonium nitrate declared as fertiliser' }],
    attachments: [],
    reportingAgency: MALAYSIA,
    reportedBy: NURUL,
    reportedAt: '2026-06-02T03:00:00Z',
    submittedAt: '2026-06-02T05:00:00Z',
    rejectedAt: null,
    rejectedBy: null,
    rejectionReason: null,
    verifiedAt: null,
    verifiedBy: null,
    ...changes,
  } as SeizureDetail;
}

/** What the form offers: two commodities of unlike dimensions, one alert, no NCB. */
export const formOptions = {
  SeizureFormOptions: {
    operation: {
      id: operation.id,
      commodities: [AMMONIUM_NITRATE, NITRIC_ACID],
      alerts: {
        edges: [{ node: { id: 'QWxlcnQ6MQ', reference: `${operation.code}/A-0001`, title: 'Ammonium nitrate declared as fertiliser' } }],
      },
      participations: [{ id: 'p1', status: 'ACCEPTED', agency: { ...MALAYSIA, kind: 'CUSTOMS' } }],
    },
  },
};

/** The history's steps only the timeline keeps: Priya rejected the report, Nurul corrected it. */
export const history = {
  SeizureHistory: {
    operation: {
      id: operation.id,
      rejections: {
        edges: [
          {
            node: {
              cursor: 'c1',
              occurredAt: '2026-06-02T04:00:00Z',
              actor: PRIYA,
              reason: 'The quantity is the gross weight.',
              seizure: { id: SEIZURE_ID },
            },
          },
        ],
      },
      corrections: {
        edges: [
          { node: { cursor: 'c2', occurredAt: '2026-06-02T05:00:00Z', actor: NURUL, resubmitted: true, seizure: { id: SEIZURE_ID } } },
        ],
      },
    },
  },
};

const linkUp: LinkSignal = { isUp: () => true, onChange: () => () => {} };

/** Renders the seizure screens at `path` for `viewer`. */
export function renderSeizureScreens({
  viewer,
  path,
  answers,
  role = 'CONTACT_POINT',
  link = linkUp,
}: {
  viewer: Viewer;
  path: string;
  answers?: Answers;
  role?: MemberRole;
  link?: LinkSignal;
}) {
  const rootRoute = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/operations/$code/seizures',
      validateSearch: validateSeizuresSearch,
      component: SeizuresPage,
    }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/seizures/new', component: ReportSeizurePage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/seizures/$id', component: SeizureDetailPage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/alerts/$alertId', component: () => <p>Alert</p> }),
  ];
  const router = createRouter({ routeTree: rootRoute.addChildren(routes), history: createMemoryHistory({ initialEntries: [path] }) });
  return {
    router,
    ...renderAnswered(<RouterProvider router={router as never} />, answers, (children) => (
      <SessionContext value={{ viewer, timeZone: viewer.timeZone, endSession() {} }}>
        <OutboxProvider userId={viewer.id} link={link}>
          <OperationContext value={{ ...operation, myRole: role } satisfies OperationHeader}>{children}</OperationContext>
        </OutboxProvider>
      </SessionContext>
    )),
  };
}
