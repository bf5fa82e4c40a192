// What the adjusted-plan view shows, worked out from the resolver's answer: wording, lozenges and bar positions.
import type {
  AdjustedInitiative,
  AdjustedPlan,
  InitiativeWork,
  MilestoneForecast,
  PlanWindow,
  ProgramTeam,
} from '../../../../src/contract';

export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

export interface LozengeSpec {
  text: string;
  appearance: LozengeAppearance;
}

const WORK: Record<InitiativeWork, LozengeSpec> = {
  done: { text: 'Done', appearance: 'success' },
  'in-progress': { text: 'In progress', appearance: 'inprogress' },
  'not-started': { text: 'Not started', appearance: 'default' },
};
export const workLozenge = (work: InitiativeWork): LozengeSpec => WORK[work];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How an initiative moved against the baseline, as a lozenge: later, earlier, unchanged, now unplaced. */
export function varianceLozenge(row: AdjustedInitiative): LozengeSpec {
  const sprints = Math.abs(row.endDeltaSprints ?? row.startDeltaSprints ?? 0);
  switch (row.change) {
    case null:
      return row.adjusted
        ? { text: 'No baseline', appearance: 'default' }
        : { text: 'Cannot finish', appearance: 'removed' };
    case 'later':
      return { text: sprints > 0 ? `${plural(sprints, 'sprint')} later` : 'Later', appearance: 'moved' };
    case 'earlier':
      return {
        text: sprints > 0 ? `${plural(sprints, 'sprint')} earlier` : 'Earlier',
        appearance: 'success',
      };
    case 'unchanged':
      return row.adjusted
        ? { text: 'As baselined', appearance: 'default' }
        : { text: 'Still unplaced', appearance: 'removed' };
    case 'now-unplaced':
      return { text: 'Now unplaced', appearance: 'removed' };
    case 'now-placed':
      return { text: 'Now placed', appearance: 'new' };
    case 'added':
      return { text: 'Added after the baseline', appearance: 'new' };
    case 'removed':
      return { text: 'Removed', appearance: 'default' };
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-11-29` → `29 Nov`. */
export function shortDate(iso: string): string {
  const [, month, day] = iso.split('-').map(Number);
  return `${day ?? ''} ${MONTHS[(month ?? 1) - 1] ?? ''}`.trim();
}

/** A window in sprint names and dates: `Sprint 2 – Sprint 3 (12 Oct – 8 Nov)`; a dash when there is none. */
export function windowText(window: PlanWindow | null, sprints: readonly { name: string }[]): string {
  if (!window) return '—';
  const first = sprints[window.startSprint]?.name ?? `Sprint ${window.startSprint + 1}`;
  const last = sprints[window.endSprint]?.name ?? `Sprint ${window.endSprint + 1}`;
  const names = window.startSprint === window.endSprint ? first : `${first} – ${last}`;
  return `${names} (${shortDate(window.startDate)} – ${shortDate(window.endDate)})`;
}

/** A signed day count: `14 days later`, `3 days earlier`, `same day`. */
export function daysText(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'same day';
  return `${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'}`;
}

export interface AdjustedSummary {
  later: number;
  earlier: number;
  /** Not done and without a place in the rest of the quarter. */
  cannotFinish: number;
  /** Anything whose window or placement changed against the baseline. */
  moved: AdjustedInitiative[];
}

const isMoved = (row: AdjustedInitiative) =>
  (row.change !== null && row.change !== 'unchanged') || (row.change === null && row.adjusted === null);

export function adjustedSummary(plan: AdjustedPlan): AdjustedSummary {
  return {
    later: plan.initiatives.filter((i) => i.change === 'later').length,
    earlier: plan.initiatives.filter((i) => i.change === 'earlier').length,
    cannotFinish: plan.cannotFinish.length,
    moved: plan.initiatives.filter(isMoved),
  };
}

/** The rows to show: every initiative, or only those that moved (later ones first, then by key). */
export function visibleRows(plan: AdjustedPlan, onlyMoved: boolean): AdjustedInitiative[] {
  if (!onlyMoved) return plan.initiatives;
  const weight = (row: AdjustedInitiative) =>
    row.adjusted === null ? 0 : row.change === 'later' ? 1 : row.change === 'earlier' ? 3 : 2;
  return plan.initiatives.filter(isMoved).sort((a, b) => weight(a) - weight(b));
}

const WORK_ORDER: Record<InitiativeWork, number> = { 'not-started': 0, 'in-progress': 1, done: 2 };
/** A window sorts by its start, then its end; no window after every window. */
const windowSortKey = (window: PlanWindow | null): number | string =>
  window ? window.startSprint * 1000 + window.endSprint : '—';

/**
 * What each sortable column of the adjusted plan sorts by. Variance runs from the most days earlier to the most
 * days later, then what cannot finish in the quarter, then what has no baseline to compare with.
 */
export const adjustedSortValues: Record<string, (row: AdjustedInitiative) => number | string> = {
  initiative: (row) => row.key,
  work: (row) => WORK_ORDER[row.work],
  baseline: (row) => windowSortKey(row.baseline),
  adjusted: (row) => windowSortKey(row.adjusted),
  variance: (row) =>
    row.adjusted === null ? Number.MAX_SAFE_INTEGER : (row.endDeltaDays ?? (row.change === null ? '—' : 0)),
};

/** Where a window sits on a bar as wide as the quarter, in percent. */
export function barGeometry(
  window: Pick<PlanWindow, 'startSprint' | 'endSprint'> | null,
  sprintCount: number,
): { left: number; width: number } | null {
  if (!window || sprintCount <= 0) return null;
  const start = Math.max(0, Math.min(window.startSprint, sprintCount - 1));
  const end = Math.max(start, Math.min(window.endSprint, sprintCount - 1));
  return { left: (start / sprintCount) * 100, width: ((end - start + 1) / sprintCount) * 100 };
}

const OUTLOOK: Record<MilestoneForecast['outlook'], LozengeSpec> = {
  'on-time': { text: 'On time', appearance: 'success' },
  late: { text: 'Late', appearance: 'moved' },
  'cannot-finish': { text: 'Cannot finish in the quarter', appearance: 'removed' },
};
export const outlookLozenge = (m: MilestoneForecast): LozengeSpec => OUTLOOK[m.outlook];

/** One line for a milestone: where the forecast stands against its target and against the baseline's. */
export function milestoneText(m: MilestoneForecast): string {
  if (m.forecast === null)
    return `${m.unplacedKeys.join(', ')} cannot finish in the quarter: no forecast for ${shortDate(m.targetDate)}.`;
  const target =
    m.slipDays === null || m.slipDays <= 0
      ? `on time for ${shortDate(m.targetDate)}`
      : `${plural(m.slipDays, 'day')} after its target, ${shortDate(m.targetDate)}`;
  const baseline =
    m.varianceDays === null || m.varianceDays === 0
      ? ''
      : ` (${daysText(m.varianceDays)} than the baseline’s ${shortDate(m.baselineForecast ?? m.forecast)})`;
  return `Forecast ${shortDate(m.forecast)}${m.drivenBy ? `, when ${m.drivenBy} ends` : ''}: ${target}${baseline}.`;
}

export const teamNameOf = (teams: readonly ProgramTeam[], id: string | null): string =>
  id === null ? '—' : (teams.find((t) => t.id === id)?.name ?? id);

/** What the owner confirms when accepting: how many initiatives move and which. */
export function acceptConfirmation(plan: AdjustedPlan): string {
  const { moved } = adjustedSummary(plan);
  if (!plan.baseline) return 'There is no baseline yet: the adjusted plan becomes the first one.';
  if (moved.length === 0)
    return 'Nothing moved against the baseline: the new baseline records the same windows.';
  const names = moved.slice(0, 5).map((m) => `${m.key} (${varianceLozenge(m).text.toLowerCase()})`);
  const more = moved.length > 5 ? ` and ${moved.length - 5} more` : '';
  return `${plural(moved.length, 'initiative')} move against the current baseline: ${names.join(', ')}${more}.`;
}
