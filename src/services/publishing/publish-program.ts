// Publishes a program's artifacts as a page tree: the charter under the chosen parent page, the status
// report of the current period and the risk & problem report under the charter.
import { childProgress, owningTeam } from '../../domain/initiative/initiative';
import {
  renderCharter,
  renderRiskReport,
  renderStatusReport,
  type ProgramContent,
  type ScopeRow,
  type StatusReportExecution,
} from '../../domain/publishing/documents';
import { renderQuarterPlan, type QuarterPlanContent } from '../../domain/publishing/quarter-plan';
import { renderCompletionReport } from '../../domain/publishing/completion-report';
import type { CompletionReport } from '../../domain/completion/report';
import { reportPeriod, type ReportCadence } from '../../domain/publishing/period';
import type { PublishedPage, PublishRun, PublishTarget } from '../../domain/publishing/records';
import type { ProgramRecord } from '../../domain/program/program';
import type { ConfluencePort, PublishStore } from '../../ports/confluence';
import type { JiraPort } from '../../ports/jira';
import type { ProgramStore } from '../../ports/program-store';
import { authorize } from '../access';
import { ProgramRuleError } from '../errors';
import { loadProgramScope } from '../scope/load-program-scope';
import { upsertPage } from './upsert-page';

export interface PublishDeps {
  programs: ProgramStore;
  records: PublishStore;
  confluence: ConfluencePort;
  jira: JiraPort;
  now: () => string;
  newId: () => string;
  /** The program's quarter plans as the page shows them; absent where planning is not wired in. */
  loadQuarterPlans?: (program: ProgramRecord) => Promise<QuarterPlanContent[]>;
  /** The completion report's content; null until the program has any (absent where completion is not wired in). */
  loadCompletion?: (program: ProgramRecord) => Promise<CompletionReport | null>;
  /** The execution status (RAG with reasons, story points) the status report shows; absent where not wired in. */
  loadStatusExecution?: (program: ProgramRecord) => Promise<StatusReportExecution>;
}

/** Reads the scope as the report shows it: one row per initiative with its child progress. */
export async function loadScopeRows(
  jira: JiraPort,
  program: ProgramRecord,
): Promise<{ rows: ScopeRow[]; warnings: string[] }> {
  const scope = await loadProgramScope(jira, program);
  const rows = scope.epics.map((epic) => ({
    key: epic.key,
    summary: epic.summary,
    team: owningTeam(epic).name,
    status: epic.status,
    progress: childProgress(scope.childrenByEpic.get(epic.key) ?? []),
  }));
  return { rows, warnings: scope.warnings };
}

async function requireTarget(deps: PublishDeps, programId: string): Promise<PublishTarget> {
  const target = await deps.records.getTarget(programId);
  if (!target)
    throw new ProgramRuleError('Choose a Confluence space and parent page before publishing.', 'spaceId');
  return target;
}

/** Publishes every artifact of the program; `by` is null for the scheduled trigger (which runs as the app). */
export async function publishProgram(
  deps: PublishDeps,
  program: ProgramRecord,
  trigger: PublishRun['trigger'],
  by: string | null,
): Promise<PublishRun> {
  const target = await requireTarget(deps, program.id);
  const space = await deps.confluence.getSpace(target.spaceId);
  if (!space)
    throw new ProgramRuleError('The Confluence space for this program is gone or hidden.', 'spaceId');
  const items = await deps.programs.items(program.id);
  const scope = await loadScopeRows(deps.jira, program);
  const at = deps.now();
  const content: ProgramContent = {
    program,
    strategies: items.strategy,
    strategicInitiatives: items['strategic-initiative'],
    goals: items.goal,
    milestones: items.milestone,
    risks: items.risk,
    scope: scope.rows,
    scopeWarnings: scope.warnings,
    siteUrl: space.siteUrl,
    today: at.slice(0, 10),
  };
  const period = reportPeriod(target.reportCadence, at);
  const pages: PublishedPage[] = [];
  const publish = async (rendered: ReturnType<typeof renderCharter>, parentId: string) => {
    const result = await upsertPage(
      deps,
      { programId: program.id, spaceId: target.spaceId, parentId },
      rendered,
    );
    pages.push({
      artifact: rendered.artifact,
      period: rendered.period ?? null,
      title: rendered.title,
      pageId: result.page.id,
      url: result.page.url,
      outcome: result.outcome,
    });
    return result.page.id;
  };
  const charterId = await publish(renderCharter(content), target.parentPageId);
  await publish(renderStatusReport(content, period, await deps.loadStatusExecution?.(program)), charterId);
  await publish(renderRiskReport(content), charterId);
  for (const quarter of (await deps.loadQuarterPlans?.(program)) ?? [])
    await publish(renderQuarterPlan(content, quarter), charterId);
  const completion = (await deps.loadCompletion?.(program)) ?? null;
  if (completion) await publish(renderCompletionReport(content, completion), charterId);
  const run: PublishRun = {
    id: deps.newId(),
    programId: program.id,
    trigger,
    period: period.key,
    at,
    by,
    pages,
  };
  await deps.records.addRun(run);
  return run;
}

/** Publish now: owners only. */
export async function publishNow(deps: PublishDeps, programId: string, accountId: string | undefined) {
  const program = await authorize(deps.programs, programId, accountId, 'edit');
  return publishProgram(deps, program, 'manual', accountId ?? null);
}

export interface TargetInput {
  programId: string;
  spaceId: string;
  parentPageId: string;
  reportCadence: ReportCadence;
}

/** Owners choose where the program publishes; the space and the parent page must exist and match. */
export async function savePublishTarget(
  deps: PublishDeps,
  accountId: string | undefined,
  input: TargetInput,
): Promise<PublishTarget> {
  await authorize(deps.programs, input.programId, accountId, 'edit');
  const space = await deps.confluence.getSpace(input.spaceId);
  if (!space) throw new ProgramRuleError('No Confluence space with this id that you can see.', 'spaceId');
  const parent = await deps.confluence.getPage(input.parentPageId);
  if (!parent || parent.spaceId !== space.id)
    throw new ProgramRuleError('The parent page must be a page in the chosen space.', 'parentPageId');
  const target: PublishTarget = {
    spaceId: input.spaceId,
    parentPageId: input.parentPageId,
    reportCadence: input.reportCadence,
    updatedAt: deps.now(),
    updatedBy: accountId ?? 'unknown',
  };
  await deps.records.setTarget(input.programId, target);
  return target;
}
