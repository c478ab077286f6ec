import { ALERT_CATEGORIES, ALERT_SEVERITIES, type AlertCategory, type AlertSeverity } from '@jointops/shared/domain';

// The feed's filters live in the address, so a filtered room survives a reload and can be sent
// to a colleague: /operations/X/room?severity=CRITICAL&awaiting=acknowledgement

export const AWAITING = ['acknowledgement', 'feedback'] as const;
export type Awaiting = (typeof AWAITING)[number];

export interface RoomSearch {
  severity?: AlertSeverity | undefined;
  category?: AlertCategory | undefined;
  /** The originating agency's id. */
  agency?: string | undefined;
  /** The originating agencies' country (ISO 3166-1 alpha-2), as chosen on the room's map. */
  country?: string | undefined;
  /** Only what waits for the viewer's agency: its acknowledgement, or its feedback. */
  awaiting?: Awaiting | undefined;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((candidate) => candidate === value);

export function validateRoomSearch(search: Record<string, unknown>): RoomSearch {
  const agency = typeof search.agency === 'string' && /^[\w-]{1,100}$/.test(search.agency) ? search.agency : undefined;
  return {
    severity: oneOf(ALERT_SEVERITIES, search.severity),
    category: oneOf(ALERT_CATEGORIES, search.category),
    agency,
    country: typeof search.country === 'string' && /^[A-Z]{2}$/.test(search.country) ? search.country : undefined,
    awaiting: oneOf(AWAITING, search.awaiting),
  };
}

export const isFiltered = (search: RoomSearch): boolean =>
  !!(search.severity || search.category || search.agency || search.country || search.awaiting);
