// The adjusted plan: the quarter's schedule re-run on where the work stands today, read against the
// baseline. Sprints before today's are history: what is done keeps the window it actually took, what is under
// way needs only its remaining work, and nothing else starts before today's sprint. The scheduler itself is
// not touched: its input is transformed (the rest of the quarter, remaining estimates) and its answer shifted.
import { differenceInCalendarDays } from 'date-fns';
import { parseDate } from '../calendar/quarter';
import type { Sprint } from '../calendar/types';
import type { Milestone } from '../milestones/milestone';
import { compareToBaseline } from '../plan/baseline';
import { scheduleInputOf } from '../plan/estimates';
import type {
  Baseline,
  BaselineChange,
  BaselineEntry,
  BaselineSummary,
  PlanEstimate,
  PlanInitiative,
  PlanPin,
  QuarterPlan,
} from '../plan/types';
import type { ProgramTeam } from '../program/program';
import { schedule } from '../schedule/schedule';
import type { PlacedInitiative, TeamLoad, UnplacedInitiative, UnplacedReason } from '../schedule/types';
import { compareIssueKeys } from '../scope/issue-key';
import type { ExecutionChild, ExecutionInitiative, ExecutionState } from './state';

/** Where an initiative's work stands in Jira. */
export type InitiativeWork = 'done' | 'in-progress' | 'not-started';

export interface PlanWindow {
  startSprint: number;
  endSprint: number;
  /** First day of the start sprint and last day of the end sprint. */
  startDate: string;
  endDate: string;
}

/** What is still open of an initiative, measured on its children. */
export interface OpenWork {
  /** Story points when any child carries them (children without points are not counted), else issues. */
  unit: 'points' | 'issues';
  open: number;
  total: number;
}

export interface AdjustedInitiative {
  key: string;
  summary: string | null;
  teamId: string | null;
  work: InitiativeWork;
  /** False when the epic left the scope or the viewer cannot see it: it is then taken as not started. */
  visible: boolean;
  /** Measured on the children; null without children, or when done. */
  remaining: OpenWork | null;
  /** Sprints of work left from today's sprint (the longest team part); null when done or not estimated. */
  remainingSprints: number | null;
  baseline: PlanWindow | null;
  adjusted: PlanWindow | null;
  /** How it moved against the baseline; null when there is no baseline. */
  change: BaselineChange | null;
  startDeltaSprints: number | null;
  endDeltaSprints: number | null;
  endDeltaDays: number | null;
  /** Why the rest of the quarter has no place for it. */
  unplaced: { reason: UnplacedReason; detail: string } | null;
  /** Why it moved (or cannot be placed), for the TPM; empty when it is where the baseline put it. */
  reasons: string[];
}

export type MilestoneOutlook = 'on-time' | 'late' | 'cannot-finish';

/** A milestone's forecast from the adjusted plan: the latest end among its initiatives of this quarter. */
export interface MilestoneForecast {
  id: string;
  name: string;
  targetDate: string;
  /** Its initiatives chosen this quarter. */
  initiativeKeys: string[];
  /** Its initiatives not in this quarter's plan: their dates are not forecast here. */
  outsideQuarter: string[];
  /** Latest baseline end among them; null without a baseline or when one was not placed. */
  baselineForecast: string | null;
  /** Latest adjusted end among them; null when one cannot finish in the quarter. */
  forecast: string | null;
  /** The initiative whose end is the forecast. */
  drivenBy: string | null;
  /** Forecast minus target date, in days: positive is late. */
  slipDays: number | null;
  /** Forecast minus baseline forecast, in days. */
  varianceDays: number | null;
  /** Its initiatives the rest of the quarter has no place for. */
  unplacedKeys: string[];
  outlook: MilestoneOutlook;
}

export interface CannotFinish {
  key: string;
  reason: UnplacedReason;
  detail: string;
  /** It was placed in the baseline: the quarter lost it. */
  placedInBaseline: boolean;
}

