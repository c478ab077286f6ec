import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { reportWords } from './report-words';

/** A CSS string: quotes, backslashes and line breaks escaped. */
const cssString = (text: string) => `"${text.replace(/["\\\n]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;

const PAGE = '%PAGE%';
const PAGES = '%PAGES%';

/**
 * The printed pages' running header (the operation) and page numbers, in the report's language.
 * They live in @page margin boxes, whose text only CSS can give, so the rule is written here
 * rather than in report.css, while the report is on screen. It is a constructed stylesheet: the
 * content security policy refuses <style> elements (style-src 'self'), not the CSS object model.
 */
export function PrintedPageMargins({ title }: { title: string }) {
  const intl = useIntl();
  const numbering = intl
    .formatMessage(reportWords.pageNumber, { page: PAGE, pages: PAGES })
    .split(/(%PAGES?%)/)
    .filter(Boolean)
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const css = `@page { @top-left { content: ${cssString(title)}; } @bottom-right { content: ${numbering}; } }`;
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [css]);
  return null;
}
