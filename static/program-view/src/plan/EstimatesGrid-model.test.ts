import { pageOf } from '../tables/paging-model';
import {
  MAX_ESTIMATES_PER_SAVE,
  NO_DRAFTS,
  afterSave,
  discardDraft,
  editDraft,
  estimatesToSave,
  draftedCell,
  pageOfRow,
  pendingText,
  textOf,
  type EstimateDrafts,
} from './EstimatesGrid-model';
import { aCell } from './estimate-test-builders';
import type { EstimateCell, EstimateRow } from './plan-model';

const ROWS_PER_PAGE = 50;

/** A quarter of `count` initiatives PAY-1…PAY-count, each estimated by Payments and Identity. */
function aGrid(count: number, cell: (key: string, teamId: string) => Partial<EstimateCell> = () => ({})) {
  return Array.from({ length: count }, (_, i): EstimateRow => ({
    key: `PAY-${i + 1}`,
    summary: `Initiative ${i + 1}`,
    team: 'Payments',
    carriedOver: false,
    cells: ['team-pay', 'team-id'].map((teamId) =>
      aCell(`PAY-${i + 1}`, teamId, cell(`PAY-${i + 1}`, teamId)),
    ),
  }));
}

const cellOf = (rows: readonly EstimateRow[], key: string, teamId = 'team-pay'): EstimateCell => {
  const found = rows.find((r) => r.key === key)?.cells.find((c) => c.teamId === teamId);
  if (!found) throw new Error(`No cell ${key} × ${teamId}`);
  return found;
};

/** Types `text` into one field of each listed cell, in order. */
function typed(
  rows: readonly EstimateRow[],
  edits: [key: string, field: 'sprints' | 'points' | 'load', text: string][],
) {
  return edits.reduce<EstimateDrafts>(
    (drafts, [key, field, text]) => editDraft(drafts, cellOf(rows, key), field, text),
    NO_DRAFTS,
  );
}

describe('unsaved estimates across pages', () => {
  const rows = aGrid(150);

  it('keeps an edit typed on page 1 while page 2 is shown, and shows it again on page 1', () => {
    const onPage1 = pageOf(rows, 1, ROWS_PER_PAGE).items.map((r) => r.key);
    expect(onPage1).toContain('PAY-3');
    let drafts = typed(rows, [['PAY-3', 'sprints', '2']]);
    // On page 2, another cell is typed into: the page-1 edit is not on screen but is still there.
    const onPage2 = pageOf(rows, 2, ROWS_PER_PAGE).items.map((r) => r.key);
    expect(onPage2).not.toContain('PAY-3');
    drafts = editDraft(drafts, cellOf(rows, 'PAY-75'), 'sprints', '1.5');
    expect(textOf(drafts, cellOf(rows, 'PAY-3'))).toEqual({ sprints: '2', points: '', load: '1' });
    expect(textOf(drafts, cellOf(rows, 'PAY-75')).sprints).toBe('1.5');
  });

  it('saves the edits of every page in one request, not only those of the page shown', () => {
    const drafts = typed(rows, [
      ['PAY-3', 'sprints', '2'],
      ['PAY-3', 'points', '13'],
      ['PAY-75', 'sprints', '1.5'],
      ['PAY-150', 'sprints', '3'],
    ]);
    const check = estimatesToSave(drafts, rows);
    if (!check.ok) throw new Error(check.message);
    expect(check.estimates).toHaveLength(3);
    expect(check.estimates).toEqual(
      expect.arrayContaining([
        { initiativeKey: 'PAY-3', teamId: 'team-pay', sprints: 2, storyPoints: 13, load: 1 },
        { initiativeKey: 'PAY-75', teamId: 'team-pay', sprints: 1.5, storyPoints: null, load: 1 },
        { initiativeKey: 'PAY-150', teamId: 'team-pay', sprints: 3, storyPoints: null, load: 1 },
      ]),
    );
    expect(pendingText(drafts, rows, ROWS_PER_PAGE)).toBe('3 unsaved estimates, on pages 1, 2 and 3.');
  });

  it('leaves nothing to save when the saved values are typed back', () => {
    const estimated = aGrid(3, () => ({ state: 'estimated', sprints: 2, storyPoints: 8, load: 1 }));
    let drafts = editDraft(NO_DRAFTS, cellOf(estimated, 'PAY-2'), 'sprints', '3');
    expect(drafts.size).toBe(1);
    drafts = editDraft(drafts, cellOf(estimated, 'PAY-2'), 'sprints', '2 ');
    expect(drafts.size).toBe(0);
    expect(pendingText(drafts, estimated, ROWS_PER_PAGE)).toBe('');
  });

  it('cancels one cell’s edit and keeps the others', () => {
    const drafts = discardDraft(
      typed(rows, [
        ['PAY-3', 'sprints', '2'],
        ['PAY-75', 'sprints', '1'],
      ]),
      cellOf(rows, 'PAY-3'),
    );
    expect([...drafts.values()].map((d) => d.initiativeKey)).toEqual(['PAY-75']);
    expect(textOf(drafts, cellOf(rows, 'PAY-3')).sprints).toBe('');
  });

  it('removes an estimate when its sprints are emptied, and sends no load of 0', () => {
    const estimated = aGrid(1, () => ({ state: 'estimated', sprints: 2, storyPoints: null, load: 1 }));
    const drafts = [
      editDraft(NO_DRAFTS, cellOf(estimated, 'PAY-1'), 'sprints', ''),
      editDraft(NO_DRAFTS, cellOf(estimated, 'PAY-1', 'team-id'), 'load', '0'),
    ];
    const [emptied, noLoad] = drafts.map((d) => estimatesToSave(d, estimated));
    expect(emptied).toEqual({
      ok: true,
      estimates: [{ initiativeKey: 'PAY-1', teamId: 'team-pay', sprints: null, storyPoints: null, load: 1 }],
    });
    expect(noLoad).toEqual({
      ok: true,
      estimates: [{ initiativeKey: 'PAY-1', teamId: 'team-id', sprints: 2, storyPoints: null }],
    });
  });
});

