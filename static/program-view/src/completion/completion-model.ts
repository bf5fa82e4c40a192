// Pure helpers of the Completion tab: labels and lozenge appearances, editing lines, the throughput chart's
// geometry. The UI sees only the contract's types, so the few rules it needs are restated here.
import type {
  ActionStatus,
  AssessmentRowView,
  AssessmentSubject,
  DateOutcome,
  Evidence,
  HandoverItem,
  HandoverState,
  LessonCategory,
  SprintThroughput,
  Verdict,
} from '../../../../src/contract';

export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

export const VERDICTS: { verdict: Verdict; label: string; appearance: LozengeAppearance }[] = [
  { verdict: 'met', label: 'Met', appearance: 'success' },
  { verdict: 'partly', label: 'Partly', appearance: 'moved' },
  { verdict: 'missed', label: 'Missed', appearance: 'removed' },
];

export function verdictLozenge(verdict: Verdict | null): { label: string; appearance: LozengeAppearance } {
  const found = VERDICTS.find((v) => v.verdict === verdict);
  return found
    ? { label: found.label, appearance: found.appearance }
    : { label: 'Not assessed', appearance: 'default' };
}

export const OUTCOMES: Record<DateOutcome, { label: string; appearance: LozengeAppearance }> = {
  early: { label: 'Early', appearance: 'success' },
  'on-time': { label: 'On time', appearance: 'success' },
  late: { label: 'Late', appearance: 'removed' },
  overdue: { label: 'Overdue', appearance: 'removed' },
  'in-progress': { label: 'In progress', appearance: 'inprogress' },
  'done-undated': { label: 'Done, no date', appearance: 'default' },
  'no-plan': { label: 'No planned date', appearance: 'default' },
};

export const HANDOVER_STATES: Record<HandoverState, { label: string; appearance: LozengeAppearance }> = {
  none: { label: 'Not planned yet', appearance: 'default' },
  pending: { label: 'Awaiting acceptance', appearance: 'moved' },
  accepted: { label: 'Accepted', appearance: 'success' },
  rejected: { label: 'Rejected', appearance: 'removed' },
  waived: { label: 'Waived', appearance: 'new' },
};

export const ACTION_STATUSES: { status: ActionStatus; label: string; appearance: LozengeAppearance }[] = [
  { status: 'open', label: 'Open', appearance: 'default' },
  { status: 'in-progress', label: 'In progress', appearance: 'inprogress' },
  { status: 'done', label: 'Done', appearance: 'success' },
];

export const LESSON_CATEGORIES: { category: LessonCategory; label: string; appearance: LozengeAppearance }[] =
  [
    { category: 'to-improve', label: 'To improve', appearance: 'moved' },
    { category: 'went-well', label: 'Went well', appearance: 'success' },
  ];

/** A stable key for a row, for test ids and React keys (the same shape as the stored assessment's id). */
export const subjectKey = (subject: AssessmentSubject): string =>
  subject.kind === 'goal' ? `goal-${subject.goalId}` : `criterion-${subject.quarter}-${subject.criterionId}`;

/** "Goal", or "2027-Q1 criterion · serves: Conversion up". */
export function subjectLabel(
  row: AssessmentRowView,
  goals: readonly { id: string; statement: string }[],
): string {
  if (row.subject.kind === 'goal') return 'Goal';
  const serves = row.goalIds.map((id) => goals.find((g) => g.id === id)?.statement ?? id).join('; ');
  return `${row.subject.quarter} criterion${serves ? ` · serves: ${serves}` : ''}`;
}

/** Text typed one item per line, blank lines dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const evidenceText = (e: Evidence): string => (e.kind === 'issue' ? e.key : e.url);
export const handoverItemText = (i: HandoverItem): string => (i.kind === 'issue' ? i.key : i.text);

/** A link as people read it: host and path, without the scheme. */
export function shortUrl(url: string, max = 48): string {
  const bare = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return bare.length > max ? `${bare.slice(0, max - 1)}…` : bare;
}

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  label: string;
  title: string;
}

export interface ThroughputChartGeometry {
  width: number;
  height: number;
  /** The baseline the bars stand on. */
  axisY: number;
  left: number;
  max: number;
  bars: ChartBar[];
}

/** One bar per sprint, scaled to the busiest; an empty calendar draws an empty axis. */
export function throughputChart(
  sprints: readonly SprintThroughput[],
  {
    barWidth = 36,
    plotHeight = 140,
    left = 32,
  }: { barWidth?: number; plotHeight?: number; left?: number } = {},
): ThroughputChartGeometry {
  const max = Math.max(1, ...sprints.map((s) => s.resolved));
  const top = 16;
  const axisY = top + plotHeight;
  const bars = sprints.map((s, i): ChartBar => {
    const height = Math.round((s.resolved / max) * plotHeight);
    return {
      x: left + i * barWidth + 4,
      y: axisY - height,
      width: barWidth - 8,
      height,
      value: s.resolved,
      label: s.sprint,
      title: `${s.quarter} ${s.sprint} (${s.start} to ${s.end}): ${s.resolved} issue(s) resolved, ${s.points} points`,
    };
  });
  return {
    width: left + Math.max(1, sprints.length) * barWidth + 8,
    height: axisY + 28,
    axisY,
    left,
    max,
    bars,
  };
}

/** `2027-04-20T09:15:00.000Z` → `2027-04-20`. */
export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');
