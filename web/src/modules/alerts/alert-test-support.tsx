import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { MemberRole } from '@jointops/shared/domain';
import { renderAnswered, type Answers } from '../../fixed-answers.test-support';
import { SessionContext } from '../../shell/viewer-context';
import { OperationContext, type OperationHeader } from '../operations/operation-context';
import type { LinkSignal } from '../outbox/outbox';
import { OutboxProvider } from '../outbox/outbox-context';
import type { Viewer } from '../session/viewer';
import type { AlertDetail } from './alert-documents';
import { AlertDetailPage } from './alert-detail-page';
import { RaiseAlertPage } from './raise-alert-page';
import { AmendAlertPage } from './amend-alert-page';

// The alert screens as a contact point sees them: inside an operation, at their own address,
// with urql answering from fixed results (fixed-answers.test-support.tsx).

export const operation: OperationHeader = {
  id: 'T3BlcmF0aW9uOjE',
  code: 'PGS-TEST-2026-01',
  name: 'Test operation',
  phase: 'OPERATIONAL',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  myRole: 'CONTACT_POINT',
  referenceTimeZone: 'Asia/Bangkok',
};

const agency = (id: string, name: string, acronym: string, countryCode: string) => ({ id, name, acronym, countryCode });
export const MALAYSIA = agency('QWdlbmN5Om15', 'Royal Malaysian Customs Department', 'JKDM', 'MY');
export const THAILAND = agency('QWdlbmN5OnRo', 'Thai Customs Department', 'TCD', 'TH');

const person = (id: string, displayName: string, of: typeof MALAYSIA) => ({ id, displayName, agency: of });
export const NURUL = person('VXNlcjpudXJ1bA', 'Nurul Aina binti Hassan', MALAYSIA);
export const SOMCHAI = person('VXNlcjpzb21jaGFp', 'Somchai Wongsawat', THAILAND);

export const viewerOf = (who: typeof NURUL): Viewer => ({
  id: who.id,
  email: `${who.id}@customs.demo`,
  displayName: who.displayName,
  isAdmin: false,
  mustChangePassword: false,
  locale: 'en',
  timeZone: 'Asia/Bangkok',
  agency: { ...who.agency, kind: 'CUSTOMS' },
});

export const ALERT_ID = 'QWxlcnQ6MQ';

/** A shipment alert Malaysia raised to Thailand alone, acknowledged by nobody yet. */
export function shipmentAlert(changes: Partial<AlertDetail> = {}): AlertDetail {
  return {
    __typename: 'Alert',
    id: ALERT_ID,
    reference: `${operation.code}/A-0007`,
    category: 'SHIPMENT',
    severity: 'HIGH',
    title: 'Ammonium nitrate declared as fertiliser, Port Klang to Laem Chabang',
    description: 'Consignee unknown to the trade register.',
    language: 'en',
    marking: 'AMBER',
    distribution: 'RESTRICTED',
    outcome: 'PENDING',
    version: 1,
    raisedAt: '2026-11-30T02:00:00Z',
    amendedAt: null,
    withdrawnAt: null,
    withdrawalReason: null,
    raisedBy: NURUL,
    raisedByAgency: MALAYSIA,
    amendedBy: null,
    withdrawnBy: null,
    subject: {
      __typename: 'ShipmentSubject',
      containerNumber: 'MSCU1234567',
      billOfLading: 'MYPKG-778812',
      airWaybill: null,
      hsCode: '3102.30',
      consignor: 'Agro Supplies Sdn Bhd',
      consignee: 'Golden Field Trading',
      route: { origin: 'MY', transit: [], destination: 'TH' },
    },
    commodities: [{ id: 'Q29tbW9kaXR5OjE', code: 'AMMONIUM_NITRATE', nameEn: 'Ammonium nitrate', nameFr: 'Nitrate d’ammonium' }],
    recipients: [
      {
        agency: THAILAND,
        dueAt: '2099-01-01T00:00:00Z',
        overdue: false,
        acknowledgedAt: null,
        acknowledgedBy: null,
        feedback: null,
        feedbackHistory: [],
      },
    ],
    comments: [],
    versions: [],
    linkedSeizures: [],
    attachments: [],
    ...changes,
  } as AlertDetail;
}

/** The link as the writes find it: up, so they are sent at once (the outbox's own tests take it down). */
const linkUp: LinkSignal = { isUp: () => true, onChange: () => () => {} };

interface RenderOptions {
  viewer: Viewer;
  role?: MemberRole;
  phase?: OperationHeader['phase'];
  path?: string;
  answers?: Answers;
}

/** Renders the alert screens at `path` (the alert's page unless told) for `viewer`. */
export function renderAlertScreens({ viewer, role = 'CONTACT_POINT', phase = 'OPERATIONAL', path, answers }: RenderOptions) {
  const rootRoute = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code', component: () => <p>Overview</p> }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/timeline', component: () => <p>Timeline</p> }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/alerts/new', component: RaiseAlertPage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/alerts/$alertId', component: AlertDetailPage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/alerts/$alertId/amend', component: AmendAlertPage }),
  ];
  const router = createRouter({
    routeTree: rootRoute.addChildren(routes),
    history: createMemoryHistory({ initialEntries: [path ?? `/operations/${operation.code}/alerts/${ALERT_ID}`] }),
  });
  return renderAnswered(<RouterProvider router={router as never} />, answers, (children) => (
    <SessionContext value={{ viewer, timeZone: viewer.timeZone, endSession() {} }}>
      <OutboxProvider userId={viewer.id} link={linkUp}>
        <OperationContext value={{ ...operation, myRole: role, phase }}>{children}</OperationContext>
      </OutboxProvider>
    </SessionContext>
  ));
}

export const INDONESIA = agency('QWdlbmN5Omlk', 'Directorate General of Customs and Excise', 'DJBC', 'ID');

/** What the raise form offers in the test operation: two commodities, three agencies besides the viewer's. */
export const raiseOptions = {
  RaiseAlertOptions: {
    operation: {
      id: operation.id,
      commodities: [
        { id: 'Q29tbW9kaXR5OjE', code: 'AMMONIUM_NITRATE', nameEn: 'Ammonium nitrate', nameFr: 'Nitrate d’ammonium' },
        { id: 'Q29tbW9kaXR5OjI', code: 'UAV', nameEn: 'Unmanned aerial vehicle (drone)', nameFr: 'Drone (aéronef sans pilote)' },
      ],
      participations: [
        { id: 'p1', status: 'ACCEPTED', agency: MALAYSIA },
        { id: 'p2', status: 'ACCEPTED', agency: THAILAND },
        { id: 'p3', status: 'ACCEPTED', agency: INDONESIA },
        {
          id: 'p4',
          status: 'INVITED',
          agency: { id: 'QWdlbmN5OmxhbyI', name: 'Lao Customs Department', acronym: null, countryCode: 'LA' },
        },
      ],
    },
  },
};
