import type { ReactElement } from 'react';
import { renderAnswered, type Answers } from '../../fixed-answers.test-support';
import type { Viewer } from '../session/viewer';
import { SessionContext } from '../../shell/viewer-context';
import { OperationContext, type OperationHeader } from '../operations/operation-context';

// The participants page's pieces rendered as a signed-in planner sees them, with urql answering
// from fixed results (fixed-answers.test-support.tsx).

export const operation: OperationHeader = {
  id: 'T3BlcmF0aW9uOjE',
  code: 'PGS-TEST-2026-01',
  name: 'Test operation',
  phase: 'OPERATIONAL',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  myRole: 'COORDINATOR',
  referenceTimeZone: 'Asia/Bangkok',
};

export const planner: Viewer = {
  id: 'VXNlcjox',
  email: 'planner@wco.demo',
  displayName: 'Amélie Laurent',
  isAdmin: false,
  mustChangePassword: false,
  locale: 'en',
  timeZone: 'Europe/Brussels',
  agency: {
    id: 'QWdlbmN5Ondjbw',
    name: 'World Customs Organization Secretariat',
    acronym: 'WCO',
    countryCode: null,
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
};

/** The participants page's pieces inside the planner's session and the operation. */
export const renderWithClient = (element: ReactElement, answers: Answers = {}) =>
  renderAnswered(element, answers, (children) => (
    <SessionContext value={{ viewer: planner, timeZone: planner.timeZone, endSession() {} }}>
      <OperationContext value={operation}>{children}</OperationContext>
    </SessionContext>
  ));
