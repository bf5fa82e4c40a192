// The published artifacts as storage format: program charter, status report and risk & problem report.
// Pure: the program's data in, the page title, the managed content and its charts out.
import type { StrategicInitiative, Strategy } from '../funnel/funnel';
import type { Goal } from '../goals/goal';
import type { ChildProgress, IssueStatus } from '../initiative/initiative';
import { timeline, type Milestone, type MilestoneStatus } from '../milestones/milestone';
import type { ProgramRecord } from '../program/program';
import { rankRisks, riskScore, riskSeverity, type Risk, type RiskSeverity } from '../risks/risk';
import { progressChart, riskHeatMapChart, type Chart } from './charts';
import type { ReportPeriod } from './period';
import {
  attachedImage,
  el,
  expand,
  heading,
  jiraLink,
  join,
  lozenge,
  paragraphs,
  table,
  text,
  type LozengeColour,
  type Markup,
} from './storage-format';

export type Artifact = 'charter' | 'status' | 'risk-report' | 'quarter-plan' | 'completion';
export const ARTIFACTS: readonly Artifact[] = [
  'charter',
  'status',
  'risk-report',
  'quarter-plan',
  'completion',
];

/** One initiative of the scope as the report shows it. */
export interface ScopeRow {
  key: string;
  summary: string;
  team: string;
  status: IssueStatus;
  progress: ChildProgress;
}

export interface ProgramContent {
  program: ProgramRecord;
  strategies: readonly Strategy[];
  strategicInitiatives: readonly StrategicInitiative[];
  goals: readonly Goal[];
  milestones: readonly Milestone[];
  risks: readonly Risk[];
  scope: readonly ScopeRow[];
  scopeWarnings: readonly string[];
  /** The Jira site, for issue links. */
  siteUrl: string;
  /** ISO date of the publish. */
  today: string;
}

export interface RenderedPage {
  artifact: Artifact;
  /** The status report's period or the plan's quarter; other artifacts have one page per program. */
  period: string | undefined;
  title: string;
  body: Markup;
  charts: Chart[];
}

const TITLE_MAX = 255;
const titleOf = (program: ProgramRecord, what: string) => {
  // Titles are plain text; control characters would be refused by Confluence.
  const name =
    [...program.name]
      .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
      .join('')
      .trim() || program.id;
  return `${name.slice(0, TITLE_MAX - what.length - 3)} — ${what}`;
};

export const charterTitle = (program: ProgramRecord) => titleOf(program, 'Program charter');
export const statusTitle = (program: ProgramRecord, period: ReportPeriod) =>
  titleOf(program, `Status report ${period.key}`);
export const quarterPlanTitle = (program: ProgramRecord, quarter: string) =>
  titleOf(program, `Quarter plan ${quarter}`);
export const riskReportTitle = (program: ProgramRecord) => titleOf(program, 'Risk & problem report');
export const completionReportTitle = (program: ProgramRecord) => titleOf(program, 'Completion report');

const nameOf = (program: ProgramRecord, accountId: string | null | undefined) =>
  accountId ? (program.people.find((p) => p.accountId === accountId)?.displayName ?? accountId) : '—';

const STATUS_COLOUR: Record<IssueStatus['category'], LozengeColour> = {
  new: 'Grey',
  indeterminate: 'Blue',
  done: 'Green',
};
const MILESTONE_COLOUR: Record<MilestoneStatus, LozengeColour> = {
  planned: 'Grey',
  'on-track': 'Green',
  'at-risk': 'Yellow',
  done: 'Blue',
  missed: 'Red',
};
const SEVERITY_COLOUR: Record<RiskSeverity, LozengeColour> = {
  low: 'Green',
  medium: 'Yellow',
  high: 'Red',
  critical: 'Red',
};

const issueLozenge = (status: IssueStatus) => lozenge(STATUS_COLOUR[status.category], status.name);
const percent = (p: ChildProgress) => (p.total === 0 ? '—' : `${Math.round((p.done / p.total) * 100)}%`);

function publishedNote(content: ProgramContent): Markup {
  return el(
    'p',
    {},
    el(
      'em',
      {},
      `Published by Programs for Jira & Confluence on ${content.today}. This section is replaced on every publish; write your own notes outside it.`,
    ),
  );
}

function scopeTable(content: ProgramContent): Markup {
  return table(
    ['Initiative', 'Summary', 'Team', 'Status', 'Child issues done'],
    content.scope.map((row) => [
      jiraLink(content.siteUrl, row.key),
      row.summary,
      row.team,
      issueLozenge(row.status),
      `${row.progress.done}/${row.progress.total} (${percent(row.progress)})`,
    ]),
    'No initiatives in scope.',
  );
}

