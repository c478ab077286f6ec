import type { AlertCategory, AlertSeverity, DistributionKind, Marking } from '@jointops/shared/domain';
import type { VariablesOf } from '../../graphql/graphql';
import type { AlertDetail, RaiseAlertMutation } from './alert-documents';

type SubjectInput = NonNullable<VariablesOf<typeof RaiseAlertMutation>['input']['typedSubject']>;

// What the raise and amend forms hold (text as typed, every kind of subject at once, so switching
// the category loses nothing), and how it becomes the API's input. The form's fields are named by
// the input's paths (typedSubject.shipment.route.origin), so the browser's problems and the
// server's land on the same field.

export interface ShipmentDraft {
  containerNumber: string;
  billOfLading: string;
  airWaybill: string;
  hsCode: string;
  consignor: string;
  consignee: string;
  origin: string;
  transit: string;
  destination: string;
}

export interface PassengerDraft {
  travelDocumentCountry: string;
  flightNumber: string;
  origin: string;
  transit: string;
  destination: string;
}

export interface ConveyanceDraft {
  vesselName: string;
  imo: string;
  flightNumber: string;
  vehicleRegistration: string;
}

export interface AlertDraft {
  category: AlertCategory;
  severity: AlertSeverity;
  title: string;
  description: string;
  language: string;
  commodityIds: string[];
  marking: Marking;
  distribution: DistributionKind;
  recipientAgencyIds: string[];
  shipment: ShipmentDraft;
  passenger: PassengerDraft;
  conveyance: ConveyanceDraft;
  /** An intelligence or test alert's subject: free words, kept as `{ details }`. */
  details: string;
}

export function emptyDraft(category: AlertCategory = 'SHIPMENT'): AlertDraft {
  return {
    category,
    severity: 'MEDIUM',
    title: '',
    description: '',
    language: '',
    commodityIds: [],
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    recipientAgencyIds: [],
    shipment: {
      containerNumber: '',
      billOfLading: '',
      airWaybill: '',
      hsCode: '',
      consignor: '',
      consignee: '',
      origin: '',
      transit: '',
      destination: '',
    },
    passenger: { travelDocumentCountry: '', flightNumber: '', origin: '', transit: '', destination: '' },
    conveyance: { vesselName: '', imo: '', flightNumber: '', vehicleRegistration: '' },
    details: '',
  };
}

const orNull = (text: string): string | null => (text.trim() ? text : null);
const codes = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);

const route = (draft: { origin: string; transit: string; destination: string }) => ({
  origin: draft.origin,
  transit: codes(draft.transit),
  destination: draft.destination,
});

/** The subject as the API takes it (AlertSubjectInput, one kind), or undefined when there is none to give. */
export function typedSubjectOf(draft: AlertDraft): SubjectInput | undefined {
  switch (draft.category) {
    case 'SHIPMENT': {
      const { shipment } = draft;
      return {
        shipment: {
          containerNumber: shipment.containerNumber,
          billOfLading: orNull(shipment.billOfLading),
          airWaybill: orNull(shipment.airWaybill),
          hsCode: shipment.hsCode,
          consignor: shipment.consignor,
          consignee: shipment.consignee,
          route: route(shipment),
        },
      };
    }
    case 'PASSENGER': {
      const { passenger } = draft;
      return {
        passenger: {
          travelDocumentCountry: passenger.travelDocumentCountry,
          flightNumber: passenger.flightNumber,
          route: route(passenger),
        },
      };
    }
    case 'CONVEYANCE': {
      const { conveyance } = draft;
      return {
        conveyance: {
          vesselName: orNull(conveyance.vesselName),
          imo: orNull(conveyance.imo),
          flightNumber: orNull(conveyance.flightNumber),
          vehicleRegistration: orNull(conveyance.vehicleRegistration),
        },
      };
    }
    default:
      return draft.details.trim() ? { free: { details: draft.details } } : undefined;
  }
}

