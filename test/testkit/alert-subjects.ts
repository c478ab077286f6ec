// The subject of the shipment alert the stories raise: ammonium nitrate in a container from Port
// Klang to General Santos through Singapore, with its bill of lading. A test changes the one field
// its story is about (`{ ...SHIPMENT_SUBJECT, hsCode: 'fertiliser' }`).

export const SHIPMENT_SUBJECT = {
  containerNumber: 'MSKU1234565',
  billOfLading: 'MAEU240611873',
  hsCode: '3102.30',
  consignor: 'Agro Chem Trading Sdn Bhd, Port Klang',
  consignee: 'CV Tani Makmur, General Santos',
  route: { origin: 'MY', transit: ['SG'], destination: 'PH' },
};
