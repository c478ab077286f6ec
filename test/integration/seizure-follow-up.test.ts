import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { encodeGlobalId } from '@jointops/server/global-id';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import type { Actor, OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { parseCsv, resultsKit } from '../testkit/results';
import { seizureInput } from '../testkit/seizures';

// What follows a seizure: Malaysian customs arrest two French nationals and a German one with
// 24 t of ammonium nitrate, tell INTERPOL's NCB Kuala Lumpur, and a Purple Notice is issued on the
// concealment method. Persons are counts by nationality, never names. Whoever may not see the
// report sees none of this, on any path; and a report's bonus is what the targets said when it
// was filed, whatever the targets become.

const file = fileHandles(it);

const ROOM = { reviewer: true, outsider: 'VN', commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE', uav: 'UAV' } } as const;

const NOTIFIED_AT = '2026-05-01T03:00:00.000Z';

async function interpolNcb() {
  return file.seed.agency({ name: `INTERPOL NCB Kuala Lumpur ${randomUUID().slice(0, 6)}`, kind: 'INTERPOL_NCB', countryCode: 'MY' });
}

/** The follow-up of the story, naming `ncbId`. */
const followUp = (ncbId: string) => ({
  arrestsByNationality: [
    { nationality: 'FR', count: 2 },
    { nationality: 'DE', count: 1 },
  ],
  arrests: null,
  interpolNotifiedAt: NOTIFIED_AT,
  interpolNcbAgencyId: ncbId,
  interpolNotices: [{ type: 'PURPLE', reference: '2026/12345' }],
});

const FOLLOW_UP_FIELDS = `arrests arrestsByNationality { nationality count } interpolNotifiedAt interpolNcb { id } interpolNotices { type reference }`;

/** What `viewer` finds of a seizure's follow-up: in the operation's seizures, and as a node. */
async function followUpSeen(operation: OperationDriver, viewer: Actor, seizureId: string) {
  const response = await file.app.graphql(
    `query($operationId: ID!, $seizureId: ID!) {
      operation(id: $operationId) { seizures(first: 100) { edges { node { id ${FOLLOW_UP_FIELDS} } } } }
      node(id: $seizureId) { id ... on Seizure { ${FOLLOW_UP_FIELDS} } }
    }`,
    { operationId: operation.id, seizureId },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  const edges = (response.data!.operation?.seizures.edges ?? []) as { node: { id: string } }[];
  return { inList: edges.find((edge) => edge.node.id === seizureId)?.node ?? null, node: response.data!.node };
}

/** The results' figures of the follow-up, as `viewer` asks for them, SUBMITTED reports counted. */
async function figuresSeen(operation: OperationDriver, viewer: Actor) {
  return resultsKit(file.app).results(viewer, operation.id, {
    includeUnverified: true,
    selection: 'totals { arrests interpolFollowUps } arrestsByNationality { nationality arrests seizures }',
  });
}

describe('the follow-up of a seizure', () => {
  it('records arrests by nationality and the INTERPOL follow-up, seen only where the report is, and counted in the results', async () => {
    const { operation, malaysia, thailand, outsider, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const ncb = await interpolNcb();
    const drafted = await file.seizures.report(
      malaysia,
      seizureInput(operation, ammoniumNitrate, { submit: false, ...followUp(ncb.globalId) }),
    );
    const expected = {
      arrests: 3,
      arrestsByNationality: [
        { nationality: 'FR', count: 2 },
        { nationality: 'DE', count: 1 },
      ],
      interpolNotifiedAt: NOTIFIED_AT,
      interpolNcb: { id: ncb.globalId },
      interpolNotices: [{ type: 'PURPLE', reference: '2026/12345' }],
    };
    expect(drafted.result).toMatchObject({ status: 'DRAFT', ...expected });
    const id = drafted.result!.id as string;

    // A draft is its agency's own: Thailand finds no trace of it, nor of its follow-up.
    expect(await followUpSeen(operation, thailand, id)).toEqual({ inList: null, node: null });
    expect(await followUpSeen(operation, malaysia, id)).toEqual({ inList: { id, ...expected }, node: { id, ...expected } });
    expect((await figuresSeen(operation, thailand)).data).toMatchObject({
      totals: { arrests: 0, interpolFollowUps: 0 },
      arrestsByNationality: [],
    });
    expect(await file.seizures.events(operation, thailand)).toEqual([]);

    // The old way still works: a total alone, its nationality unstated.
    await file.seizures.reported(thailand, seizureInput(operation, ammoniumNitrate, { arrests: 4, countryCode: 'TH' }));
    expect((await file.kit.mutate(malaysia, 'submitSeizure', { seizureId: id })).result).toMatchObject({ status: 'SUBMITTED' });
    expect(await followUpSeen(operation, thailand, id)).toEqual({ inList: { id, ...expected }, node: { id, ...expected } });
    expect((await figuresSeen(operation, thailand)).data).toEqual({
      totals: { arrests: 7, interpolFollowUps: 1 },
      arrestsByNationality: [
        { nationality: 'DE', arrests: 1, seizures: 1 },
        { nationality: 'FR', arrests: 2, seizures: 1 },
        { nationality: null, arrests: 4, seizures: 1 },
      ],
    });
    const csv = await resultsKit(file.app).csv(thailand, operation.id, 'arrestsByNationality', { includeUnverified: true, header: 'KEYS' });
    expect(parseCsv(csv.text!)).toEqual([
      ['nationality', 'arrests', 'seizures'],
      ['DE', '1', '1'],
      ['FR', '2', '1'],
      ['', '4', '1'],
    ]);
    const totals = await resultsKit(file.app).csv(thailand, operation.id, 'totals', { includeUnverified: true, header: 'KEYS' });
    expect(parseCsv(totals.text!)).toContainEqual(['interpolFollowUps', '1']);
    expect((await figuresSeen(operation, outsider)).error).toBe('NOT_FOUND');
  });

  it('is corrected with the report, a total that agrees with the nationalities taken as it is', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const ncb = await interpolNcb();
    const id = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const { operationId: _o, idempotencyKey: _k, ...content } = seizureInput(operation, ammoniumNitrate);
    const corrected = await file.kit.mutate(malaysia, 'correctSeizure', {
      ...content,
      ...followUp(ncb.globalId),
      arrests: 3,
      seizureId: id,
    });
    expect(corrected.result).toMatchObject({ status: 'DRAFT', arrests: 3, interpolNcb: { id: ncb.globalId } });
    const cleared = await file.kit.mutate(malaysia, 'correctSeizure', { ...content, seizureId: id });
    expect(cleared.result).toMatchObject({
      arrests: 2,
      arrestsByNationality: [],
      interpolNotifiedAt: null,
      interpolNcb: null,
      interpolNotices: [],
    });
  });

  it('refuses a bad nationality, a count under 1, a total that disagrees, an NCB that is not one, too many notices, with nothing filed', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const ncb = await interpolNcb();
    const good = followUp(ncb.globalId);
    const notices = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'DIFFUSION', reference: `D-${i}/2026` }));
    const cases: [Record<string, unknown>, (string | number)[], string][] = [
      [{ arrestsByNationality: [{ nationality: 'XX', count: 1 }] }, ['arrestsByNationality', 0, 'nationality'], 'No country'],
      [{ arrestsByNationality: [{ nationality: 'FR', count: -1 }] }, ['arrestsByNationality', 0, 'count'], 'At least 1'],
      [{ arrestsByNationality: [{ nationality: 'FR', count: 0 }] }, ['arrestsByNationality', 0, 'count'], 'At least 1'],
      [
        {
          arrestsByNationality: [
            { nationality: 'FR', count: 1 },
            { nationality: 'fr', count: 1 },
          ],
        },
        ['arrestsByNationality', 1, 'nationality'],
        'This nationality appears twice',
      ],
      [{ arrests: 2 }, ['arrests'], 'Must be the arrests by nationality added up (3), or left out'],
      [{ arrests: -1, arrestsByNationality: [] }, ['arrests'], 'Not negative'],
      [{ interpolNcbAgencyId: malaysia.agency.globalId }, ['interpolNcbAgencyId'], 'Not an INTERPOL National Central Bureau'],
      [{ interpolNcbAgencyId: encodeGlobalId('Agency', randomUUID()) }, ['interpolNcbAgencyId'], 'Not an INTERPOL National Central Bureau'],
      [{ interpolNotices: notices(21) }, ['interpolNotices'], 'At most 20'],
      [{ interpolNotices: [{ type: 'PURPLE', reference: '2026;1' }] }, ['interpolNotices', 0, 'reference'], 'Letters, digits'],
      [{ interpolNotifiedAt: null }, ['interpolNotifiedAt'], 'When was the National Central Bureau notified?'],
      [{ interpolNotifiedAt: '2099-01-01T00:00:00Z' }, ['interpolNotifiedAt'], 'Must not be in the future'],
    ];
    for (const [change, path, message] of cases) {
      const { result } = await file.seizures.report(malaysia, seizureInput(operation, ammoniumNitrate, { ...good, ...change }));
      expect(result, JSON.stringify(change)).toMatchObject({ __typename: 'ValidationError' });
      expect(result!.fieldErrors, JSON.stringify(change)).toContainEqual({
        path: path.map(String),
        message: expect.stringContaining(message),
      });
    }
    expect(
      (await file.seizures.report(malaysia, seizureInput(operation, ammoniumNitrate, { ...good, interpolNotices: notices(20) }))).result,
    ).toMatchObject({ __typename: 'Seizure', interpolNotices: notices(20) });
    const listed = await operation.view(malaysia, 'seizures(first: 100) { edges { node { id } } }');
    expect(listed!.seizures.edges).toHaveLength(1);
  });
});