export interface AdjustedPlan {
  quarter: string;
  planVersion: number;
  today: string;
  /** Today's sprint, clamped to the calendar: 0 before the first sprint, `sprints.length` after the last. */
  currentSprint: number;
  sprints: Sprint[];
  baseline: BaselineSummary | null;
  /** Every chosen initiative, in key order. */
  initiatives: AdjustedInitiative[];
  milestones: MilestoneForecast[];
  /** Initiatives not done that the rest of the quarter has no place for. */
  cannotFinish: CannotFinish[];
  /** Where each chosen initiative sits in the adjusted plan: what accepting it freezes. */
  entries: BaselineEntry[];
  /** Per team, the capacity the remaining work uses in each sprint of the calendar (none before today's). */
  load: TeamLoad[];
  /** What the adjustment left out, e.g. pins in the past. */
  notes: string[];
  /** Changes whenever an adjusted window does: accepting names the plan the TPM saw. */
  fingerprint: string;
}

// In-progress work goes before everything not started, whatever its priority: the team is on it.
const UNDER_WAY_FIRST = 1_000_000;
const NO_PRIORITY = 100_000;
const EPSILON = 1e-9;

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** `2` → `two sprints`. */
export function sprintsText(n: number): string {
  const count = Math.abs(n);
  return `${NUMBER_WORDS[count] ?? String(count)} sprint${count === 1 ? '' : 's'}`;
}

/**
 * The sprint a date falls in; between two sprints, the one before (work resolved or due in the gap belongs to
 * the sprint that ended). -1 before the first sprint, `sprints.length` after the last.
 */
export function sprintHolding(sprints: readonly { start: string; end: string }[], date: string): number {
  const day = date.slice(0, 10);
  let index = -1;
  sprints.forEach((s, i) => {
    if (s.start <= day) index = i;
  });
  if (index === sprints.length - 1 && index >= 0 && day > (sprints[index]?.end ?? day)) return sprints.length;
  return index;
}

/** Where an initiative's work stands: done by its status, under way when it or any child has moved. */
export function workStateOf(initiative: ExecutionInitiative | undefined): InitiativeWork {
  if (!initiative) return 'not-started';
  if (initiative.status.category === 'done') return 'done';
  if (initiative.status.category === 'indeterminate' || initiative.children.some((c) => c.status !== 'new'))
    return 'in-progress';
  return 'not-started';
}

/** What is still open, by story points when any child has them, else by issue count; null without children. */
export function remainingWorkOf(children: readonly ExecutionChild[]): OpenWork | null {
  if (children.length === 0) return null;
  const pointed = children.filter((c) => c.storyPoints !== null && c.storyPoints > 0);
  if (pointed.length > 0) {
    const points = (list: readonly ExecutionChild[]) =>
      list.reduce((sum, c) => sum + (c.storyPoints ?? 0), 0);
    return {
      unit: 'points',
      open: points(pointed.filter((c) => c.status !== 'done')),
      total: points(pointed),
    };
  }
  return { unit: 'issues', open: children.filter((c) => c.status !== 'done').length, total: children.length };
}

/** 32-bit FNV-1a as hex: a short, stable digest of the adjusted windows. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const days = (later: string, earlier: string) =>
  differenceInCalendarDays(parseDate(later), parseDate(earlier));

function windowOf(
  sprints: readonly Sprint[],
  startSprint: number | null,
  endSprint: number | null,
): PlanWindow | null {
  if (startSprint === null || endSprint === null) return null;
  const first = sprints[startSprint];
  const last = sprints[endSprint];
  if (!first || !last) return null;
  return { startSprint, endSprint, startDate: first.start, endDate: last.end };
}

interface Facts {
  plan: QuarterPlan;
  sprints: readonly Sprint[];
  current: number;
  teams: readonly ProgramTeam[];
  info: Map<string, ExecutionInitiative>;
  work: Map<string, InitiativeWork>;
  baseline: Baseline | null;
  baselineOf: Map<string, BaselineEntry>;
}

/** The sprint work began in: Jira's start date, else the baseline's, when either is not after `latest`. */
function startedIn(facts: Facts, key: string, latest: number, fallback: number): number {
  const epic = facts.info.get(key);
  const jira =
    epic?.startDate !== undefined ? Math.max(0, sprintHolding(facts.sprints, epic.startDate)) : null;
  if (jira !== null && jira <= latest) return jira;
  const planned = facts.baselineOf.get(key)?.startSprint ?? null;
  if (planned !== null && planned <= latest) return planned;
  return fallback;
}

