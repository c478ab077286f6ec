import type { Viewer } from '../../service-context';

// Who may see and manage accounts. Pure predicates: the service and the GraphQL node loader ask
// these, nothing else decides.

/** Administrators manage agencies and accounts; that is all their role grants. */
export const canManageAccounts = (viewer: Viewer | null): boolean => viewer?.isAdmin ?? false;

/**
 * A person is visible to themselves, to colleagues of the same agency, to administrators (who
 * manage accounts) and to fellow members of an operation.
 */
export const canSeeUser = (viewer: Viewer | null, user: { id: string; agencyId: string }, sharesAnOperation: boolean): boolean =>
  viewer !== null && (viewer.isAdmin || viewer.userId === user.id || viewer.agencyId === user.agencyId || sharesAnOperation);
