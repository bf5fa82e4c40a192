// The program's execution status as one viewer sees it: the execution state loaded as the viewer, its
// progress, what the plan in force expects, the detected risks, the RAG with reasons, the burn-up from the
// daily snapshots of the viewer's projects, one row per initiative, and each initiative's report.
import {
  hiddenKeysIn,
  keyVisibility,
  readableReasons,
  withoutHiddenKeys,
  type BrowseCheckDeps,
} from '../visibility';
import type {
  ImplementationReportView,
  ProgramStatusView,
  SetRagThresholds,
  StatusInitiativeRow,
} from '../../contract/status';
import { burnUpFor } from '../../domain/execution/burnup';
import type { StatusReportExecution } from '../../domain/publishing/documents';
import { implementationReport } from '../../domain/execution/implementation-report';
import { programProgress, type ProgramProgress } from '../../domain/execution/progress';
import {
  expectedProgress,
  planPlacements,
  type ExpectedProgress,
} from '../../domain/execution/progress-plan';
import { assessRag, initiativeRag, type ProgramRag } from '../../domain/execution/rag';
import type { ExecutionState } from '../../domain/execution/state';
import {
  ragThresholdProblems,
  ragThresholdsOf,
  type ProgramRecord,
  type RagThresholds,
} from '../../domain/program/program';
import { detectRisks, type DetectedRisk } from '../../domain/risks/detection';
import type { ProgramStore, ProgressHistoryStore } from '../../ports/program-store';
import { allows, authorize, rolesOf } from '../access';
import { ProgramRuleError } from '../errors';
import { toProgramSummary } from '../load-program-initiatives';
import { loadExecutionState, type ExecutionStateDeps } from './load-execution-state';

export interface StatusDeps extends ExecutionStateDeps {
  history: Pick<ProgressHistoryStore, 'list'>;
  accountId: string | undefined;
}

/** Everything the status is computed from, for one program at one moment. */
export interface StatusAssessment {
  state: ExecutionState;
  progress: ProgramProgress;
  expected: ExpectedProgress | null;
  detected: DetectedRisk[];
  rag: ProgramRag;
  thresholds: RagThresholds;
}

/** The status of a program from its execution state (as whoever loaded it). */
export function assessState(state: ExecutionState): StatusAssessment {
  const progress = programProgress(state.initiatives);
  const expected = state.current ? expectedProgress(state.current, state.today, progress) : null;
  const detected = detectRisks(state);
  const thresholds = ragThresholdsOf(state.program);
  const rag = assessRag({ state, progress, expected, detected, thresholds });
  return { state, progress, expected, detected, rag, thresholds };
}

export async function assessProgram(
  deps: ExecutionStateDeps,
  program: ProgramRecord,
): Promise<StatusAssessment> {
  return assessState(await loadExecutionState(deps, program));
}

function rowsOf(a: StatusAssessment): StatusInitiativeRow[] {
  const placements = a.state.current ? planPlacements(a.state.current) : null;
  const chosen = new Set(a.state.current?.plan.initiatives.map((i) => i.key) ?? []);
  const progressOf = new Map(a.progress.byInitiative.map((p) => [p.key, p]));
  const expectedOf = new Map((a.expected?.initiatives ?? []).map((i) => [i.key, i]));
  return a.state.initiatives.map((i): StatusInitiativeRow => {
    const p = progressOf.get(i.key);
    const placement = placements?.get(i.key);
    const rag = initiativeRag(i.key, a.rag, a.expected, a.thresholds);
    return {
      key: i.key,
      summary: i.summary,
      team: i.team,
      status: i.status,
      issues: p?.issues ?? { total: 0, done: 0, inProgress: 0, toDo: 0 },
      points: p?.points ?? { total: 0, done: 0, inProgress: 0, toDo: 0 },
      percentByCount: p?.percentByCount ?? null,
      percentByPoints: p?.percentByPoints ?? null,
      inPlan: chosen.has(i.key),
      planned: placement?.planned ?? null,
      current: placement?.current ?? null,
      unplacedDetail: placement?.unplacedDetail ?? null,
      expectedPercent: expectedOf.get(i.key)?.expectedPercent ?? null,
      rag: rag.status,
      flags: rag.flags,
    };
  });
}

/** status/get: anyone with a role in the program; Jira is read as the viewer. */
export async function getProgramStatus(
  deps: StatusDeps & { browse?: BrowseCheckDeps },
  programId: string,
): Promise<ProgramStatusView> {
  const view = await programStatus(deps, programId);
  return deps.browse ? statusForViewer(deps.browse, view) : view;
}

