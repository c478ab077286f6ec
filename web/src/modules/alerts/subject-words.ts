import { defineMessages } from '../../i18n/define-messages';

// The names of a subject's fields, the same in the raise form, the amend form and the alert's page.
export const subjectWords = defineMessages({
  heading: { id: 'alerts.subject.heading', defaultMessage: 'Subject' },
  none: { id: 'alerts.subject.none', defaultMessage: 'No subject was given.' },
  containerNumber: { id: 'alerts.subject.containerNumber', defaultMessage: 'Container number' },
  billOfLading: { id: 'alerts.subject.billOfLading', defaultMessage: 'Bill of lading' },
  airWaybill: { id: 'alerts.subject.airWaybill', defaultMessage: 'Air waybill' },
  transportDocumentHint: {
    id: 'alerts.subject.transportDocumentHint',
    defaultMessage: 'Give the bill of lading, the air waybill, or both.',
  },
  hsCode: { id: 'alerts.subject.hsCode', defaultMessage: 'HS code' },
  hsCodeHint: { id: 'alerts.subject.hsCodeHint', defaultMessage: '4 to 10 digits, e.g. 3102.30' },
  consignor: { id: 'alerts.subject.consignor', defaultMessage: 'Consignor' },
  consignee: { id: 'alerts.subject.consignee', defaultMessage: 'Consignee' },
  route: { id: 'alerts.subject.route', defaultMessage: 'Route' },
  origin: { id: 'alerts.subject.origin', defaultMessage: 'Country of origin' },
  transit: { id: 'alerts.subject.transit', defaultMessage: 'Transit countries' },
  transitHint: { id: 'alerts.subject.transitHint', defaultMessage: 'Two-letter codes in order, separated by commas, e.g. SG, MY' },
  destination: { id: 'alerts.subject.destination', defaultMessage: 'Country of destination' },
  noTransit: { id: 'alerts.subject.noTransit', defaultMessage: 'direct' },
  travelDocumentCountry: { id: 'alerts.subject.travelDocumentCountry', defaultMessage: 'Country of the travel document' },
  flightNumber: { id: 'alerts.subject.flightNumber', defaultMessage: 'Flight number' },
  flightNumberHint: { id: 'alerts.subject.flightNumberHint', defaultMessage: 'IATA flight number, e.g. MH370' },
  vesselName: { id: 'alerts.subject.vesselName', defaultMessage: 'Vessel name' },
  imo: { id: 'alerts.subject.imo', defaultMessage: 'IMO number' },
  imoHint: { id: 'alerts.subject.imoHint', defaultMessage: 'Seven digits' },
  vehicleRegistration: { id: 'alerts.subject.vehicleRegistration', defaultMessage: 'Vehicle registration' },
  conveyanceHint: {
    id: 'alerts.subject.conveyanceHint',
    defaultMessage: 'Name at least one: the vessel (or its IMO number), the flight or the vehicle.',
  },
  details: { id: 'alerts.subject.details', defaultMessage: 'Details' },
  personalData: {
    id: 'alerts.subject.personalData',
    defaultMessage: 'Personal data: never exported above TLP:AMBER.',
  },
});
