import type { Phase } from '@jointops/shared/domain';
import { canActForOwnAgency, canSeeOperation } from '../operations/operations.policy';

// Who keeps the register of checks, and when. The figures are counts without personal data, so
// every member of the operation may read all of them, like the rest of the operation.

/** An agency's figures are recorded by its contact points, or by its coordinators. */
export const canRecordChecks = canActForOwnAgency;

export const canSeeChecks = canSeeOperation;

/** Checks happen while the operation runs; late figures still arrive during the debriefing weeks. */
export const mayRecordChecksIn = (phase: Phase): boolean => phase === 'OPERATIONAL' || phase === 'POST_OPERATIONAL';
