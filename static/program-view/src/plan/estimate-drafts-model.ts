// Unsaved estimates kept in the tab's sessionStorage, per program, quarter and user: leaving the Plan tab, opening
// another program or reloading the page no longer loses what a team lead typed. What comes back is read as
// untrusted input, checked against the plan as it is now, and announced before it is saved.
import {
  cellKey,
  sameText,
  savedText,
  type EstimateDraft,
  type EstimateDrafts,
  type EstimateText,
} from './EstimatesGrid-model';
import type { EstimateRow } from './plan-model';

export const DRAFTS_KEY_PREFIX = 'programs:estimate-drafts:';

/** Whose drafts of what: a user's unsaved estimates of one program's quarter. */
export interface DraftsPlace {
  programId: string;
  quarter: string;
  accountId: string;
}

/** Beyond these a stored entry is not something the grid wrote: it is dropped, not restored. */
export const MAX_STORED_DRAFTS = 5000;
export const MAX_STORED_ID_LENGTH = 200;
export const MAX_STORED_TEXT_LENGTH = 100;

const STORED_VERSION = 1;

export function draftsStorageKey({ programId, quarter, accountId }: DraftsPlace): string {
  return `${DRAFTS_KEY_PREFIX}${[programId, quarter, accountId].map(encodeURIComponent).join(':')}`;
}

