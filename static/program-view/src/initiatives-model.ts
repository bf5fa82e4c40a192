import type { ChildProgress, ErrorType, InitiativeRow, StatusCategory } from '../../../src/contract';

export type LozengeAppearance = 'default' | 'inprogress' | 'success';

const appearanceByCategory: Record<StatusCategory, LozengeAppearance> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

export function statusAppearance(category: StatusCategory): LozengeAppearance {
  return appearanceByCategory[category];
}

const categoryRank: Record<StatusCategory, number> = { new: 0, indeterminate: 1, done: 2 };

/** Sorts by workflow position first (To Do, In Progress, Done), then by status name. */
export function statusSortKey(status: InitiativeRow['status']): string {
  return `${categoryRank[status.category]} ${status.name}`;
}

/** Share of child issues done, 0..1; an initiative without children has no progress to show. */
export function doneRatio(children: ChildProgress): number | undefined {
  return children.total > 0 ? children.done / children.total : undefined;
}

/** Initiatives without children sort below every started one. */
export function progressSortKey(children: ChildProgress): number {
  return doneRatio(children) ?? -1;
}

export function progressText(children: ChildProgress): string {
  return children.total > 0 ? `${children.done} of ${children.total} done` : 'No child issues';
}

export interface ProgramProgress {
  initiatives: number;
  teams: number;
  childIssues: number;
  childIssuesDone: number;
  /** Whole percent of child issues done; undefined when there are no child issues. */
  percentDone: number | undefined;
}

export function summariseInitiatives(initiatives: readonly InitiativeRow[]): ProgramProgress {
  const teams = new Set(initiatives.map((initiative) => initiative.team));
  const childIssues = initiatives.reduce((sum, initiative) => sum + initiative.children.total, 0);
  const childIssuesDone = initiatives.reduce((sum, initiative) => sum + initiative.children.done, 0);
  return {
    initiatives: initiatives.length,
    teams: teams.size,
    childIssues,
    childIssuesDone,
    percentDone: childIssues > 0 ? Math.round((childIssuesDone / childIssues) * 100) : undefined,
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function summaryLine(progress: ProgramProgress): string {
  const scope = `${plural(progress.initiatives, 'initiative', 'initiatives')} across ${plural(progress.teams, 'team', 'teams')}`;
  const done =
    progress.percentDone === undefined
      ? 'no child issues yet'
      : `${progress.percentDone}% of ${plural(progress.childIssues, 'child issue', 'child issues')} done`;
  return `${scope} · ${done}`;
}

export interface ErrorExplanation {
  title: string;
  advice: string;
}

/** What a failed call means to the TPM and what they can do about it. */
export function explainError(errorType: ErrorType): ErrorExplanation {
  switch (errorType) {
    case 'FORBIDDEN':
      return {
        title: 'You don’t have access to this program',
        advice: 'Ask the program’s TPM or a Jira admin for permission to browse the projects in its scope.',
      };
    case 'RATE_LIMITED':
      return {
        title: 'Jira is busy right now',
        advice: 'Jira asked the app to slow down. Wait a few seconds, then retry.',
      };
    case 'UNAUTHENTICATED':
      return { title: 'Your session has ended', advice: 'Reload the page and sign in again.' };
    case 'NOT_FOUND':
      return {
        title: 'This program no longer exists',
        advice: 'It may have been deleted. Pick another program.',
      };
    case 'UPSTREAM':
      return {
        title: 'Jira did not answer',
        advice: 'Jira had a problem answering the app. Retry in a moment.',
      };
    default:
      return { title: 'Something went wrong', advice: 'Retry. If it keeps failing, tell your Jira admin.' };
  }
}
