import type {
  AgencyKind,
  AlertCategory,
  AlertOutcome,
  AlertSeverity,
  CheckedDatabase,
  DetectionMethod,
  DistributionKind,
  LocationType,
  MemberRole,
  ParticipationRole,
  ParticipationStatus,
  Phase,
  Programme,
  QuantityUnit,
  SeizureStatus,
  TransportMode,
} from '@jointops/shared/domain';
import type { MessageDescriptor } from 'react-intl';
import { defineMessages } from './define-messages';

// Every coded value the API returns, in words. Each table is checked against the shared list of
// its values (codes.test.ts), so a value added in shared/ without words here fails the tests.

type Words<Code extends string> = Record<Code, MessageDescriptor>;

export const phaseWords = defineMessages({
  PLANNING: { id: 'code.phase.PLANNING', defaultMessage: 'Planning' },
  PRE_OPERATIONAL: { id: 'code.phase.PRE_OPERATIONAL', defaultMessage: 'Pre-operational' },
  OPERATIONAL: { id: 'code.phase.OPERATIONAL', defaultMessage: 'Operational' },
  POST_OPERATIONAL: { id: 'code.phase.POST_OPERATIONAL', defaultMessage: 'Post-operational' },
  CLOSED: { id: 'code.phase.CLOSED', defaultMessage: 'Closed' },
  CANCELLED: { id: 'code.phase.CANCELLED', defaultMessage: 'Cancelled' },
}) satisfies Words<Phase>;

export const memberRoleWords = defineMessages({
  COORDINATOR: { id: 'code.memberRole.COORDINATOR', defaultMessage: 'Coordinator' },
  CONTACT_POINT: { id: 'code.memberRole.CONTACT_POINT', defaultMessage: 'Contact point' },
  REVIEWER: { id: 'code.memberRole.REVIEWER', defaultMessage: 'Reviewer' },
  OBSERVER: { id: 'code.memberRole.OBSERVER', defaultMessage: 'Observer' },
}) satisfies Words<MemberRole>;

export const participationRoleWords = defineMessages({
  COORDINATING: { id: 'code.participationRole.COORDINATING', defaultMessage: 'Coordinating' },
  PARTICIPATING: { id: 'code.participationRole.PARTICIPATING', defaultMessage: 'Participating' },
  OBSERVING: { id: 'code.participationRole.OBSERVING', defaultMessage: 'Observing' },
}) satisfies Words<ParticipationRole>;

export const participationStatusWords = defineMessages({
  INVITED: { id: 'code.participationStatus.INVITED', defaultMessage: 'Invited, no answer yet' },
  ACCEPTED: { id: 'code.participationStatus.ACCEPTED', defaultMessage: 'Accepted' },
  DECLINED: { id: 'code.participationStatus.DECLINED', defaultMessage: 'Declined' },
  WITHDRAWN: { id: 'code.participationStatus.WITHDRAWN', defaultMessage: 'Withdrawn' },
}) satisfies Words<ParticipationStatus>;

export const agencyKindWords = defineMessages({
  CUSTOMS: { id: 'code.agencyKind.CUSTOMS', defaultMessage: 'Customs' },
  POLICE: { id: 'code.agencyKind.POLICE', defaultMessage: 'Police' },
  BORDER_GUARD: { id: 'code.agencyKind.BORDER_GUARD', defaultMessage: 'Border guard' },
  INTERPOL_NCB: { id: 'code.agencyKind.INTERPOL_NCB', defaultMessage: 'INTERPOL National Central Bureau' },
  LICENSING_AUTHORITY: { id: 'code.agencyKind.LICENSING_AUTHORITY', defaultMessage: 'Licensing authority' },
  INTERNATIONAL_ORGANIZATION: { id: 'code.agencyKind.INTERNATIONAL_ORGANIZATION', defaultMessage: 'International organisation' },
  OTHER: { id: 'code.agencyKind.OTHER', defaultMessage: 'Other agency' },
}) satisfies Words<AgencyKind>;

export const programmeWords = defineMessages({
  PROGRAMME_GLOBAL_SHIELD: { id: 'code.programme.PROGRAMME_GLOBAL_SHIELD', defaultMessage: 'Programme Global Shield' },
  PASSENGER_CONTROLS: { id: 'code.programme.PASSENGER_CONTROLS', defaultMessage: 'Passenger controls' },
  OTHER: { id: 'code.programme.OTHER', defaultMessage: 'Other programme' },
}) satisfies Words<Programme>;

