// Initiatives are the program's Jira epics; their child issues carry the work.

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface IssueStatus {
  name: string;
  category: StatusCategory;
}

export interface Team {
  /** Atlassian Team id when the site has the Team field; absent for a project-as-team. */
  id?: string;
  name: string;
}

export interface Initiative {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  projectName: string;
  /** The epic's Team field value, when the site has one and it is set. */
  team?: Team;
  status: IssueStatus;
}

export interface ChildIssue {
  id: string;
  key: string;
  /** The epic this issue belongs to, through `parent` or the legacy Epic Link field. */
  epicKey: string;
  status: IssueStatus;
}

export interface ChildProgress {
  total: number;
  done: number;
  inProgress: number;
  toDo: number;
}

export function childProgress(children: readonly ChildIssue[]): ChildProgress {
  const progress: ChildProgress = { total: 0, done: 0, inProgress: 0, toDo: 0 };
  for (const child of children) {
    progress.total++;
    if (child.status.category === 'done') progress.done++;
    else if (child.status.category === 'indeterminate') progress.inProgress++;
    else progress.toDo++;
  }
  return progress;
}

/** The team that owns an initiative: its Team field, else its project (one project per team). */
export function owningTeam(initiative: Initiative): Team {
  return initiative.team ?? { name: initiative.projectName };
}

export function groupChildrenByEpic(children: readonly ChildIssue[]): Map<string, ChildIssue[]> {
  const byEpic = new Map<string, ChildIssue[]>();
  for (const child of children) {
    const list = byEpic.get(child.epicKey);
    if (list) list.push(child);
    else byEpic.set(child.epicKey, [child]);
  }
  return byEpic;
}