/** The drafts as stored: null when there are none, so nothing is left behind once they are saved. */
export function serialiseDrafts(drafts: EstimateDrafts): string | null {
  if (drafts.size === 0) return null;
  return JSON.stringify({
    version: STORED_VERSION,
    drafts: [...drafts.values()].map(({ initiativeKey, teamId, text }) => ({
      initiativeKey,
      teamId,
      sprints: text.sprints,
      points: text.points,
      load: text.load,
    })),
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const boundedString = (value: unknown, max: number, nonEmpty: boolean): value is string =>
  typeof value === 'string' && value.length <= max && (!nonEmpty || value.trim() !== '');

function storedDraft(entry: unknown): EstimateDraft | undefined {
  if (!isRecord(entry)) return undefined;
  const { initiativeKey, teamId, sprints, points, load } = entry;
  if (
    !boundedString(initiativeKey, MAX_STORED_ID_LENGTH, true) ||
    !boundedString(teamId, MAX_STORED_ID_LENGTH, true) ||
    !boundedString(sprints, MAX_STORED_TEXT_LENGTH, false) ||
    !boundedString(points, MAX_STORED_TEXT_LENGTH, false) ||
    !boundedString(load, MAX_STORED_TEXT_LENGTH, false)
  )
    return undefined;
  const text: EstimateText = { sprints, points, load };
  return { initiativeKey, teamId, text };
}

export interface StoredDrafts {
  drafts: EstimateDrafts;
  /** Entries (or the whole value, counted as 1) that were not drafts as the grid writes them. */
  malformed: number;
}

/**
 * Drafts read back from storage, which anything running in the tab can write: every entry is checked and a
 * malformed one dropped, never trusted or thrown on. A later entry for the same cell wins.
 */
export function parseStoredDrafts(raw: string | null): StoredDrafts {
  if (raw === null) return { drafts: new Map(), malformed: 0 };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { drafts: new Map(), malformed: 1 };
  }
  if (!isRecord(value) || value.version !== STORED_VERSION || !Array.isArray(value.drafts))
    return { drafts: new Map(), malformed: 1 };
  const drafts = new Map<string, EstimateDraft>();
  let malformed = 0;
  for (const entry of value.drafts.slice(0, MAX_STORED_DRAFTS)) {
    const draft = storedDraft(entry);
    if (draft) drafts.set(cellKey(draft), draft);
    else malformed += 1;
  }
  malformed += Math.max(0, value.drafts.length - MAX_STORED_DRAFTS);
  return { drafts, malformed };
}

/** Restored drafts that no longer have a cell to go in, by why. */
export interface DroppedDrafts {
  /** The initiative left the quarter (or the reader can no longer see it). */
  initiatives: number;
  /** The team is no longer one of the program's. */
  teams: number;
  /** The reader may no longer edit that team's estimates. */
  locked: number;
}

export const NONE_DROPPED: DroppedDrafts = { initiatives: 0, teams: 0, locked: 0 };

export const droppedCount = (dropped: DroppedDrafts) => dropped.initiatives + dropped.teams + dropped.locked;

/**
 * Restored drafts checked against the plan as it is now: those with an editable cell stay; those whose
 * initiative or team is gone, or whose team the reader may no longer edit, are dropped and counted; those
 * that now read as the saved estimate (saved since, by this reader or another) are no edit any more.
 */
export function reconcileDrafts(
  drafts: EstimateDrafts,
  rows: readonly EstimateRow[],
): { kept: EstimateDrafts; dropped: DroppedDrafts } {
  const initiatives = new Set(rows.map((row) => row.key));
  const cells = new Map(rows.flatMap((row) => row.cells.map((cell) => [cellKey(cell), cell] as const)));
  const kept = new Map<string, EstimateDraft>();
  const dropped = { ...NONE_DROPPED };
  for (const [key, draft] of drafts) {
    const cell = cells.get(key);
    if (!cell) {
      if (initiatives.has(draft.initiativeKey)) dropped.teams += 1;
      else dropped.initiatives += 1;
      continue;
    }
    if (!cell.editable) {
      dropped.locked += 1;
      continue;
    }
    if (!sameText(draft.text, savedText(cell)))
      kept.set(key, { initiativeKey: cell.initiativeKey, teamId: cell.teamId, text: draft.text });
  }
  return { kept, dropped };
}

/** Drafts found from an earlier visit: the cells they are for, and how many could not be kept. */
export interface EarlierDrafts {
  keys: ReadonlySet<string>;
  dropped: DroppedDrafts;
}

/** What the reader is told of the drafts from earlier; undefined when there is nothing to tell. */
export function earlierFrom(kept: EstimateDrafts, dropped: DroppedDrafts): EarlierDrafts | undefined {
  if (kept.size === 0 && droppedCount(dropped) === 0) return undefined;
  return { keys: new Set(kept.keys()), dropped };
}

/** How many drafts from earlier still wait to be saved. */
export function earlierPending(drafts: EstimateDrafts, earlier: EarlierDrafts): number {
  let count = 0;
  for (const key of earlier.keys) if (drafts.has(key)) count += 1;
  return count;
}

/**
 * The notice of drafts from earlier after an edit, a save or a discard: gone once none of them is still unsaved
 * (a notice of dropped drafts only, with none kept, stays until it is dismissed).
 */
export function earlierAfter(drafts: EstimateDrafts, earlier: EarlierDrafts | undefined) {
  if (!earlier || earlier.keys.size === 0) return earlier;
  return earlierPending(drafts, earlier) > 0 ? earlier : undefined;
}

/** The drafts without those of the given cells. */
export function withoutDrafts(drafts: EstimateDrafts, keys: Iterable<string>): EstimateDrafts {
  const next = new Map(drafts);
  for (const key of keys) next.delete(key);
  return next.size === drafts.size ? drafts : next;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function droppedParts(dropped: DroppedDrafts): string[] {
  const part = (n: number, one: string, many: string) =>
    n === 0 ? [] : [`${n} ${plural(n, 'was', 'were')} for ${plural(n, one, many)}`];
  return [
    ...part(dropped.initiatives, 'an initiative', 'initiatives').map((p) => `${p} no longer in the quarter`),
    ...part(dropped.teams, 'a team', 'teams').map((p) => `${p} no longer in the program`),
    ...part(dropped.locked, 'a team', 'teams').map((p) => `${p} whose estimates you may no longer edit`),
  ];
}

/**
 * "You have 2 unsaved estimates from earlier. Save them or discard them." and, when some could not be kept,
 * why: "1 was for an initiative no longer in the quarter and was dropped."
 */
export function earlierText(pending: number, dropped: DroppedDrafts): { summary: string; dropped?: string } {
  const total = droppedCount(dropped);
  const summary =
    pending > 0
      ? `You have ${pending} unsaved ${plural(pending, 'estimate', 'estimates')} from earlier. ${plural(pending, 'Save it or discard it.', 'Save them or discard them.')}`
      : `You had ${total} unsaved ${plural(total, 'estimate', 'estimates')} from earlier.`;
  const parts = droppedParts(dropped);
  if (parts.length === 0) return { summary };
  if (parts.length === 1)
    return { summary, dropped: `${parts[0]} and ${plural(total, 'was', 'were')} dropped.` };
  return { summary, dropped: `${total} were dropped: ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.` };
}

/** The part of the Web Storage API the drafts use. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DraftStore {
  read: (key: string) => string | null;
  /** null removes. */
  write: (key: string, value: string | null) => void;
}

/**
 * Drafts in the tab's storage, and in memory as well: a sandbox may deny storage (even reading the property
 * throws) or be full, and then the drafts still outlive the tab's unmount, though not a reload. Memory holds
 * this page's latest word, so it is read first; storage carries the drafts across a reload.
 */
export function draftStore(storage: () => DraftStorage, onError: (error: unknown) => void): DraftStore {
  const memory = new Map<string, string | null>();
  let reported = false;
  const failed = (error: unknown) => {
    if (reported) return;
    reported = true;
    onError(error);
  };
  return {
    read(key) {
      const held = memory.get(key);
      if (held !== undefined) return held;
      try {
        return storage().getItem(key);
      } catch (error) {
        failed(error);
        return null;
      }
    },
    write(key, value) {
      memory.set(key, value);
      try {
        if (value === null) storage().removeItem(key);
        else storage().setItem(key, value);
      } catch (error) {
        failed(error);
      }
    },
  };
}