/** Done initiatives keep the window they took: from when they started to the sprint they were resolved in. */
function doneWindow(facts: Facts, key: string): { startSprint: number; endSprint: number } {
  const { sprints, current, info, baselineOf, plan } = facts;
  const last = Math.max(0, Math.min(sprints.length - 1, current));
  const resolvedAt = info.get(key)?.resolvedAt;
  const resolvedIn = resolvedAt !== undefined ? sprintHolding(sprints, resolvedAt) : null;
  const endSprint = Math.max(0, Math.min(last, resolvedIn ?? baselineOf.get(key)?.endSprint ?? last));
  const longest = Math.max(
    1,
    ...plan.estimates.filter((e) => e.initiativeKey === key).map((e) => Math.ceil(e.sprints - EPSILON)),
  );
  return { startSprint: startedIn(facts, key, endSprint, Math.max(0, endSprint - longest + 1)), endSprint };
}

interface Remaining {
  estimates: PlanEstimate[];
  /** The team's own date in Jira made the work longer than what is open. */
  extendedTo: { targetDate: string; sprint: number } | null;
}

/** The estimates of what is left: each team's part scaled by the open share, at least one sprint. */
function remainingEstimates(facts: Facts, key: string, share: number, underWay: boolean): Remaining {
  const { plan, sprints, current, info } = facts;
  const estimates = plan.estimates
    .filter((e) => e.initiativeKey === key && e.sprints > 0)
    .map((e) => ({ ...e, sprints: Math.max(1, Math.ceil(e.sprints * share - EPSILON)) }));
  const targetDate = info.get(key)?.targetDate;
  if (!underWay || targetDate === undefined || estimates.length === 0) return { estimates, extendedTo: null };
  const targetSprint = sprintHolding(sprints, targetDate);
  const needed = targetSprint - current + 1;
  const longest = estimates.reduce((a, b) => (b.sprints > a.sprints ? b : a));
  if (targetSprint < current || needed <= longest.sprints) return { estimates, extendedTo: null };
  // Under way with a later date set by the team: the work ends then, whatever is left open.
  return {
    estimates: estimates.map((e) => (e === longest ? { ...e, sprints: needed } : e)),
    extendedTo: { targetDate, sprint: targetSprint },
  };
}

const teamName = (teams: readonly ProgramTeam[], id: string) => teams.find((t) => t.id === id)?.name ?? id;
const sprintName = (sprints: readonly Sprint[], index: number) =>
  sprints[index]?.name ?? `sprint ${index + 1}`;

