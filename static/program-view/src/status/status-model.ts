// What the Status tab computes for display: RAG appearance and words, progress lines, sprint windows, the
// burn-up chart's geometry, sort keys and the thresholds form. Pure, so it is tested without a browser.
import type {
  BurnUpPoint,
  ProgressTally,
  Rag,
  RagThresholds,
  RiskSeverity,
  SprintWindow,
  StatusInitiativeRow,
} from '../../../../src/contract';

export type RagAppearance = 'success' | 'moved' | 'removed';

export const RAG_APPEARANCE: Record<Rag, RagAppearance> = {
  green: 'success',
  amber: 'moved',
  red: 'removed',
};
export const RAG_WORD: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
const RAG_RANK: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

export type Measure = 'issues' | 'points';

/** "42 of 120 issues done (35%)"; "No story points estimated" when there are none. */
export function progressLine(tally: ProgressTally, percent: number | null, measure: Measure): string {
  if (tally.total === 0) return measure === 'points' ? 'No story points estimated' : 'No issues yet';
  const unit = measure === 'points' ? 'story points' : 'issues';
  return `${formatNumber(tally.done)} of ${formatNumber(tally.total)} ${unit} done (${percent ?? 0}%)`;
}

export const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** "Sprint 2 – Sprint 3 (2027-01-18 to 2027-02-14)"; one sprint is named once. */
export function windowText(w: SprintWindow | null): string {
  if (!w) return '—';
  const names = w.startSprint === w.endSprint ? w.startName : `${w.startName} – ${w.endName}`;
  return `${names} (${w.start} to ${w.end})`;
}

/** How the current window moved from the planned one, in the TPM's words. */
export function windowChange(planned: SprintWindow | null, current: SprintWindow | null): string | null {
  if (!planned || !current) return null;
  const delta = current.endSprint - planned.endSprint;
  if (delta === 0) return 'as planned';
  const n = Math.abs(delta);
  return `${n} sprint${n === 1 ? '' : 's'} ${delta > 0 ? 'later' : 'earlier'}`;
}

export const ragSortKey = (rag: Rag): number => RAG_RANK[rag];
export const percentSortKey = (p: number | null): number => p ?? -1;
export const windowSortKey = (w: SprintWindow | null): string => w?.end ?? '9999-99-99';

/** Rows worst first (red, amber, green), then by key. */
export function worstFirst(rows: readonly StatusInitiativeRow[]): StatusInitiativeRow[] {
  return [...rows].sort((a, b) => RAG_RANK[b.rag] - RAG_RANK[a.rag] || a.key.localeCompare(b.key));
}

// --- Burn-up chart -----------------------------------------------------------------------------------

