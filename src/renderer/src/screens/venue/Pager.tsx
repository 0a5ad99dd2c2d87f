import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Shows a long list a page at a time: a report of 10,000 participants renders 100 rows, not
 * 10,000, so the window stays quick. The full list is in the CSV/XLSX export.
 */
export function usePage<T>(items: T[], size = 100) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages - 1);
  return { rows: items.slice(current * size, (current + 1) * size), page: current, pages, setPage };
}

export function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (p: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="row pager" aria-label={t('venue.pages')}>
      <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
        {t('venue.previous')}
      </button>
      <span>{t('venue.pageOf', { page: page + 1, pages })}</span>
      <button type="button" className="secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
        {t('venue.next')}
      </button>
    </nav>
  );
}
