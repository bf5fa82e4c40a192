import type { InitiativeRow } from '../../../../src/contract';

/** Every team that owns an initiative, alphabetically, for the team filter. */
export function teamsOf(initiatives: readonly InitiativeRow[]): string[] {
  return [...new Set(initiatives.map((i) => i.team))].sort((a, b) => a.localeCompare(b));
}

/** The initiatives of the chosen teams; no team chosen shows them all. */
export function filterByTeams(
  initiatives: readonly InitiativeRow[],
  teams: readonly string[],
): readonly InitiativeRow[] {
  if (teams.length === 0) return initiatives;
  const wanted = new Set(teams);
  return initiatives.filter((i) => wanted.has(i.team));
}

export function estimateText(estimate: number | null): string {
  if (estimate === null) return '—';
  return Number.isInteger(estimate) ? String(estimate) : estimate.toFixed(1);
}

/** Unestimated initiatives sort below every estimated one. */
export function estimateSortKey(estimate: number | null): number {
  return estimate ?? -1;
}

export function dependencyText(count: number, direction: 'upstream' | 'downstream'): string {
  if (count === 0) return direction === 'upstream' ? 'Waits for nothing' : 'Nothing waits for it';
  return direction === 'upstream' ? `Waits for ${count}` : `${count} wait for it`;
}

/** How old the scope snapshot is, as a person says it: "just now", "12 minutes ago", "2 hours ago". */
export function snapshotAgeText(builtAt: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(builtAt)) / 60_000);
  if (!Number.isFinite(minutes)) return 'at an unknown time';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'} ago`;
}

/** What the Scope tab says while it shows the snapshot's rows and the live load runs (or failed). */
export function snapshotNotice(builtAt: string, live: 'loading' | 'failed', now: Date): string {
  const age = snapshotAgeText(builtAt, now);
  return live === 'loading'
    ? `Showing the initiatives as the app read them ${age}. Loading the latest from Jira…`
    : `Showing the initiatives as the app read them ${age}: the latest could not be loaded from Jira.`;
}
