// Sorting and paging of a big table as pure data: the whole list is sorted once per column and order (so a
// sort holds across pages), and only the page shown becomes table rows.

export type SortOrder = 'ASC' | 'DESC';

/** What a column sorts by: a number or a string, as Atlaskit's dynamic table sorts cell keys. */
export type SortValue = number | string;

export interface TableSort {
  key: string;
  order: SortOrder;
}

// Constructed once: building a collator per comparison dominates a sort of 1,000 rows.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'accent' });

/** Numbers before strings; strings in natural order ("PAY-9" before "PAY-10"). */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a, b);
}

/**
 * The items in the column's order; ties keep the items' own order in both directions. Each item's value is
 * read once, not once per comparison. An unknown column leaves the order as it is.
 */
export function sortItems<T>(
  items: readonly T[],
  valueOf: ((item: T) => SortValue) | undefined,
  order: SortOrder,
): readonly T[] {
  if (!valueOf) return items;
  const direction = order === 'ASC' ? 1 : -1;
  const keyed = items.map((item, index) => ({ item, index, value: valueOf(item) }));
  // Lists often arrive in the order asked for (Jira answers by key): one pass instead of a sort.
  if (
    keyed.every((entry, i) => i === 0 || direction * compareSortValues(keyed[i - 1]!.value, entry.value) <= 0)
  )
    return items;
  return keyed
    .sort((a, b) => direction * compareSortValues(a.value, b.value) || a.index - b.index)
    .map(({ item }) => item);
}

export function pageCount(total: number, rowsPerPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, rowsPerPage)));
}

/** A page that exists: a filter that shrinks the list brings the reader back to its last page. */
export function clampPage(page: number, total: number, rowsPerPage: number): number {
  return Math.min(Math.max(1, Math.floor(page)), pageCount(total, rowsPerPage));
}

export interface TablePage<T> {
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
  items: readonly T[];
  /** "51–100 of 1,000": which rows the page holds, for the table's caption. */
  range: string;
}

/** One page of the (already sorted) items. */
export function pageOf<T>(sorted: readonly T[], page: number, rowsPerPage: number): TablePage<T> {
  const pages = pageCount(sorted.length, rowsPerPage);
  const current = clampPage(page, sorted.length, rowsPerPage);
  const start = (current - 1) * rowsPerPage;
  const items = sorted.slice(start, start + rowsPerPage);
  // Not toLocaleString: its first call loads ICU's number data (~20 ms) on the way to a table's first rows.
  const number = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const range =
    sorted.length === 0
      ? 'No rows'
      : `${number(start + 1)}–${number(start + items.length)} of ${number(sorted.length)}`;
  return { page: current, pages, items, range };
}

/** A paged table's accessible name: which rows the page holds, once there is more than one page. */
export function pagedLabel(label: string, page: Pick<TablePage<unknown>, 'pages' | 'range'>): string {
  return page.pages > 1 ? `${label}, rows ${page.range}` : label;
}