/** The adjusted plan of the plan in force; null when no plan is in force today. */
export function adjustPlan(state: ExecutionState): AdjustedPlan | null {
  const inForce = state.current;
  if (!inForce) return null;
  const { plan, baseline } = inForce;
  const sprints = plan.calendar.sprints;
  const current = Math.max(0, Math.min(inForce.currentSprint, sprints.length));
  const info = new Map(state.initiatives.map((i) => [i.key, i]));
  const keys = [...new Set(plan.initiatives.map((i) => i.key))].sort(compareIssueKeys);
  const chosen = new Set(keys);
  const work = new Map(keys.map((key) => [key, workStateOf(info.get(key))]));
  const facts: Facts = {
    plan,
    sprints,
    current,
    teams: state.program.teams,
    info,
    work,
    baseline,
    baselineOf: new Map((baseline?.schedule ?? []).map((e) => [e.key, e])),
  };
  const notes: string[] = [];

  // Done: kept where they happened.
  const done = new Map<string, { startSprint: number; endSprint: number }>();
  for (const key of keys) if (work.get(key) === 'done') done.set(key, doneWindow(facts, key));

  // Open: what is left, from today's sprint.
  const remainingWork = new Map<string, OpenWork | null>();
  const extended = new Map<string, { targetDate: string; sprint: number }>();
  const estimates: PlanEstimate[] = [];
  const initiatives: PlanInitiative[] = [];
  for (const planned of plan.initiatives) {
    const key = planned.key;
    const progress = work.get(key);
    if (progress === undefined || progress === 'done' || initiatives.some((i) => i.key === key)) continue;
    const underWay = progress === 'in-progress';
    const measured = underWay ? remainingWorkOf(info.get(key)?.children ?? []) : null;
    remainingWork.set(key, measured);
    const share = measured && measured.total > 0 ? measured.open / measured.total : 1;
    const left = remainingEstimates(facts, key, share, underWay);
    if (left.extendedTo) extended.set(key, left.extendedTo);
    estimates.push(...left.estimates);
    initiatives.push({
      ...planned,
      priority: underWay ? (planned.priority ?? NO_PRIORITY) - UNDER_WAY_FIRST : planned.priority,
    });
  }

  // Pins: a start already past cannot be kept; an initiative under way has started wherever it was pinned.
  const pins: PlanPin[] = [];
  const droppedPins = new Map<string, PlanPin>();
  for (const pin of plan.pins) {
    const progress = work.get(pin.initiativeKey);
    if (progress === undefined || progress === 'done') continue;
    if (pin.startSprint < current || progress === 'in-progress') {
      droppedPins.set(pin.initiativeKey, pin);
      notes.push(
        progress === 'in-progress'
          ? `${pin.initiativeKey} is pinned to start in ${sprintName(sprints, pin.startSprint)} but is already under way: the pin is not applied.`
          : `${pin.initiativeKey} was pinned to start in ${sprintName(sprints, pin.startSprint)}, which is past: the pin is not applied.`,
      );
      continue;
    }
    pins.push({ ...pin, startSprint: pin.startSprint - current });
  }

  // Dependencies on done work are met; the rest hold as in planning.
  const edges = state.edges.filter((e) => chosen.has(e.from) && chosen.has(e.to));
  const open = edges.filter((e) => !done.has(e.from) && !done.has(e.to));
  const rest = schedule(
    scheduleInputOf({
      sprints: sprints.slice(current),
      teams: state.program.teams.map((t) => ({ team: t.id, capacityPerSprint: t.capacityPerSprint })),
      initiatives,
      estimates,
      pins,
      dependencies: open.map((e) => ({ from: e.from, to: e.to })),
    }),
  );
  const placed = new Map<string, PlacedInitiative>(
    rest.initiatives.map((p) => [
      p.key,
      {
        ...p,
        startSprint: p.startSprint + current,
        endSprint: p.endSprint + current,
        perTeam: p.perTeam.map((t) => ({
          ...t,
          startSprint: t.startSprint + current,
          endSprint: t.endSprint + current,
        })),
      },
    ]),
  );
  const unplaced = new Map<string, UnplacedInitiative>(rest.unplaced.map((u) => [u.key, u]));

  // Work under way keeps the sprint it began in; its remaining part decides where it ends.
  const entries: BaselineEntry[] = keys.map((key) => {
    const part = placed.get(key);
    const window =
      done.get(key) ??
      (part && work.get(key) === 'in-progress'
        ? {
            startSprint: Math.min(part.startSprint, startedIn(facts, key, current, part.startSprint)),
            endSprint: part.endSprint,
          }
        : part);
    return { key, startSprint: window?.startSprint ?? null, endSprint: window?.endSprint ?? null };
  });
  const entryOf = new Map(entries.map((e) => [e.key, e]));
  const variances = baseline
    ? new Map(compareToBaseline(baseline.schedule, entries).map((v) => [v.key, v]))
    : new Map<string, never>();
  const baselineSprints = baseline?.sprints.length ? baseline.sprints : sprints;

  const adjusted: AdjustedInitiative[] = keys.map((key) => {
    const entry = entryOf.get(key)!;
    const frozen = facts.baselineOf.get(key);
    const variance = variances.get(key);
    const before = frozen ? windowOf(baselineSprints, frozen.startSprint, frozen.endSprint) : null;
    const now = windowOf(sprints, entry.startSprint, entry.endSprint);
    const progress = work.get(key) ?? 'not-started';
    const p = placed.get(key);
    const u = unplaced.get(key);
    const epic = info.get(key);
    const row: AdjustedInitiative = {
      key,
      summary: epic?.summary ?? null,
      teamId: epic?.teamId ?? null,
      work: progress,
      visible: epic !== undefined,
      remaining: remainingWork.get(key) ?? null,
      remainingSprints: p ? Math.max(...p.perTeam.map((t) => t.endSprint - t.startSprint + 1)) : null,
      baseline: before,
      adjusted: now,
      change: baseline ? (variance?.change ?? 'added') : null,
      startDeltaSprints: before && now ? now.startSprint - before.startSprint : null,
      endDeltaSprints: before && now ? now.endSprint - before.endSprint : null,
      endDeltaDays: before && now ? days(now.endDate, before.endDate) : null,
      unplaced: u ? { reason: u.reason, detail: unplacedText(facts, u) } : null,
      reasons: [],
    };
    row.reasons = reasonsFor(facts, row, {
      placed: p,
      edges,
      entryOf,
      extendedTo: extended.get(key) ?? null,
      droppedPin: droppedPins.get(key) ?? null,
      resolvedAt: epic?.resolvedAt ?? null,
    });
    return row;
  });

  const cannotFinish: CannotFinish[] = adjusted
    .filter((a) => a.unplaced !== null)
    .map((a) => ({
      key: a.key,
      reason: a.unplaced!.reason,
      detail: a.unplaced!.detail,
      placedInBaseline: a.baseline !== null,
    }));

  if (sprints.length === 0) notes.push(`The ${plan.quarter} calendar has no sprints.`);
  else if (current >= sprints.length)
    notes.push(`The ${plan.quarter} sprints are over: whatever is not done cannot finish in the quarter.`);

  return {
    quarter: plan.quarter,
    planVersion: plan.version,
    today: state.today,
    currentSprint: current,
    sprints,
    baseline: baseline ? summaryOf(baseline) : null,
    initiatives: adjusted,
    milestones: forecastMilestones(state.milestones, adjusted, chosen),
    cannotFinish,
    entries,
    load: rest.load.map((l) => ({
      ...l,
      used: [...Array.from({ length: current }, () => 0), ...l.used],
    })),
    notes,
    fingerprint: digest(
      `${plan.quarter};${entries.map((e) => `${e.key}:${e.startSprint ?? '-'}-${e.endSprint ?? '-'}`).join(';')}`,
    ),
  };
}

