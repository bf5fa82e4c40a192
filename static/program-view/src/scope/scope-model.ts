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
