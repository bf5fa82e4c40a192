// The Plan tab as pure data: where each bar and arrow of the sprint timeline goes, which team-sprints are
// over capacity, which dependencies are late, how far the plan moved from its baseline, and the OKR text.
// The inputs are the few facts the view needs, so any schedule the backend sends fits them.
import type { token } from '@atlaskit/tokens';
import type {
  BaselineVariance,
  Commitment,
  CommitmentStatus,
  PlanDependency,
  QuarterPlanView,
  TeamOkrs,
  UnplacedInitiative,
} from '../../../../src/contract';

/** A design token with the light-theme value Atlaskit falls back to when the host gives no theme. */
export interface Paint {
  token: Parameters<typeof token>[0];
}

export const DANGER: Paint = { token: 'color.border.danger' };
export const DANGER_FILL: Paint = { token: 'color.background.danger' };
export const DANGER_TEXT: Paint = { token: 'color.text.danger' };
export const CRITICAL: Paint = { token: 'color.border.brand' };
export const NEUTRAL: Paint = { token: 'color.border.bold' };

export interface TimelineSprint {
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

export interface TimelinePlacement {
  readonly team: string;
  readonly startSprint: number;
  readonly endSprint: number;
  readonly load: number;
}

export interface TimelineInitiative {
  readonly key: string;
  readonly startSprint: number;
  readonly endSprint: number;
  readonly perTeam: readonly TimelinePlacement[];
  readonly pinned: boolean;
}

export interface TimelineTeamLoad {
  readonly team: string;
  readonly capacityPerSprint: number;
  readonly used: readonly number[];
}

export interface BaselineSpan {
  readonly key: string;
  readonly startSprint: number | null;
  readonly endSprint: number | null;
}

export interface TimelineDependency {
  readonly from: string;
  readonly to: string;
}

export interface TimelineInput {
  readonly sprints: readonly TimelineSprint[];
  /** Swimlanes, in this order; a team that only appears in the schedule is added after them. */
  readonly teams: readonly string[];
  readonly initiatives: readonly TimelineInitiative[];
  readonly load: readonly TimelineTeamLoad[];
  readonly dependencies: readonly TimelineDependency[];
  /** Initiative keys of the critical path, first to last. */
  readonly criticalPath: readonly string[];
  /** The frozen plan's span of each initiative, when there is a baseline. */
  readonly baseline?: readonly BaselineSpan[] | undefined;
  /** Lane labels by team id; the id is shown when a team has no name. */
  readonly teamNames?: ReadonlyMap<string, string> | undefined;
  /** Issue summaries, for labels and descriptions. */
  readonly summaries?: ReadonlyMap<string, string> | undefined;
}

export interface TimelineDimensions {
  readonly labelWidth: number;
  readonly sprintWidth: number;
  readonly headerHeight: number;
  readonly barHeight: number;
  readonly rowGap: number;
  readonly lanePadding: number;
  /** Room at the bottom of each lane for the load/capacity numbers. */
  readonly loadHeight: number;
}

export const DEFAULT_DIMENSIONS: TimelineDimensions = {
  labelWidth: 150,
  sprintWidth: 132,
  headerHeight: 44,
  barHeight: 24,
  rowGap: 8,
  lanePadding: 10,
  loadHeight: 20,
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineBar extends Rect {
  /** `${key}-${team}`, the bar's test id suffix. */
  id: string;
  key: string;
  team: string;
  startSprint: number;
  endSprint: number;
  load: number;
  row: number;
  pinned: boolean;
  onCriticalPath: boolean;
  /** It starts before one of its dependencies has finished. */
  late: boolean;
  /** Said to screen readers and in the bar's tooltip. */
  description: string;
}

export interface GhostBar extends Rect {
  id: string;
  key: string;
  team: string;
  startSprint: number;
  endSprint: number;
  /** Current end minus baseline end, in sprints. */
  endDelta: number;
}

export interface LoadCell extends Rect {
  team: string;
  sprint: number;
  used: number;
  capacity: number;
  over: boolean;
}

export interface Lane {
  team: string;
  label: string;
  y: number;
  height: number;
  rows: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface TimelineArrow {
  id: string;
  from: string;
  to: string;
  fromTeam: string;
  toTeam: string;
  points: Point[];
  late: boolean;
  onCriticalPath: boolean;
  description: string;
}

export interface TimelineView {
  width: number;
  height: number;
  columns: (Rect & { index: number; name: string; dates: string })[];
  lanes: Lane[];
  bars: TimelineBar[];
  ghosts: GhostBar[];
  cells: LoadCell[];
  arrows: TimelineArrow[];
  /** Dependencies whose dependent starts before they end, as `from->to`. */
  late: string[];
}

export const arrowId = (from: string, to: string) => `${from}->${to}`;
const barId = (key: string, team: string) => `${key}-${team}`;

/** Keys consecutive on the critical path, as arrow ids. */
export function criticalArrowIds(path: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) ids.add(arrowId(path[i]!, path[i + 1]!));
  return ids;
}

/**
 * Finish-to-start violations: `to` starts in or before the sprint where `from` ends. Both must be placed;
 * an unplaced dependency is the scheduler's to explain.
 */
export function lateDependencies(
  initiatives: readonly Pick<TimelineInitiative, 'key' | 'startSprint' | 'endSprint'>[],
  dependencies: readonly TimelineDependency[],
): Set<string> {
  const byKey = new Map(initiatives.map((i) => [i.key, i]));
  const late = new Set<string>();
  for (const { from, to } of dependencies) {
    const a = byKey.get(from);
    const b = byKey.get(to);
    if (a && b && b.startSprint <= a.endSprint) late.add(arrowId(from, to));
  }
  return late;
}

export interface CapacityCell {
  team: string;
  sprint: number;
  used: number;
  capacity: number;
  over: boolean;
}

/** Every team-sprint with its load; `over` when the load exceeds the team's capacity per sprint. */
export function capacityCells(load: readonly TimelineTeamLoad[], sprintCount: number): CapacityCell[] {
  const cells: CapacityCell[] = [];
  for (const team of load)
    for (let sprint = 0; sprint < sprintCount; sprint++) {
      const used = team.used[sprint] ?? 0;
      cells.push({
        team: team.team,
        sprint,
        used,
        capacity: team.capacityPerSprint,
        over: used > team.capacityPerSprint,
      });
    }
  return cells;
}

/** The load of each team in each sprint worked out from the placements, for plans that carry none. */
export function loadFromPlacements(
  initiatives: readonly TimelineInitiative[],
  capacities: ReadonlyMap<string, number>,
  sprintCount: number,
): TimelineTeamLoad[] {
  const used = new Map<string, number[]>();
  for (const team of capacities.keys()) used.set(team, new Array<number>(sprintCount).fill(0));
  for (const initiative of initiatives)
    for (const part of initiative.perTeam) {
      const row = used.get(part.team) ?? new Array<number>(sprintCount).fill(0);
      used.set(part.team, row);
      for (let s = Math.max(0, part.startSprint); s <= Math.min(sprintCount - 1, part.endSprint); s++)
        row[s] = (row[s] ?? 0) + part.load;
    }
  return [...used.entries()].map(([team, row]) => ({
    team,
    capacityPerSprint: capacities.get(team) ?? 0,
    used: row,
  }));
}

/** Rows within a lane: each part goes to the first row where it overlaps nothing (input order kept). */
export function packRows(parts: readonly { startSprint: number; endSprint: number }[]): number[] {
  const rowEnds: number[] = [];
  return parts.map((part) => {
    let row = rowEnds.findIndex((end) => end < part.startSprint);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = part.endSprint;
    return row;
  });
}

const sprintLabel = (sprints: readonly TimelineSprint[], index: number) =>
  sprints[index]?.name ?? `sprint ${index + 1}`;

function span(sprints: readonly TimelineSprint[], start: number, end: number): string {
  return start === end
    ? sprintLabel(sprints, start)
    : `${sprintLabel(sprints, start)} to ${sprintLabel(sprints, end)}`;
}

/** The sprint timeline: one swimlane per team, one column per sprint, bars, ghosts, load and arrows. */
export function timelineView(
  input: TimelineInput,
  dims: TimelineDimensions = DEFAULT_DIMENSIONS,
): TimelineView {
  const sprintCount = input.sprints.length;
  const teams = [...input.teams];
  const addTeam = (team: string) => {
    if (!teams.includes(team)) teams.push(team);
  };
  for (const i of input.initiatives) for (const p of i.perTeam) addTeam(p.team);
  for (const l of input.load) addTeam(l.team);

  const critical = new Set(input.criticalPath);
  const criticalArrows = criticalArrowIds(input.criticalPath);
  const late = lateDependencies(input.initiatives, input.dependencies);
  const lateTargets = new Set([...late].map((id) => id.split('->')[1]!));
  const baselineByKey = new Map((input.baseline ?? []).map((b) => [b.key, b]));
  // The baseline is kept per initiative: its ghost goes under the part that decides the initiative's end.
  const ghostTeam = new Map<string, string>();
  for (const initiative of input.initiatives) {
    const last = [...initiative.perTeam].sort((a, b) => b.endSprint - a.endSprint)[0];
    if (last) ghostTeam.set(initiative.key, last.team);
  }
  const sortedInitiatives = [...input.initiatives].sort(
    (a, b) => a.startSprint - b.startSprint || a.key.localeCompare(b.key),
  );

  const xOf = (sprint: number) => dims.labelWidth + sprint * dims.sprintWidth;
  const lanes: Lane[] = [];
  const bars: TimelineBar[] = [];
  const ghosts: GhostBar[] = [];
  let y = dims.headerHeight;
  const inset = 4;
  for (const team of teams) {
    const parts = sortedInitiatives.flatMap((initiative) =>
      initiative.perTeam.filter((p) => p.team === team).map((part) => ({ initiative, part })),
    );
    const rows = packRows(parts.map((p) => p.part));
    // A ghost shares its current bar's row, drawn just under it, so current and baseline read together.
    const rowCount = Math.max(1, ...rows.map((r) => r + 1));
    const rowHeight = dims.barHeight + dims.rowGap + (input.baseline ? 6 : 0);
    const height = dims.lanePadding * 2 + rowCount * rowHeight + dims.loadHeight;
    parts.forEach(({ initiative, part }, i) => {
      const row = rows[i] ?? 0;
      const barY = y + dims.lanePadding + row * rowHeight;
      const summary = input.summaries?.get(initiative.key);
      const notes = [
        initiative.pinned ? 'pinned' : undefined,
        critical.has(initiative.key) ? 'on the critical path' : undefined,
        lateTargets.has(initiative.key) ? 'starts before a dependency ends' : undefined,
      ].filter((n) => n !== undefined);
      bars.push({
        id: barId(initiative.key, team),
        key: initiative.key,
        team,
        startSprint: part.startSprint,
        endSprint: part.endSprint,
        load: part.load,
        row,
        pinned: initiative.pinned,
        onCriticalPath: critical.has(initiative.key),
        late: lateTargets.has(initiative.key),
        x: xOf(part.startSprint) + inset,
        y: barY,
        width: (part.endSprint - part.startSprint + 1) * dims.sprintWidth - inset * 2,
        height: dims.barHeight,
        description:
          `${initiative.key}${summary ? ` ${summary}` : ''}, ${input.teamNames?.get(team) ?? team}: ${span(input.sprints, part.startSprint, part.endSprint)}` +
          `, load ${part.load}${notes.length ? `, ${notes.join(', ')}` : ''}`,
      });
      const base = baselineByKey.get(initiative.key);
      if (
        base &&
        ghostTeam.get(initiative.key) === team &&
        base.startSprint !== null &&
        base.endSprint !== null
      )
        ghosts.push({
          id: barId(initiative.key, team),
          key: initiative.key,
          team,
          startSprint: base.startSprint,
          endSprint: base.endSprint,
          endDelta: initiative.endSprint - base.endSprint,
          x: xOf(base.startSprint) + inset,
          y: barY + dims.barHeight + 2,
          width: (base.endSprint - base.startSprint + 1) * dims.sprintWidth - inset * 2,
          height: 5,
        });
    });
    lanes.push({ team, label: input.teamNames?.get(team) ?? team, y, height, rows: rowCount });
    y += height;
  }

  const loadByTeam = new Map(input.load.map((l) => [l.team, l]));
  const cells: LoadCell[] = [];
  for (const lane of lanes) {
    const load = loadByTeam.get(lane.team);
    if (!load) continue;
    for (const cell of capacityCells([load], sprintCount))
      cells.push({
        ...cell,
        x: xOf(cell.sprint),
        y: lane.y,
        width: dims.sprintWidth,
        height: lane.height,
      });
  }

  const columns = input.sprints.map((sprint, index) => ({
    index,
    name: sprint.name,
    dates: `${sprint.start.slice(5)} – ${sprint.end.slice(5)}`,
    x: xOf(index),
    y: 0,
    width: dims.sprintWidth,
    height: y,
  }));

  const arrows = routeArrows(bars, input.dependencies, { late, critical: criticalArrows });
  return {
    width: xOf(sprintCount) + 16,
    height: y + 4,
    columns,
    lanes,
    bars,
    ghosts,
    cells,
    arrows,
    late: [...late].sort(),
  };
}

/**
 * Arrows from the end of a dependency's last-finishing bar to the start of its dependent's first bar.
 * In time order the arrow steps right, down or up, then right; a late arrow (going back in time) leaves
 * to the right, runs between the lanes and enters from the left, so it never hides behind a bar.
 */
export function routeArrows(
  bars: readonly TimelineBar[],
  dependencies: readonly TimelineDependency[],
  marks: { late: ReadonlySet<string>; critical: ReadonlySet<string> },
): TimelineArrow[] {
  const last = new Map<string, TimelineBar>();
  const first = new Map<string, TimelineBar>();
  for (const bar of bars) {
    const l = last.get(bar.key);
    if (!l || bar.x + bar.width > l.x + l.width) last.set(bar.key, bar);
    const f = first.get(bar.key);
    if (!f || bar.x < f.x) first.set(bar.key, bar);
  }
  const arrows: TimelineArrow[] = [];
  const gap = 6;
  for (const { from, to } of dependencies) {
    const a = last.get(from);
    const b = first.get(to);
    if (!a || !b) continue;
    const id = arrowId(from, to);
    const start = { x: a.x + a.width, y: a.y + a.height / 2 };
    const end = { x: b.x, y: b.y + b.height / 2 };
    let points: Point[];
    if (end.x - start.x >= gap * 2) {
      const midX = start.x + gap;
      points = [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end];
    } else {
      // Back in time (or touching): out right, across between the bars' rows, in from the left.
      const below = end.y >= start.y;
      const channelY = below ? a.y + a.height + 3 : a.y - 3;
      points = [
        start,
        { x: start.x + gap, y: start.y },
        { x: start.x + gap, y: channelY },
        { x: end.x - gap, y: channelY },
        { x: end.x - gap, y: end.y },
        end,
      ];
    }
    const late = marks.late.has(id);
    const onCriticalPath = marks.critical.has(id);
    const notes = [
      a.team !== b.team ? 'cross-team' : undefined,
      late ? `late: ${to} starts before ${from} ends` : undefined,
      onCriticalPath ? 'on the critical path' : undefined,
    ].filter((n) => n !== undefined);
    arrows.push({
      id,
      from,
      to,
      fromTeam: a.team,
      toTeam: b.team,
      points: dedupe(points),
      late,
      onCriticalPath,
      description: `${to} waits for ${from}${notes.length ? ` (${notes.join(', ')})` : ''}`,
    });
  }
  return arrows;
}

function dedupe(points: readonly Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
}

/** An SVG path through the points. */
export const pathData = (points: readonly Point[]) =>
  points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');

/** Issue keys in project then number order: PAY-2 before PAY-10. */
export function compareKeys(a: string, b: string): number {
  const [pa = '', na = ''] = a.split('-');
  const [pb = '', nb = ''] = b.split('-');
  return pa.localeCompare(pb) || Number(na) - Number(nb) || a.localeCompare(b);
}

/**
 * The chain of dependencies that decides when the quarter's work ends: back from a late-ending initiative
 * through each dependency that ends right before its dependent starts (the latest one when several do).
 * Of all such chains, the one that ends last wins, then the longest; a lone initiative is no path.
 */
export function scheduleCriticalPath(
  initiatives: readonly Pick<TimelineInitiative, 'key' | 'startSprint' | 'endSprint'>[],
  dependencies: readonly TimelineDependency[],
): string[] {
  const byKey = new Map(initiatives.map((i) => [i.key, i]));
  const placedDeps = dependencies.filter((d) => byKey.has(d.from) && byKey.has(d.to));
  const upstream = new Map<string, string[]>();
  for (const d of placedDeps) upstream.set(d.to, [...(upstream.get(d.to) ?? []), d.from]);
  const chainTo = (end: Pick<TimelineInitiative, 'key' | 'startSprint' | 'endSprint'>): string[] => {
    const path = [end.key];
    const seen = new Set(path);
    let current = end;
    for (;;) {
      const before = (upstream.get(current.key) ?? [])
        .filter((key) => !seen.has(key))
        .map((key) => byKey.get(key)!)
        .filter((from) => from.endSprint === current.startSprint - 1)
        .sort((a, b) => compareKeys(a.key, b.key))[0];
      if (!before) return path;
      path.unshift(before.key);
      seen.add(before.key);
      current = before;
    }
  };
  let best: { path: string[]; end: number } | undefined;
  const ends = [...upstream.keys()].map((key) => byKey.get(key)!).sort((a, b) => compareKeys(a.key, b.key));
  for (const end of ends) {
    const path = chainTo(end);
    if (path.length < 2) continue;
    if (!best || end.endSprint > best.end || (end.endSprint === best.end && path.length > best.path.length))
      best = { path, end: end.endSprint };
  }
  return best?.path ?? [];
}

/** What the timeline draws, from the resolver's answer. */
export function timelineInputOf(view: QuarterPlanView): TimelineInput {
  const placed = view.schedule.initiatives;
  const dependencies = view.dependencies.map(({ from, to }) => ({ from, to }));
  const baseline = view.baselineComparison?.variances.flatMap((v) =>
    v.baseline ? [{ key: v.key, startSprint: v.baseline.startSprint, endSprint: v.baseline.endSprint }] : [],
  );
  return {
    sprints: view.plan.calendar.sprints,
    teams: view.teams.map((t) => t.id),
    teamNames: new Map(view.teams.map((t) => [t.id, t.name])),
    initiatives: placed,
    load: view.schedule.load,
    dependencies,
    criticalPath: scheduleCriticalPath(placed, dependencies),
    baseline,
    summaries: new Map(view.initiatives.flatMap((i) => (i.summary ? [[i.key, i.summary] as const] : []))),
  };
}

/** Owners edit every team's estimate; a team lead edits their own team's. */
export const canEditEstimate = (view: Pick<QuarterPlanView, 'canEdit' | 'editableTeamIds'>, teamId: string) =>
  view.canEdit || view.editableTeamIds.includes(teamId);

/** The lead of the upstream team (the one that owns `from`) or an owner answers for a dependency. */
export const canCommit = (
  view: Pick<QuarterPlanView, 'canEdit' | 'editableTeamIds'>,
  dependency: Pick<PlanDependency, 'fromTeamId'>,
) => view.canEdit || (dependency.fromTeamId !== null && view.editableTeamIds.includes(dependency.fromTeamId));

export type EstimateCellState = 'estimated' | 'missing' | 'none';

export interface EstimateCell {
  initiativeKey: string;
  teamId: string;
  state: EstimateCellState;
  sprints: number | null;
  load: number | null;
  storyPoints: number | null;
  editable: boolean;
}

export interface EstimateRow {
  key: string;
  summary: string | null;
  team: string | null;
  carriedOver: boolean;
  cells: EstimateCell[];
}

export interface EstimateGrid {
  teams: { id: string; name: string; editable: boolean }[];
  rows: EstimateRow[];
  missing: number;
  /** Missing estimates per team id. */
  missingByTeam: Map<string, number>;
}

/** Initiatives × teams: an estimate, a missing one (the owning team has not answered) or nothing asked. */
export function estimateGrid(view: QuarterPlanView): EstimateGrid {
  const estimates = new Map(view.plan.estimates.map((e) => [`${e.initiativeKey}|${e.teamId}`, e]));
  const missing = new Set(view.missingEstimates.map((m) => `${m.initiativeKey}|${m.teamId}`));
  const missingByTeam = new Map<string, number>();
  for (const m of view.missingEstimates) missingByTeam.set(m.teamId, (missingByTeam.get(m.teamId) ?? 0) + 1);
  const rowsByKey = new Map(view.initiatives.map((i) => [i.key, i]));
  const rows = view.plan.initiatives.map((initiative): EstimateRow => {
    const row = rowsByKey.get(initiative.key);
    return {
      key: initiative.key,
      summary: row?.summary ?? null,
      team: row?.team ?? null,
      carriedOver: initiative.carriedOver,
      cells: view.teams.map((team): EstimateCell => {
        const id = `${initiative.key}|${team.id}`;
        const estimate = estimates.get(id);
        return {
          initiativeKey: initiative.key,
          teamId: team.id,
          state: estimate ? 'estimated' : missing.has(id) ? 'missing' : 'none',
          sprints: estimate?.sprints ?? null,
          load: estimate?.load ?? null,
          storyPoints: estimate?.storyPoints ?? null,
          editable: canEditEstimate(view, team.id),
        };
      }),
    };
  });
  return {
    teams: view.teams.map((t) => ({ id: t.id, name: t.name, editable: canEditEstimate(view, t.id) })),
    rows,
    missing: view.missingEstimates.length,
    missingByTeam,
  };
}

/** A sprint count as the TPM types it: a positive number (fractions allowed), or empty to remove. */
export function parseSprints(
  text: string,
): { ok: true; value: number | null } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return { ok: false, error: 'Sprints must be a number above 0.' };
  if (value > 52) return { ok: false, error: 'That is more than a year of sprints.' };
  return { ok: true, value };
}

/** Optional whole number ≥ 0 (story points, load); empty is none. */
export function parseOptionalCount(
  text: string,
  label: string,
): { ok: true; value: number | null } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0)
    return { ok: false, error: `${label} must be a number, 0 or more.` };
  return { ok: true, value };
}