function summaryOf(baseline: Baseline): BaselineSummary {
  return {
    id: baseline.id,
    frozenAt: baseline.frozenAt,
    frozenBy: baseline.frozenBy,
    note: baseline.note,
    planVersion: baseline.planVersion,
  };
}

/** The scheduler's reason, in sprint names and team names, with "the rest of the quarter" for what is left. */
function unplacedText(facts: Facts, u: UnplacedInitiative): string {
  const { sprints, current, teams } = facts;
  const team = u.blockedBy.team !== undefined ? `team ${teamName(teams, u.blockedBy.team)}` : 'its team';
  const left = sprints.length - current;
  const lastName = sprintName(sprints, sprints.length - 1);
  switch (u.reason) {
    case 'no-estimate':
      return `${u.key} has no estimate in sprints from any team.`;
    case 'cycle':
      return `${u.key} is on a dependency cycle: ${(u.blockedBy.cycle ?? []).join(' → ')}. No order of work satisfies it.`;
    case 'dependency-unplaced':
      return `${u.key} waits for ${u.blockedBy.dependency ?? 'a dependency'}, which cannot finish in the quarter either.`;
    case 'beyond-quarter':
      if (left <= 0) return `${u.key} is not done and the quarter’s sprints are over.`;
      return u.blockedBy.dependency !== undefined
        ? `${u.key} can start only after ${u.blockedBy.dependency} ends in ${sprintName(sprints, (u.blockedBy.sprint ?? 0) + current)}, and ${team} then needs more sprints than are left before the end of ${lastName}.`
        : `${u.key} needs more of ${team}’s sprints than the ${sprintsText(left)} left in the quarter (to the end of ${lastName}).`;
    case 'capacity':
      return `${team} has no room for ${u.key} in the ${sprintsText(left)} left in the quarter.`;
    case 'pin-conflict':
      return u.blockedBy.dependency !== undefined
        ? `${u.key} is pinned to start in ${sprintName(sprints, (u.blockedBy.sprint ?? 0) + current)}, but its dependency ${u.blockedBy.dependency} does not end before then.`
        : `${u.key} is pinned to start in ${sprintName(sprints, (u.blockedBy.sprint ?? 0) + current)}, but ${team} has no room for it from then.`;
  }
}

interface ReasonFacts {
  placed: PlacedInitiative | undefined;
  edges: readonly { from: string; to: string }[];
  entryOf: Map<string, BaselineEntry>;
  extendedTo: { targetDate: string; sprint: number } | null;
  droppedPin: PlanPin | null;
  resolvedAt: string | null;
}