/** The raiseAlert input for the draft, under the key that makes a resend of the same draft raise it once. */
export function raiseInputOf(draft: AlertDraft, operationId: string, idempotencyKey: string) {
  const typedSubject = typedSubjectOf(draft);
  return {
    operationId,
    idempotencyKey,
    category: draft.category,
    severity: draft.severity,
    title: draft.title,
    description: orNull(draft.description),
    language: orNull(draft.language),
    commodityIds: draft.commodityIds,
    marking: draft.marking,
    distribution: draft.distribution,
    recipientAgencyIds: draft.distribution === 'RESTRICTED' ? draft.recipientAgencyIds : [],
    ...(typedSubject ? { typedSubject } : {}),
  };
}

/**
 * The field a problem belongs to: the input's path without list positions, since a list (the
 * recipients, the transit countries) is one control in the form, and so is a free subject.
 */
export const fieldKey = (path: string): string =>
  path.replace(/\.\d+(?=\.|$)/g, '').replace(/^typedSubject\.free\..*$/, 'typedSubject.free');

const text = (value: string | null | undefined) => value ?? '';

/** The draft an amendment starts from: the alert as it stands. */
export function draftOfAlert(alert: AlertDetail): AlertDraft {
  const draft = emptyDraft(alert.category);
  draft.severity = alert.severity;
  draft.title = alert.title;
  draft.description = text(alert.description);
  draft.language = text(alert.language);
  draft.commodityIds = alert.commodities.map((commodity) => commodity.id);
  draft.marking = alert.marking;
  draft.distribution = alert.distribution;
  const subject = alert.subject;
  switch (subject?.__typename) {
    case 'ShipmentSubject':
      draft.shipment = {
        containerNumber: subject.containerNumber,
        billOfLading: text(subject.billOfLading),
        airWaybill: text(subject.airWaybill),
        hsCode: subject.hsCode,
        consignor: subject.consignor,
        consignee: subject.consignee,
        origin: subject.route.origin,
        transit: subject.route.transit.join(', '),
        destination: subject.route.destination,
      };
      break;
    case 'PassengerSubject':
      draft.passenger = {
        travelDocumentCountry: subject.travelDocumentCountry,
        flightNumber: subject.flightNumber,
        origin: subject.route.origin,
        transit: subject.route.transit.join(', '),
        destination: subject.route.destination,
      };
      break;
    case 'ConveyanceSubject':
      draft.conveyance = {
        vesselName: text(subject.vesselName),
        imo: text(subject.imo),
        flightNumber: text(subject.flight),
        vehicleRegistration: text(subject.vehicleRegistration),
      };
      break;
    case 'FreeSubject':
      draft.details = freeDetails(subject.content) ?? JSON.stringify(subject.content, null, 2);
      break;
  }
  return draft;
}

/** The words of a free subject the form wrote (`{ details }`); null for any other JSON. */
export function freeDetails(content: unknown): string | null {
  if (content && typeof content === 'object' && !Array.isArray(content)) {
    const entries = Object.entries(content);
    if (entries.length === 1 && entries[0]![0] === 'details' && typeof entries[0]![1] === 'string') return entries[0]![1];
  }
  return null;
}

const SUBJECT_PATHS: Record<string, string> = { origin: 'route.origin', transit: 'route.transit', destination: 'route.destination' };
const AUDIENCE = ['marking', 'distribution', 'recipientAgencyIds'];

/** The form's field names a change to the draft touches (the names its problems are kept under). */
export function touchedFields(draft: AlertDraft, changes: Partial<AlertDraft>): string[] {
  const touched: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'shipment' || key === 'passenger' || key === 'conveyance') {
      const before = draft[key] as unknown as Record<string, string>;
      for (const [name, text] of Object.entries(value as unknown as Record<string, string>))
        if (before[name] !== text) touched.push(`typedSubject.${key}.${SUBJECT_PATHS[name] ?? name}`);
    } else if (key === 'details') touched.push('typedSubject.free');
    else if (key === 'category') touched.push('category', 'typedSubject');
    else if (AUDIENCE.includes(key)) touched.push(...AUDIENCE);
    else touched.push(key);
  }
  return touched;
}