export interface ChartSize {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_SIZE: ChartSize = { width: 720, height: 280, left: 48, right: 16, top: 16, bottom: 36 };

export interface BurnUpGeometry {
  scopePath: string;
  donePath: string;
  /** The last point, for markers. */
  last: { x: number; scopeY: number; doneY: number } | null;
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  max: number;
}

const valuesOf = (p: BurnUpPoint, measure: Measure) =>
  measure === 'points'
    ? { scope: p.scopePoints, done: p.donePoints }
    : { scope: p.scopeIssues, done: p.doneIssues };

/** A round step giving about `count` ticks up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Lines of scope and done over the days of the series (x by date, so gaps in the history show as gaps in time). */
export function burnUpGeometry(
  points: readonly BurnUpPoint[],
  measure: Measure,
  size: ChartSize = CHART_SIZE,
): BurnUpGeometry {
  const innerWidth = size.width - size.left - size.right;
  const innerHeight = size.height - size.top - size.bottom;
  const maxValue = Math.max(0, ...points.map((p) => valuesOf(p, measure).scope));
  const step = niceStep(maxValue);
  const max = Math.max(step, Math.ceil(maxValue / step) * step);
  const first = points[0] ? dayNumber(points[0].date) : 0;
  const last = points.at(-1) ? dayNumber(points.at(-1)?.date ?? '') : 0;
  const span = Math.max(1, last - first);
  const x = (date: string) =>
    points.length === 1
      ? size.left + innerWidth
      : size.left + ((dayNumber(date) - first) / span) * innerWidth;
  const y = (value: number) => size.top + innerHeight - (value / max) * innerHeight;
  const path = (pick: (p: BurnUpPoint) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const yTicks: BurnUpGeometry['yTicks'] = [];
  for (let v = 0; v <= max; v += step) yTicks.push({ y: y(v), label: formatNumber(v) });
  const tickCount = Math.min(points.length, 5);
  const xTicks: BurnUpGeometry['xTicks'] = [];
  for (let i = 0; i < tickCount; i++) {
    const index =
      tickCount === 1 ? points.length - 1 : Math.round((i * (points.length - 1)) / (tickCount - 1));
    const p = points[index];
    if (p && !xTicks.some((t) => t.label === p.date)) xTicks.push({ x: x(p.date), label: p.date });
  }
  const lastPoint = points.at(-1);
  return {
    scopePath: path((p) => valuesOf(p, measure).scope),
    donePath: path((p) => valuesOf(p, measure).done),
    last: lastPoint
      ? {
          x: x(lastPoint.date),
          scopeY: y(valuesOf(lastPoint, measure).scope),
          doneY: y(valuesOf(lastPoint, measure).done),
        }
      : null,
    yTicks,
    xTicks,
    max,
  };
}

/** The chart said in words, for its <desc>. */
export function burnUpDescription(points: readonly BurnUpPoint[], measure: Measure): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No data yet.';
  const unit = measure === 'points' ? 'story points' : 'issues';
  const a = valuesOf(first, measure);
  const b = valuesOf(last, measure);
  if (first === last)
    return `On ${last.date}: ${formatNumber(b.done)} of ${formatNumber(b.scope)} ${unit} done.`;
  return `From ${first.date} to ${last.date}, scope went from ${formatNumber(a.scope)} to ${formatNumber(b.scope)} ${unit} and done work from ${formatNumber(a.done)} to ${formatNumber(b.done)}.`;
}

// --- Thresholds form ---------------------------------------------------------------------------------

export const SEVERITIES: readonly RiskSeverity[] = ['low', 'medium', 'high', 'critical'];

export interface ThresholdsDraft {
  behindAmber: string;
  behindRed: string;
  riskAmber: RiskSeverity[];
  riskRed: RiskSeverity[];
  milestoneSlipAmberDays: string;
  milestoneSlipRedDays: string;
}

export const draftOf = (t: RagThresholds): ThresholdsDraft => ({
  behindAmber: String(t.behindAmber),
  behindRed: String(t.behindRed),
  riskAmber: [...t.riskAmber],
  riskRed: [...t.riskRed],
  milestoneSlipAmberDays: String(t.milestoneSlipAmberDays),
  milestoneSlipRedDays: String(t.milestoneSlipRedDays),
});

/** The draft as thresholds; a field that is not a number stays a string for the backend to refuse by name. */
export function thresholdsOf(d: ThresholdsDraft): RagThresholds {
  const number = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
  return {
    behindAmber: number(d.behindAmber),
    behindRed: number(d.behindRed),
    riskAmber: d.riskAmber,
    riskRed: d.riskRed,
    milestoneSlipAmberDays: number(d.milestoneSlipAmberDays),
    milestoneSlipRedDays: number(d.milestoneSlipRedDays),
  } as RagThresholds;
}

/** The thresholds in one sentence each, for readers who cannot change them. */
export function thresholdSentences(t: RagThresholds): string[] {
  const risks = (s: readonly string[], colour: string) =>
    s.length === 0 ? `no risk turns it ${colour}` : `${s.join(' or ')} risks turn it ${colour}`;
  const amber = risks(t.riskAmber, 'amber');
  return [
    `Amber when more than ${t.behindAmber} points behind the progress the plan expects; red when more than ${t.behindRed}.`,
    `${amber[0]?.toUpperCase()}${amber.slice(1)}; ${risks(t.riskRed, 'red')} (detected or in the register).`,
    `A milestone late, or scheduled to end late, by ${t.milestoneSlipAmberDays} day(s) turns it amber; by ${t.milestoneSlipRedDays}, red.`,
  ];
}
