// The program's RAG status with the reasons a TPM can read and act on: progress against what the plan in
// force expects by now, initiatives past their planned end, late milestones (already late, or scheduled to
// end late), detected risks and the register's live risks — each weighed by the program's own thresholds.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Milestone } from '../milestones/milestone';
import type { RagThresholds } from '../program/program';
import type { DetectedRisk } from '../risks/detection/types';
import { riskSeverity, type Risk, type RiskSeverity } from '../risks/risk';
import type { ExpectedProgress } from './progress-plan';
import { planPlacements, type SprintWindow } from './progress-plan';
import type { ProgramProgress } from './progress';
import type { ExecutionState } from './state';

export type Rag = 'green' | 'amber' | 'red';
export type RagSource = 'progress' | 'schedule' | 'milestone' | 'detected-risk' | 'register-risk';

export interface RagReason {
  level: 'amber' | 'red';
  source: RagSource;
  /** The full sentence: "PAY-12 is blocked by ID-4, which is planned two sprints later". */
  text: string;
  /** A few words for a table cell: "Past planned end", "Milestone late". */
  label: string;
  /** Initiatives the reason is about (all visible to whoever loaded the state). */
  initiativeKeys: string[];
}

export interface ProgramRag {
  status: Rag;
  /** Red first, then amber; empty when green. */
  reasons: RagReason[];
  /** One line on where the program stands. */
  summary: string;
  /** What the status could not take into account, and why. */
  limitations: string[];
}

export interface RagInput {
  state: ExecutionState;
  progress: ProgramProgress;
  expected: ExpectedProgress | null;
  /** What risk detection found; null when it did not run. */
  detected: readonly DetectedRisk[] | null;
  thresholds: RagThresholds;
}

/** Initiatives past their planned end named one by one; the rest in one reason. */
export const MAX_OVERDUE_NAMED = 5;