/** Plan records and detected risks name initiatives the viewer may not browse: those reasons are only counted. */
async function statusForViewer(browse: BrowseCheckDeps, view: ProgramStatusView): Promise<ProgramStatusView> {
  const visibility = await keyVisibility(browse, view);
  const hiddenKeys = hiddenKeysIn(view, visibility);
  if (hiddenKeys === 0) return view;
  const { reasons, hidden } = readableReasons(view.rag.reasons, visibility);
  const limitations =
    hidden > 0
      ? [
          ...view.rag.limitations,
          `${hidden} ${hidden === 1 ? 'reason concerns' : 'reasons concern'} issues you cannot see.`,
        ]
      : view.rag.limitations;
  return {
    ...withoutHiddenKeys({ ...view, rag: { ...view.rag, reasons, limitations } }, visibility),
    hiddenKeys,
  };
}

async function programStatus(deps: StatusDeps, programId: string): Promise<ProgramStatusView> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'read');
  const [a, history] = await Promise.all([assessProgram(deps, program), deps.history.list(programId)]);
  const { initiatives: _perInitiative, ...expected } = a.expected ?? { initiatives: [] };
  const baseline = a.state.current?.baseline ?? null;
  return {
    program: toProgramSummary(program),
    roles: rolesOf(program, deps.accountId),
    asOf: deps.now(),
    today: a.state.today,
    progress: {
      issues: a.progress.issues,
      points: a.progress.points,
      percentByCount: a.progress.percentByCount,
      percentByPoints: a.progress.percentByPoints,
      unestimatedIssues: a.progress.unestimatedIssues,
      initiatives: a.progress.initiatives,
    },
    expected: a.expected ? (expected as Omit<ExpectedProgress, 'initiatives'>) : null,
    plan: a.state.current
      ? {
          quarter: a.state.current.plan.quarter,
          baseline: baseline
            ? {
                id: baseline.id,
                frozenAt: baseline.frozenAt,
                frozenBy: baseline.frozenBy,
                note: baseline.note,
              }
            : null,
        }
      : null,
    rag: a.rag,
    burnUp: burnUpFor(history, a.state.initiatives, a.state.today),
    initiatives: rowsOf(a),
    thresholds: a.thresholds,
    thresholdsAreDefaults: program.ragThresholds === undefined,
    canEditThresholds: allows(program, deps.accountId, 'edit'),
    programVersion: program.version,
    warnings: a.state.warnings,
  };
}

/** status/initiative: the implementation report of one initiative the viewer can see. */
export async function getImplementationReport(
  deps: StatusDeps,
  programId: string,
  key: string,
): Promise<ImplementationReportView> {
  const program = await authorize(deps.programs, programId, deps.accountId, 'read');
  const a = await assessProgram(deps, program);
  const report = implementationReport(a, key);
  if (!report)
    throw new ProgramRuleError(`${key} is not an initiative of this program that you can see.`, 'key');
  return { program: toProgramSummary(program), today: a.state.today, report, people: program.people };
}

/** status/thresholds/set: owners only; refused when inconsistent or when someone changed the program since. */
export async function setRagThresholds(
  deps: { programs: ProgramStore; accountId: string | undefined; now: () => string },
  input: SetRagThresholds,
): Promise<{ thresholds: RagThresholds; programVersion: number }> {
  const program = await authorize(deps.programs, input.programId, deps.accountId, 'edit');
  const [problem] = ragThresholdProblems(input.thresholds);
  if (problem) throw new ProgramRuleError(problem.message, `thresholds.${problem.path}`);
  const thresholds: RagThresholds = {
    ...input.thresholds,
    riskAmber: [...new Set(input.thresholds.riskAmber)],
    riskRed: [...new Set(input.thresholds.riskRed)],
  };
  const saved = await deps.programs.update(
    { ...program, ragThresholds: thresholds, updatedAt: deps.now() },
    input.expectedVersion,
  );
  return { thresholds: ragThresholdsOf(saved), programVersion: saved.version };
}

/** The execution status as the status report page shows it (publishing passes it to renderStatusReport). */
export function statusReportExecution(a: StatusAssessment): StatusReportExecution {
  return {
    rag: a.rag.status,
    reasons: a.rag.reasons.map((r) => r.text),
    limitations: a.rag.limitations,
    summary: a.rag.summary,
    points: { done: a.progress.points.done, total: a.progress.points.total },
  };
}

/** Loads the program's execution status for its status report, as whoever `deps.jira` acts for. */
export async function loadStatusReportExecution(
  deps: ExecutionStateDeps,
  program: ProgramRecord,
): Promise<StatusReportExecution> {
  return statusReportExecution(await assessProgram(deps, program));
}