const later = (n: number) => (n > 0 ? `${sprintsText(n)} later` : `${sprintsText(n)} earlier`);

/** Why an initiative sits where the adjusted plan puts it, when that is not where the baseline did. */
function reasonsFor(facts: Facts, row: AdjustedInitiative, r: ReasonFacts): string[] {
  if (row.change === 'unchanged' && row.unplaced === null) return [];
  const { sprints, current, baselineOf, teams } = facts;
  const reasons: string[] = [];
  const before = row.baseline;
  const now = row.adjusted;
  const today = sprintName(sprints, Math.min(current, sprints.length - 1));

  if (!row.visible)
    reasons.push(
      `${row.key} is not in the program’s scope any more (or you cannot see it): it is taken as not started.`,
    );

  if (row.work === 'done' && now) {
    const resolved = r.resolvedAt ? ` (resolved ${r.resolvedAt.slice(0, 10)})` : '';
    const delta = before ? now.endSprint - before.endSprint : 0;
    reasons.push(
      `Finished in ${sprintName(sprints, now.endSprint)}${resolved}${
        delta !== 0 ? `, ${later(delta)} than the baseline` : ''
      }.`,
    );
  }

  if (row.work === 'in-progress') {
    if (before && before.endSprint < current)
      reasons.push(
        `Should have finished in ${sprintName(sprints, before.endSprint)} and is still under way.`,
      );
    if (row.remaining) {
      const unit = row.remaining.unit === 'points' ? 'story points' : 'issues';
      reasons.push(
        `${row.remaining.open} of ${row.remaining.total} ${unit} are still open: about ${sprintsText(
          row.remainingSprints ?? 1,
        )} of work.`,
      );
    }
    if (r.extendedTo)
      reasons.push(
        r.extendedTo.sprint >= sprints.length
          ? `Its target date in Jira, ${r.extendedTo.targetDate}, is after the quarter’s last sprint.`
          : `Its target date in Jira, ${r.extendedTo.targetDate}, is in ${sprintName(sprints, r.extendedTo.sprint)}: the team expects to finish then.`,
      );
  }

  if (row.work === 'not-started' && before && before.startSprint < current && row.visible)
    reasons.push(
      `Has not started, though the baseline started it in ${sprintName(sprints, before.startSprint)}: the earliest it can start is ${today}.`,
    );

  if (r.droppedPin && row.work !== 'done')
    reasons.push(`Its pin to ${sprintName(sprints, r.droppedPin.startSprint)} no longer applies.`);

  if (r.placed && now && row.work !== 'done') {
    // What held the (remaining) work back: the latest-ending dependency, else room in a team's sprints.
    let driver: { key: string; end: number } | null = null;
    for (const e of r.edges) {
      if (e.to !== row.key) continue;
      const end = r.entryOf.get(e.from)?.endSprint ?? null;
      if (end !== null && (driver === null || end > driver.end)) driver = { key: e.from, end };
    }
    const begins = r.placed.startSprint;
    const floor = r.placed.pinned ? begins : current;
    const ready = Math.max(floor, driver ? driver.end + 1 : floor);
    const startDelta = before ? now.startSprint - before.startSprint : 0;
    const planned = driver ? (baselineOf.get(driver.key)?.endSprint ?? null) : null;
    const moved = planned !== null && driver !== null && planned !== driver.end;
    const driverEnds = driver
      ? `${driver.key} ${moved ? 'now ends' : 'ends'} in ${sprintName(sprints, driver.end)}${
          moved && planned !== null ? ` (baseline: ${sprintName(sprints, planned)})` : ''
        }`
      : '';
    if (driver && begins === driver.end + 1 && begins > floor) {
      if (row.work === 'in-progress')
        reasons.push(`Its remaining work waits for ${driver.key}: ${driverEnds}.`);
      else if (startDelta !== 0) reasons.push(`Starts ${later(startDelta)} because ${driverEnds}.`);
    } else if (begins > ready) {
      const held = r.placed.perTeam.find((t) => t.startSprint === begins) ?? r.placed.perTeam[0];
      if (held)
        reasons.push(
          `Team ${teamName(teams, held.team)} has no room for ${
            row.work === 'in-progress' ? 'its remaining work' : 'it'
          } before ${sprintName(sprints, held.startSprint)}.`,
        );
    } else if (row.work === 'not-started' && startDelta < 0)
      reasons.push(
        driver && driver.end + 1 === begins
          ? `Can start ${later(startDelta)}: ${driver.key} ends in ${sprintName(sprints, driver.end)}.`
          : `Can start ${later(startDelta)}: nothing it waits for holds it back.`,
      );
  }

  if (row.unplaced) reasons.push(row.unplaced.detail);
  reasons.push(...estimateChanges(facts, row.key));
  return reasons;
}

