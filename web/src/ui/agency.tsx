import { useIntl } from 'react-intl';

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the reader's language, from the browser's own data (no table to keep). */
export function countryName(locale: string, code: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function CountryName({ code }: { code: string }) {
  const { locale } = useIntl();
  return <span title={code}>{countryName(locale, code)}</span>;
}

export interface AgencyLike {
  name: string;
  acronym?: string | null;
  countryCode?: string | null;
}

/** "Royal Malaysian Customs Department (JKDM, Malaysia)": the name as the agency writes it, never translated. */
export function agencyLabel(locale: string, agency: AgencyLike): string {
  const details = [agency.acronym, agency.countryCode && countryName(locale, agency.countryCode)].filter(Boolean).join(', ');
  return details ? `${agency.name} (${details})` : agency.name;
}

export function AgencyName({ agency }: { agency: AgencyLike }) {
  const { locale } = useIntl();
  return <span className="agency-name">{agencyLabel(locale, agency)}</span>;
}
