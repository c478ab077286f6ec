import { eq } from 'drizzle-orm';
import { CATALOGUE } from '@jointops/shared/catalogue';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { agencies, users } from '../db/schema/accounts';
import { commodities } from '../db/schema/catalogue';
import { operations } from '../db/schema/operations';
import type { Config } from '../env';
import { encodeGlobalId } from '../global-id';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub';
import { assignMember } from '../modules/operations/members.service';
import { createOperation } from '../modules/operations/operations.service';
import { inviteAgency, respondToInvitation } from '../modules/operations/participations.service';
import { advancePhase } from '../modules/operations/phases.service';
import { acknowledgeAlert, raiseAlert } from '../modules/alerts/alerts.service';
import { seedDemoAlerts } from './alerts';
import { seedDemoChecks } from './checks';
import { seedDemoSeizures } from './seizures';
import type { ServiceContext } from '../service-context';

// The demo operation, played through the real services with a clock that walks through its
// history, so its timeline and audit trail read like those of a real PGS operation: planned a
// month ago, tested with every agency, and in its operational phase today.

export const DEMO_OPERATION_CODE = 'PGS-APAC-2026-01';

const DAY = 86_400_000;
const PARTICIPANTS = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'TH', 'VN', 'BD', 'IN', 'MV', 'PK', 'LK'];
const DECLINED = ['AF'];

