import type { Viewer } from '../../service-context';

/**
 * The agency directory (names, kinds, countries) is shared reference data among signed-in users:
 * planners need it to invite agencies. What an agency does in an operation is not in it.
 */
export const canSeeAgencyDirectory = (viewer: Viewer | null): boolean => viewer !== null;
