import { describe, expect, it } from 'vitest';
import { operationFieldsChangedBy, PLAN_FIELDS } from './operation-event-fields';

// With 10,000 alerts and a hundred new ones a second, an alert event must not make the room read
// the operation's plan, participants and members again; a plan event still drops all of them.

describe('what an operation event changes in the cache', () => {
  it('an alert, seizure or check event leaves the plan, the participants and the members alone', () => {
    for (const type of ['ALERT_RAISED', 'ALERT_COMMENTED', 'SEIZURE_REPORTED', 'DATABASE_CHECKS_RECORDED', 'ATTACHMENT_ADDED']) {
      const changed = operationFieldsChangedBy(type);
      for (const field of ['phase', 'participations', 'members', 'plannedPhases', 'referenceTimeZone'])
        expect(changed.has(field)).toBe(false);
      expect(changed.has('auditTrail')).toBe(true);
    }
  });

  it('an acknowledgement may be the readiness test: the participations are read again', () => {
    expect(operationFieldsChangedBy('ALERT_ACKNOWLEDGED').has('participations')).toBe(true);
  });

  it('a plan event, a resync, or an event without its type drops every field of the plan', () => {
    for (const type of ['PHASE_ADVANCED', 'INVITATION_ACCEPTED', 'MEMBER_ASSIGNED', 'RESYNC_REQUIRED', undefined]) {
      expect([...PLAN_FIELDS].every((field) => operationFieldsChangedBy(type).has(field))).toBe(true);
    }
  });
});
