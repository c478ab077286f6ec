// Demo reference data for the agency directory.
//
// This exists so that the first `pnpm start` shows a realistic directory rather than an empty
// one: the WCO Secretariat, the INTERPOL General Secretariat, and the Customs administration and
// INTERPOL National Central Bureau (NCB) of each country that took part in the WCO Asia/Pacific
// Security Project's Programme Global Shield work (the nine South-East Asian partner countries,
// plus the South Asian countries the project expanded to).
//
// The institution names are real, public official names. The people are fictional: every
// address is at the `.demo` top-level domain and no name is meant to refer to a real person.
// Pure data: no functions, no logic. Countries are sorted by ISO 3166-1 alpha-2 code. The demo's
// people, who work in these agencies, are in `people.ts`.

import type { AgencyKind } from '@jointops/shared/domain';

export interface DemoAgency {
  key: string;
  name: string;
  acronym: string | null;
  kind: AgencyKind;
  countryCode: string | null;
  timeZone: string | null;
}

// prettier-ignore
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  // International organisations and the platform itself
  {
    key: 'WCO',
    name: 'World Customs Organization Secretariat',
    acronym: 'WCO',
    kind: 'INTERNATIONAL_ORGANIZATION',
    countryCode: null,
    timeZone: 'Europe/Brussels',
  },
  {
    key: 'INTERPOL',
    name: 'INTERPOL General Secretariat',
    acronym: 'INTERPOL',
    kind: 'INTERNATIONAL_ORGANIZATION',
    countryCode: null,
    timeZone: 'Europe/Paris',
  },
  { key: 'JOINTOPS', name: 'jointops platform administration', acronym: null, kind: 'OTHER', countryCode: null, timeZone: 'UTC' },

  // Afghanistan
  { key: 'AF-CUSTOMS', name: 'Afghanistan Customs Department', acronym: 'ACD', kind: 'CUSTOMS', countryCode: 'AF', timeZone: 'Asia/Kabul' },
  { key: 'AF-NCB', name: 'INTERPOL NCB Kabul', acronym: 'NCB Kabul', kind: 'INTERPOL_NCB', countryCode: 'AF', timeZone: 'Asia/Kabul' },
  // Bangladesh (Customs is a wing of the National Board of Revenue, NBR)
  { key: 'BD-CUSTOMS', name: 'Bangladesh Customs', acronym: null, kind: 'CUSTOMS', countryCode: 'BD', timeZone: 'Asia/Dhaka' },
  { key: 'BD-NCB', name: 'INTERPOL NCB Dhaka', acronym: 'NCB Dhaka', kind: 'INTERPOL_NCB', countryCode: 'BD', timeZone: 'Asia/Dhaka' },
  // Brunei Darussalam
  {
    key: 'BN-CUSTOMS',
    name: 'Royal Customs and Excise Department',
    acronym: 'RCED',
    kind: 'CUSTOMS',
    countryCode: 'BN',
    timeZone: 'Asia/Brunei',
  },
  {
    key: 'BN-NCB',
    name: 'INTERPOL NCB Bandar Seri Begawan',
    acronym: 'NCB Bandar Seri Begawan',
    kind: 'INTERPOL_NCB',
    countryCode: 'BN',
    timeZone: 'Asia/Brunei',
  },
  // Indonesia (Direktorat Jenderal Bea dan Cukai)
  {
    key: 'ID-CUSTOMS',
    name: 'Directorate General of Customs and Excise',
    acronym: 'DJBC',
    kind: 'CUSTOMS',
    countryCode: 'ID',
    timeZone: 'Asia/Jakarta',
  },
  {
    key: 'ID-NCB',
    name: 'INTERPOL NCB Jakarta',
    acronym: 'NCB Jakarta',
    kind: 'INTERPOL_NCB',
    countryCode: 'ID',
    timeZone: 'Asia/Jakarta',
  },
  // India
  {
    key: 'IN-CUSTOMS',
    name: 'Central Board of Indirect Taxes and Customs',
    acronym: 'CBIC',
    kind: 'CUSTOMS',
    countryCode: 'IN',
    timeZone: 'Asia/Kolkata',
  },
  {
    key: 'IN-NCB',
    name: 'INTERPOL NCB New Delhi',
    acronym: 'NCB New Delhi',
    kind: 'INTERPOL_NCB',
    countryCode: 'IN',
    timeZone: 'Asia/Kolkata',
  },
  // Cambodia
  {
    key: 'KH-CUSTOMS',
    name: 'General Department of Customs and Excise of Cambodia',
    acronym: 'GDCE',
    kind: 'CUSTOMS',
    countryCode: 'KH',
    timeZone: 'Asia/Phnom_Penh',
  },
  {
    key: 'KH-NCB',
    name: 'INTERPOL NCB Phnom Penh',
    acronym: 'NCB Phnom Penh',
    kind: 'INTERPOL_NCB',
    countryCode: 'KH',
    timeZone: 'Asia/Phnom_Penh',
  },
  // Lao People's Democratic Republic
  { key: 'LA-CUSTOMS', name: 'Lao Customs Department', acronym: null, kind: 'CUSTOMS', countryCode: 'LA', timeZone: 'Asia/Vientiane' },
  {
    key: 'LA-NCB',
    name: 'INTERPOL NCB Vientiane',
    acronym: 'NCB Vientiane',
    kind: 'INTERPOL_NCB',
    countryCode: 'LA',
    timeZone: 'Asia/Vientiane',
  },
  // Sri Lanka
  { key: 'LK-CUSTOMS', name: 'Sri Lanka Customs', acronym: null, kind: 'CUSTOMS', countryCode: 'LK', timeZone: 'Asia/Colombo' },
  {
    key: 'LK-NCB',
    name: 'INTERPOL NCB Colombo',
    acronym: 'NCB Colombo',
    kind: 'INTERPOL_NCB',
    countryCode: 'LK',
    timeZone: 'Asia/Colombo',
  },
  // Myanmar
  { key: 'MM-CUSTOMS', name: 'Myanmar Customs Department', acronym: null, kind: 'CUSTOMS', countryCode: 'MM', timeZone: 'Asia/Yangon' },
  {
    key: 'MM-NCB',
    name: 'INTERPOL NCB Nay Pyi Taw',
    acronym: 'NCB Nay Pyi Taw',
    kind: 'INTERPOL_NCB',
    countryCode: 'MM',
    timeZone: 'Asia/Yangon',
  },
  // Maldives
  { key: 'MV-CUSTOMS', name: 'Maldives Customs Service', acronym: 'MCS', kind: 'CUSTOMS', countryCode: 'MV', timeZone: 'Indian/Maldives' },
  { key: 'MV-NCB', name: 'INTERPOL NCB Malé', acronym: 'NCB Malé', kind: 'INTERPOL_NCB', countryCode: 'MV', timeZone: 'Indian/Maldives' },
  // Malaysia (Jabatan Kastam Diraja Malaysia)
  {
    key: 'MY-CUSTOMS',
    name: 'Royal Malaysian Customs Department',
    acronym: 'JKDM',
    kind: 'CUSTOMS',
    countryCode: 'MY',
    timeZone: 'Asia/Kuala_Lumpur',
  },
  {
    key: 'MY-NCB',
    name: 'INTERPOL NCB Kuala Lumpur',
    acronym: 'NCB Kuala Lumpur',
    kind: 'INTERPOL_NCB',
    countryCode: 'MY',
    timeZone: 'Asia/Kuala_Lumpur',
  },
  // Philippines
  { key: 'PH-CUSTOMS', name: 'Bureau of Customs', acronym: 'BOC', kind: 'CUSTOMS', countryCode: 'PH', timeZone: 'Asia/Manila' },
  { key: 'PH-NCB', name: 'INTERPOL NCB Manila', acronym: 'NCB Manila', kind: 'INTERPOL_NCB', countryCode: 'PH', timeZone: 'Asia/Manila' },
  // Pakistan (Customs is a wing of the Federal Board of Revenue, FBR)
  { key: 'PK-CUSTOMS', name: 'Pakistan Customs', acronym: null, kind: 'CUSTOMS', countryCode: 'PK', timeZone: 'Asia/Karachi' },
  {
    key: 'PK-NCB',
    name: 'INTERPOL NCB Islamabad',
    acronym: 'NCB Islamabad',
    kind: 'INTERPOL_NCB',
    countryCode: 'PK',
    timeZone: 'Asia/Karachi',
  },
  // Thailand
  { key: 'TH-CUSTOMS', name: 'Thai Customs Department', acronym: null, kind: 'CUSTOMS', countryCode: 'TH', timeZone: 'Asia/Bangkok' },
  {
    key: 'TH-NCB',
    name: 'INTERPOL NCB Bangkok',
    acronym: 'NCB Bangkok',
    kind: 'INTERPOL_NCB',
    countryCode: 'TH',
    timeZone: 'Asia/Bangkok',
  },
  // Viet Nam
  {
    key: 'VN-CUSTOMS',
    name: 'General Department of Vietnam Customs',
    acronym: 'GDVC',
    kind: 'CUSTOMS',
    countryCode: 'VN',
    timeZone: 'Asia/Ho_Chi_Minh',
  },
  {
    key: 'VN-NCB',
    name: 'INTERPOL NCB Hanoi',
    acronym: 'NCB Hanoi',
    kind: 'INTERPOL_NCB',
    countryCode: 'VN',
    timeZone: 'Asia/Ho_Chi_Minh',
  },
];
