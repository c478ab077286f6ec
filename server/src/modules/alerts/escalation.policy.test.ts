import { describe, expect, it } from 'vitest';
import { coordinatorEscalationAudience } from './escalation.policy';

const COORDINATING = 'coordinating';
const ORIGINATOR = 'originator';
const SILENT = 'silent';
const OTHER = 'other';

describe('who the second escalation level tells', () => {
  it.each([
    [
      'an alert for every participant: the coordinating agency and the silent one',
      'ALL_PARTICIPANTS',
      [SILENT, OTHER],
      [COORDINATING, SILENT],
    ],
    ['a RESTRICTED alert naming the coordinating agency: both', 'RESTRICTED', [SILENT, COORDINATING], [COORDINATING, SILENT]],
    ['a RESTRICTED alert not naming it: only the silent agency', 'RESTRICTED', [SILENT, OTHER], [SILENT]],
  ] as const)('%s', (_case, distribution, recipientAgencyIds, expected) => {
    const alert = { distribution, raisedByAgencyId: ORIGINATOR, recipientAgencyIds: [...recipientAgencyIds] };
    expect(coordinatorEscalationAudience(alert, [COORDINATING], SILENT).sort()).toEqual([...expected].sort());
  });

  it('a RESTRICTED alert raised by the coordinating agency: it is told', () => {
    const alert = { distribution: 'RESTRICTED' as const, raisedByAgencyId: COORDINATING, recipientAgencyIds: [SILENT] };
    expect(coordinatorEscalationAudience(alert, [COORDINATING], SILENT).sort()).toEqual([COORDINATING, SILENT].sort());
  });

  it('never the originator for being the originator, nor another recipient', () => {
    const alert = { distribution: 'ALL_PARTICIPANTS' as const, raisedByAgencyId: ORIGINATOR, recipientAgencyIds: [SILENT, OTHER] };
    const audience = coordinatorEscalationAudience(alert, [COORDINATING], SILENT);
    expect(audience).not.toContain(ORIGINATOR);
    expect(audience).not.toContain(OTHER);
  });
});
