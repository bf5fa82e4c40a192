import type { UnplacedInitiative } from '../../../../src/contract';
import {
  PICKER_LIMIT,
  countByReason,
  filterByReason,
  filterInForce,
  pickerNote,
  reasonCountsText,
  runsByReason,
  searchInitiatives,
  sortUnplaced,
  type UnplacedReason,
} from './long-lists-model';

function unplaced(key: string, reason: UnplacedReason): UnplacedInitiative {
  return { key, reason, detail: `${key} is not placed`, blockedBy: {} };
}

function choice(key: string, summary = `Initiative ${key}`, team = 'Payments') {
  return { key, summary, team };
}

const keysOf = (items: readonly { key: string }[]) => items.map((i) => i.key);

describe('the unplaced initiatives', () => {
  const list = [
    unplaced('PAY-12', 'capacity'),
    unplaced('PAY-10', 'no-estimate'),
    unplaced('ID-3', 'cycle'),
    unplaced('PAY-9', 'no-estimate'),
    unplaced('ID-7', 'pin-conflict'),
    unplaced('PAY-2', 'beyond-quarter'),
    unplaced('ID-1', 'dependency-unplaced'),
  ];

  it('puts those waiting for an estimate first and those beyond the quarter last', () => {
    const sorted = keysOf(sortUnplaced(list));
    expect(sorted.slice(0, 2)).toEqual(['PAY-9', 'PAY-10']);
    expect(sorted[sorted.length - 1]).toBe('PAY-2');
    expect(sorted.indexOf('ID-7')).toBeLessThan(sorted.indexOf('ID-3'));
    expect(sorted.indexOf('ID-1')).toBeLessThan(sorted.indexOf('PAY-12'));
  });

  it('orders keys naturally within a reason (PAY-9 before PAY-10) and leaves the input alone', () => {
    const input = [
      unplaced('PAY-10', 'no-estimate'),
      unplaced('ID-2', 'no-estimate'),
      unplaced('PAY-9', 'no-estimate'),
    ];
    expect(keysOf(sortUnplaced(input))).toEqual(['ID-2', 'PAY-9', 'PAY-10']);
    expect(keysOf(input)).toEqual(['PAY-10', 'ID-2', 'PAY-9']);
  });

  it('counts each reason in the order the list shows them, leaving out reasons nothing has', () => {
    expect(countByReason(list.concat(unplaced('PAY-20', 'no-estimate')))).toEqual([
      { reason: 'no-estimate', count: 3 },
      { reason: 'pin-conflict', count: 1 },
      { reason: 'cycle', count: 1 },
      { reason: 'dependency-unplaced', count: 1 },
      { reason: 'capacity', count: 1 },
      { reason: 'beyond-quarter', count: 1 },
    ]);
    expect(countByReason([])).toEqual([]);
  });

  it('words the counts for the summary line', () => {
    expect(
      reasonCountsText([
        { reason: 'no-estimate', count: 480 },
        { reason: 'capacity', count: 3 },
      ]),
    ).toBe('480 no estimate, 3 over capacity');
    expect(reasonCountsText([])).toBe('');
  });

  it('keeps one reason’s initiatives when filtered, in the sorted order', () => {
    const sorted = sortUnplaced(list);
    expect(keysOf(filterByReason(sorted, 'no-estimate'))).toEqual(['PAY-9', 'PAY-10']);
    expect(filterByReason(sorted, 'all')).toBe(sorted);
  });

  it('drops a filter once no initiative has its reason any more', () => {
    const counts = countByReason([unplaced('PAY-1', 'capacity')]);
    expect(filterInForce('capacity', counts)).toBe('capacity');
    expect(filterInForce('no-estimate', counts)).toBe('all');
    expect(filterInForce('all', [])).toBe('all');
  });

  it('cuts a page into runs of one reason each, so each run is drawn under its reason', () => {
    const page = sortUnplaced(list).slice(0, 4);
    expect(runsByReason(page).map((run) => [run.reason, keysOf(run.entries)])).toEqual([
      ['no-estimate', ['PAY-9', 'PAY-10']],
      ['pin-conflict', ['ID-7']],
      ['cycle', ['ID-3']],
    ]);
    expect(runsByReason([])).toEqual([]);
  });
});

describe('the initiative pickers’ search', () => {
  const many = Array.from({ length: 500 }, (_, i) => choice(`PAY-${i + 1}`));

  it('offers the first 50 of 500 when nothing is typed, and says how to find the others', () => {
    const matches = searchInitiatives(many, '');
    expect(matches.total).toBe(500);
    expect(matches.shown).toHaveLength(PICKER_LIMIT);
    expect(matches.shown[0]?.key).toBe('PAY-1');
    expect(pickerNote(matches, '')).toBe('First 50 of 500: type a key or a name to find the others');
  });

  it('puts the exact key first, then keys that start with what was typed', () => {
    const matches = searchInitiatives(many, 'pay-12');
    expect(matches.shown[0]?.key).toBe('PAY-12');
    expect(keysOf(matches.shown.slice(1, 4))).toEqual(['PAY-120', 'PAY-121', 'PAY-122']);
    expect(matches.total).toBe(11);
    expect(pickerNote(matches, 'pay-12')).toBeNull();
  });

  it('ranks a key that only contains what was typed after keys that start with it, summaries last', () => {
    const choices = [choice('PAY-1', 'Open 12 markets'), choice('PAY-112'), choice('ABC-12'), choice('12-X')];
    expect(keysOf(searchInitiatives(choices, '12').shown)).toEqual(['12-X', 'PAY-112', 'ABC-12', 'PAY-1']);
  });

  it('finds an initiative by its summary or team when its key is not what was typed', () => {
    const choices = [
      choice('PAY-1', 'Wallet migration'),
      choice('ID-4', 'Passkeys', 'Identity'),
      choice('PAY-2', 'Refunds'),
    ];
    expect(keysOf(searchInitiatives(choices, 'WALLET').shown)).toEqual(['PAY-1']);
    expect(keysOf(searchInitiatives(choices, 'identity').shown)).toEqual(['ID-4']);
    expect(searchInitiatives(choices, 'nothing like it')).toEqual({ shown: [], total: 0 });
  });

  it('caps a broad search at the limit and says there are more to narrow', () => {
    const matches = searchInitiatives(many, 'pay');
    expect(matches).toMatchObject({ total: 500 });
    expect(matches.shown).toHaveLength(PICKER_LIMIT);
    expect(pickerNote(matches, 'pay')).toBe('First 50 of 500 matches: type more to narrow');
  });

  it('ignores spaces around what was typed and a summary that is missing', () => {
    const choices = [{ key: 'PAY-3', summary: null, team: null }, choice('PAY-30')];
    expect(keysOf(searchInitiatives(choices, '  pay-3 ').shown)).toEqual(['PAY-3', 'PAY-30']);
  });
});