describe('a bonus seizure', () => {
  it('is judged against the targets when reported: targets changed later do not move past results', async () => {
    const { operation, planner, malaysia, ammoniumNitrate, uav } = await operationalRoom(file.kit, ROOM);
    const targeted = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate));
    const bonus = await file.seizures.reported(malaysia, seizureInput(operation, uav, { quantity: 3, unit: 'PIECES' }));
    const figures = async () =>
      (
        await resultsKit(file.app).results(planner, operation.id, {
          includeUnverified: true,
          selection: 'totals { bonusSeizures } bonusByClass { key seizures }',
        })
      ).data;
    const before = await figures();
    expect(before.totals.bonusSeizures).toBe(1);

    expect((await operation.update({ targetCommodityIds: [uav] }, planner)).result).toMatchObject({ __typename: 'Operation' });
    expect(await figures()).toEqual(before);
    const seen = await operation.view(planner, 'seizures(first: 10) { edges { node { id bonus } } }');
    expect(seen!.seizures.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { id: bonus, bonus: true },
      { id: targeted, bonus: false },
    ]);
    const list = await resultsKit(file.app).csv(planner, operation.id, 'seizures', { includeUnverified: true, header: 'KEYS' });
    const [header, ...rows] = parseCsv(list.text!);
    expect(rows.map((row) => row[header!.indexOf('bonus')])).toEqual(['false', 'true']);

    // A report filed now is judged against the targets of now.
    await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate));
    expect((await figures()).totals.bonusSeizures).toBe(2);
  });
});
