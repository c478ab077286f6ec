import { describe, expect, it } from 'vitest';
import { resultsChangedBy } from './result-events';

// The rooms are sent fresh figures after these events only: a comment or a file must not make the
// server count an operation's seizures again for every agency watching.

describe('events that change the results', () => {
  it('the results change with alerts, seizures, checks and who takes part, not with a comment, a file or a phase', () => {
    for (const type of [
      'ALERT_RAISED',
      'ALERT_ACKNOWLEDGED',
      'ALERT_WITHDRAWN',
      'SEIZURE_REPORTED',
      'SEIZURE_VERIFIED',
      'LICIT_SHIPMENTS_CHECKED',
      'PARTICIPATION_WITHDRAWN',
      'RESYNC_REQUIRED',
      undefined,
    ]) {
      expect(resultsChangedBy(type)).toBe(true);
    }
    for (const type of ['ALERT_COMMENTED', 'ATTACHMENT_ADDED', 'PHASE_ADVANCED', 'OPERATION_UPDATED'])
      expect(resultsChangedBy(type)).toBe(false);
  });
});
