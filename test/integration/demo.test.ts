import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import { seedDemo } from '@jointops/server/demo/seed';
import type { TestApp } from '../testkit/app';
import { seedKit } from '../testkit/seed';
import type { Fields } from '../testkit/graphql';

// The demo is what a newcomer sees first: an operation in its operational phase whose alerts and
// seizures read like a real PGS operation's. It is played through the real services, so a rule
// that changes and a demo that no longer fits it fail here, not on a newcomer's first start.

let testApp: TestApp;
const tokens = new Map<string, string>();

it.beforeAll(async ({ app }) => {
  testApp = app;
  const { db } = testApp.database;
  await seedDemo({ db, config: testApp.config, logger: testApp.app.deps.logger, pubSub: testApp.app.deps.pubSub }, testApp.clock.now());
});

async function as(email: string) {
  if (!tokens.has(email)) tokens.set(email, (await seedKit(testApp).signIn({ email, password: testApp.config.demoPassword })).token);
  const token = tokens.get(email)!;
  return async (selection: string) => {
    const response = await testApp.graphql<{ operations: { edges: { node: Fields }[] } }>(
      `{ operations(first: 10) { edges { node { code ${selection} } } } }`,
      {},
      { token },
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.operations.edges.map((edge) => edge.node).find((operation) => operation.code === DEMO_OPERATION_CODE)!;
  };
}

describe('the demo operation', () => {
  it('went live after every participating agency acknowledged the readiness test', async () => {
    const operation = await (await as('planner@wco.demo'))('phase participations { role status readinessAcknowledgedAt }');
    expect(operation.phase).toBe('OPERATIONAL');
    const participating = operation.participations.filter(
      (p: { role: string; status: string }) => p.role === 'PARTICIPATING' && p.status === 'ACCEPTED',
    );
    expect(participating.length).toBeGreaterThan(10);
    for (const participation of participating) expect(participation.readinessAcknowledgedAt).not.toBeNull();
  });

  it('has verified seizures in every unit, a report awaiting review, a corrected one and a bonus', async () => {
    const operation = await (await as('analyst@wco.demo'))('seizures(first: 100) { edges { node { status unit bonus } } }');
    const seizures = operation.seizures.edges.map((edge: { node: { status: string; unit: string; bonus: boolean } }) => edge.node);
    const count = (status: string) => seizures.filter((seizure: { status: string }) => seizure.status === status).length;
    expect({ VERIFIED: count('VERIFIED'), SUBMITTED: count('SUBMITTED'), DRAFT: count('DRAFT') }).toEqual({
      VERIFIED: 14,
      SUBMITTED: 2,
      DRAFT: 0,
    });
    expect(new Set(seizures.map((seizure: { unit: string }) => seizure.unit))).toEqual(new Set(['T', 'KG', 'G', 'L', 'M', 'PIECES']));
    expect(seizures.filter((seizure: { bonus: boolean }) => seizure.bonus).length).toBeGreaterThanOrEqual(2);
    const followedUp = await (await as('analyst@wco.demo'))(
      'seizures(first: 30) { edges { node { arrests arrestsByNationality { nationality count } interpolNotices { type } } } }',
    );
    expect(followedUp.seizures.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
      arrests: 2,
      arrestsByNationality: [
        { nationality: 'PH', count: 1 },
        { nationality: 'MY', count: 1 },
      ],
      interpolNotices: [{ type: 'PURPLE' }],
    });
  });

  it('has an alert amended to a graver severity, its first version kept, to be acknowledged again', async () => {
    const operation = await (await as('ncp@customs.lk.demo'))(
      'alerts(first: 1) { edges { node { version severity versions { severity clearedAcknowledgements { agency { id } } } recipients { acknowledgedAt } } } }',
    );
    const amended = operation.alerts.edges.map((edge: { node: Fields }) => edge.node).filter((alert: Fields) => alert.version > 1);
    expect(amended).toHaveLength(1);
    expect(amended[0].severity).toBe('HIGH');
    expect(amended[0].versions).toMatchObject([{ severity: 'MEDIUM' }]);
    expect(amended[0].versions[0].clearedAcknowledgements).toHaveLength(2);
    expect(amended[0].recipients.filter((recipient: Fields) => recipient.acknowledgedAt).length).toBe(1);
  });

  it("keeps the Philippine draft the Philippines' own, and links their seizure to the fertiliser alert", async () => {
    const philippines = await (await as('ncp@customs.ph.demo'))(
      'seizures(first: 100, status: DRAFT) { edges { node { status } } } alerts(first: 10) { edges { node { reference outcome linkedSeizures { status } } } }',
    );
    expect(philippines.seizures.edges).toHaveLength(1);
    const seized = philippines.alerts.edges
      .map((edge: { node: Fields }) => edge.node)
      .filter((alert: { outcome: string }) => alert.outcome === 'SEIZED');
    expect(seized).toEqual([expect.objectContaining({ linkedSeizures: [{ status: 'VERIFIED' }] })]);
  });

  it('has an invitation INTERPOL NCB Jakarta has not answered yet, and that the planner sees waiting', async () => {
    const token = (await seedKit(testApp).signIn({ email: 'ncp@ncb.id.demo', password: testApp.config.demoPassword })).token;
    const invitations = await testApp.graphql('{ myInvitations { code role } }', {}, { token });
    expect(invitations.data?.myInvitations).toEqual([{ code: DEMO_OPERATION_CODE, role: 'PARTICIPATING' }]);
    const operation = await (await as('planner@wco.demo'))('participations { status agency { acronym } }');
    const waiting = operation.participations.filter((participation: { status: string }) => participation.status === 'INVITED');
    expect(waiting).toEqual([{ status: 'INVITED', agency: { acronym: 'NCB Jakarta' } }]);
  });

  it('shows the photograph and the x-ray note on the corrected igniters report, to every member', async () => {
    const operation = await (await as('planner@wco.demo'))(
      'seizures(first: 20, status: SUBMITTED) { edges { node { place attachments { fileName contentType size } } } }',
    );
    const withFiles = operation.seizures.edges
      .map((edge: { node: Fields }) => edge.node)
      .filter((seizure: { attachments: unknown[] }) => seizure.attachments.length > 0);
    expect(withFiles).toEqual([
      {
        place: 'Bukit Kayu Hitam customs complex',
        attachments: [
          { fileName: 'igniters-by-the-piece.png', contentType: 'image/png', size: expect.any(Number) },
          { fileName: 'x-ray-operator-note.pdf', contentType: 'application/pdf', size: expect.any(Number) },
        ],
      },
    ]);
  });

  it('has the licit shipments checked and the database checks of its first full day', async () => {
    const operation = await (await as('planner@wco.demo'))('licitShipmentChecks { shipments } databaseChecks { checks hits }');
    expect(operation.licitShipmentChecks.reduce((sum: number, check: { shipments: number }) => sum + check.shipments, 0)).toBe(86);
    expect(operation.databaseChecks.reduce((sum: number, check: { hits: number }) => sum + check.hits, 0)).toBe(10);
  });
});
