// The program as execution tracking reads it at one moment: its initiatives with their children and dates from
// Jira, the dependency graph, the program's own records and the quarter plan in force with its latest
// baseline. Every execution function (progress, RAG, risk detection, adjusted plan, completion analysis) is a
// pure function of this state, so each can be tested without Jira.
import type { DependencyCycle, DependencyEdge } from '../../contract/scope';
import type { StrategicInitiative, Strategy } from '../funnel/funnel';
import type { Goal } from '../goals/goal';
import type { IssueStatus, StatusCategory } from '../initiative/initiative';
import type { Milestone } from '../milestones/milestone';
import type { Baseline, QuarterPlan } from '../plan/types';
import type { ProgramRecord } from '../program/program';
import type { Risk } from '../risks/risk';
import type { QuarterSchedule } from '../schedule/types';
import { quarterStart } from '../calendar/quarter';

export interface ExecutionChild {
  key: string;
  status: StatusCategory;
  storyPoints: number | null;
  /** ISO date-time it was resolved; absent while open. */
  resolvedAt?: string;
}

export interface ExecutionInitiative {
  key: string;
  summary: string;
  projectKey: string;
  /** Team name as Jira gives it (Team field, else project name). */
  team: string;
  /** The program team owning it, when one matches. */
  teamId: string | null;
  status: IssueStatus;
  /** Story points of the epic itself. */
  storyPoints: number | null;
  /** The epic's story points, else the sum of its children's; null when nobody estimated. */
  estimate: number | null;
  children: ExecutionChild[];
  /** yyyy-mm-dd from Jira, when set. */
  startDate?: string;
  targetDate?: string;
  /** ISO date-time the epic was resolved. */
  resolvedAt?: string;
}

/** The quarter plan in force: the one whose sprints span today, else the latest one that started before. */
export interface ExecutionPlan {
  plan: QuarterPlan;
  /** The plan's schedule computed on today's scope and estimates. */
  schedule: QuarterSchedule;
  /** The latest frozen baseline, null before the first freeze. */
  baseline: Baseline | null;
  /** Index of today's sprint in `plan.calendar.sprints`: -1 before the first, length after the last. */
  currentSprint: number;
}

export interface ExecutionState {
  /** yyyy-mm-dd of "now". */
  today: string;
  program: ProgramRecord;
  /** In scope now and visible to whoever loaded the state. */
  initiatives: ExecutionInitiative[];
  edges: DependencyEdge[];
  cycles: DependencyCycle[];
  goals: Goal[];
  milestones: Milestone[];
  risks: Risk[];
  strategies: Strategy[];
  strategicInitiatives: StrategicInitiative[];
  /** Every quarter plan of the program, by quarter. */
  plans: QuarterPlan[];
  current: ExecutionPlan | null;
  warnings: string[];
}

/** Index of the sprint holding `today`: -1 before the first, `sprints.length` after the last. */
export function sprintIndexOn(sprints: readonly { start: string; end: string }[], today: string): number {
  if (sprints.length === 0 || today < (sprints[0]?.start ?? '')) return -1;
  const index = sprints.findIndex((s) => s.start <= today && today <= s.end);
  if (index >= 0) return index;
  // Between two sprints: the next one is "current" (nothing of it has happened yet, but it is next).
  const next = sprints.findIndex((s) => s.start > today);
  return next >= 0 ? next : sprints.length;
}

/** The plan in force on `today`: spanning it, else the latest that started before it; null when none did. */
export function planInForce<
  P extends { quarter: string; calendar: { sprints: { start: string; end: string }[] } },
>(plans: readonly P[], today: string): P | null {
  const started = plans
    .filter((p) => (p.calendar.sprints[0]?.start ?? quarterStart(p.quarter)) <= today)
    .sort((a, b) => a.quarter.localeCompare(b.quarter));
  const spanning = started.find((p) => {
    const last = p.calendar.sprints.at(-1);
    return last !== undefined && today <= last.end;
  });
  return spanning ?? started.at(-1) ?? null;
}