function milestoneTable(content: ProgramContent, milestones: readonly Milestone[]): Markup {
  return table(
    ['Milestone', 'Target date', 'Status', 'Initiatives', 'Agreed'],
    milestones.map((m) => [
      m.name,
      m.targetDate,
      lozenge(MILESTONE_COLOUR[m.status], m.status),
      join(
        m.initiativeKeys.map((k) => jiraLink(content.siteUrl, k)),
        ', ',
      ),
      m.agreement
        ? `${m.agreement.agreedBy.map((a) => nameOf(content.program, a)).join(', ')}, ${m.agreement.at.slice(0, 10)}`
        : 'Not yet',
    ]),
    'No milestones yet.',
  );
}

function riskTable(content: ProgramContent, risks: readonly Risk[], empty: string): Markup {
  return table(
    ['Risk', 'Severity', 'Probability × impact', 'Owner', 'Mitigation', 'Status', 'Source'],
    risks.map((r) => [
      r.title,
      lozenge(SEVERITY_COLOUR[riskSeverity(r)], riskSeverity(r)),
      `${r.probability} × ${r.impact} = ${riskScore(r)}`,
      nameOf(content.program, r.ownerAccountId),
      r.mitigation,
      r.status,
      r.source,
    ]),
    empty,
  );
}

function warnings(content: ProgramContent): Markup {
  if (content.scopeWarnings.length === 0) return join([]);
  return expand('Data warnings', el('ul', {}, ...content.scopeWarnings.map((w) => el('li', {}, w))));
}

export function renderCharter(content: ProgramContent): RenderedPage {
  const { program } = content;
  const heat = riskHeatMapChart(content.risks);
  const strategyById = new Map(content.strategies.map((s) => [s.id, s]));
  const body = join([
    publishedNote(content),
    heading(2, 'Description'),
    paragraphs(program.description),
    heading(3, 'Expected benefits'),
    paragraphs(program.expectedBenefits),
    heading(3, 'Resources needed'),
    paragraphs(program.resourcesNeeded),
    heading(2, 'OKRs served'),
    table(
      ['Level', 'Strategy', 'Objective', 'Key results'],
      content.strategies.map((s) => [
        s.level,
        s.name,
        s.objective,
        el(
          'ul',
          {},
          ...s.keyResults.map((kr) => el('li', {}, `${kr.description} (${kr.metric}: ${kr.target})`)),
        ),
      ]),
      'No OKRs linked yet.',
    ),
    heading(3, 'Strategic initiatives'),
    table(
      ['Initiative', 'Serves', 'Epics'],
      content.strategicInitiatives.map((i) => [
        i.name,
        i.strategyIds.map((id) => strategyById.get(id)?.name ?? id).join(', '),
        join(
          i.epicKeys.map((k) => jiraLink(content.siteUrl, k)),
          ', ',
        ),
      ]),
      'No strategic initiatives yet.',
    ),
    heading(2, 'Goals'),
    table(
      ['Goal', 'Metric', 'Baseline', 'Target', 'Due', 'Agreement'],
      content.goals.map((g) => [
        g.statement,
        g.metric,
        g.baseline,
        g.target,
        g.dueDate,
        g.agreement
          ? lozenge('Green', `agreed ${g.agreement.at.slice(0, 10)}`)
          : lozenge('Yellow', 'not agreed'),
      ]),
      'No goals yet.',
    ),
    heading(2, 'Scope'),
    el(
      'p',
      {},
      `Initiatives selected by `,
      el('code', {}, program.scopeJql),
      ` and the epics added to the program.`,
    ),
    expand(`Initiatives (${content.scope.length})`, scopeTable(content)),
    warnings(content),
    heading(2, 'Parties'),
    table(
      ['Role', 'Who'],
      [
        ['Owners', program.owners.map((o) => nameOf(program, o)).join(', ') || '—'],
        ['Sponsor', nameOf(program, program.sponsor)],
        ['Stakeholders', program.stakeholders.map((s) => nameOf(program, s)).join(', ') || '—'],
      ],
    ),
    table(
      ['Team', 'Jira team or project', 'Lead', 'Capacity per sprint'],
      program.teams.map((t) => [t.name, t.jiraTeam, nameOf(program, t.leadAccountId), t.capacityPerSprint]),
      'No teams yet.',
    ),
    heading(2, 'High-level plan'),
    milestoneTable(content, timeline(content.milestones)),
    heading(2, 'Risk assessment'),
    attachedImage(heat.filename, heat.alt),
    riskTable(content, rankRisks(content.risks), 'No live risks.'),
  ]);
  return { artifact: 'charter', period: undefined, title: charterTitle(program), body, charts: [heat] };
}

