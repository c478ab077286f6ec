import type { DetectionMethod, LocationType, QuantityUnit, TransportMode } from '@jointops/shared/domain';
import { INTERPOL_NOTICE_TYPES, type InterpolNoticeType } from '@jointops/shared/seizures';
import { utcToZonedLocal, zonedLocalToUtc } from '../operations/zoned-time';
import type { SeizureDetail } from './seizure-documents';

// The form's draft holds what the person typed, as typed (numbers and dates as text): it becomes
// the API's input only when sent, so a half-typed "12," is kept on screen rather than lost.

export interface NationalityCount {
  nationality: string;
  count: string;
}

export interface NoticeDraft {
  type: InterpolNoticeType;
  reference: string;
}

export interface SeizureDraft {
  seizedAt: string;
  countryCode: string;
  place: string;
  locationType: LocationType;
  latitude: string;
  longitude: string;
  commodityId: string;
  commodityDescription: string;
  quantity: string;
  unit: QuantityUnit;
  detectionMethod: DetectionMethod;
  concealment: string;
  transportMode: TransportMode;
  conveyance: string;
  originCountryCode: string;
  transitCountryCodes: string[];
  destinationCountryCode: string;
  arrests: string;
  arrestsByNationality: NationalityCount[];
  interpolNotifiedAt: string;
  interpolNcbAgencyId: string;
  interpolNotices: NoticeDraft[];
  linkedAlertIds: string[];
}

// The times of a report are typed as the viewer's wall clock in the zone of their profile (the one
// every time is shown in), not the browser's, which may be a borrowed laptop's or a server's.

/** `datetime-local` text in `zone`, which is what the control shows and takes. */
export const localInputOf = (instant: string | Date, zone: string): string => utcToZonedLocal(instant, zone);

/** The instant a `datetime-local` value names in `zone`; the text as it is when it names none. */
const instantOf = (local: string, zone: string): string | null => {
  if (!local.trim()) return null;
  return zonedLocalToUtc(local, zone) ?? local;
};

/** A number as typed, with a decimal comma allowed; NaN for what is not one (the schema says so). */
const numberOf = (typed: string): number | null => (typed.trim() ? Number(typed.trim().replace(',', '.')) : null);

const textOf = (typed: string): string | null => (typed.trim() ? typed : null);

export function emptyDraft(countryCode: string, zone: string, now = new Date()): SeizureDraft {
  return {
    seizedAt: localInputOf(now, zone),
    countryCode,
    place: '',
    locationType: 'SEAPORT',
    latitude: '',
    longitude: '',
    commodityId: '',
    commodityDescription: '',
    quantity: '',
    unit: 'KG',
    detectionMethod: 'PHYSICAL_SEARCH',
    concealment: '',
    transportMode: 'SEA',
    conveyance: '',
    originCountryCode: '',
    transitCountryCodes: [],
    destinationCountryCode: '',
    arrests: '',
    arrestsByNationality: [],
    interpolNotifiedAt: '',
    interpolNcbAgencyId: '',
    interpolNotices: [],
    linkedAlertIds: [],
  };
}

/** The quantity as typed: NaN for what is not a number, which the schema refuses. */
export const quantityOf = (draft: SeizureDraft): number => numberOf(draft.quantity) ?? Number.NaN;

/** What the report says, as the API takes it (reportSeizure and correctSeizure alike); times typed in `zone`. */
export function contentOf(draft: SeizureDraft, zone: string) {
  return {
    seizedAt: instantOf(draft.seizedAt, zone) ?? '',
    countryCode: draft.countryCode,
    place: draft.place,
    locationType: draft.locationType,
    latitude: numberOf(draft.latitude),
    longitude: numberOf(draft.longitude),
    commodityId: draft.commodityId || null,
    commodityDescription: draft.commodityId ? null : textOf(draft.commodityDescription),
    quantity: quantityOf(draft),
    unit: draft.unit,
    detectionMethod: draft.detectionMethod,
    concealment: textOf(draft.concealment),
    transportMode: draft.transportMode,
    conveyance: textOf(draft.conveyance),
    originCountryCode: draft.originCountryCode || null,
    transitCountryCodes: draft.transitCountryCodes,
    destinationCountryCode: draft.destinationCountryCode || null,
    arrests: numberOf(draft.arrests),
    arrestsByNationality: draft.arrestsByNationality.map((entry) => ({
      nationality: entry.nationality,
      count: numberOf(entry.count) ?? Number.NaN,
    })),
    interpolNotifiedAt: instantOf(draft.interpolNotifiedAt, zone),
    interpolNcbAgencyId: draft.interpolNcbAgencyId || null,
    interpolNotices: draft.interpolNotices.map((notice) => ({ type: notice.type, reference: notice.reference })),
    linkedAlertIds: draft.linkedAlertIds,
  };
}

export type SeizureContentInput = ReturnType<typeof contentOf>;

/** The draft a correction starts from: the report as it stands, its times in `zone`. */
export function draftOfSeizure(seizure: SeizureDetail, zone: string): SeizureDraft {
  const given = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    seizedAt: localInputOf(seizure.seizedAt, zone),
    countryCode: seizure.countryCode,
    place: seizure.place,
    locationType: seizure.locationType,
    latitude: given(seizure.latitude),
    longitude: given(seizure.longitude),
    commodityId: seizure.commodity?.id ?? '',
    commodityDescription: given(seizure.commodityDescription),
    quantity: given(seizure.quantity),
    unit: seizure.unit,
    detectionMethod: seizure.detectionMethod,
    concealment: given(seizure.concealment),
    transportMode: seizure.transportMode,
    conveyance: given(seizure.conveyance),
    originCountryCode: given(seizure.originCountryCode),
    transitCountryCodes: [...seizure.transitCountryCodes],
    destinationCountryCode: given(seizure.destinationCountryCode),
    // With counts by nationality the total is their sum: left out, as the API allows.
    arrests: seizure.arrestsByNationality.length ? '' : given(seizure.arrests || ''),
    arrestsByNationality: seizure.arrestsByNationality.map((entry) => ({ nationality: entry.nationality, count: String(entry.count) })),
    interpolNotifiedAt: seizure.interpolNotifiedAt ? localInputOf(seizure.interpolNotifiedAt, zone) : '',
    interpolNcbAgencyId: seizure.interpolNcb?.id ?? '',
    interpolNotices: seizure.interpolNotices.map((notice) => ({ type: notice.type, reference: notice.reference })),
    linkedAlertIds: seizure.linkedAlerts.map((alert) => alert.id),
  };
}

export const NOTICE_TYPES = INTERPOL_NOTICE_TYPES;

/** A field's name in the form, from the path of a problem (`arrestsByNationality.1.count` → `arrestsByNationality`). */
export const fieldKey = (path: string): string => path.replace(/\.\d+.*$/, '');
