import type { Locale } from '@jointops/shared/domain';
import { Link, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { FormattedMessage, IntlProvider, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { intlLocale, loaders, toLocale } from '../../i18n/intl-root';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperation } from '../operations/operation-context';
import { FinalReport } from './final-report';
import { FinalReportQuery, SEIZURES_READ } from './report-documents';
import { PrintedPageMargins } from './printed-page-margins';
import './report.css';

const words = defineMessages({
  title: { id: 'report.page.title', defaultMessage: 'Final report' },
  language: { id: 'report.page.language', defaultMessage: 'Language of the report' },
  print: { id: 'report.page.print', defaultMessage: 'Print or save as PDF' },
  hint: {
    id: 'report.page.hint',
    defaultMessage: 'Printed, this page is the report: A4 pages with the operation at the top and page numbers at the bottom.',
  },
});

const LANGUAGES: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** The release in the language asked for in the address, whatever the screen's language. */
export function ReportPage() {
  const intl = useIntl();
  const operation = useOperation();
  const search = useSearch({ from: '/operations/$code/report' });
  const lang: Locale = search.lang ?? toLocale(intl.locale) ?? 'en';
  const [catalogue, setCatalogue] = useState<{ lang: Locale; messages: Record<string, string> } | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: FinalReportQuery,
    variables: { code: operation.code, operationId: operation.id, seizuresRead: SEIZURES_READ },
  });
  // The figures are read once when the page opens: a printed release holds still.
  const compiledAt = useMemo(() => new Date(), []);
  useDocumentTitle(intl.formatMessage(words.title), operation.code);

  useEffect(() => {
    let current = true;
    void loaders[lang]().then((messages) => {
      if (current) setCatalogue({ lang, messages });
    });
    return () => {
      current = false;
    };
  }, [lang]);

  const reportOperation = data?.operationByCode;
  return (
    <div className="report-page">
      <div className="report-toolbar">
        <nav aria-label={intl.formatMessage(words.language)} className="report-languages">
          {(Object.keys(LANGUAGES) as Locale[]).map((language) => (
            <Link
              key={language}
              to="/operations/$code/report"
              params={{ code: operation.code }}
              search={{ lang: language }}
              lang={language}
              aria-current={language === lang ? 'page' : undefined}
            >
              {LANGUAGES[language]}
            </Link>
          ))}
        </nav>
        <button type="button" className="primary" onClick={() => window.print()}>
          <FormattedMessage {...words.print} />
        </button>
        <p className="muted">
          <FormattedMessage {...words.hint} />
        </p>
      </div>
      {!data && fetching && <Skeleton lines={8} />}
      {!data && !fetching && error && <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {reportOperation && data && catalogue?.lang === lang && (
        <IntlProvider locale={intlLocale(lang)} defaultLocale="en-GB" messages={catalogue.messages}>
          <PrintedPageMargins title={`${reportOperation.name} (${reportOperation.code})`} />
          <FinalReport operation={reportOperation} results={data.operationResults} compiledAt={compiledAt} />
        </IntlProvider>
      )}
    </div>
  );
}
