// What the epic panel says about a program and what it lets the viewer do: pure, tested apart from React.
import type { EpicDependency, EpicProgram, ErrorType } from '../../../src/contract';

export type MembershipAction = 'add' | 'remove' | 'none';

export interface ProgramRowModel {
  id: string;
  name: string;
  /** One short phrase per way the epic belongs, or "Not in this program". */
  labels: string[];
  action: MembershipAction;
  /** Why no button is offered, when the epic is in by the filter only. */
  note: string | null;
}

export function programRow(row: EpicProgram): ProgramRowModel {
  const byFilter = row.via.includes('filter');
  const explicit = row.via.includes('explicit');
  const labels = [...(byFilter ? ['In scope by filter'] : []), ...(explicit ? ['Added to program'] : [])];
  return {
    id: row.program.id,
    name: row.program.name,
    labels: labels.length > 0 ? labels : ['Not in this program'],
    action: explicit ? 'remove' : byFilter ? 'none' : 'add',
    note:
      byFilter && !explicit
        ? 'The program’s scope filter selects this epic; its TPM changes the filter to take it out.'
        : null,
  };
}

/** Upstream first, then downstream; each by key, so the list reads the same every time. */
export function sortDependencies(dependencies: readonly EpicDependency[]): EpicDependency[] {
  return [...dependencies].sort(
    (a, b) =>
      Number(a.direction === 'downstream') - Number(b.direction === 'downstream') ||
      a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
}

export interface ErrorExplanation {
  title: string;
  advice: string;
}

export function explainError(errorType: ErrorType): ErrorExplanation {
  switch (errorType) {
    case 'FORBIDDEN':
      return {
        title: 'You can’t change this',
        advice: 'You need permission to edit this epic in Jira, and a role in the program.',
      };
    case 'VALIDATION':
      return { title: 'The panel sent something the app refused', advice: 'Reload the issue and try again.' };
    case 'NOT_FOUND':
      return {
        title: 'Not found',
        advice: 'The program or the epic may have been deleted. Reload the issue.',
      };
    case 'CONFLICT':
      return { title: 'Someone changed this at the same time', advice: 'Reload the issue and try again.' };
    case 'RATE_LIMITED':
      return { title: 'Jira is busy right now', advice: 'Wait a few seconds, then retry.' };
    case 'UNAUTHENTICATED':
      return { title: 'Your session has ended', advice: 'Reload the page and sign in again.' };
    case 'UPSTREAM':
      return { title: 'Jira did not answer', advice: 'Retry in a moment.' };
    default:
      return { title: 'Something went wrong', advice: 'Retry. If it keeps failing, tell your Jira admin.' };
  }
}
