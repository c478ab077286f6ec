// The coded values of the domain, shared by the server (GraphQL enums, database checks) and the
// web app. Each list is the single source: add a value here and both sides learn it.

export const PHASES = ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL', 'CLOSED', 'CANCELLED'] as const;
export type Phase = (typeof PHASES)[number];
/** The phases of an operation not yet closed or cancelled. */
export const OPEN_PHASES: readonly Phase[] = ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'];

export const ALERT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_CATEGORIES = ['SHIPMENT', 'PASSENGER', 'CONVEYANCE', 'INTELLIGENCE', 'TEST'] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

/** Traffic Light Protocol 2.0 handling markings, least to most restrictive. */
export const MARKINGS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'] as const;
export type Marking = (typeof MARKINGS)[number];

export const DISTRIBUTION_KINDS = ['ALL_PARTICIPANTS', 'RESTRICTED'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

export const ALERT_OUTCOMES = ['PENDING', 'SEIZED', 'NOTHING_FOUND', 'NOT_CONTROLLED'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

export const SEIZURE_STATUSES = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED'] as const;
export type SeizureStatus = (typeof SEIZURE_STATUSES)[number];

export const PARTICIPATION_ROLES = ['COORDINATING', 'PARTICIPATING', 'OBSERVING'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const PARTICIPATION_STATUSES = ['INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const MEMBER_ROLES = ['COORDINATOR', 'CONTACT_POINT', 'REVIEWER', 'OBSERVER'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const PROGRAMMES = ['PROGRAMME_GLOBAL_SHIELD', 'PASSENGER_CONTROLS', 'OTHER'] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const AGENCY_KINDS = [
  'CUSTOMS',
  'POLICE',
  'BORDER_GUARD',
  'INTERPOL_NCB',
  'LICENSING_AUTHORITY',
  'INTERNATIONAL_ORGANIZATION',
  'OTHER',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const LOCATION_TYPES = ['SEAPORT', 'AIRPORT', 'LAND_BORDER', 'POSTAL_CENTRE', 'EXPRESS_COURIER_HUB', 'INLAND', 'OTHER'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const DETECTION_METHODS = [
  'RISK_PROFILING',
  'X_RAY',
  'X_RAY_BACKSCATTER',
  'RAMAN_SPECTROMETER',
  'FIELD_TEST',
  'CANINE',
  'PHYSICAL_SEARCH',
  'INTELLIGENCE',
  'DATABASE_HIT',
  'OTHER',
] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

export const TRANSPORT_MODES = ['SEA', 'AIR', 'ROAD', 'RAIL', 'POSTAL', 'COURIER', 'PEDESTRIAN', 'OTHER'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const QUANTITY_UNITS = ['KG', 'G', 'T', 'L', 'ML', 'PIECES', 'M'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/** Whether an audited action took effect. */
export const AUDIT_OUTCOMES = ['SUCCEEDED', 'REFUSED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Databases contact points check people, documents, vehicles and consignments against. */
export const CHECKED_DATABASES = ['INTERPOL_SLTD', 'INTERPOL_NOMINALS', 'INTERPOL_VEHICLES', 'WCO_CEN', 'NATIONAL', 'OTHER'] as const;
export type CheckedDatabase = (typeof CHECKED_DATABASES)[number];
