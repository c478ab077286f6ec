import { useEffect } from 'react';

/** The browser tab says where the reader is: "Participants · PGS-APAC-2026-01 · jointops". */
export function useDocumentTitle(...parts: (string | undefined | null)[]): void {
  const title = [...parts.filter(Boolean), 'jointops'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
