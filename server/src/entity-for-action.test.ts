import { describe, expect, it } from 'vitest';
import type { Db } from './db/client';
import { ForbiddenError, NotFoundError } from './domain-errors';
import { type EntityAccess, entityForAction } from './entity-for-action';
import { encodeGlobalId } from './global-id';
import type { Viewer } from './service-context';

// The steps with fakes: which queries run, in which order, and what each outcome answers. The
// integration suites (uniform-answers, authorization-matrix) hold the real alerts and seizures to it.

const viewer: Viewer = { userId: 'u1', agencyId: 'a1', sessionId: 's1', isAdmin: false, locale: 'en', mustChangePassword: false };
const tx = {} as Db;
const REPORT = '00000000-0000-4000-8000-000000000001';
const OPERATION = '00000000-0000-4000-8000-0000000000aa';

interface Report {
  id: string;
  secret: boolean;
}

/** One report, in one operation, as the fakes see it; `steps` records the queries in order. */
function world(options: { visibleAtFirst: boolean; standing: string | null; afterLock: Report }) {
  const steps: string[] = [];
  const access: EntityAccess<Report, { operationId: string; standing: string }> = {
    typename: 'Seizure',
    field: 'seizureId',
    findVisible: async (_tx, _viewer, id) => {
      steps.push('find');
      return options.visibleAtFirst && id === REPORT ? { operationId: OPERATION } : null;
    },
    lockOperation: async (_tx, operationId) => {
      steps.push('lock');
      return options.standing ? { operationId, standing: options.standing } : null;
    },
    reread: async () => {
      steps.push('reread');
      return options.afterLock;
    },
    canSee: (standing, report) => !report.secret || standing === 'COORDINATOR',
  };
  return { steps, access };
}

const act = (access: EntityAccess<Report, { operationId: string; standing: string }>, globalId = encodeGlobalId('Seizure', REPORT)) =>
  entityForAction(tx, viewer, access, globalId, (standing) => standing !== 'OBSERVER', 'verify this seizure report');

describe('entityForAction', () => {
  it('answers what the viewer may act on with it, its operation and the viewer, read after the lock', async () => {
    const { steps, access } = world({ visibleAtFirst: true, standing: 'COORDINATOR', afterLock: { id: REPORT, secret: true } });
    await expect(act(access)).resolves.toEqual({
      operationId: OPERATION,
      standing: 'COORDINATOR',
      entity: { id: REPORT, secret: true },
      viewer,
    });
    expect(steps).toEqual(['find', 'lock', 'reread']);
  });

  it('answers an invisible one exactly as a made-up id, after the same single query', async () => {
    const invisible = world({ visibleAtFirst: false, standing: 'COORDINATOR', afterLock: { id: REPORT, secret: false } });
    const madeUp = world({ visibleAtFirst: true, standing: 'COORDINATOR', afterLock: { id: REPORT, secret: false } });
    const a = await act(invisible.access).catch((error: unknown) => error);
    const b = await act(madeUp.access, encodeGlobalId('Seizure', '00000000-0000-4000-8000-000000000999')).catch((error: unknown) => error);
    expect(a).toBeInstanceOf(NotFoundError);
    expect(b).toEqual(a);
    expect(invisible.steps).toEqual(['find']);
    expect(madeUp.steps).toEqual(invisible.steps);
  });

  it('answers not found when the viewer has no standing in the operation', async () => {
    const { steps, access } = world({ visibleAtFirst: true, standing: null, afterLock: { id: REPORT, secret: false } });
    await expect(act(access)).rejects.toThrow(new NotFoundError('Seizure'));
    expect(steps).toEqual(['find', 'lock']);
  });

  it('answers not found when what it became under the lock is no longer the viewer’s to see', async () => {
    const { access } = world({ visibleAtFirst: true, standing: 'CONTACT_POINT', afterLock: { id: REPORT, secret: true } });
    await expect(act(access)).rejects.toThrow(new NotFoundError('Seizure'));
  });

  it('refuses, naming the action, what the viewer sees but may not do', async () => {
    const { access } = world({ visibleAtFirst: true, standing: 'OBSERVER', afterLock: { id: REPORT, secret: false } });
    await expect(act(access)).rejects.toThrow(new ForbiddenError('verify this seizure report'));
  });

  it('refuses an id of another type before any query, as a malformed input', async () => {
    const { steps, access } = world({ visibleAtFirst: true, standing: 'COORDINATOR', afterLock: { id: REPORT, secret: false } });
    await expect(act(access, encodeGlobalId('Alert', REPORT))).rejects.toThrow('Not a valid Seizure id');
    expect(steps).toEqual([]);
  });
});
