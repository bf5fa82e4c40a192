import { useMemo, useState, type ReactElement } from 'react';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { pagedLabel, sortItems, type SortOrder, type SortValue, type TableSort } from './paging-model';
import { useTablePage } from './TablePagination';

export const DEFAULT_ROWS_PER_PAGE = 50;

export interface PagedTableProps<T> {
  /** The table's accessible name. */
  label: string;
  head: HeadType;
  items: readonly T[];
  /** What each sortable column sorts by; a heading is sortable when `head` says so and it has a value here. */
  sortValues: Readonly<Record<string, (item: T) => SortValue>>;
  defaultSort?: TableSort;
  /** One item's row; called only for the rows of the page shown. */
  toRow: (item: T) => RowType;
  rowsPerPage?: number;
  testId: string;
  emptyView?: ReactElement;
}

/**
 * A sortable table that pages a list of any length: the list is sorted once per column and order (memoised),
 * so a sort holds across pages, and only the page shown is turned into rows. Changing the list (a filter)
 * keeps the reader on a page that exists; changing the sort goes back to the first page.
 */
export function PagedTable<T>(props: PagedTableProps<T>) {
  const { items, sortValues, toRow, rowsPerPage = DEFAULT_ROWS_PER_PAGE } = props;
  const [sort, setSort] = useState<TableSort | undefined>(props.defaultSort);
  const sorted = useMemo(
    () => sortItems(items, sort ? sortValues[sort.key] : undefined, sort?.order ?? 'ASC'),
    [items, sortValues, sort],
  );
  const { shown, setPage } = useTablePage(sorted, rowsPerPage);
  const rows = useMemo(() => shown.items.map(toRow), [shown.items, toRow]);

  return (
    <DynamicTableStateless
      // Screen readers hear which rows the page holds; the pagination below shows it to the eye.
      label={pagedLabel(props.label, shown)}
      head={props.head}
      rows={rows}
      totalRows={sorted.length}
      rowsPerPage={rowsPerPage}
      page={shown.page}
      onSetPage={setPage}
      {...(sort ? { sortKey: sort.key, sortOrder: sort.order } : {})}
      onSort={({ key, sortOrder }: { key: string | null; sortOrder: SortOrder | null }) => {
        setSort(key && sortOrder ? { key, order: sortOrder } : undefined);
        setPage(1);
      }}
      testId={props.testId}
      {...(props.emptyView ? { emptyView: props.emptyView } : {})}
    />
  );
}
