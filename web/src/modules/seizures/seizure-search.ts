import { DETECTION_METHODS, SEIZURE_STATUSES, type DetectionMethod, type SeizureStatus } from '@jointops/shared/domain';

// The list's filters live in the address, so a filtered list survives a reload and can be sent to
// a colleague: /operations/X/seizures?status=SUBMITTED&country=MY&method=X_RAY

export interface SeizuresSearch {
  status?: SeizureStatus | undefined;
  /** Where the goods were seized (ISO 3166-1 alpha-2). */
  country?: string | undefined;
  /** A catalogue commodity's id. */
  commodity?: string | undefined;
  /** The reporting agency's id. */
  agency?: string | undefined;
  method?: DetectionMethod | undefined;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((candidate) => candidate === value);
const id = (value: unknown): string | undefined => (typeof value === 'string' && /^[\w=-]{1,100}$/.test(value) ? value : undefined);

export function validateSeizuresSearch(search: Record<string, unknown>): SeizuresSearch {
  return {
    status: oneOf(SEIZURE_STATUSES, search.status),
    country: typeof search.country === 'string' && /^[A-Z]{2}$/.test(search.country) ? search.country : undefined,
    commodity: id(search.commodity),
    agency: id(search.agency),
    method: oneOf(DETECTION_METHODS, search.method),
  };
}

export const isFiltered = (search: SeizuresSearch): boolean =>
  !!(search.status || search.country || search.commodity || search.agency || search.method);

/** The list's filters as the API's `seizures` connection takes them. */
export const seizuresFilter = (search: SeizuresSearch) => ({
  status: search.status ?? null,
  countryCode: search.country ?? null,
  commodityId: search.commodity ?? null,
  reportingAgencyId: search.agency ?? null,
  detectionMethod: search.method ?? null,
});

/** One key per combination of filters: the pages of one list never mix with another's. */
export const filterKey = (search: SeizuresSearch): string => JSON.stringify(seizuresFilter(search));
