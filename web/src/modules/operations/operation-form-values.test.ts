import { describe, expect, it } from 'vitest';
import {
  changesSomething,
  operationValues,
  problemsOfIssues,
  updateOperationRequest,
  type PlannedOperation,
} from './operation-form-values';

// Editing sends only what the planner changed, so the audit trail says what they did.

const operation: PlannedOperation = {
  id: 'T3BlcmF0aW9uOjE=',
  name: 'Programme Global Shield — Asia/Pacific 2026',
  objectives: null,
  region: 'South-East Asia',
  referenceTimeZone: 'Asia/Bangkok',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  targetCommodities: [{ id: 'a' }, { id: 'b' }],
  // Stored with seconds, which a datetime-local field does not show.
  plannedPhases: [
    { phase: 'PLANNING', plannedStartsAt: '2026-10-30T23:05:23.456Z', plannedEndsAt: '2026-11-15T23:05:23.456Z' },
    { phase: 'OPERATIONAL', plannedStartsAt: '2026-11-27T23:05:23.456Z', plannedEndsAt: '2026-12-11T23:05:23.456Z' },
  ],
  acknowledgementDeadlines: [
    { severity: 'CRITICAL', minutes: 15 },
    { severity: 'HIGH', minutes: 60 },
    { severity: 'MEDIUM', minutes: 240 },
    { severity: 'LOW', minutes: 1440 },
  ],
};

describe('the edit form’s request', () => {
  it('shows the planned dates as the reference zone’s clocks', () => {
    expect(operationValues(operation).plannedPhases.OPERATIONAL).toEqual({ startsAt: '2026-11-28T06:05', endsAt: '2026-12-12T06:05' });
    expect(operationValues(operation).plannedPhases.PRE_OPERATIONAL).toEqual({ startsAt: '', endsAt: '' });
  });

  it('sends nothing when nothing changed, seconds of the stored dates included', () => {
    const { input, issues } = updateOperationRequest(operationValues(operation), operation);
    expect(issues).toEqual([]);
    expect(changesSomething(input)).toBe(false);
  });

  it('sends only the fields changed, and the whole plan when one date changes', () => {
    const values = operationValues(operation);
    values.region = 'South-East Asia and South Asia';
    values.targetCommodityIds = ['b', 'a'];
    values.plannedPhases.OPERATIONAL.endsAt = '2026-12-14T18:00';
    values.deadlines.HIGH = '45';
    expect(updateOperationRequest(values, operation).input).toEqual({
      operationId: operation.id,
      region: 'South-East Asia and South Asia',
      plannedPhases: [
        { phase: 'PLANNING', startsAt: '2026-10-30T23:05:00.000Z', endsAt: '2026-11-15T23:05:00.000Z' },
        { phase: 'OPERATIONAL', startsAt: '2026-11-27T23:05:00.000Z', endsAt: '2026-12-14T11:00:00.000Z' },
      ],
      acknowledgementDeadlines: [{ severity: 'HIGH', minutes: 45 }],
    });
  });

  it('refuses in the browser to remove planned dates, or to give a graver alert longer', () => {
    const values = operationValues(operation);
    values.plannedPhases.PLANNING = { startsAt: '', endsAt: '' };
    values.deadlines.HIGH = '2000';
    const request = updateOperationRequest(values, operation);
    const problems = problemsOfIssues(request.issues.map(request.toField));
    expect(problems['plannedPhases.PLANNING.startsAt']?.message.id).toBe('operations.form.problem.cannotRemoveDates');
    expect(problems.acknowledgementDeadlines?.message.id).toBe('operations.form.problem.deadlineOrder');
  });

  it('names the field of a refusal by phase and severity, not by its place in the lists sent', () => {
    const values = operationValues(operation);
    values.plannedPhases.OPERATIONAL.startsAt = '2026-11-29T08:00';
    values.deadlines.LOW = '1.5';
    const request = updateOperationRequest(values, operation);
    expect(request.toField({ path: ['input', 'plannedPhases', '1', 'endsAt'], message: 'Must be after the start' }).path).toEqual([
      'plannedPhases',
      'OPERATIONAL',
      'endsAt',
    ]);
    expect(problemsOfIssues(request.issues.map(request.toField))['acknowledgementDeadlines.LOW']?.message.id).toBe(
      'operations.form.problem.wholeMinutes',
    );
  });
});
