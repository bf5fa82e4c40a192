import { clampPage, compareSortValues, pageCount, pageOf, pagedLabel, sortItems } from './paging-model';

interface Initiative {
  key: string;
  team: string;
  estimate: number;
}

function generateInitiatives(count: number): Initiative[] {
  const teams = ['Payments', 'Identity', 'Mobile'];
  // Keys out of order on purpose, so sorting has work to do.
  return Array.from({ length: count }, (_, i) => {
    const n = (i * 37) % count;
    return { key: `PAY-${n + 1}`, team: teams[n % teams.length]!, estimate: (n * 7) % 11 };
  });
}

describe('sorting a big table', () => {
  it('orders issue keys naturally: PAY-9 before PAY-10', () => {
    const sorted = sortItems(generateInitiatives(12), (i) => i.key, 'ASC').map((i) => i.key);
    expect(sorted.indexOf('PAY-9')).toBeLessThan(sorted.indexOf('PAY-10'));
    expect(sorted[0]).toBe('PAY-1');
    expect(sorted[11]).toBe('PAY-12');
  });

  it('keeps a sort across pages: page 2 continues where page 1 ended', () => {
    const sorted = sortItems(generateInitiatives(1000), (i) => i.estimate, 'DESC');
    const first = pageOf(sorted, 1, 50);
    const second = pageOf(sorted, 2, 50);
    expect(first.items[49]!.estimate).toBeGreaterThanOrEqual(second.items[0]!.estimate);
    expect(first.items[0]!.estimate).toBe(10);
    expect(pageOf(sorted, 20, 50).items[49]!.estimate).toBe(0);
  });

  it('keeps the list order between equal values, ascending and descending', () => {
    const items = generateInitiatives(30);
    for (const order of ['ASC', 'DESC'] as const) {
      const payments = sortItems(items, (i) => i.team, order).filter((i) => i.team === 'Payments');
      expect(payments.map((i) => i.key)).toEqual(
        items.filter((i) => i.team === 'Payments').map((i) => i.key),
      );
    }
  });

  it('reads each value once per sort, not once per comparison', () => {
    const items = generateInitiatives(1000);
    let reads = 0;
    sortItems(
      items,
      (i) => {
        reads += 1;
        return i.key;
      },
      'ASC',
    );
    expect(reads).toBe(1000);
  });

  it('leaves the order as it is for a column with nothing to sort by', () => {
    const items = generateInitiatives(5);
    expect(sortItems(items, undefined, 'DESC')).toBe(items);
  });

  it('puts numbers before text, as the Atlaskit table does', () => {
    expect(compareSortValues(3, 'a')).toBeLessThan(0);
    expect(compareSortValues('a', 3)).toBeGreaterThan(0);
    expect(compareSortValues(2, 10)).toBeLessThan(0);
  });
});

describe('paging', () => {
  it.each([
    [0, 50, 1],
    [50, 50, 1],
    [51, 50, 2],
    [1000, 50, 20],
  ])('%i rows at %i a page make %i pages', (total, perPage, pages) => {
    expect(pageCount(total, perPage)).toBe(pages);
  });

  it('brings a reader past the end back to the last page when a filter shrinks the list', () => {
    expect(clampPage(20, 120, 50)).toBe(3);
    expect(clampPage(0, 120, 50)).toBe(1);
  });

  it('holds only the rows of the page shown, and says which they are', () => {
    const sorted = sortItems(generateInitiatives(1000), (i) => i.key, 'ASC');
    const page = pageOf(sorted, 2, 50);
    expect(page.items).toHaveLength(50);
    expect(page.items[0]!.key).toBe('PAY-51');
    expect(page.range).toBe('51–100 of 1,000');
    expect(pageOf(sorted, 20, 50).range).toBe('951–1,000 of 1,000');
    expect(pageOf([], 1, 50)).toMatchObject({ page: 1, pages: 1, range: 'No rows' });
  });

  it('names a table after the rows its page holds once it has more than one page', () => {
    const initiatives = generateInitiatives(120);
    expect(pagedLabel('Estimates', pageOf(initiatives, 3, 50))).toBe('Estimates, rows 101–120 of 120');
    expect(pagedLabel('Estimates', pageOf(initiatives.slice(0, 50), 1, 50))).toBe('Estimates');
  });
});

describe('sorting a list that already is in order', () => {
  const keys = ['DATA-1', 'DATA-9', 'DATA-10', 'ID-2', 'PAY-1'];
  it('gives the same list back, without sorting it', () => {
    expect(sortItems(keys, (k) => k, 'ASC')).toBe(keys);
  });
  it('still sorts it the other way', () => {
    expect(sortItems(keys, (k) => k, 'DESC')).toEqual([...keys].reverse());
  });
  it('still sorts a list with one pair out of order', () => {
    expect(sortItems(['DATA-10', 'DATA-9', 'ID-2'], (k) => k, 'ASC')).toEqual(['DATA-9', 'DATA-10', 'ID-2']);
  });
});
