import { NO_DRAFTS, afterSave, editDraft, type EstimateDrafts } from './EstimatesGrid-model';
import {
  MAX_STORED_DRAFTS,
  MAX_STORED_TEXT_LENGTH,
  NONE_DROPPED,
  draftStore,
  draftsStorageKey,
  earlierAfter,
  earlierFrom,
  earlierPending,
  earlierText,
  parseStoredDrafts,
  reconcileDrafts,
  serialiseDrafts,
  withoutDrafts,
  type DraftStorage,
} from './estimate-drafts-model';
import { aCell } from './estimate-test-builders';
import type { EstimateCell, EstimateRow } from './plan-model';

/** A quarter of initiatives estimated by Payments and Identity. */
function aGrid(
  keys: string[],
  teams: string[] = ['team-pay', 'team-id'],
  cell: (key: string, teamId: string) => Partial<EstimateCell> = () => ({}),
): EstimateRow[] {
  return keys.map((key) => ({
    key,
    summary: `Initiative ${key}`,
    team: 'Payments',
    carriedOver: false,
    cells: teams.map((teamId) => aCell(key, teamId, cell(key, teamId))),
  }));
}

const cellOf = (rows: readonly EstimateRow[], key: string, teamId = 'team-pay'): EstimateCell => {
  const found = rows.find((r) => r.key === key)?.cells.find((c) => c.teamId === teamId);
  if (!found) throw new Error(`No cell ${key} × ${teamId}`);
  return found;
};

/** Sprints typed into each listed cell, in order. */
function typed(rows: readonly EstimateRow[], edits: [key: string, teamId: string, sprints: string][]) {
  return edits.reduce<EstimateDrafts>(
    (drafts, [key, teamId, sprints]) => editDraft(drafts, cellOf(rows, key, teamId), 'sprints', sprints),
    NO_DRAFTS,
  );
}

const summaryOf = (drafts: EstimateDrafts) =>
  [...drafts.values()].map((d) => `${d.initiativeKey}×${d.teamId}=${d.text.sprints}`);

const entry = (overrides: Record<string, unknown> = {}) => ({
  initiativeKey: 'PAY-1',
  teamId: 'team-pay',
  sprints: '2',
  points: '',
  load: '1',
  ...overrides,
});
const stored = (drafts: unknown[], version: unknown = 1) => JSON.stringify({ version, drafts });

