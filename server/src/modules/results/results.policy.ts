import { MARKINGS, type Marking } from '@jointops/shared/domain';
import { canSeeOperation, type Standing } from '../operations/operations.policy';

// Who may read the results of an operation, and what an export may carry.

/**
 * Every member with standing: the results are sums of what each member may already read (the
 * submitted reports, and the alerts their agency may see), and the debriefing is for all of them.
 * Anyone else is told the operation does not exist.
 */
export const canSeeResults = (standing: Standing): boolean => canSeeOperation(standing);

/** An export leaves alert data out above this Traffic Light Protocol marking unless asked otherwise. */
export const DEFAULT_EXPORT_MARKING: Marking = 'AMBER';

/**
 * The markings an export asked up to `max` carries, least restrictive first. Never RED: TLP:RED is
 * for its named recipients only, with no further sharing, and an export is a file its reader passes
 * on (to the final report, to colleagues); so not even a RED alert's reference leaves the system,
 * whatever `max` asks.
 */
export const exportedMarkings = (max: Marking): Marking[] =>
  MARKINGS.slice(0, MARKINGS.indexOf(max) + 1).filter((marking) => marking !== 'RED');