/** Estimates that changed since the baseline was frozen, said per team. */
function estimateChanges(facts: Facts, key: string): string[] {
  const { baseline, plan, teams } = facts;
  if (!baseline) return [];
  const then = baseline.estimates.filter((e) => e.initiativeKey === key);
  const now = plan.estimates.filter((e) => e.initiativeKey === key);
  const teamIds = [...new Set([...then, ...now].map((e) => e.teamId))].sort();
  const changes: string[] = [];
  for (const teamId of teamIds) {
    const a = then.find((e) => e.teamId === teamId)?.sprints ?? null;
    const b = now.find((e) => e.teamId === teamId)?.sprints ?? null;
    if (a === b) continue;
    const name = teamName(teams, teamId);
    changes.push(
      a === null
        ? `${name} estimated it at ${sprintsText(b ?? 0)} after the baseline.`
        : b === null
          ? `${name}’s estimate of ${sprintsText(a)} was removed after the baseline.`
          : `${name}’s estimate changed from ${sprintsText(a)} to ${sprintsText(b)} since the baseline.`,
    );
  }
  return changes;
}

function forecastMilestones(
  milestones: readonly Milestone[],
  initiatives: readonly AdjustedInitiative[],
  chosen: ReadonlySet<string>,
): MilestoneForecast[] {
  const byKey = new Map(initiatives.map((i) => [i.key, i]));
  return milestones
    .filter((m) => m.initiativeKeys.some((k) => chosen.has(k)))
    .map((m): MilestoneForecast => {
      const inQuarter = m.initiativeKeys.filter((k) => chosen.has(k)).sort(compareIssueKeys);
      const rows = inQuarter.map((k) => byKey.get(k)!);
      const unplacedKeys = rows.filter((r) => r.adjusted === null).map((r) => r.key);
      const latest = (pick: (r: AdjustedInitiative) => PlanWindow | null) => {
        let best: { key: string; end: string } | null = null;
        for (const r of rows) {
          const w = pick(r);
          if (!w) return null;
          if (!best || w.endDate > best.end) best = { key: r.key, end: w.endDate };
        }
        return best;
      };
      const forecast = latest((r) => r.adjusted);
      const planned = latest((r) => r.baseline);
      const slipDays = forecast ? days(forecast.end, m.targetDate) : null;
      return {
        id: m.id,
        name: m.name,
        targetDate: m.targetDate,
        initiativeKeys: inQuarter,
        outsideQuarter: m.initiativeKeys.filter((k) => !chosen.has(k)).sort(compareIssueKeys),
        baselineForecast: planned?.end ?? null,
        forecast: forecast?.end ?? null,
        drivenBy: forecast?.key ?? null,
        slipDays,
        varianceDays: forecast && planned ? days(forecast.end, planned.end) : null,
        unplacedKeys,
        outlook: forecast === null ? 'cannot-finish' : (slipDays ?? 0) > 0 ? 'late' : 'on-time',
      };
    })
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate) || a.name.localeCompare(b.name));
}

/** The baseline that accepting the adjusted plan freezes: today's plan with the adjusted windows. */
export function baselineFromAdjusted(
  plan: QuarterPlan,
  adjusted: AdjustedPlan,
  frozen: { id: string; at: string; by: string; note: string },
): Baseline {
  return {
    id: frozen.id,
    frozenAt: frozen.at,
    frozenBy: frozen.by,
    note: frozen.note,
    planVersion: plan.version,
    quarter: plan.quarter,
    sprints: plan.calendar.sprints,
    initiatives: plan.initiatives,
    estimates: plan.estimates,
    commitments: plan.commitments,
    schedule: adjusted.entries,
  };
}