describe('keeping drafts in the tab’s storage', () => {
  const rows = aGrid(['PAY-1', 'PAY-2', 'ID-7']);

  it('reads back what it stored, field for field', () => {
    const drafts = editDraft(
      typed(rows, [
        ['PAY-1', 'team-pay', '2,5'],
        ['ID-7', 'team-id', 'soon'],
      ]),
      cellOf(rows, 'PAY-1'),
      'points',
      '13',
    );
    const back = parseStoredDrafts(serialiseDrafts(drafts));
    expect(back.malformed).toBe(0);
    expect([...back.drafts.entries()]).toEqual([...drafts.entries()]);
  });

  it('stores nothing once no draft is left, so a save leaves no trace', () => {
    expect(serialiseDrafts(NO_DRAFTS)).toBeNull();
    expect(parseStoredDrafts(null)).toEqual({ drafts: new Map(), malformed: 0 });
  });

  it('keeps each program’s, quarter’s and user’s drafts under their own key', () => {
    const place = { programId: 'prog-1', quarter: '2027-Q1', accountId: 'acc-tpm' };
    const keys = [
      place,
      { ...place, programId: 'prog-2' },
      { ...place, quarter: '2027-Q2' },
      { ...place, accountId: 'acc-lead' },
      // A colon inside an id does not make it collide with another place.
      { ...place, programId: 'prog-1:2027-Q1', quarter: 'acc-tpm' },
    ].map(draftsStorageKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('programs:estimate-drafts:prog-1:2027-Q1:acc-tpm');
  });
});

describe('reading back drafts someone may have tampered with', () => {
  it.each([
    ['not JSON', '{"version":1,'],
    ['JSON but not an object', '[1,2,3]'],
    ['another version', stored([entry()], 2)],
    ['drafts that are not a list', JSON.stringify({ version: 1, drafts: { a: entry() } })],
    ['null', 'null'],
  ])('restores nothing from %s, without throwing', (_what, raw) => {
    expect(parseStoredDrafts(raw)).toEqual({ drafts: new Map(), malformed: 1 });
  });

  it('drops each malformed entry and keeps the well-formed ones', () => {
    const raw = stored([
      entry({ initiativeKey: 'PAY-1' }),
      'PAY-2|team-pay',
      null,
      entry({ initiativeKey: 'PAY-3', sprints: 2 }),
      entry({ initiativeKey: '' }),
      entry({ initiativeKey: 'PAY-4', teamId: undefined }),
      entry({ initiativeKey: 'PAY-5', load: 'x'.repeat(MAX_STORED_TEXT_LENGTH + 1) }),
      entry({ initiativeKey: 'PAY-6', points: ['8'] }),
      entry({ initiativeKey: 'PAY-7', sprints: '' }),
    ]);
    const back = parseStoredDrafts(raw);
    expect(summaryOf(back.drafts)).toEqual(['PAY-1×team-pay=2', 'PAY-7×team-pay=']);
    expect(back.malformed).toBe(7);
  });

  it('keeps the last of two entries for one cell, and ignores fields it does not know', () => {
    const raw = stored([entry({ sprints: '1' }), entry({ sprints: '3', extra: 1 })]).replace(
      '"extra":1',
      '"extra":1,"__proto__":{"polluted":true}',
    );
    const back = parseStoredDrafts(raw);
    expect(summaryOf(back.drafts)).toEqual(['PAY-1×team-pay=3']);
    expect(back.drafts.get('PAY-1|team-pay')).toEqual({
      initiativeKey: 'PAY-1',
      teamId: 'team-pay',
      text: { sprints: '3', points: '', load: '1' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('restores no more entries than the grid could have written', () => {
    const many = Array.from({ length: MAX_STORED_DRAFTS + 3 }, (_, i) =>
      entry({ initiativeKey: `PAY-${i}` }),
    );
    const back = parseStoredDrafts(stored(many));
    expect(back.drafts.size).toBe(MAX_STORED_DRAFTS);
    expect(back.malformed).toBe(3);
  });
});

describe('checking drafts from earlier against the plan as it is now', () => {
  const before = aGrid(['PAY-1', 'PAY-2', 'PAY-3', 'ID-7']);
  const drafts = typed(before, [
    ['PAY-1', 'team-pay', '2'],
    ['PAY-2', 'team-pay', '1'],
    ['PAY-3', 'team-pay', '4'],
    ['PAY-3', 'team-id', '3'],
    ['ID-7', 'team-id', '1.5'],
  ]);

  it('keeps every draft whose cell is still there and editable', () => {
    const { kept, dropped } = reconcileDrafts(drafts, before);
    expect(kept).toEqual(drafts);
    expect(dropped).toEqual(NONE_DROPPED);
  });

  it('drops and counts drafts for initiatives that left the quarter and teams that left the program', () => {
    const now = aGrid(['PAY-1', 'PAY-2'], ['team-pay', 'team-id']).concat(aGrid(['ID-7'], ['team-pay']));
    const { kept, dropped } = reconcileDrafts(drafts, now);
    expect(summaryOf(kept)).toEqual(['PAY-1×team-pay=2', 'PAY-2×team-pay=1']);
    expect(dropped).toEqual({ initiatives: 2, teams: 1, locked: 0 });
  });

  it('drops and counts drafts for a team the reader may no longer edit', () => {
    const now = aGrid(['PAY-1', 'PAY-2', 'PAY-3', 'ID-7'], undefined, (_key, teamId) =>
      teamId === 'team-id' ? { editable: false } : {},
    );
    const { kept, dropped } = reconcileDrafts(drafts, now);
    expect(summaryOf(kept)).toEqual(['PAY-1×team-pay=2', 'PAY-2×team-pay=1', 'PAY-3×team-pay=4']);
    expect(dropped).toEqual({ initiatives: 0, teams: 0, locked: 2 });
  });

  it('forgets, without counting it, a draft that the saved estimate now matches', () => {
    const now = aGrid(['PAY-1', 'PAY-2', 'PAY-3', 'ID-7'], undefined, (key, teamId) =>
      key === 'PAY-1' && teamId === 'team-pay' ? { state: 'estimated', sprints: 2, load: 1 } : {},
    );
    const { kept, dropped } = reconcileDrafts(drafts, now);
    expect(kept.has('PAY-1|team-pay')).toBe(false);
    expect(kept.size).toBe(4);
    expect(dropped).toEqual(NONE_DROPPED);
  });
});

describe('telling the reader about drafts from earlier', () => {
  it.each([
    [2, NONE_DROPPED, 'You have 2 unsaved estimates from earlier. Save them or discard them.', undefined],
    [1, NONE_DROPPED, 'You have 1 unsaved estimate from earlier. Save it or discard it.', undefined],
    [
      3,
      { ...NONE_DROPPED, initiatives: 2 },
      'You have 3 unsaved estimates from earlier. Save them or discard them.',
      '2 were for initiatives no longer in the quarter and were dropped.',
    ],
    [
      1,
      { ...NONE_DROPPED, teams: 1 },
      'You have 1 unsaved estimate from earlier. Save it or discard it.',
      '1 was for a team no longer in the program and was dropped.',
    ],
    [
      2,
      { initiatives: 1, teams: 0, locked: 2 },
      'You have 2 unsaved estimates from earlier. Save them or discard them.',
      '3 were dropped: 1 was for an initiative no longer in the quarter and 2 were for teams whose estimates you may no longer edit.',
    ],
    [
      0,
      { initiatives: 1, teams: 1, locked: 1 },
      'You had 3 unsaved estimates from earlier.',
      '3 were dropped: 1 was for an initiative no longer in the quarter, 1 was for a team no longer in the program and 1 was for a team whose estimates you may no longer edit.',
    ],
  ])('with %i kept and %o dropped, says so', (pending, dropped, summary, droppedText) => {
    expect(earlierText(pending, dropped)).toEqual(
      droppedText === undefined ? { summary } : { summary, dropped: droppedText },
    );
  });

  const rows = aGrid(['PAY-1', 'PAY-2', 'PAY-3']);
  const restored = typed(rows, [
    ['PAY-1', 'team-pay', '2'],
    ['PAY-2', 'team-pay', '1'],
  ]);

  it('has nothing to say when nothing was found', () => {
    expect(earlierFrom(NO_DRAFTS, NONE_DROPPED)).toBeUndefined();
  });

  it('counts the drafts from earlier still unsaved, not those typed since', () => {
    const earlier = earlierFrom(restored, NONE_DROPPED);
    if (!earlier) throw new Error('No notice of drafts from earlier.');
    const since = editDraft(restored, cellOf(rows, 'PAY-3'), 'sprints', '5');
    expect(earlierPending(since, earlier)).toBe(2);
    expect(earlierAfter(since, earlier)).toBe(earlier);
  });

  it('ends the notice once they are saved, keeping what was typed since', () => {
    const earlier = earlierFrom(restored, NONE_DROPPED);
    const since = editDraft(restored, cellOf(rows, 'PAY-3'), 'sprints', '5');
    const left = afterSave(since, restored);
    expect(summaryOf(left)).toEqual(['PAY-3×team-pay=5']);
    expect(earlierAfter(left, earlier)).toBeUndefined();
  });

  it('ends the notice once they are discarded, and keeps it while one is left', () => {
    const earlier = earlierFrom(restored, NONE_DROPPED);
    if (!earlier) throw new Error('No notice of drafts from earlier.');
    const oneLeft = withoutDrafts(restored, ['PAY-1|team-pay']);
    expect(earlierAfter(oneLeft, earlier)).toBe(earlier);
    expect(earlierPending(oneLeft, earlier)).toBe(1);
    expect(withoutDrafts(restored, earlier.keys).size).toBe(0);
    expect(earlierAfter(withoutDrafts(restored, earlier.keys), earlier)).toBeUndefined();
  });

  it('keeps a notice of dropped drafts alone, with none kept, until it is dismissed', () => {
    const earlier = earlierFrom(NO_DRAFTS, { ...NONE_DROPPED, initiatives: 2 });
    expect(earlier).toBeDefined();
    expect(earlierAfter(restored, earlier)).toBe(earlier);
  });
});

/** A Web Storage stand-in: a Map, which can be made to refuse every call as a sandbox or a full quota does. */
function aStorage() {
  const items = new Map<string, string>();
  let refusing = false;
  const refuse = () => {
    if (refusing) throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  const storage: DraftStorage = {
    getItem: (key) => {
      refuse();
      return items.get(key) ?? null;
    },
    setItem: (key, value) => {
      refuse();
      items.set(key, value);
    },
    removeItem: (key) => {
      refuse();
      items.delete(key);
    },
  };
  return { storage, items, refuse: (on: boolean) => (refusing = on) };
}

describe('the draft store', () => {
  it('gives a reloaded page what the page before it stored, and nothing once it was removed', () => {
    const { storage, items } = aStorage();
    const before = draftStore(() => storage, jest.fn());
    before.write('k', 'drafts');
    expect(draftStore(() => storage, jest.fn()).read('k')).toBe('drafts');
    before.write('k', null);
    expect(items.has('k')).toBe(false);
    expect(draftStore(() => storage, jest.fn()).read('k')).toBeNull();
  });

  it('keeps drafts in memory for the page when storage is denied, and says so once', () => {
    const onError = jest.fn();
    const store = draftStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    }, onError);
    expect(store.read('k')).toBeNull();
    store.write('k', 'drafts');
    expect(store.read('k')).toBe('drafts');
    store.write('k', null);
    expect(store.read('k')).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('keeps the latest drafts in memory when storage stops taking them', () => {
    const { storage, items, refuse } = aStorage();
    const onError = jest.fn();
    const store = draftStore(() => storage, onError);
    store.write('k', 'first');
    refuse(true);
    store.write('k', 'second');
    expect(store.read('k')).toBe('second');
    expect(items.get('k')).toBe('first');
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
