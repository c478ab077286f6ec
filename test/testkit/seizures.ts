import { randomUUID } from 'node:crypto';
import type { Actor, OperationDriver, OperationKit } from './operations';

// Seizure reports as contact points file them: a well-formed report, changed only in what a
// test's story is about.

/** 24 t of ammonium nitrate in a container at Port Klang, found by x-ray after risk profiling. */
export function seizureInput(operation: OperationDriver, commodityId: string | null, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    seizedAt: '2026-05-01T00:00:00Z',
    countryCode: 'MY',
    place: 'Port Klang, Westport container terminal',
    locationType: 'SEAPORT',
    latitude: 2.9996,
    longitude: 101.3918,
    commodityId,
    quantity: 24,
    unit: 'T',
    detectionMethod: 'X_RAY',
    concealment: 'Declared as NPK fertiliser',
    transportMode: 'SEA',
    conveyance: 'MSKU1234565 on MV Kota Lestari',
    originCountryCode: 'MY',
    transitCountryCodes: ['SG'],
    destinationCountryCode: 'PH',
    arrests: 2,
    ...overrides,
  };
}

export function seizureKit(kit: OperationKit) {
  return {
    /** The global id of the catalogue item with `code`. */
    async commodity(viewer: Actor, code: string): Promise<string> {
      const item = (await kit.catalogue(viewer)).find((candidate) => candidate.code === code);
      if (!item) throw new Error(`no catalogue item ${code}`);
      return item.id;
    },

    report: (by: Actor, input: Record<string, unknown>) => kit.mutate(by, 'reportSeizure', input),

    /** A report `by` files and that must succeed; its id. */
    async reported(by: Actor, input: Record<string, unknown>): Promise<string> {
      const { result } = await kit.mutate(by, 'reportSeizure', input);
      if (result?.__typename !== 'Seizure') throw new Error(`reportSeizure failed: ${JSON.stringify(result)}`);
      return result.id as string;
    },

    /** The seizure and reconciliation events of the timeline as `viewer` sees it, oldest first. */
    async events(operation: OperationDriver, viewer: Actor): Promise<{ type: string; seizure?: { id: string }; alert?: { id: string } }[]> {
      const seen = await operation.view(
        viewer,
        `timeline(first: 500) { edges { node { type
          ... on SeizureReportedEvent { seizure { id } } ... on SeizureSubmittedEvent { seizure { id } }
          ... on SeizureCorrectedEvent { seizure { id } } ... on SeizureVerifiedEvent { seizure { id } }
          ... on SeizureRejectedEvent { seizure { id } } ... on AlertReconciledEvent { alert { id } seizure { id } } } } }`,
      );
      return seen!.timeline.edges
        .map((edge: { node: { type: string } }) => edge.node)
        .filter((event: { type: string }) => event.type.startsWith('SEIZURE_') || event.type === 'ALERT_RECONCILED');
    },
  };
}