export type Rag = 'green' | 'amber' | 'red';

/** RAG status with its reasons, from milestones and risks as of `today`. */
export function programRag(content: Pick<ProgramContent, 'milestones' | 'risks' | 'today'>): {
  rag: Rag;
  reasons: string[];
} {
  const red: string[] = [];
  const amber: string[] = [];
  for (const m of content.milestones) {
    if (m.status === 'missed') red.push(`Milestone "${m.name}" was missed.`);
    else if (m.status !== 'done' && m.targetDate < content.today)
      red.push(`Milestone "${m.name}" is past its target date ${m.targetDate}.`);
    else if (m.status === 'at-risk') amber.push(`Milestone "${m.name}" is at risk.`);
  }
  for (const r of rankRisks(content.risks)) {
    const severity = riskSeverity(r);
    if (r.status === 'happened') red.push(`Problem: ${r.title}.`);
    else if (severity === 'critical') red.push(`Critical risk: ${r.title}.`);
    else if (severity === 'high') amber.push(`High risk: ${r.title}.`);
  }
  if (red.length > 0) return { rag: 'red', reasons: [...red, ...amber] };
  if (amber.length > 0) return { rag: 'amber', reasons: amber };
  return { rag: 'green', reasons: ['Milestones on track and no high risks.'] };
}

const RAG_COLOUR: Record<Rag, LozengeColour> = { green: 'Green', amber: 'Yellow', red: 'Red' };

/**
 * The execution status of the program (src/domain/execution: progress by count and by estimate, RAG weighed
 * by the program's thresholds against the plan in force and the detected risks), when the publisher has it.
 */
export interface StatusReportExecution {
  rag: Rag;
  reasons: string[];
  /** What the status could not take into account. */
  limitations: string[];
  /** One line on where the program stands against the plan in force. */
  summary: string;
  points: { done: number; total: number };
}

export function renderStatusReport(
  content: ProgramContent,
  period: ReportPeriod,
  execution?: StatusReportExecution,
): RenderedPage {
  const { program } = content;
  const total = content.scope.reduce(
    (sum, r) => ({
      total: sum.total + r.progress.total,
      done: sum.done + r.progress.done,
      inProgress: sum.inProgress + r.progress.inProgress,
      toDo: sum.toDo + r.progress.toDo,
    }),
    { total: 0, done: 0, inProgress: 0, toDo: 0 },
  );
  const progress = progressChart([
    { label: 'Program', ...total },
    ...content.scope.slice(0, 40).map((r) => ({ label: r.key, ...r.progress })),
  ]);
  const { rag, reasons } = execution
    ? { rag: execution.rag, reasons: execution.reasons }
    : programRag(content);
  const upcoming = timeline(content.milestones).filter((m) => m.status !== 'done');
  const initiativesDone = content.scope.filter((r) => r.status.category === 'done').length;
  const pointsDone = execution
    ? [
        execution.points.total > 0
          ? `${execution.points.done}/${execution.points.total} (${Math.floor((100 * execution.points.done) / execution.points.total)}%)`
          : '—',
      ]
    : [];
  const body = join([
    publishedNote(content),
    table(
      [
        'Period',
        'Stage',
        'Status',
        'Initiatives done',
        'Child issues done',
        ...(execution ? ['Story points done'] : []),
      ],
      [
        [
          `${period.start} to ${period.end}`,
          program.stage,
          lozenge(RAG_COLOUR[rag], rag.toUpperCase()),
          `${initiativesDone}/${content.scope.length}`,
          `${total.done}/${total.total} (${percent(total)})`,
          ...pointsDone,
        ],
      ],
    ),
    heading(2, 'Why this status'),
    ...(execution ? [el('p', {}, execution.summary)] : []),
    reasons.length > 0
      ? el('ul', {}, ...reasons.map((r) => el('li', {}, r)))
      : el('p', {}, 'Nothing weighs on the status.'),
    ...(execution && execution.limitations.length > 0
      ? [el('p', {}, el('em', {}, execution.limitations.join(' ')))]
      : []),
    heading(2, 'Progress'),
    attachedImage(progress.filename, progress.alt),
    expand(`Initiatives (${content.scope.length})`, scopeTable(content)),
    warnings(content),
    heading(2, 'Next milestones'),
    milestoneTable(content, upcoming.slice(0, 5)),
    heading(2, 'Top risks'),
    riskTable(content, rankRisks(content.risks).slice(0, 5), 'No live risks.'),
  ]);
  return {
    artifact: 'status',
    period: period.key,
    title: statusTitle(program, period),
    body,
    charts: [progress],
  };
}

