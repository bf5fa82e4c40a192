import { useMemo, useState, type ReactElement } from 'react';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { useAfterPaint } from '../../../shared/use-after-paint';
import { pagedLabel, sortItems, type SortOrder, type SortValue, type TableSort } from './paging-model';
import { useTablePage } from './TablePagination';

export const DEFAULT_ROWS_PER_PAGE = 50;

/**
 * Rows drawn in a table's first frame, about a screenful: the rest of its page and the pager below it follow
 * once that frame is painted, so a big table's first rows do not wait for what is below the fold.
 */
export const FIRST_FRAME_ROWS = 20;

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
  const whole = useAfterPaint(rows.length > 0);
  const drawn = whole ? rows : rows.slice(0, FIRST_FRAME_ROWS);

  return (
    // Busy while only the first screenful is drawn: assistive technology waits for the whole page of rows.
    <div {...(whole || rows.length <= FIRST_FRAME_ROWS ? {} : { 'aria-busy': true })}>
      <DynamicTableStateless
        // Screen readers hear which rows the page holds; the pagination below shows it to the eye.
        label={pagedLabel(props.label, shown)}
        head={props.head}
        rows={drawn}
        // No pager in the first frame: it is below the fold, and its buttons are the costliest part to draw.
        {...(whole ? { totalRows: sorted.length, rowsPerPage, page: shown.page } : {})}
        onSetPage={setPage}
        {...(sort ? { sortKey: sort.key, sortOrder: sort.order } : {})}
        onSort={({ key, sortOrder }: { key: string | null; sortOrder: SortOrder | null }) => {
          setSort(key && sortOrder ? { key, order: sortOrder } : undefined);
          setPage(1);
        }}
        testId={props.testId}
        {...(props.emptyView ? { emptyView: props.emptyView } : {})}
      />
    </div>
  );
}
