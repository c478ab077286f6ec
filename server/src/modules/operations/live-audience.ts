import type { Standing } from './operations.policy';
import type { Viewer } from '../../service-context';

/**
 * Everything a resolver under a live subscription may tell its subscribers apart by: subscribers
 * alike in all of it share one execution of each event (live/shared-delivery.ts). A stream ends when
 * the viewer's role in the operation changes, so the role read at subscription holds.
 */
export const liveAudience = (viewer: Viewer, standing: Standing): string =>
  [viewer.agencyId, viewer.locale, viewer.isAdmin, standing.memberRole].join('|');
