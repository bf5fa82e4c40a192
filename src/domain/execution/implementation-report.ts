// The implementation report of one initiative: where it was planned and where it is scheduled now, how far it
// is, what it waits for and what waits for it (with the commitments between teams), and its open problems.
import type { IssueStatus } from '../initiative/initiative';
import type { MilestoneStatus } from '../milestones/milestone';
import { proposedCommitment } from '../plan/commitments';
import type { Commitment } from '../plan/types';
import type { RagThresholds } from '../program/program';
import type { DetectedRisk } from '../risks/detection/types';
import { riskSeverity, type Risk, type RiskSeverity, type RiskStatus } from '../risks/risk';
import { initiativeProgress, type InitiativeProgress } from './progress';
import {
  planPlacements,
  type ExpectedProgress,
  type InitiativeExpectation,
  type SprintWindow,
} from './progress-plan';
import { initiativeRag, type InitiativeRag, type ProgramRag, type RagReason } from './rag';
import type { ExecutionState } from './state';

export interface DependencyStatus {
  key: string;
  summary: string;
  team: string;
  status: IssueStatus;
  /** Share of its issues done, 0–100. */
  percentDone: number | null;
  crossTeam: boolean;
  /** The upstream team's promise, for a cross-team dependency in the plan in force. */
  commitment: Commitment | null;
  /** Its window in today's schedule, when placed. */
  current: SprintWindow | null;
  /** Upstream: by today's schedule it ends in or after the sprint the dependent was agreed (else scheduled) to start. */
  late: boolean;
}

export interface ProblemLine {
  id: string;
  title: string;
  status: RiskStatus;
  severity: RiskSeverity;
  ownerAccountId: string | null;
  mitigation: string;
  /** For a problem: what happened, what is done about it, and when it happened. */
  description: string | null;
  resolution: string | null;
  happenedAt: string | null;
}

export interface ImplementationReport {
  key: string;
  summary: string;
  team: string;
  teamId: string | null;
  status: IssueStatus;
  startDate: string | null;
  targetDate: string | null;
  resolvedAt: string | null;
  progress: InitiativeProgress;
  /** Its place in the plan in force; null without one. */
  plan: {
    quarter: string;
    inPlan: boolean;
    /** Baseline window. */
    planned: SprintWindow | null;
    /** Today's schedule. */
    current: SprintWindow | null;
    unplacedDetail: string | null;
    endDeltaSprints: number | null;
    expectation: InitiativeExpectation | null;
  } | null;
  /** What it waits for. */
  upstream: DependencyStatus[];
  /** What waits for it. */
  downstream: DependencyStatus[];
  /** Risks that happened, naming it. */
  problems: ProblemLine[];
  /** Live register risks naming it (not yet happened). */
  risks: ProblemLine[];
  detectedRisks: { title: string; reason: string; severity: RiskSeverity }[];
  milestones: { name: string; targetDate: string; status: MilestoneStatus }[];
  rag: InitiativeRag;
  /** The program's RAG reasons naming it. */
  reasons: RagReason[];
}

export interface ReportInput {
  state: ExecutionState;
  expected: ExpectedProgress | null;
  rag: ProgramRag;
  detected: readonly DetectedRisk[] | null;
  thresholds: RagThresholds;
}

/** Whether a register risk names the initiative: in its initiative keys, else as a word in its text. */
export function riskNames(risk: Risk, key: string): boolean {
  if (risk.initiativeKeys?.includes(key)) return true;
  const word = new RegExp(`(^|[^A-Za-z0-9_-])${key.replace(/[-]/g, '\\-')}(?![0-9A-Za-z_-])`);
  return [risk.title, risk.mitigation, risk.problem?.description ?? ''].some((text) => word.test(text));
}

function problemLine(risk: Risk): ProblemLine {
  return {
    id: risk.id,
    title: risk.title,
    status: risk.status,
    severity: riskSeverity(risk),
    ownerAccountId: risk.problem?.ownerAccountId ?? risk.ownerAccountId,
    mitigation: risk.mitigation,
    description: risk.problem?.description || null,
    resolution: risk.problem?.resolution || null,
    happenedAt: risk.problem?.happenedAt ?? null,
  };
}

