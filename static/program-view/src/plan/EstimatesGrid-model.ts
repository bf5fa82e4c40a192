// Estimates typed into the grid and not saved yet: kept per cell whatever page shows the cell, checked together
// and saved together, so an edit on page 1 survives a visit to page 3 and one save sends every page's edits.
import type { RequestOf } from '../../../../src/contract';
import { parseOptionalCount, parseSprints, type EstimateCell, type EstimateRow } from './plan-model';

/** The three fields of a cell's editor, as typed. */
export interface EstimateText {
  sprints: string;
  points: string;
  load: string;
}

export type EstimateField = keyof EstimateText;

export interface EstimateDraft {
  initiativeKey: string;
  teamId: string;
  text: EstimateText;
}

/** Unsaved edits by cell (`cellKey`); a cell whose fields read as saved has none. */
export type EstimateDrafts = ReadonlyMap<string, EstimateDraft>;

export type EstimateInput = RequestOf<'plan/estimates/set'>['estimates'][number];

/** What the resolver takes in one save. */
export const MAX_ESTIMATES_PER_SAVE = 500;

export const NO_DRAFTS: EstimateDrafts = new Map();

export const cellKey = (cell: Pick<EstimateCell, 'initiativeKey' | 'teamId'>): string =>
  `${cell.initiativeKey}|${cell.teamId}`;

const fmt = (n: number | null) => (n === null ? '' : String(n));

/** The saved estimate as the editor shows it; a cell without one starts at a load of 1. */
export function savedText(cell: EstimateCell): EstimateText {
  return { sprints: fmt(cell.sprints), points: fmt(cell.storyPoints), load: fmt(cell.load ?? 1) };
}

/** What the cell's editor shows: the unsaved edit, else the saved estimate. */
export function textOf(drafts: EstimateDrafts, cell: EstimateCell): EstimateText {
  return drafts.get(cellKey(cell))?.text ?? savedText(cell);
}

/** Two texts of a cell that save the same (surrounding spaces do not count). */
export const sameText = (a: EstimateText, b: EstimateText) =>
  a.sprints.trim() === b.sprints.trim() &&
  a.points.trim() === b.points.trim() &&
  a.load.trim() === b.load.trim();

/** One field typed into; typing the saved values back leaves no edit behind. */
export function editDraft(
  drafts: EstimateDrafts,
  cell: EstimateCell,
  field: EstimateField,
  value: string,
): EstimateDrafts {
  const text = { ...textOf(drafts, cell), [field]: value };
  const next = new Map(drafts);
  if (sameText(text, savedText(cell))) next.delete(cellKey(cell));
  else next.set(cellKey(cell), { initiativeKey: cell.initiativeKey, teamId: cell.teamId, text });
  return next;
}

export function discardDraft(drafts: EstimateDrafts, cell: Pick<EstimateCell, 'initiativeKey' | 'teamId'>) {
  if (!drafts.has(cellKey(cell))) return drafts;
  const next = new Map(drafts);
  next.delete(cellKey(cell));
  return next;
}

export interface DraftProblem {
  initiativeKey: string;
  teamId: string;
  error: string;
}

export type SaveCheck =
  { ok: true; estimates: EstimateInput[] } | { ok: false; message: string; problems: DraftProblem[] };

/**
 * Every unsaved edit, on any page, as one `plan/estimates/set` request — or, when any of them cannot be saved,
 * nothing and the reason for each: half a save would leave the reader unsure which edits went through.
 */
