import { randomBytes } from 'node:crypto';
import type { AgencyKind } from '@jointops/shared/domain';
import type { Actor, OperationDriver, OperationKit } from './operations';
import { seizureKit } from './seizures';

// The operations room most stories start in: the usual cast in OPERATIONAL, with the agencies,
// reviewer and outsider a story names. Every step goes through the real API, gates included.

export interface RoomOptions {
  /** A further participating agency in Indonesia, named when the story names it. */
  indonesia?: true | { name: string };
  /** An agency taking part as an observer. */
  observer?: { name?: string; kind?: AgencyKind; countryCode: string };
  /** A colleague of the planner assigned as REVIEWER. */
  reviewer?: true;
  /** A contact point of an agency outside the operation, in this country. */
  outsider?: string;
  /** Anything else the story needs done in PLANNING, once the cast is assembled. */
  beforeGoingLive?: (operation: OperationDriver) => Promise<unknown>;
  /** Catalogue items the story reports against: their global ids, under the names given here. */
  commodities?: Record<string, string>;
}

type Cast<O extends RoomOptions> = {
  [K in 'indonesia' | 'observer' | 'reviewer' | 'outsider' as O[K] extends undefined ? never : K]: Actor;
};
type Commodities<O extends RoomOptions> =
  O['commodities'] extends Record<infer Name extends string, string> ? Record<Name, string> : unknown;

export type OperationalRoom<O extends RoomOptions = RoomOptions> = Awaited<ReturnType<OperationKit['jointOperation']>> &
  Cast<O> &
  Commodities<O>;

const suffix = () => randomBytes(3).toString('hex');

/** The usual cast in OPERATIONAL: the readiness test acknowledged and the clock at the planned start. */
export async function operationalRoom<const O extends RoomOptions = object>(kit: OperationKit, options?: O): Promise<OperationalRoom<O>> {
  const { indonesia, observer, reviewer, outsider, beforeGoingLive, commodities = {} } = (options ?? {}) as RoomOptions;
  const room = await kit.jointOperation();
  const { operation, planner } = room;
  const cast: Partial<Record<keyof Cast<RoomOptions>, Actor>> = {};
  if (indonesia) {
    const agency = await kit.seed.agency(
      indonesia === true ? { countryCode: 'ID' } : { name: `${indonesia.name} ${suffix()}`, countryCode: 'ID' },
    );
    cast.indonesia = await operation.join(await kit.actor(agency));
  }
  if (observer) {
    const agency = await kit.seed.agency({ ...observer, ...(observer.name ? { name: `${observer.name} ${suffix()}` } : {}) });
    cast.observer = await operation.join(await kit.actor(agency), 'OBSERVING');
  }
  if (reviewer) {
    cast.reviewer = await kit.actor(planner.agency);
    const assigned = await operation.assign(cast.reviewer, 'REVIEWER');
    if (assigned.result?.__typename !== 'OperationMember') throw new Error(`assigning the reviewer failed: ${JSON.stringify(assigned)}`);
  }
  await beforeGoingLive?.(operation);
  await operation.advanceTo('OPERATIONAL');
  if (outsider) cast.outsider = await kit.actor(await kit.seed.agency({ countryCode: outsider }));
  const catalogue = seizureKit(kit);
  const items: Record<string, string> = {};
  for (const [name, code] of Object.entries(commodities)) items[name] = await catalogue.commodity(room.malaysia, code);
  return { ...room, ...cast, ...items } as OperationalRoom<O>;
}