/** The quarter a date falls in, `2027-Q1`. */
export function quarterOfDate(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function nextQuarterId(id: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(id);
  if (!match) throw new RangeError(`Not a quarter: ${id}`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/** Quarters to offer: every planned one, the current one and the next `ahead`, newest last. */
export function quarterOptions(today: Date, planned: readonly string[], ahead = 3): string[] {
  const quarters = new Set(planned);
  let q = quarterOfDate(today);
  quarters.add(q);
  for (let i = 0; i < ahead; i++) {
    q = nextQuarterId(q);
    quarters.add(q);
  }
  return [...quarters].sort();
}

/** The quarter to open first: the next one being planned (planning happens a month ahead), else the latest plan. */
export function defaultQuarter(today: Date, planned: readonly string[]): string {
  const next = nextQuarterId(quarterOfDate(today));
  if (planned.includes(next)) return next;
  const current = quarterOfDate(today);
  if (planned.includes(current)) return current;
  return [...planned].sort().at(-1) ?? next;
}

const REASON_TITLES: Record<UnplacedInitiative['reason'], string> = {
  'no-estimate': 'No estimate',
  cycle: 'On a dependency cycle',
  'dependency-unplaced': 'Waits for an unplaced initiative',
  capacity: 'Not enough team capacity',
  'beyond-quarter': 'Does not fit in the quarter',
  'pin-conflict': 'Pin cannot be honoured',
};

export const unplacedTitle = (reason: UnplacedInitiative['reason']) => REASON_TITLES[reason];

/** Wording of a baseline variance for the TPM. */
export function varianceText(variance: BaselineVariance): string {
  const d = variance.endDeltaSprints;
  switch (variance.change) {
    case 'unchanged':
      return 'as baselined';
    case 'later':
      return `${d ?? '?'} sprint${d === 1 ? '' : 's'} later than the baseline`;
    case 'earlier':
      return `${Math.abs(d ?? 0)} sprint${Math.abs(d ?? 0) === 1 ? '' : 's'} earlier than the baseline`;
    case 'added':
      return 'added after the baseline';
    case 'removed':
      return 'removed since the baseline';
    case 'now-unplaced':
      return 'was scheduled, now does not fit';
    case 'now-placed':
      return 'now scheduled (did not fit at the baseline)';
  }
}

/** Sprint variance as a short signed label: "+2", "−1", "0". */
export function deltaLabel(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${Math.abs(delta)}` : '0';
}

export const commitmentAppearance = (
  status: CommitmentStatus,
): 'success' | 'removed' | 'moved' | 'default' =>
  status === 'committed'
    ? 'success'
    : status === 'declined'
      ? 'removed'
      : status === 'at-risk'
        ? 'moved'
        : 'default';

/** A declined commitment needs a reason; nothing else does. */
export function commitmentProblem(status: CommitmentStatus, reason: string): string | null {
  return status === 'declined' && reason.trim() === '' ? 'Say why the team declines.' : null;
}

export interface AlignmentRow {
  dependency: PlanDependency;
  commitment: Commitment;
  editable: boolean;
}

/** The session's walk: every cross-team dependency of the quarter, upstream team by team, then by key. */
export function alignmentRows(view: QuarterPlanView, filter: { uncommittedOnly: boolean }): AlignmentRow[] {
  const teamName = new Map(view.teams.map((t) => [t.id, t.name]));
  return view.dependencies
    .filter((d) => d.crossTeam)
    .map((dependency) => ({
      dependency,
      commitment: dependency.commitment ?? {
        from: dependency.from,
        to: dependency.to,
        status: 'proposed' as const,
        reason: null,
        by: null,
        at: null,
      },
      editable: canCommit(view, dependency),
    }))
    .filter((row) => !filter.uncommittedOnly || row.commitment.status !== 'committed')
    .sort(
      (a, b) =>
        (teamName.get(a.dependency.fromTeamId ?? '') ?? '~').localeCompare(
          teamName.get(b.dependency.fromTeamId ?? '') ?? '~',
        ) ||
        compareKeys(a.dependency.from, b.dependency.from) ||
        compareKeys(a.dependency.to, b.dependency.to),
    );
}

/** The block a team pastes into its OKRs: a heading line, its key results, and what is still open. */
export function okrClipboardText(team: TeamOkrs, quarter: string): string {
  const lines = [`${team.teamName} — ${quarter} key results from program commitments`];
  if (team.keyResults.length === 0) lines.push('(no commitments yet)');
  else
    lines.push(
      ...(team.copyText.trim() ? team.copyText.trim().split('\n') : team.keyResults.map((kr) => kr.text)),
    );
  if (team.uncommitted.length > 0) {
    lines.push('', 'Not committed yet:');
    lines.push(...team.uncommitted.map((kr) => `- ${kr.from} → ${kr.to} (${kr.status})`));
  }
  return lines.join('\n');
}

/** Counts shown above the session: how many dependencies are in each state. */
export function commitmentCounts(rows: readonly AlignmentRow[]): Record<CommitmentStatus, number> {
  const counts: Record<CommitmentStatus, number> = { proposed: 0, committed: 0, declined: 0, 'at-risk': 0 };
  for (const row of rows) counts[row.commitment.status] += 1;
  return counts;
}
