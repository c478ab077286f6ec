import { randomUUID } from 'node:crypto';
import { amendAlert } from '../modules/alerts/alert-versions.service';
import type { AlertRow } from '../modules/alerts/alerts.repo';
import { acknowledgeAlert, commentOnAlert, raiseAlert } from '../modules/alerts/alerts.service';
import { giveAlertFeedback } from '../modules/alerts/alert-feedback.service';
import { encodeGlobalId } from '../global-id';
import type { ServiceContext } from '../service-context';

// The demo operation's live room after two days of operations: alerts in every state — answered
// by several recipients (one amending its feedback) and seized, restricted to two agencies and overdue
// at one, amended to a graver severity and still within its new deadline — played
// through the services like the rest of the demo. Overdue deadlines are escalated by the running
// server's escalator, as they would be in real life.

export interface DemoAlertCast {
  operationId: string;
  as: (email: string) => ServiceContext;
  agencyId: (key: string) => string;
  /** Moves the demo clock to `hoursAgo` hours before now. */
  at: (hoursAgo: number) => void;
}

const alertId = (alert: AlertRow) => encodeGlobalId('Alert', alert.id);

/** Seeds the alerts; answers the ids of those the seizures will link. */
export async function seedDemoAlerts({ operationId, as, agencyId, at }: DemoAlertCast): Promise<{ fertiliser: string }> {
  const common = { operationId, language: 'en' };

  at(40);
  const fertiliser = await raiseAlert(as('ncp@customs.my.demo'), {
    ...common,
    idempotencyKey: randomUUID(),
    category: 'SHIPMENT',
    severity: 'HIGH',
    title: 'Ammonium nitrate declared as NPK fertiliser, Port Klang to General Santos',
    description:
      'Two 40-foot containers, declared 48 t NPK 15-15-15. Raman readings at the terminal match ammonium nitrate. Consignee registered three months ago.',
    subject: {
      containerNumber: 'MSKU7306512',
      billOfLading: 'MAEU241108733',
      hsCode: '3105.20',
      consignor: 'Agro Nusantara Trading Sdn Bhd, Klang',
      consignee: 'Tani Makmur Supplies, General Santos',
      route: { origin: 'MY', transit: ['SG'], destination: 'PH' },
    },
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
  });
  for (const [hours, email] of [
    [39.8, 'ncp@customs.ph.demo'],
    [39.6, 'planner@wco.demo'],
    [39.5, 'ncp@customs.th.demo'],
    [39.2, 'ncp@customs.id.demo'],
    [38.9, 'ncp@customs.in.demo'],
  ] as const) {
    at(hours);
    await acknowledgeAlert(as(email), { alertId: alertId(fertiliser) });
  }
  // Each recipient answers for itself; Thailand amends its first word once the transhipment is checked.
  at(34);
  await giveAlertFeedback(as('ncp@customs.th.demo'), {
    alertId: alertId(fertiliser),
    outcome: 'NOT_CONTROLLED',
    note: 'No call at Laem Chabang on the declared route; transhipment records requested from Singapore.',
  });
  at(32);
  await giveAlertFeedback(as('ncp@customs.id.demo'), {
    alertId: alertId(fertiliser),
    outcome: 'NOTHING_FOUND',
    note: 'Consignor unknown to DJBC; no shipment from it in Indonesian ports this year.',
  });
  at(31);
  await giveAlertFeedback(as('ncp@customs.th.demo'), {
    alertId: alertId(fertiliser),
    outcome: 'NOTHING_FOUND',
    note: 'Manifests of the feeder checked at Laem Chabang: neither container was discharged in Thailand.',
  });
  at(30);
  await giveAlertFeedback(as('ncp@customs.ph.demo'), {
    alertId: alertId(fertiliser),
    outcome: 'SEIZED',
    note: 'Both containers held at Makar Wharf; 47.6 t of ammonium nitrate confirmed by field test. Consignee premises searched with the PNP.',
  });
  await commentOnAlert(as('coordinator@interpol.demo'), {
    alertId: alertId(fertiliser),
    body: 'Consignee and consignor checked against INTERPOL databases: one hit on a 2024 purple notice modus operandi. Details through NCB Manila.',
  });

  at(20);
  const vessel = await raiseAlert(as('ncp@customs.th.demo'), {
    ...common,
    idempotencyKey: randomUUID(),
    category: 'CONVEYANCE',
    severity: 'CRITICAL',
    title: 'Coastal vessel suspected of carrying detonators, Songkhla to Sihanoukville',
    description:
      'Source reports 2,000 electric detonators hidden in the engine room. Crew of six; expected in Sihanoukville within 30 hours.',
    subject: { vesselName: 'SEA PEARL 9', imo: '9412337' },
    marking: 'AMBER_STRICT',
    distribution: 'RESTRICTED',
    recipientAgencyIds: [agencyId('MY-CUSTOMS'), agencyId('KH-CUSTOMS')],
  });
  at(19.9);
  await acknowledgeAlert(as('ncp@customs.my.demo'), { alertId: alertId(vessel) });
  await commentOnAlert(as('ncp@customs.my.demo'), {
    alertId: alertId(vessel),
    body: 'Not seen in Malaysian waters; our maritime unit will report any AIS gap near Tok Bali.',
  });

  at(3);
  const drones = await raiseAlert(as('ncp@customs.in.demo'), {
    ...common,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'MEDIUM',
    title: 'Orders for agricultural drone parts routed through express couriers',
    description: 'Twelve orders in a week for flight controllers and payload release modules, split across consignees in three countries.',
    marking: 'GREEN',
    distribution: 'ALL_PARTICIPANTS',
  });
  at(2.5);
  await acknowledgeAlert(as('ncp@customs.bd.demo'), { alertId: alertId(drones) });
  await acknowledgeAlert(as('ncp@customs.lk.demo'), { alertId: alertId(drones) });
  // More orders came to light: the originator corrects the alert, and the graver severity asks
  // every recipient to acknowledge again; Bangladesh already has.
  at(2);
  await amendAlert(as('ncp@customs.in.demo'), {
    alertId: alertId(drones),
    expectedVersion: 1,
    severity: 'HIGH',
    description:
      'Nineteen orders in ten days for flight controllers and payload release modules, split across consignees in four countries; two consignees share a director.',
  });
  at(1.8);
  await acknowledgeAlert(as('ncp@customs.bd.demo'), { alertId: alertId(drones) });
  return { fertiliser: alertId(fertiliser) };
}
