import { countryName } from '../../ui/agency';

export interface DirectoryAgency {
  id: string;
  name: string;
  acronym?: string | null;
  countryCode?: string | null;
  kind: string;
}

export type AgencyGroup<Agency extends DirectoryAgency> =
  | { kind: 'international'; key: string; agencies: Agency[] }
  | { kind: 'country'; key: string; countryCode: string; label: string; agencies: Agency[] }
  | { kind: 'noCountry'; key: string; agencies: Agency[] };

/**
 * The directory as a planner reads it: international organisations first (they usually
 * coordinate), then each country by its name in the reader's language, then agencies with no
 * country that are not international organisations. Within a group, by name.
 */
export function groupAgencies<Agency extends DirectoryAgency>(agencies: readonly Agency[], locale: string): AgencyGroup<Agency>[] {
  const collator = new Intl.Collator(locale);
  const byName = (a: Agency, b: Agency) => collator.compare(a.name, b.name);
  const international: Agency[] = [];
  const noCountry: Agency[] = [];
  const byCountry = new Map<string, Agency[]>();
  for (const agency of agencies) {
    const code = agency.countryCode?.toUpperCase();
    if (code) byCountry.set(code, [...(byCountry.get(code) ?? []), agency]);
    else if (agency.kind === 'INTERNATIONAL_ORGANIZATION') international.push(agency);
    else noCountry.push(agency);
  }
  const countries = [...byCountry.entries()]
    .map(([countryCode, members]) => ({ countryCode, label: countryName(locale, countryCode), agencies: members.sort(byName) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return [
    ...(international.length ? [{ kind: 'international' as const, key: 'international', agencies: international.sort(byName) }] : []),
    ...countries.map((country) => ({ kind: 'country' as const, key: country.countryCode, ...country })),
    ...(noCountry.length ? [{ kind: 'noCountry' as const, key: 'no-country', agencies: noCountry.sort(byName) }] : []),
  ];
}
