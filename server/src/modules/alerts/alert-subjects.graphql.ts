import type { AlertCategory } from '@jointops/shared/domain';
import { builder } from '../../graphql/builder';

// An alert's subject, typed by its category. Stored as the category's zod rules left it
// (shared/src/alerts.ts, ALERT_SUBJECTS): the union only names what is already there.

interface Route {
  origin: string;
  transit?: string[] | null;
  destination: string;
}
interface ShipmentSubject {
  containerNumber: string;
  billOfLading: string | null;
  airWaybill: string | null;
  hsCode: string;
  consignor: string;
  consignee: string;
  route: Route;
}
interface PassengerSubject {
  travelDocumentCountry: string;
  flightNumber: string;
  route: Route;
}
interface ConveyanceSubject {
  vesselName: string | null;
  imo: string | null;
  flightNumber: string | null;
  vehicleRegistration: string | null;
}

/** A stored subject with the category of its alert, which says which member of the union it is. */
export type CategorisedSubject = { category: AlertCategory; subject: Record<string, unknown> };

const RouteType = builder.objectRef<Route>('SubjectRoute').implement({
  description: 'Where the goods or the traveller come from, pass through and go: ISO 3166-1 alpha-2 country codes.',
  fields: (t) => ({
    origin: t.exposeString('origin'),
    transit: t.stringList({ resolve: (route) => route.transit ?? [] }),
    destination: t.exposeString('destination'),
  }),
});

const optional = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

const ShipmentSubjectType = builder.objectRef<CategorisedSubject>('ShipmentSubject').implement({
  description: 'The subject of a SHIPMENT alert. A bill of lading or an air waybill is always given.',
  fields: (t) => {
    const of = (subject: CategorisedSubject) => subject.subject as unknown as ShipmentSubject;
    return {
      containerNumber: t.string({ resolve: (s) => of(s).containerNumber }),
      billOfLading: t.string({ nullable: true, resolve: (s) => optional(of(s).billOfLading) }),
      airWaybill: t.string({ nullable: true, resolve: (s) => optional(of(s).airWaybill) }),
      hsCode: t.string({ description: 'Harmonized System code, 4 to 10 digits.', resolve: (s) => of(s).hsCode }),
      consignor: t.string({ resolve: (s) => of(s).consignor }),
      consignee: t.string({ resolve: (s) => of(s).consignee }),
      route: t.field({ type: RouteType, resolve: (s) => of(s).route }),
    };
  },
});

const PassengerSubjectType = builder.objectRef<CategorisedSubject>('PassengerSubject').implement({
  description: 'The subject of a PASSENGER alert: personal data, never exported above AMBER.',
  fields: (t) => {
    const of = (subject: CategorisedSubject) => subject.subject as unknown as PassengerSubject;
    return {
      travelDocumentCountry: t.string({ resolve: (s) => of(s).travelDocumentCountry }),
      flightNumber: t.string({ description: 'IATA flight number, e.g. MH370.', resolve: (s) => of(s).flightNumber }),
      route: t.field({ type: RouteType, resolve: (s) => of(s).route }),
    };
  },
});

const ConveyanceSubjectType = builder.objectRef<CategorisedSubject>('ConveyanceSubject').implement({
  description: 'The subject of a CONVEYANCE alert: at least one of the vessel (name or IMO number), the flight or the vehicle.',
  fields: (t) => {
    const of = (subject: CategorisedSubject) => subject.subject as unknown as ConveyanceSubject;
    return {
      vesselName: t.string({ nullable: true, resolve: (s) => optional(of(s).vesselName) }),
      imo: t.string({ nullable: true, description: 'Seven-digit IMO number.', resolve: (s) => optional(of(s).imo) }),
      flightNumber: t.string({ nullable: true, resolve: (s) => optional(of(s).flightNumber) }),
      vehicleRegistration: t.string({ nullable: true, resolve: (s) => optional(of(s).vehicleRegistration) }),
    };
  },
});

const FreeSubjectType = builder.objectRef<CategorisedSubject>('FreeSubject').implement({
  description: 'The subject of an INTELLIGENCE or TEST alert: free JSON, kept as given (at most 10,000 characters).',
  fields: (t) => ({ content: t.field({ type: 'JSON', resolve: (s) => s.subject }) }),
});

const MEMBER_OF: Record<AlertCategory, string> = {
  SHIPMENT: 'ShipmentSubject',
  PASSENGER: 'PassengerSubject',
  CONVEYANCE: 'ConveyanceSubject',
  INTELLIGENCE: 'FreeSubject',
  TEST: 'FreeSubject',
};

export const AlertSubjectUnion = builder.unionType('AlertSubject', {
  description: "An alert's subject, one type per kind of category: the category of the alert says which.",
  types: [ShipmentSubjectType, PassengerSubjectType, ConveyanceSubjectType, FreeSubjectType],
  resolveType: (subject) => MEMBER_OF[subject.category],
});

const SubjectRouteInput = builder.inputType('SubjectRouteInput', {
  fields: (t) => ({
    origin: t.string({ required: true, description: 'ISO 3166-1 alpha-2.' }),
    transit: t.stringList({ description: 'At most 20 countries.' }),
    destination: t.string({ required: true, description: 'ISO 3166-1 alpha-2.' }),
  }),
});

const ShipmentSubjectInput = builder.inputType('ShipmentSubjectInput', {
  description: 'A bill of lading or an air waybill is required.',
  fields: (t) => ({
    containerNumber: t.string({ required: true }),
    billOfLading: t.string(),
    airWaybill: t.string(),
    hsCode: t.string({ required: true, description: 'Harmonized System code, 4 to 10 digits, e.g. 3102.30.' }),
    consignor: t.string({ required: true }),
    consignee: t.string({ required: true }),
    route: t.field({ type: SubjectRouteInput, required: true }),
  }),
});

const PassengerSubjectInput = builder.inputType('PassengerSubjectInput', {
  fields: (t) => ({
    travelDocumentCountry: t.string({ required: true, description: 'ISO 3166-1 alpha-2.' }),
    flightNumber: t.string({ required: true, description: 'IATA flight number, e.g. MH370.' }),
    route: t.field({ type: SubjectRouteInput, required: true }),
  }),
});

const ConveyanceSubjectInput = builder.inputType('ConveyanceSubjectInput', {
  description: 'Name at least one: the vessel (or its IMO number), the flight or the vehicle.',
  fields: (t) => ({
    vesselName: t.string(),
    imo: t.string({ description: 'Seven digits, IMO prefix optional.' }),
    flightNumber: t.string(),
    vehicleRegistration: t.string(),
  }),
});

export const AlertSubjectInput = builder.inputType('AlertSubjectInput', {
  description:
    "Exactly one field: the kind of subject, which must suit the alert's category (shipment: SHIPMENT, passenger: PASSENGER, conveyance: CONVEYANCE, free: INTELLIGENCE or TEST); another kind is a ValidationError on `typedSubject.<kind>`.",
  isOneOf: true,
  fields: (t) => ({
    shipment: t.field({ type: ShipmentSubjectInput }),
    passenger: t.field({ type: PassengerSubjectInput }),
    conveyance: t.field({ type: ConveyanceSubjectInput }),
    free: t.field({ type: 'JSON', description: 'Any JSON object, at most 10,000 characters.' }),
  }),
});