const SOURCE_ORDER: readonly RagSource[] = [
  'progress',
  'schedule',
  'milestone',
  'detected-risk',
  'register-risk',
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const daysBetween = (later: string, earlier: string) =>
  differenceInCalendarDays(parseISO(later), parseISO(earlier));

function levelOfSeverity(severity: RiskSeverity, t: RagThresholds): RagReason['level'] | null {
  if (t.riskRed.includes(severity)) return 'red';
  if (t.riskAmber.includes(severity)) return 'amber';
  return null;
}

function levelOfSlip(days: number, t: RagThresholds): RagReason['level'] | null {
  if (days >= Math.max(1, t.milestoneSlipRedDays)) return 'red';
  if (days >= Math.max(1, t.milestoneSlipAmberDays)) return 'amber';
  return null;
}

function levelOfBehind(behind: number, t: RagThresholds): RagReason['level'] | null {
  if (behind > t.behindRed) return 'red';
  if (behind > t.behindAmber) return 'amber';
  return null;
}

const measureWords = (e: ExpectedProgress) => (e.measure === 'points' ? 'by story points' : 'by issue count');
const basisWords = (e: ExpectedProgress) =>
  e.basis === 'baseline' ? `the ${e.quarter} baseline` : `today's ${e.quarter} schedule`;

function whereInPlan(e: ExpectedProgress): string {
  if (e.currentSprint)
    return `${e.currentSprint.name}, ${e.sprintsElapsed} of ${e.sprintCount} sprints elapsed`;
  return e.sprintsElapsed >= e.sprintCount ? 'after its last sprint' : 'before its first sprint';
}

function progressReasons(e: ExpectedProgress, t: RagThresholds): RagReason[] {
  const level = levelOfBehind(e.behind, t);
  if (!level) return [];
  return [
    {
      level,
      source: 'progress',
      label: 'Behind plan',
      text: `${e.actualPercent}% done ${measureWords(e)} where ${basisWords(e)} expects ${e.expectedPercent}% by now (${whereInPlan(e)}): ${e.behind} points behind.`,
      initiativeKeys: [],
    },
  ];
}

const endOf = (w: SprintWindow) => `${w.endName} (${w.end})`;

function overdueReasons(e: ExpectedProgress): RagReason[] {
  const overdue = e.initiatives
    .filter((i) => i.overdue)
    .sort((a, b) => a.window.end.localeCompare(b.window.end));
  const verb = e.basis === 'baseline' ? 'was planned' : 'was scheduled';
  const named = overdue.slice(0, MAX_OVERDUE_NAMED).map((i): RagReason => ({
    level: 'amber',
    source: 'schedule',
    label: 'Past planned end',
    text: `${i.key} ${verb} to end with ${endOf(i.window)} and is ${i.actualPercent}% done.`,
    initiativeKeys: [i.key],
  }));
  const rest = overdue.slice(MAX_OVERDUE_NAMED);
  if (rest.length > 0)
    named.push({
      level: 'amber',
      source: 'schedule',
      label: 'Past planned end',
      text: `${plural(rest.length, 'more initiative')} ${rest.length === 1 ? 'is' : 'are'} past ${rest.length === 1 ? 'its' : 'their'} planned end and not done: ${rest.map((i) => i.key).join(', ')}.`,
      initiativeKeys: rest.map((i) => i.key),
    });
  return named;
}

function milestoneReasons(state: ExecutionState, t: RagThresholds): RagReason[] {
  const reasons: RagReason[] = [];
  const visible = new Map(state.initiatives.map((i) => [i.key, i]));
  const placements = state.current ? planPlacements(state.current) : new Map();
  for (const m of state.milestones) {
    if (m.status === 'done') continue;
    const name = `Milestone “${m.name}” (${m.targetDate})`;
    const open = m.initiativeKeys.filter((k) => visible.get(k) && visible.get(k)?.status.category !== 'done');
    if (m.status === 'missed') {
      reasons.push({
        level: 'red',
        source: 'milestone',
        label: 'Milestone missed',
        text: `${name} was missed.`,
        initiativeKeys: open,
      });
      continue;
    }
    const late = daysBetween(state.today, m.targetDate);
    const lateLevel = late > 0 ? levelOfSlip(late, t) : null;
    if (late > 0) {
      if (lateLevel)
        reasons.push({
          level: lateLevel,
          source: 'milestone',
          label: 'Milestone late',
          text: `${name} is ${plural(late, 'day')} past its target date and not done.`,
          initiativeKeys: open,
        });
      continue;
    }
    const slip = projectedSlip(m, open, placements);
    const slipLevel = slip ? levelOfSlip(slip.days, t) : null;
    if (slip && slipLevel) {
      reasons.push({
        level: slipLevel,
        source: 'milestone',
        label: 'Milestone will slip',
        text: `${name} waits for ${slip.key}, scheduled to end with ${endOf(slip.window)}: ${plural(slip.days, 'day')} late.`,
        initiativeKeys: [slip.key],
      });
    } else if (m.status === 'at-risk')
      reasons.push({
        level: 'amber',
        source: 'milestone',
        label: 'Milestone at risk',
        text: `${name} is marked at risk.`,
        initiativeKeys: open,
      });
  }
  return reasons;
}

/** The milestone's open initiative scheduled to end last, when it ends after the milestone's date. */
function projectedSlip(
  m: Milestone,
  open: readonly string[],
  placements: ReadonlyMap<string, { current: SprintWindow | null }>,
): { key: string; window: SprintWindow; days: number } | null {
  let worst: { key: string; window: SprintWindow; days: number } | null = null;
  for (const key of open) {
    const window = placements.get(key)?.current;
    if (!window) continue;
    const days = daysBetween(window.end, m.targetDate);
    if (days > 0 && (!worst || days > worst.days)) worst = { key, window, days };
  }
  return worst;
}

const fingerprintOf = (risk: Risk): string | null => risk.fingerprint || null;
const keysNamedBy = (risk: Risk, visible: ReadonlySet<string>): string[] =>
  (risk.initiativeKeys ?? []).filter((k) => visible.has(k));

const isLive = (r: Risk) => r.status === 'open' || r.status === 'mitigating' || r.status === 'happened';

function riskReasons(input: RagInput): RagReason[] {
  const { state, thresholds: t } = input;
  const reasons: RagReason[] = [];
  const visible = new Set(state.initiatives.map((i) => i.key));
  const register = new Map(
    state.risks.flatMap((r) => (fingerprintOf(r) ? [[fingerprintOf(r), r] as const] : [])),
  );
  const detectedNow = new Set((input.detected ?? []).map((d) => d.fingerprint));
  for (const d of input.detected ?? []) {
    const registered = register.get(d.fingerprint);
    // The TPM accepted or closed it in the register: it no longer weighs on the status.
    if (registered && (registered.status === 'accepted' || registered.status === 'closed')) continue;
    if (registered?.status === 'happened') continue; // counted below as a problem
    const level = levelOfSeverity(riskSeverity(d), t);
    if (level)
      reasons.push({
        level,
        source: 'detected-risk',
        label: d.title,
        text: d.reason,
        initiativeKeys: d.initiativeKeys.filter((k) => visible.has(k)),
      });
  }
  for (const r of state.risks.filter(isLive)) {
    const fingerprint = fingerprintOf(r);
    if (r.status !== 'happened' && fingerprint && detectedNow.has(fingerprint)) continue; // counted above
    const severity = riskSeverity(r);
    const level = levelOfSeverity(severity, t);
    const keys = keysNamedBy(r, visible);
    if (r.status === 'happened')
      reasons.push({
        level: level ? 'red' : 'amber',
        source: 'register-risk',
        label: 'Open problem',
        text: `Problem (a risk that happened, ${severity}): ${r.title}.`,
        initiativeKeys: keys,
      });
    else if (level)
      reasons.push({
        level,
        source: 'register-risk',
        label: `${severity[0]?.toUpperCase()}${severity.slice(1)} risk`,
        text: `${severity === 'critical' ? 'Critical' : severity === 'high' ? 'High' : severity === 'medium' ? 'Medium' : 'Low'} risk in the register (${r.status}): ${r.title}.`,
        initiativeKeys: keys,
      });
  }
  return reasons;
}

function limitationsOf(input: RagInput): string[] {
  const { state, expected } = input;
  const out: string[] = [];
  if (!state.current)
    out.push(
      `No quarter plan is in force on ${state.today}, so progress is not compared with a schedule: the status rests on milestones, risks and progress in Jira.`,
    );
  else if (!expected)
    out.push(
      `The ${state.current.plan.quarter} plan schedules none of the initiatives you can see, so progress is not compared with it.`,
    );
  else if (expected.basis === 'schedule')
    out.push(
      `No baseline of ${expected.quarter} is frozen yet: expected progress follows today's schedule, which moves with every estimate.`,
    );
  if (input.detected === null) out.push('Risk detection did not run: only the register’s risks count.');
  if (state.initiatives.length === 0) out.push('No initiatives in scope that you can see.');
  return out;
}

function summaryOf(input: RagInput): string {
  const { progress, expected } = input;
  if (expected)
    return `${expected.actualPercent}% done ${measureWords(expected)}; ${basisWords(expected)} expects ${expected.expectedPercent}% by now (${whereInPlan(expected)}).`;
  const byPoints = progress.percentByPoints === null ? '' : `, ${progress.percentByPoints}% of story points`;
  return `${progress.percentByCount ?? 0}% of issues done${byPoints}; ${progress.initiatives.done} of ${plural(progress.initiatives.total, 'initiative')} done.`;
}

export function assessRag(input: RagInput): ProgramRag {
  const reasons = [
    ...(input.expected ? progressReasons(input.expected, input.thresholds) : []),
    ...(input.expected ? overdueReasons(input.expected) : []),
    ...milestoneReasons(input.state, input.thresholds),
    ...riskReasons(input),
  ];
  const rank = (r: RagReason) => (r.level === 'red' ? 0 : 1) * 10 + SOURCE_ORDER.indexOf(r.source);
  reasons.sort((a, b) => rank(a) - rank(b));
  const status: Rag = reasons.some((r) => r.level === 'red') ? 'red' : reasons.length > 0 ? 'amber' : 'green';
  return { status, reasons, summary: summaryOf(input), limitations: limitationsOf(input) };
}

export interface InitiativeRag {
  status: Rag;
  /** Short labels of what weighs on it, worst first. */
  flags: string[];
}

/**
 * One initiative's RAG: the program reasons that name it, and how far it is behind its own expectation
 * (by the same thresholds).
 */
export function initiativeRag(
  key: string,
  rag: ProgramRag,
  expected: ExpectedProgress | null,
  thresholds: RagThresholds,
): InitiativeRag {
  const named = rag.reasons.filter((r) => r.initiativeKeys.includes(key));
  const levels = named.map((r) => r.level);
  const flags = named.map((r) => r.label);
  const mine = expected?.initiatives.find((i) => i.key === key);
  if (mine && !mine.overdue) {
    const behind = mine.expectedPercent - mine.actualPercent;
    const level = levelOfBehind(behind, thresholds);
    if (level) {
      levels.push(level);
      flags.push(`Behind plan: ${mine.actualPercent}% of ${mine.expectedPercent}% expected`);
    }
  }
  const status: Rag = levels.includes('red') ? 'red' : levels.length > 0 ? 'amber' : 'green';
  return { status, flags: [...new Set(flags)] };
}