describe('showing an unsaved edit in the grid', () => {
  const cell = aCell('PAY-1', 'team-pay');

  it('shows what the edit would save, or nothing while it cannot be saved as typed', () => {
    expect(draftedCell(cell, { sprints: '2,5', points: '8', load: '' })).toMatchObject({
      state: 'estimated',
      sprints: 2.5,
      storyPoints: 8,
      load: null,
    });
    expect(draftedCell(cell, { sprints: '', points: '', load: '1' })).toMatchObject({ state: 'none' });
    expect(draftedCell(cell, { sprints: 'soon', points: '', load: '1' })).toBeUndefined();
  });
});

describe('refusing a save that cannot go through whole', () => {
  const rows = aGrid(150);

  it('saves nothing when an edit on another page is wrong, and says which and on what page', () => {
    const drafts = typed(rows, [
      ['PAY-3', 'sprints', '2'],
      ['PAY-120', 'sprints', 'two'],
      ['PAY-120', 'points', '-1'],
    ]);
    const check = estimatesToSave(drafts, rows);
    expect(check).toMatchObject({
      ok: false,
      message: 'Nothing saved: an estimate needs a fix first.',
      problems: [
        {
          initiativeKey: 'PAY-120',
          teamId: 'team-pay',
          error: 'Sprints must be a number above 0. Story points must be a number, 0 or more.',
        },
      ],
    });
    expect(pageOfRow(rows, 'PAY-120', ROWS_PER_PAGE)).toBe(3);
  });

  it('names an edit whose initiative left the quarter or whose team the reader may no longer edit', () => {
    const drafts = typed(rows, [
      ['PAY-149', 'sprints', '1'],
      ['PAY-150', 'sprints', '1'],
    ]);
    const later = aGrid(149, (key) => (key === 'PAY-149' ? { editable: false } : {}));
    const check = estimatesToSave(drafts, later);
    if (check.ok) throw new Error('Saved edits that cannot be saved.');
    expect(check.problems.map((p) => [p.initiativeKey, p.error])).toEqual([
      ['PAY-149', 'You may no longer edit this team’s estimates.'],
      ['PAY-150', 'PAY-150 is no longer an initiative of this quarter.'],
    ]);
  });

  it('asks for two saves past what one request takes', () => {
    const big = aGrid(MAX_ESTIMATES_PER_SAVE);
    let drafts: EstimateDrafts = NO_DRAFTS;
    for (const row of big) for (const cell of row.cells) drafts = editDraft(drafts, cell, 'sprints', '1');
    const check = estimatesToSave(drafts, big);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain(`more than one save takes (${MAX_ESTIMATES_PER_SAVE})`);
  });
});

describe('after a save', () => {
  const rows = aGrid(60);

  it('forgets what was saved and keeps a cell typed into again while it was saving', () => {
    const sent = typed(rows, [
      ['PAY-1', 'sprints', '2'],
      ['PAY-55', 'sprints', '1'],
    ]);
    const meanwhile = editDraft(
      editDraft(sent, cellOf(rows, 'PAY-55'), 'sprints', '4'),
      cellOf(rows, 'PAY-7'),
      'sprints',
      '1',
    );
    const left = afterSave(meanwhile, sent);
    expect([...left.values()].map((d) => [d.initiativeKey, d.text.sprints])).toEqual([
      ['PAY-55', '4'],
      ['PAY-7', '1'],
    ]);
  });

  it('counts what is left and where', () => {
    const drafts = typed(rows, [['PAY-55', 'sprints', '1']]);
    expect(pendingText(drafts, rows, ROWS_PER_PAGE)).toBe('1 unsaved estimate, on page 2.');
    expect(pendingText(drafts, aGrid(60), 100)).toBe('1 unsaved estimate.');
  });
});
