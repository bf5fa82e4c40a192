// What the Risks tab shows, as pure functions of the register view (tested without a browser).
import type {
  Person,
  RegisterRisk,
  RiskRuleId,
  RiskSeverity,
  RiskStatus,
  RiskStatusChange,
  RiskSyncSummary,
} from '../../../../src/contract';

export type RegisterFilter = 'live' | 'problems' | 'closed' | 'all';

export const FILTERS: readonly { value: RegisterFilter; label: string }[] = [
  { value: 'live', label: 'Open' },
  { value: 'problems', label: 'Problems' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

/** Happened (or recorded as happened and since resolved). */
export const isProblem = (r: Pick<RegisterRisk, 'status' | 'problem'>): boolean =>
  r.status === 'happened' || r.problem !== undefined;

const matches: Record<RegisterFilter, (r: RegisterRisk) => boolean> = {
  live: (r) => r.status !== 'closed' && r.status !== 'happened',
  problems: isProblem,
  closed: (r) => r.status === 'closed' && !isProblem(r),
  all: () => true,
};

const DETECTION = 'The app checks the plan and Jira for risks every day';

/** What an empty register says, per filter: what would put a risk there, and where to do it. */
export function emptyRegister(
  filter: RegisterFilter,
  canDetect: boolean,
): { header: string; description: string } {
  const add = `Add a risk you foresee under Risks on the Overview tab. ${DETECTION}${canDetect ? '; Detect now above checks at once' : ''}.`;
  switch (filter) {
    case 'live':
      return { header: 'No open risks', description: add };
    case 'problems':
      return {
        header: 'No problems recorded',
        description:
          'When a risk happens, choose “It happened” on its row under Open to record it as a problem, with an owner and, later, its resolution.',
      };
    case 'closed':
      return {
        header: 'No closed risks',
        description:
          'A risk closes when you close it on the Overview tab, or by itself once the condition the app detected clears.',
      };
    case 'all':
      return { header: 'No risks yet', description: add };
  }
}

export const filterRisks = (risks: readonly RegisterRisk[], filter: RegisterFilter): RegisterRisk[] =>
  risks.filter(matches[filter]);

export function filterCounts(risks: readonly RegisterRisk[]): Record<RegisterFilter, number> {
  return {
    live: filterRisks(risks, 'live').length,
    problems: filterRisks(risks, 'problems').length,
    closed: filterRisks(risks, 'closed').length,
    all: risks.length,
  };
}

/** Problems still open first, then resolved ones, the most recent first. */
export function problemsFirstOpen(risks: readonly RegisterRisk[]): RegisterRisk[] {
  return filterRisks(risks, 'problems').sort(
    (a, b) =>
      Number(Boolean(a.problem?.resolvedAt)) - Number(Boolean(b.problem?.resolvedAt)) ||
      (b.problem?.happenedAt ?? '').localeCompare(a.problem?.happenedAt ?? ''),
  );
}

export const RULE_LABEL: Record<RiskRuleId, string> = {
  'dependency-cycle': 'Dependency cycle',
  'dependency-late': 'Dependency planned late',
  'dependency-unestimated': 'Dependency not estimated',
  'dependency-unplanned': 'Dependency not planned',
  'team-over-capacity': 'Team over capacity',
  'commitment-declined': 'Commitment declined',
  'commitment-at-risk': 'Commitment at risk',
  'commitment-missing': 'Commitment missing',
  'past-target-date': 'Past target date',
  'scope-added-after-baseline': 'Added after baseline',
  'no-okr': 'Serves no OKR',
};

export const ruleLabel = (rule: string | undefined): string =>
  rule === undefined ? '—' : (RULE_LABEL[rule as RiskRuleId] ?? rule);

type Appearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

export const SEVERITY_APPEARANCE: Record<RiskSeverity, Appearance> = {
  low: 'success',
  medium: 'moved',
  high: 'removed',
  critical: 'removed',
};

export const STATUS_APPEARANCE: Record<RiskStatus, Appearance> = {
  open: 'new',
  mitigating: 'inprogress',
  accepted: 'default',
  happened: 'removed',
  closed: 'success',
};

export const personName = (people: readonly Person[], accountId: string | null | undefined): string =>
  accountId ? (people.find((p) => p.accountId === accountId)?.displayName ?? accountId) : '—';

export const dateOnly = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

/** "2027-02-10 · the app: open → closed (condition cleared)". */
export function historyLine(change: RiskStatusChange, people: readonly Person[]): string {
  const who = change.by === null ? 'the app' : personName(people, change.by);
  const move = change.from === null ? change.to : `${change.from} → ${change.to}`;
  return `${dateOnly(change.at)} · ${who}: ${move}${change.note ? ` (${change.note})` : ''}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What Detect now did, in one sentence. */
export function syncSummary(s: RiskSyncSummary): string {
  const parts = [
    s.opened.length > 0 ? `${plural(s.opened.length, 'risk')} opened` : '',
    s.refreshed.length > 0 ? `${s.refreshed.length} updated` : '',
    s.closed.length > 0 ? `${s.closed.length} closed (condition cleared)` : '',
    s.reopened.length > 0 ? `${s.reopened.length} reopened` : '',
    s.cleared.length > 0 ? `${s.cleared.length} kept by their owners though cleared` : '',
    s.duplicates.length > 0 ? `${plural(s.duplicates.length, 'duplicate')} closed` : '',
  ].filter((p) => p !== '');
  const changed = parts.length > 0 ? `${parts.join(', ')}.` : 'Nothing changed in the register.';
  const unchanged = s.unchanged > 0 ? ` ${plural(s.unchanged, 'risk')} still detected as before.` : '';
  const conflicts =
    s.conflicts.length > 0
      ? ` ${plural(s.conflicts.length, 'risk')} changed by someone meanwhile: left for the next run.`
      : '';
  return `${changed}${unchanged}${conflicts}`;
}

/** Today as the date input wants it. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