/** The report of `key`; null when it is not an initiative in scope that the state's reader can see. */
export function implementationReport(input: ReportInput, key: string): ImplementationReport | null {
  const { state } = input;
  const initiative = state.initiatives.find((i) => i.key === key);
  if (!initiative) return null;
  const byKey = new Map(state.initiatives.map((i) => [i.key, i]));
  const placements = state.current ? planPlacements(state.current) : null;
  const chosen = new Set(state.current?.plan.initiatives.map((i) => i.key) ?? []);

  const commitmentOf = (from: string, to: string, crossTeam: boolean): Commitment | null => {
    if (!state.current || !crossTeam || !chosen.has(to)) return null;
    return (
      state.current.plan.commitments.find((c) => c.from === from && c.to === to) ??
      proposedCommitment(from, to)
    );
  };
  const dependency = (
    other: string,
    from: string,
    to: string,
    crossTeam: boolean,
  ): DependencyStatus | null => {
    const o = byKey.get(other);
    if (!o) return null;
    const upstreamEnd = placements?.get(from)?.current?.endSprint;
    // The dependent's agreed start (baseline), else where today's schedule starts it.
    const downstream = placements?.get(to);
    const downstreamStart = (downstream?.planned ?? downstream?.current)?.startSprint;
    return {
      key: o.key,
      summary: o.summary,
      team: o.team,
      status: o.status,
      percentDone: initiativeProgress(o).percentByCount,
      crossTeam,
      commitment: commitmentOf(from, to, crossTeam),
      current: placements?.get(other)?.current ?? null,
      late:
        upstreamEnd !== undefined &&
        downstreamStart !== undefined &&
        o.status.category !== 'done' &&
        downstreamStart <= upstreamEnd,
    };
  };
  const upstream = state.edges
    .filter((e) => e.to === key)
    .map((e) => dependency(e.from, e.from, e.to, e.crossTeam))
    .filter((d): d is DependencyStatus => d !== null);
  const downstream = state.edges
    .filter((e) => e.from === key)
    .map((e) => dependency(e.to, e.from, e.to, e.crossTeam))
    .filter((d): d is DependencyStatus => d !== null);

  const naming = state.risks.filter((r) => r.status !== 'closed' && riskNames(r, key));
  const placement = placements?.get(key) ?? null;
  return {
    key,
    summary: initiative.summary,
    team: initiative.team,
    teamId: initiative.teamId,
    status: initiative.status,
    startDate: initiative.startDate ?? null,
    targetDate: initiative.targetDate ?? null,
    resolvedAt: initiative.resolvedAt ?? null,
    progress: initiativeProgress(initiative),
    plan: state.current
      ? {
          quarter: state.current.plan.quarter,
          inPlan: chosen.has(key),
          planned: placement?.planned ?? null,
          current: placement?.current ?? null,
          unplacedDetail: placement?.unplacedDetail ?? null,
          endDeltaSprints: placement?.endDeltaSprints ?? null,
          expectation: input.expected?.initiatives.find((i) => i.key === key) ?? null,
        }
      : null,
    upstream,
    downstream,
    problems: naming.filter((r) => r.status === 'happened').map(problemLine),
    risks: naming.filter((r) => r.status !== 'happened' && r.status !== 'accepted').map(problemLine),
    detectedRisks: (input.detected ?? [])
      .filter((d) => d.initiativeKeys.includes(key))
      .map((d) => ({ title: d.title, reason: d.reason, severity: riskSeverity(d) })),
    milestones: state.milestones
      .filter((m) => m.initiativeKeys.includes(key))
      .sort((a, b) => a.targetDate.localeCompare(b.targetDate))
      .map((m) => ({ name: m.name, targetDate: m.targetDate, status: m.status })),
    rag: initiativeRag(key, input.rag, input.expected, input.thresholds),
    reasons: input.rag.reasons.filter((r) => r.initiativeKeys.includes(key)),
  };
}