export const alertCategoryWords = defineMessages({
  SHIPMENT: { id: 'code.alertCategory.SHIPMENT', defaultMessage: 'Shipment' },
  PASSENGER: { id: 'code.alertCategory.PASSENGER', defaultMessage: 'Passenger' },
  CONVEYANCE: { id: 'code.alertCategory.CONVEYANCE', defaultMessage: 'Conveyance' },
  INTELLIGENCE: { id: 'code.alertCategory.INTELLIGENCE', defaultMessage: 'Intelligence' },
  TEST: { id: 'code.alertCategory.TEST', defaultMessage: 'Test' },
}) satisfies Words<AlertCategory>;

export const severityWords = defineMessages({
  LOW: { id: 'code.severity.LOW', defaultMessage: 'Low' },
  MEDIUM: { id: 'code.severity.MEDIUM', defaultMessage: 'Medium' },
  HIGH: { id: 'code.severity.HIGH', defaultMessage: 'High' },
  CRITICAL: { id: 'code.severity.CRITICAL', defaultMessage: 'Critical' },
}) satisfies Words<AlertSeverity>;

/** The TLP label itself is a code that crosses languages (see tlpLabel); this is what it means. */
export const markingMeaningWords = defineMessages({
  CLEAR: { id: 'code.marking.CLEAR', defaultMessage: 'No restriction on sharing' },
  GREEN: { id: 'code.marking.GREEN', defaultMessage: 'The community, not public' },
  AMBER: { id: 'code.marking.AMBER', defaultMessage: "The recipients' organisations, on a need-to-know basis" },
  AMBER_STRICT: { id: 'code.marking.AMBER_STRICT', defaultMessage: 'The recipient organisation only' },
  RED: { id: 'code.marking.RED', defaultMessage: 'Named recipients only, no further sharing' },
}) satisfies Words<'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED'>;

export const distributionWords = defineMessages({
  ALL_PARTICIPANTS: { id: 'code.distribution.ALL_PARTICIPANTS', defaultMessage: 'All participants' },
  RESTRICTED: { id: 'code.distribution.RESTRICTED', defaultMessage: 'Named agencies only' },
}) satisfies Words<DistributionKind>;

export const outcomeWords = defineMessages({
  PENDING: { id: 'code.outcome.PENDING', defaultMessage: 'Pending' },
  SEIZED: { id: 'code.outcome.SEIZED', defaultMessage: 'Seized' },
  NOTHING_FOUND: { id: 'code.outcome.NOTHING_FOUND', defaultMessage: 'Nothing found' },
  NOT_CONTROLLED: { id: 'code.outcome.NOT_CONTROLLED', defaultMessage: 'Not controlled' },
}) satisfies Words<AlertOutcome>;

export const seizureStatusWords = defineMessages({
  DRAFT: { id: 'code.seizureStatus.DRAFT', defaultMessage: 'Draft' },
  SUBMITTED: { id: 'code.seizureStatus.SUBMITTED', defaultMessage: 'Awaiting verification' },
  VERIFIED: { id: 'code.seizureStatus.VERIFIED', defaultMessage: 'Verified' },
  REJECTED: { id: 'code.seizureStatus.REJECTED', defaultMessage: 'Rejected' },
}) satisfies Words<SeizureStatus>;

export const detectionMethodWords = defineMessages({
  RISK_PROFILING: { id: 'code.detectionMethod.RISK_PROFILING', defaultMessage: 'Risk profiling' },
  X_RAY: { id: 'code.detectionMethod.X_RAY', defaultMessage: 'X-ray' },
  X_RAY_BACKSCATTER: { id: 'code.detectionMethod.X_RAY_BACKSCATTER', defaultMessage: 'Backscatter X-ray' },
  RAMAN_SPECTROMETER: { id: 'code.detectionMethod.RAMAN_SPECTROMETER', defaultMessage: 'Raman spectrometer' },
  FIELD_TEST: { id: 'code.detectionMethod.FIELD_TEST', defaultMessage: 'Field test kit' },
  CANINE: { id: 'code.detectionMethod.CANINE', defaultMessage: 'Detector dog' },
  PHYSICAL_SEARCH: { id: 'code.detectionMethod.PHYSICAL_SEARCH', defaultMessage: 'Physical search' },
  INTELLIGENCE: { id: 'code.detectionMethod.INTELLIGENCE', defaultMessage: 'Intelligence' },
  DATABASE_HIT: { id: 'code.detectionMethod.DATABASE_HIT', defaultMessage: 'Database hit' },
  OTHER: { id: 'code.detectionMethod.OTHER', defaultMessage: 'Other method' },
}) satisfies Words<DetectionMethod>;

