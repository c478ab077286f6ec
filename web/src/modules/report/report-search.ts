import type { Locale } from '@jointops/shared/domain';

export interface ReportSearch {
  /** The report's language, whatever the screen's: a French administration may be sent the French release by an English planner. */
  lang?: Locale | undefined;
}

export const validateReportSearch = (search: Record<string, unknown>): ReportSearch => ({
  lang: search.lang === 'fr' || search.lang === 'en' ? search.lang : undefined,
});