export async function seedDemoOperation(deps: { db: Db; config: Config; logger: Logger; pubSub: PubSub }, now: Date): Promise<void> {
  const [existing] = await deps.db.select({ id: operations.id }).from(operations).where(eq(operations.code, DEMO_OPERATION_CODE));
  if (existing) return;
  let at = now.getTime() - 30 * DAY;
  const clock: Clock = { now: () => new Date(at) };
  const userByEmail = new Map((await deps.db.select().from(users)).map((user) => [user.email, user]));
  const agencyIds = new Map(
    (await deps.db.select().from(agencies)).map((agency) => [`${agency.countryCode ?? agency.acronym}-${agency.kind}`, agency.id]),
  );
  const as = (email: string): ServiceContext => {
    const user = userByEmail.get(email);
    if (!user) throw new Error(`demo user ${email} is missing`);
    const viewer = {
      userId: user.id,
      agencyId: user.agencyId,
      sessionId: 'demo',
      isAdmin: user.isAdmin,
      locale: user.locale,
      mustChangePassword: false,
    };
    return { ...deps, clock, viewer, requestId: 'demo-seed', sourceAddress: null, userAgent: null };
  };
  const later = (hours: number) => (at += hours * 3_600_000);

  const targetCodes = CATALOGUE.filter((item) => item.version !== 'PGS-2023' || item.category === 'UAV').map((item) => item.code);
  const catalogue = await deps.db.select().from(commodities);
  const targets = catalogue.filter((item) => targetCodes.includes(item.code));
  const window = (phase: string, fromDays: number, toDays: number) => ({
    phase,
    startsAt: new Date(now.getTime() + fromDays * DAY),
    endsAt: new Date(now.getTime() + toDays * DAY),
  });
  const operation = await createOperation(as('planner@wco.demo'), {
    code: DEMO_OPERATION_CODE,
    name: 'Programme Global Shield — Asia/Pacific 2026',
    programme: 'PROGRAMME_GLOBAL_SHIELD',
    objectives:
      'Detect and stop the diversion of IED precursor chemicals, detonators and UAV components across the borders of the nine South-East Asian partner countries and South Asia; exchange warnings in real time; follow up every seizure with INTERPOL.',
    region: 'South-East Asia and South Asia',
    targetCommodityIds: targets.map((item) => encodeGlobalId('Commodity', item.id)),
    referenceTimeZone: 'Asia/Bangkok',
    plannedPhases: [
      window('PLANNING', -30, -14),
      window('PRE_OPERATIONAL', -14, -2),
      window('OPERATIONAL', -2, 12),
      window('POST_OPERATIONAL', 12, 45),
    ],
  });
  const operationId = encodeGlobalId('Operation', operation.id);
  const agencyId = (key: string) => encodeGlobalId('Agency', agencyIds.get(key)!);

  later(20);
  await inviteAgency(as('planner@wco.demo'), {
    operationId,
    agencyId: agencyId('INTERPOL-INTERNATIONAL_ORGANIZATION'),
    role: 'COORDINATING',
  });
  for (const country of [...PARTICIPANTS, ...DECLINED]) {
    later(1);
    await inviteAgency(as('planner@wco.demo'), { operationId, agencyId: agencyId(`${country}-CUSTOMS`), role: 'PARTICIPATING' });
  }
  for (const country of ['MY', 'TH', 'PH', 'IN']) {
    later(1);
    await inviteAgency(as('planner@wco.demo'), { operationId, agencyId: agencyId(`${country}-INTERPOL_NCB`), role: 'PARTICIPATING' });
  }
  later(18);
  await respondToInvitation(as('coordinator@interpol.demo'), { operationId, accept: true });
  for (const country of PARTICIPANTS) {
    later(5);
    await respondToInvitation(as(`ncp@customs.${country.toLowerCase()}.demo`), { operationId, accept: true });
  }
  for (const country of ['MY', 'TH', 'PH', 'IN']) {
    later(4);
    await respondToInvitation(as(`ncp@ncb.${country.toLowerCase()}.demo`), { operationId, accept: true });
  }
  later(6);
  await respondToInvitation(as('ncp@customs.af.demo'), { operationId, accept: false });
  later(3);
  const analyst = userByEmail.get('analyst@wco.demo')!;
  await assignMember(as('planner@wco.demo'), { operationId, userId: encodeGlobalId('User', analyst.id), role: 'REVIEWER' });
  for (const country of ['MY', 'TH', 'IN', 'ID']) {
    later(2);
    const officer = userByEmail.get(`officer@customs.${country.toLowerCase()}.demo`)!;
    await assignMember(as(`ncp@customs.${country.toLowerCase()}.demo`), {
      operationId,
      userId: encodeGlobalId('User', officer.id),
      role: 'CONTACT_POINT',
    });
  }

  at = now.getTime() - 14 * DAY + 2 * 3_600_000;
  await advancePhase(as('planner@wco.demo'), { operationId, to: 'PRE_OPERATIONAL' });
  at = now.getTime() - 4 * DAY;
  // The readiness test: the OCU sends a TEST alert to everyone and each contact point answers it.
  const test = await raiseAlert(as('planner@wco.demo'), {
    operationId,
    idempotencyKey: `${DEMO_OPERATION_CODE}-readiness-test`,
    category: 'TEST',
    severity: 'LOW',
    title: 'Readiness test: please acknowledge',
    description: 'Test message of the contact point network before the operational phase. Acknowledge it; no other action is needed.',
    language: 'en',
    marking: 'GREEN',
    distribution: 'ALL_PARTICIPANTS',
  });
  for (const email of [
    ...PARTICIPANTS.map((c) => `ncp@customs.${c.toLowerCase()}.demo`),
    ...['my', 'th', 'ph', 'in'].map((c) => `ncp@ncb.${c}.demo`),
  ]) {
    later(3);
    await acknowledgeAlert(as(email), { alertId: encodeGlobalId('Alert', test.id) });
  }
  at = now.getTime() - 2 * DAY + 3_600_000;
  await advancePhase(as('planner@wco.demo'), { operationId, to: 'OPERATIONAL' });
  const cast = {
    operationId,
    as,
    agencyId,
    at: (hoursAgo: number) => {
      at = now.getTime() - hoursAgo * 3_600_000;
    },
  };
  const alerts = await seedDemoAlerts(cast);
  const commodityIds = new Map(catalogue.map((item) => [item.code, encodeGlobalId('Commodity', item.id)]));
  await seedDemoSeizures(cast, now, (code) => commodityIds.get(code)!, alerts);
  await seedDemoChecks(cast, now, (code) => commodityIds.get(code)!);
  // An invitation still waiting for its answer, so that the invitation flow can be shown: INTERPOL
  // NCB Jakarta, asked to join once the operation was live, has not answered yet.
  cast.at(3);
  await inviteAgency(as('planner@wco.demo'), { operationId, agencyId: agencyId('ID-INTERPOL_NCB'), role: 'PARTICIPATING' });
  deps.logger.info({ code: DEMO_OPERATION_CODE }, 'demo operation loaded');
}
