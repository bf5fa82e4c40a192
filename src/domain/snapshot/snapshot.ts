// The program snapshot behind the Confluence status macro: a small summary of the program built as the app
// (no user), and the status card one viewer gets from it — only the initiatives in projects they may browse.
import type { ChildIssue, Initiative, StatusCategory } from '../initiative/initiative';
import { childProgress } from '../initiative/initiative';
import type { ProgramRag, Rag } from '../execution/rag';
import type { Milestone, MilestoneStatus } from '../milestones/milestone';
import type { ProgramStage } from '../program/program';
import {
  rankRisks,
  riskScore,
  riskSeverity,
  type Risk,
  type RiskSeverity,
  type RiskStatus,
} from '../risks/risk';

/** Bumped when the stored shape changes: an older snapshot is rebuilt instead of read. */
export const SNAPSHOT_SCHEMA_VERSION = 3;
/** Kept in the snapshot: enough for the card, bounded so the value stays small. */
export const SNAPSHOT_MAX_MILESTONES = 50;
export const SNAPSHOT_MAX_RISKS = 10;
export const SNAPSHOT_MAX_RAG_REASONS = 30;

export type { Rag };

/**
 * The program's RAG as the Status tab assesses it (plan in force, thresholds, detected and registered risks,
 * milestones), read as the app: the macro shows the same status as the app, never a second opinion.
 */
export interface SnapshotRag {
  status: Rag;
  /** One line on where the program stands. */
  summary: string;
  /** Red first; each names the initiatives it is about, so a viewer is shown only those they may browse. */
  reasons: { level: 'amber' | 'red'; text: string; initiativeKeys: string[] }[];
}

/** One initiative as the card needs it: no summary, just where it lives and how far it is. */
export interface SnapshotInitiative {
  key: string;
  projectKey: string;
  status: StatusCategory;
  /** Child issues by status category. */
  done: number;
  inProgress: number;
  toDo: number;
}

export interface SnapshotMilestone {
  name: string;
  targetDate: string;
  status: MilestoneStatus;
  /** Used for the RAG only; never shown (a key may name an initiative the viewer cannot see). */
  initiativeKeys: string[];
}

export interface SnapshotRisk {
  title: string;
  severity: RiskSeverity;
  score: number;
  status: RiskStatus;
  /** Projects of the issues a detected risk names: a viewer who cannot browse one never sees its title. */
  projectKeys?: string[] | undefined;
}

const projectOf = (key: string) => key.slice(0, key.lastIndexOf('-'));

function snapshotRisk(r: Risk): SnapshotRisk {
  const risk: SnapshotRisk = {
    title: r.title,
    severity: riskSeverity(r),
    score: riskScore(r),
    status: r.status,
  };
  const projects =
    r.source === 'detected' ? [...new Set((r.initiativeKeys ?? []).map(projectOf))].sort() : [];
  return projects.length > 0 ? { ...risk, projectKeys: projects } : risk;
}

export interface ProgramSnapshot {
  schemaVersion: number;
  programId: string;
  programName: string;
  stage: ProgramStage;
  /** ISO time the snapshot was built. */
  builtAt: string;
  /** Jira project id by key, for one permission check per view. */
  projectIds: Record<string, string>;
  initiatives: SnapshotInitiative[];
  milestones: SnapshotMilestone[];
  risks: SnapshotRisk[];
  rag: SnapshotRag;
}

export interface SnapshotSource {
  program: { id: string; name: string; stage: ProgramStage };
  epics: readonly Initiative[];
  childrenByEpic: ReadonlyMap<string, readonly ChildIssue[]>;
  milestones: readonly Milestone[];
  risks: readonly Risk[];
  /** The program's RAG, assessed as the app from the same read. */
  rag: ProgramRag;
  projectIds: Readonly<Record<string, string>>;
  builtAt: string;
}

/** The Jira project ids of the projects the items live in, by key (a project whose id is unknown is left out). */
export function projectIdsOf(
  items: readonly { projectKey: string }[],
  known: Readonly<Record<string, string>>,
): Record<string, string> {
  const projectIds: Record<string, string> = {};
  for (const key of [...new Set(items.map((i) => i.projectKey))].sort()) {
    const id = known[key];
    if (id !== undefined) projectIds[key] = id;
  }
  return projectIds;
}

/** The keys of the projects whose ids the viewer may browse. */
export function visibleProjectKeys(
  projectIds: Readonly<Record<string, string>>,
  browsableIds: ReadonlySet<string>,
): Set<string> {
  return new Set(
    Object.entries(projectIds)
      .filter(([, id]) => browsableIds.has(id))
      .map(([key]) => key),
  );
}

export function buildSnapshot(source: SnapshotSource): ProgramSnapshot {
  const initiatives = source.epics.map((epic): SnapshotInitiative => {
    const progress = childProgress(source.childrenByEpic.get(epic.key) ?? []);
    return {
      key: epic.key,
      projectKey: epic.projectKey,
      status: epic.status.category,
      done: progress.done,
      inProgress: progress.inProgress,
      toDo: progress.toDo,
    };
  });
  const milestones = [...source.milestones]
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate) || a.name.localeCompare(b.name))
    .slice(0, SNAPSHOT_MAX_MILESTONES)
    .map((m) => ({
      name: m.name,
      targetDate: m.targetDate,
      status: m.status,
      initiativeKeys: [...m.initiativeKeys],
    }));
  const risks = rankRisks(source.risks).slice(0, SNAPSHOT_MAX_RISKS).map(snapshotRisk);
  const projectIds = projectIdsOf(initiatives, source.projectIds);
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    programId: source.program.id,
    programName: source.program.name,
    stage: source.program.stage,
    builtAt: source.builtAt,
    projectIds,
    initiatives,
    milestones,
    risks,
    rag: {
      status: source.rag.status,
      summary: source.rag.summary,
      reasons: source.rag.reasons.slice(0, SNAPSHOT_MAX_RAG_REASONS).map((r) => ({
        level: r.level,
        text: r.text,
        initiativeKeys: [...r.initiativeKeys],
      })),
    },
  };
}