export const transportModeWords = defineMessages({
  SEA: { id: 'code.transportMode.SEA', defaultMessage: 'Sea' },
  AIR: { id: 'code.transportMode.AIR', defaultMessage: 'Air' },
  ROAD: { id: 'code.transportMode.ROAD', defaultMessage: 'Road' },
  RAIL: { id: 'code.transportMode.RAIL', defaultMessage: 'Rail' },
  POSTAL: { id: 'code.transportMode.POSTAL', defaultMessage: 'Post' },
  COURIER: { id: 'code.transportMode.COURIER', defaultMessage: 'Express courier' },
  PEDESTRIAN: { id: 'code.transportMode.PEDESTRIAN', defaultMessage: 'On foot' },
  OTHER: { id: 'code.transportMode.OTHER', defaultMessage: 'Other mode' },
}) satisfies Words<TransportMode>;

export const locationTypeWords = defineMessages({
  SEAPORT: { id: 'code.locationType.SEAPORT', defaultMessage: 'Seaport' },
  AIRPORT: { id: 'code.locationType.AIRPORT', defaultMessage: 'Airport' },
  LAND_BORDER: { id: 'code.locationType.LAND_BORDER', defaultMessage: 'Land border' },
  POSTAL_CENTRE: { id: 'code.locationType.POSTAL_CENTRE', defaultMessage: 'Postal centre' },
  EXPRESS_COURIER_HUB: { id: 'code.locationType.EXPRESS_COURIER_HUB', defaultMessage: 'Express courier hub' },
  INLAND: { id: 'code.locationType.INLAND', defaultMessage: 'Inland' },
  OTHER: { id: 'code.locationType.OTHER', defaultMessage: 'Other place' },
}) satisfies Words<LocationType>;

export const checkedDatabaseWords = defineMessages({
  INTERPOL_SLTD: { id: 'code.checkedDatabase.INTERPOL_SLTD', defaultMessage: 'INTERPOL stolen and lost travel documents (SLTD)' },
  INTERPOL_NOMINALS: { id: 'code.checkedDatabase.INTERPOL_NOMINALS', defaultMessage: 'INTERPOL nominal data' },
  INTERPOL_VEHICLES: { id: 'code.checkedDatabase.INTERPOL_VEHICLES', defaultMessage: 'INTERPOL stolen motor vehicles' },
  WCO_CEN: { id: 'code.checkedDatabase.WCO_CEN', defaultMessage: 'WCO Customs Enforcement Network (CEN)' },
  NATIONAL: { id: 'code.checkedDatabase.NATIONAL', defaultMessage: 'National database' },
  OTHER: { id: 'code.checkedDatabase.OTHER', defaultMessage: 'Other database' },
}) satisfies Words<CheckedDatabase>;

/** Unit symbols are the same in both languages, except "pieces", which is a word. */
export const unitWords = defineMessages({
  KG: { id: 'code.unit.KG', defaultMessage: 'kg' },
  G: { id: 'code.unit.G', defaultMessage: 'g' },
  T: { id: 'code.unit.T', defaultMessage: 't' },
  L: { id: 'code.unit.L', defaultMessage: 'L' },
  ML: { id: 'code.unit.ML', defaultMessage: 'mL' },
  M: { id: 'code.unit.M', defaultMessage: 'm' },
  PIECES: { id: 'code.unit.PIECES', defaultMessage: 'pieces' },
}) satisfies Words<QuantityUnit>;

/** TLP 2.0 labels are shown exactly as the standard writes them, in every language. */
export const tlpLabel = (marking: string): string => `TLP:${marking.replace('_', '+')}`;
