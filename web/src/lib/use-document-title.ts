import { useEffect } from 'react';

/** Names the browser tab after the page, e.g. "Timeline · Liaison". */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Liaison` : 'Liaison';
  }, [title]);
}
