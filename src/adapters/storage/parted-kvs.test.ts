import { splitByCount, splitBySize } from './parted-kvs';

describe('splitting a list into KVS parts', () => {
  const items = Array.from({ length: 10 }, (_, n) => ({ n, text: 'x'.repeat(20) }));

  it('keeps every part’s JSON under the size, in order, losing nothing', () => {
    const parts = splitBySize<(typeof items)[number]>(100)(items);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(JSON.stringify(part).length).toBeLessThanOrEqual(100);
    expect(parts.flat()).toEqual(items);
  });

  it('puts an item bigger than the size alone in its part rather than dropping it', () => {
    const big = { n: 99, text: 'y'.repeat(500) };
    const parts = splitBySize<{ n: number; text: string }>(100)([items[0]!, big, items[1]!]);
    expect(parts).toEqual([[items[0]], [big], [items[1]]]);
  });

  it('splits by count, and an empty list into no parts', () => {
    expect(splitByCount<number>(4)([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
    expect(splitBySize<number>(100)([])).toEqual([]);
  });
});