export interface ProgressCounts {
  total: number;
  done: number;
  inProgress: number;
  toDo: number;
}

export interface CardProject {
  projectKey: string;
  initiatives: number;
  /** Share of the project's child issues done (initiatives done when they have no children), 0–100. */
  percentDone: number;
}

export interface StatusCard {
  program: { id: string; name: string; stage: ProgramStage };
  asOf: string;
  rag: { status: Rag; reasons: string[] };
  /** Initiatives the viewer can see, by status category. */
  initiatives: ProgressCounts;
  /** Their child issues, by status category. */
  issues: ProgressCounts;
  percentDone: number;
  projects: CardProject[];
  /** Initiatives in projects the viewer may not browse: a count, never their keys. */
  hiddenInitiatives: number;
  nextMilestones: { name: string; targetDate: string; status: MilestoneStatus; overdue: boolean }[];
  topRisks: SnapshotRisk[];
}

export interface CardOptions {
  /** Projects the viewer may browse. */
  visibleProjects: ReadonlySet<string>;
  /** ISO date (YYYY-MM-DD) of the view. */
  today: string;
  /** How many milestones and risks the card lists. */
  listLength?: number;
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((100 * part) / whole));

function countInitiatives(initiatives: readonly SnapshotInitiative[]): ProgressCounts {
  const counts: ProgressCounts = { total: 0, done: 0, inProgress: 0, toDo: 0 };
  for (const i of initiatives) {
    counts.total++;
    if (i.status === 'done') counts.done++;
    else if (i.status === 'indeterminate') counts.inProgress++;
    else counts.toDo++;
  }
  return counts;
}

function countIssues(initiatives: readonly SnapshotInitiative[]): ProgressCounts {
  const counts: ProgressCounts = { total: 0, done: 0, inProgress: 0, toDo: 0 };
  for (const i of initiatives) {
    counts.done += i.done;
    counts.inProgress += i.inProgress;
    counts.toDo += i.toDo;
  }
  counts.total = counts.done + counts.inProgress + counts.toDo;
  return counts;
}

/** Child issues done when there are any, else initiatives done. */
function percentDoneOf(initiatives: readonly SnapshotInitiative[]): number {
  const issues = countIssues(initiatives);
  if (issues.total > 0) return percent(issues.done, issues.total);
  return percent(countInitiatives(initiatives).done, initiatives.length);
}

const isOverdue = (m: SnapshotMilestone, today: string) =>
  m.status === 'missed' || (m.status !== 'done' && m.targetDate < today);

/** Risks not under control: open, being mitigated, or already happened (a problem now). */
const isLive = (r: SnapshotRisk) =>
  r.status === 'open' || r.status === 'mitigating' || r.status === 'happened';

const ISSUE_KEY = /\b[A-Z][A-Z0-9_]*-[1-9][0-9]*\b/g;

/**
 * The program's RAG on one viewer's card: its status as the app assessed it, the reasons about issues they may
 * browse (the others only counted), and the summary line when nothing weighs on it.
 */
function ragFor(rag: SnapshotRag, visibleProjects: ReadonlySet<string>): StatusCard['rag'] {
  const browsable = (key: string) => visibleProjects.has(projectOf(key));
  const shown = rag.reasons
    .filter((r) => r.initiativeKeys.every(browsable) && (r.text.match(ISSUE_KEY) ?? []).every(browsable))
    .map((r) => r.text);
  const hidden = rag.reasons.length - shown.length;
  if (hidden > 0)
    shown.push(
      `${hidden} more ${hidden === 1 ? 'reason concerns' : 'reasons concern'} issues you cannot browse.`,
    );
  return { status: rag.status, reasons: shown.length > 0 ? shown : [rag.summary] };
}

/** The card one viewer sees: initiatives outside `visibleProjects` are only counted. */
export function statusCardFor(snapshot: ProgramSnapshot, options: CardOptions): StatusCard {
  const listLength = options.listLength ?? 3;
  const visible = snapshot.initiatives.filter((i) => options.visibleProjects.has(i.projectKey));
  const byProject = new Map<string, SnapshotInitiative[]>();
  for (const i of visible) {
    const list = byProject.get(i.projectKey);
    if (list) list.push(i);
    else byProject.set(i.projectKey, [i]);
  }
  const percentDone = percentDoneOf(visible);
  // A detected risk naming an issue the viewer may not browse is left off the list (it still weighs on the RAG).
  const seen = (r: SnapshotRisk) => (r.projectKeys ?? []).every((p) => options.visibleProjects.has(p));
  return {
    program: { id: snapshot.programId, name: snapshot.programName, stage: snapshot.stage },
    asOf: snapshot.builtAt,
    rag: ragFor(snapshot.rag, options.visibleProjects),
    initiatives: countInitiatives(visible),
    issues: countIssues(visible),
    percentDone,
    projects: [...byProject.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([projectKey, list]) => ({
        projectKey,
        initiatives: list.length,
        percentDone: percentDoneOf(list),
      })),
    hiddenInitiatives: snapshot.initiatives.length - visible.length,
    nextMilestones: snapshot.milestones
      .filter((m) => m.status !== 'done')
      .slice(0, listLength)
      .map((m) => ({
        name: m.name,
        targetDate: m.targetDate,
        status: m.status,
        overdue: isOverdue(m, options.today),
      })),
    topRisks: snapshot.risks.filter((r) => isLive(r) && seen(r)).slice(0, listLength),
  };
}
