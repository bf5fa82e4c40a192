import { useEffect, useMemo, useState } from 'react';
import Pagination from '@atlaskit/pagination';
import { token } from '@atlaskit/tokens';
import { pageOf, type TablePage } from './paging-model';

/**
 * The page of a list a hand-built table shows (one that cannot be a DynamicTable, such as an editable grid):
 * only its rows are drawn, and a list that shrinks (a filter) keeps the reader on a page that exists.
 */
export function useTablePage<T>(
  items: readonly T[],
  rowsPerPage: number,
): { shown: TablePage<T>; setPage: (page: number) => void } {
  const [page, setPage] = useState(1);
  const shown = useMemo(() => pageOf(items, page, rowsPerPage), [items, page, rowsPerPage]);
  useEffect(() => {
    if (shown.page !== page) setPage(shown.page);
  }, [shown.page, page]);
  return { shown, setPage };
}

/** Atlaskit's pagination under a hand-built table, as DynamicTable draws it; nothing when one page holds all. */
export function TablePagination({
  shown,
  onSetPage,
  label,
  testId,
}: {
  shown: Pick<TablePage<unknown>, 'page' | 'pages'>;
  onSetPage: (page: number) => void;
  /** The navigation's accessible name, e.g. "Pages of the estimates". */
  label: string;
  testId: string;
}) {
  const pages = useMemo(() => Array.from({ length: shown.pages }, (_, i) => i + 1), [shown.pages]);
  if (shown.pages <= 1) return null;
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: token('space.100', '8px') }}>
      <Pagination
        pages={pages}
        selectedIndex={shown.page - 1}
        onChange={(_event, page) => onSetPage(page)}
        label={label}
        testId={testId}
      />
    </div>
  );
}