const isProblem = (r: Risk) => r.status === 'happened' || r.problem !== undefined;
const RULE_NAMES: Record<string, string> = {
  'dependency-cycle': 'dependency cycle',
  'dependency-late': 'dependency planned late',
  'dependency-unestimated': 'dependency not estimated',
  'dependency-unplanned': 'dependency not planned',
  'team-over-capacity': 'team over capacity',
  'commitment-declined': 'commitment declined',
  'commitment-at-risk': 'commitment at risk',
  'commitment-missing': 'commitment missing',
  'past-target-date': 'past target date',
  'scope-added-after-baseline': 'scope added after baseline',
  'no-okr': 'serves no OKR',
};

/** The risk with, for a detected one, why the app raised it and when. */
function riskReportSubject(r: Risk): Markup {
  if (r.source !== 'detected') return text(r.title);
  const found = [
    r.detectedAt ? `detected ${r.detectedAt.slice(0, 10)}` : '',
    r.clearedAt ? `condition cleared ${r.clearedAt.slice(0, 10)}` : '',
  ].filter((s) => s !== '');
  return join([
    el('strong', {}, r.title),
    r.reason ? el('p', {}, r.reason) : join([]),
    found.length > 0 ? el('p', {}, el('em', {}, found.join('; '))) : join([]),
  ]);
}

const riskReportSource = (r: Risk) =>
  r.source === 'detected' ? `detected: ${RULE_NAMES[r.rule ?? ''] ?? r.rule ?? 'rule'}` : 'manual';

function riskReportTable(content: ProgramContent, risks: readonly Risk[], empty: string): Markup {
  return table(
    ['Risk', 'Severity', 'Probability × impact', 'Owner', 'Mitigation', 'Status', 'Source'],
    risks.map((r) => [
      riskReportSubject(r),
      lozenge(SEVERITY_COLOUR[riskSeverity(r)], riskSeverity(r)),
      `${r.probability} × ${r.impact} = ${riskScore(r)}`,
      nameOf(content.program, r.ownerAccountId),
      r.mitigation,
      r.status,
      riskReportSource(r),
    ]),
    empty,
  );
}

function problemTable(content: ProgramContent, problems: readonly Risk[]): Markup {
  return table(
    ['Problem', 'What happened', 'Owner', 'Resolution', 'Happened', 'Resolved'],
    problems.map((r) => [
      riskReportSubject(r),
      r.problem?.description ?? '—',
      nameOf(content.program, r.problem?.ownerAccountId ?? r.ownerAccountId),
      r.problem?.resolution || 'Not resolved yet.',
      r.problem?.happenedAt.slice(0, 10) ?? '—',
      r.problem?.resolvedAt ? lozenge('Green', `resolved ${r.problem.resolvedAt}`) : lozenge('Red', 'open'),
    ]),
    'No problems.',
  );
}

export function renderRiskReport(content: ProgramContent): RenderedPage {
  const heat = riskHeatMapChart(content.risks);
  // Open problems first, then resolved ones, most recent first.
  const problems = content.risks
    .filter(isProblem)
    .sort(
      (a, b) =>
        Number(a.problem?.resolvedAt != null) - Number(b.problem?.resolvedAt != null) ||
        (b.problem?.happenedAt ?? '').localeCompare(a.problem?.happenedAt ?? ''),
    );
  const live = rankRisks(content.risks).filter((r) => !isProblem(r));
  const closed = content.risks.filter((r) => r.status === 'closed' && !isProblem(r));
  const detected = live.filter((r) => r.source === 'detected').length;
  const body = join([
    publishedNote(content),
    heading(2, 'Heat map'),
    attachedImage(heat.filename, heat.alt),
    heading(2, 'Problems (risks that happened)'),
    problemTable(content, problems),
    heading(2, 'Risks, worst first'),
    el(
      'p',
      {},
      `${live.length} live risk${live.length === 1 ? '' : 's'}, ${detected} of them detected by the app from the plan and Jira; a detected risk closes by itself when its condition clears.`,
    ),
    riskReportTable(content, live, 'No live risks.'),
    expand(`Closed risks (${closed.length})`, riskReportTable(content, closed, 'No closed risks.')),
  ]);
  return {
    artifact: 'risk-report',
    period: undefined,
    title: riskReportTitle(content.program),
    body,
    charts: [heat],
  };
}