export function estimatesToSave(drafts: EstimateDrafts, rows: readonly EstimateRow[]): SaveCheck {
  const cells = new Map(rows.flatMap((row) => row.cells.map((cell) => [cellKey(cell), cell] as const)));
  const estimates: EstimateInput[] = [];
  const problems: DraftProblem[] = [];
  for (const [key, draft] of drafts) {
    const at = { initiativeKey: draft.initiativeKey, teamId: draft.teamId };
    const cell = cells.get(key);
    if (!cell) {
      problems.push({ ...at, error: `${draft.initiativeKey} is no longer an initiative of this quarter.` });
      continue;
    }
    if (!cell.editable) {
      problems.push({ ...at, error: 'You may no longer edit this team’s estimates.' });
      continue;
    }
    const sprints = parseSprints(draft.text.sprints);
    const points = parseOptionalCount(draft.text.points, 'Story points');
    const load = parseOptionalCount(draft.text.load, 'Load');
    if (!sprints.ok || !points.ok || !load.ok) {
      const error = [sprints, points, load].flatMap((p) => (p.ok ? [] : [p.error])).join(' ');
      problems.push({ ...at, error });
      continue;
    }
    estimates.push({
      ...at,
      sprints: sprints.value,
      storyPoints: points.value,
      ...(load.value !== null && load.value > 0 ? { load: load.value } : {}),
    });
  }
  if (problems.length > 0)
    return {
      ok: false,
      message: `Nothing saved: ${problems.length === 1 ? 'an estimate needs' : `${problems.length} estimates need`} a fix first.`,
      problems,
    };
  if (estimates.length > MAX_ESTIMATES_PER_SAVE)
    return {
      ok: false,
      message: `Nothing saved: ${estimates.length} estimates are more than one save takes (${MAX_ESTIMATES_PER_SAVE}). Discard some and save them in two goes.`,
      problems: [],
    };
  return { ok: true, estimates };
}

/**
 * The edits left once a save went through: the ones it sent are gone, and a cell typed into again while it was
 * being saved keeps its newer text.
 */
export function afterSave(current: EstimateDrafts, sent: EstimateDrafts): EstimateDrafts {
  const next = new Map(current);
  for (const [key, draft] of sent) {
    const now = next.get(key);
    if (now && sameText(now.text, draft.text)) next.delete(key);
  }
  return next;
}

/**
 * The cell as its unsaved edit would save it, to show in the grid like a saved one; undefined while the edit
 * cannot be saved as typed.
 */
export function draftedCell(cell: EstimateCell, text: EstimateText): EstimateCell | undefined {
  const sprints = parseSprints(text.sprints);
  const points = parseOptionalCount(text.points, 'Story points');
  const load = parseOptionalCount(text.load, 'Load');
  if (!sprints.ok || !points.ok || !load.ok) return undefined;
  return {
    ...cell,
    state: sprints.value === null ? 'none' : 'estimated',
    sprints: sprints.value,
    storyPoints: points.value,
    load: load.value,
  };
}

/** The page (1-based) that shows an initiative's row; undefined when it is not in the grid. */
export function pageOfRow(rows: readonly EstimateRow[], initiativeKey: string, rowsPerPage: number) {
  const index = rows.findIndex((row) => row.key === initiativeKey);
  return index < 0 ? undefined : Math.floor(index / Math.max(1, rowsPerPage)) + 1;
}

/** "3 unsaved estimates, on pages 1 and 3": how many edits wait and where, so none is forgotten off-screen. */
export function pendingText(
  drafts: EstimateDrafts,
  rows: readonly EstimateRow[],
  rowsPerPage: number,
): string {
  const count = drafts.size;
  if (count === 0) return '';
  const pages = [
    ...new Set(
      [...drafts.values()].flatMap((d) => {
        const page = pageOfRow(rows, d.initiativeKey, rowsPerPage);
        return page === undefined ? [] : [page];
      }),
    ),
  ].sort((a, b) => a - b);
  const estimates = `${count} unsaved estimate${count === 1 ? '' : 's'}`;
  if (rows.length <= rowsPerPage || pages.length === 0) return `${estimates}.`;
  const list =
    pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.slice(0, -1).join(', ')} and ${pages.at(-1)}`;
  return `${estimates}, on ${list}.`;
}
