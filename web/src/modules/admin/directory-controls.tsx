import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useStillHere } from '../../ui/use-still-here';
import { adminWords } from './admin-words';

export const PAGE_SIZE = 25;

/**
 * Forward pages of a directory list: the cursors of the pages before this one, so "Previous"
 * returns exactly where the reader was. Any change of `filters` (search, agency, inactive shown)
 * starts again at the first page.
 */
export function usePages(filters: string) {
  const [state, setState] = useState<{ filters: string; cursors: (string | undefined)[] }>({ filters, cursors: [undefined] });
  const cursors = state.filters === filters ? state.cursors : [undefined];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor: string) => setState({ filters, cursors: [...cursors, endCursor] }),
    previous: () => setState({ filters, cursors: cursors.slice(0, -1) }),
  };
}

interface SearchBoxProps {
  label: ReactNode;
  hint: ReactNode;
  /** The search in the address, so a search survives a reload and can be shared. */
  value: string;
  onSearch(value: string): void;
}

/** Searches as the reader types, once they pause, and at once on Enter. */
export function SearchBox({ label, hint, value, onSearch }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const stillHere = useStillHere();
  // Back and forward change the address: the box follows it.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => {
      if (stillHere()) onSearch(text.trim());
    }, 350);
    return () => clearTimeout(timer);
  }, [text, value, onSearch, stillHere]);
  return (
    <form
      role="search"
      className="directory-search field"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} onChange={(event) => setText(event.target.value)} aria-describedby={`${id}-hint`} />
      <span id={`${id}-hint`} className="field-hint">
        {hint}
      </span>
    </form>
  );
}

interface PagerProps {
  label: string;
  page: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  onNext(cursor: string): void;
  onPrevious(): void;
}

export function Pager({ label, page, hasNextPage, endCursor, onNext, onPrevious }: PagerProps) {
  const intl = useIntl();
  if (page === 1 && !hasNextPage) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={page === 1} onClick={onPrevious}>
        <FormattedMessage {...adminWords.previousPage} />
      </button>
      <span>{intl.formatMessage(adminWords.pageNumber, { page })}</span>
      <button type="button" disabled={!hasNextPage || !endCursor} onClick={() => endCursor && onNext(endCursor)}>
        <FormattedMessage {...adminWords.nextPage} />
      </button>
    </nav>
  );
}

/**
 * An inline form opened by a button: when it closes, focus goes back to that button, so keyboard
 * users are not sent back to the top of the page.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    open(show: () => void) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      show();
    },
    close(hide: () => void) {
      const target = opener.current;
      hide();
      // After the form is gone and the list re-rendered.
      requestAnimationFrame(() => {
        if (target?.isConnected) target.focus();
      });
    },
  };
}
