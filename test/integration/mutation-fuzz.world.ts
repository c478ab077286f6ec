import { randomBytes } from 'node:crypto';
import type { TestApp } from '../testkit/app';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';
import { seizureInput, seizureKit } from '../testkit/seizures';
import type { Caller, World } from './input-validation.cases';
import type { IdKind, IdPool } from './mutation-fuzz.cases';

// The world mutation-fuzz.test.ts sends its inputs into: the world of input-validation.cases.ts
// (whose well-formed inputs it starts from), people who may not do what they send, and an
// operation none of them can see, whose real ids are mixed into every id field.

export interface FuzzWorld extends World {
  admin: Actor;
  /** A signed-in user of an agency that takes part in nothing and administers nothing. */
  outsider: Actor;
  /** Every real id, by type. */
  ids: IdPool;
  /** The same without the ids of the people the fuzz is sent as and the operations it is sent to. */
  bystanderIds: IdPool;
  /** Signs in someone who may send a mutation whose well-formed input names `caller`. */
  callerFor(caller: Caller): Promise<{ token?: string }>;
}

const JUSTIFICATION = 'Compressed schedule for the mutation fuzz.';

async function advanceByOverride(operation: OperationDriver, ...phases: ('PRE_OPERATIONAL' | 'OPERATIONAL' | 'POST_OPERATIONAL')[]) {
  for (const to of phases) {
    const { result } = await operation.advance(to, { overrideJustification: JUSTIFICATION });
    if (result?.__typename !== 'Operation') throw new Error(`advancing to ${to} failed: ${JSON.stringify(result)}`);
  }
}

async function memberIds(operation: OperationDriver): Promise<string[]> {
  const seen = await operation.view(operation.coordinator, 'members { id }');
  return (seen!.members as { id: string }[]).map((member) => member.id);
}

export async function buildFuzzWorld(testApp: TestApp): Promise<FuzzWorld> {
  const kit = operationKit(testApp);
  const seizing = seizureKit(kit);
  const agency = await kit.seed.agency({ name: `Royal Malaysian Customs Department ${randomBytes(3).toString('hex')}`, countryCode: 'MY' });
  const { operation, planner, malaysia, thailand } = await kit.jointOperation();
  await operation.advanceTo('PRE_OPERATIONAL');
  const concluded = await kit.operation(planner);
  await concluded.join(malaysia);
  await advanceByOverride(concluded, 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL');
  const admin = await kit.actor(undefined, { isAdmin: true });
  const outsider = await kit.actor();

  const ammoniumNitrate = await seizing.commodity(planner, 'AMMONIUM_NITRATE');
  const seizedNow = { seizedAt: testApp.clock.now().toISOString() };
  const draft = await seizing.reported(malaysia, seizureInput(concluded, ammoniumNitrate, { ...seizedNow, submit: false }));
  const submitted = await seizing.reported(malaysia, seizureInput(concluded, ammoniumNitrate, seizedNow));
  const readiness = await operation.readinessTest();

  // Another coordinator's operation, with an alert and a seizure: ids that exist, none of ours to see.
  const hidden = await kit.jointOperation();
  await advanceByOverride(hidden.operation, 'PRE_OPERATIONAL');
  const hiddenAlert = await hidden.operation.readinessTest();
  await advanceByOverride(hidden.operation, 'OPERATIONAL');
  const hiddenSeizure = await seizing.reported(hidden.malaysia, seizureInput(hidden.operation, ammoniumNitrate, seizedNow));
  const bystanders = [await kit.seed.user({ agency }), await kit.seed.user(), await kit.seed.user({ agency: hidden.thailand.agency })];

  const actors = [admin, planner, malaysia, thailand, outsider];
  const protectedIds = new Set([
    ...actors.flatMap((actor) => [actor.globalId, actor.agency.globalId]),
    operation.id,
    concluded.id,
    ...(await memberIds(operation)),
    ...(await memberIds(concluded)),
  ]);
  const ids: IdPool = {
    Operation: [operation.id, concluded.id, hidden.operation.id],
    Agency: [
      agency.globalId,
      ...actors.map((actor) => actor.agency.globalId),
      hidden.planner.agency.globalId,
      hidden.thailand.agency.globalId,
    ],
    User: [...actors.map((actor) => actor.globalId), hidden.planner.globalId, ...bystanders.map((user) => user.globalId)],
    Alert: [readiness, hiddenAlert],
    Seizure: [draft, submitted, hiddenSeizure],
    OperationMember: [...(await memberIds(operation)), ...(await memberIds(concluded)), ...(await memberIds(hidden.operation))],
    Commodity: (await kit.catalogue(planner)).slice(0, 6).map((item) => item.id),
  };
  const bystanderIds = Object.fromEntries(
    Object.entries(ids).map(([kind, list]) => [kind, list.filter((id) => !protectedIds.has(id))]),
  ) as Record<IdKind, string[]>;

  const world: World = {
    kit,
    agency,
    user: bystanders[0]!,
    leaver: await kit.seed.user({ agency }),
    operation,
    coordinator: planner,
    contactPoint: malaysia,
    concluded,
  };
  return {
    ...world,
    admin,
    outsider,
    ids,
    bystanderIds,
    async callerFor(caller) {
      switch (caller) {
        case 'admin':
          return { token: admin.token };
        case 'anonymous':
          return {};
        case 'coordinator':
          return { token: planner.token };
        case 'contactPoint':
          return { token: malaysia.token };
        case 'invited': {
          const invitedAgency = await kit.seed.agency({ kind: 'POLICE', countryCode: 'PH' });
          if ((await operation.invite(invitedAgency)).result?.__typename !== 'Participation') throw new Error('inviting failed');
          return { token: (await kit.actor(invitedAgency)).token };
        }
      }
    },
  };
}
