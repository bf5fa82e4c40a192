// The completion report page: the success assessment of every goal and criterion, the analysis of how the
// program went (planned against actual dates, scope change, estimate accuracy, throughput with its chart),
// lessons learned with the improvement plan, and the transition to support. Every user string is escaped by
// the storage-format helpers; links are written only when they are http(s).
import type { DateOutcome } from '../completion/analysis/planned-vs-actual';
import type { SprintThroughput } from '../completion/analysis/throughput';
import type { AssessmentRow } from '../completion/assessment';
import { webLink } from '../completion/evidence';
import { handoverState } from '../completion/handover';
import type { CompletionReport } from '../completion/report';
import type {
  ActionStatus,
  Evidence,
  HandoverItem,
  HandoverState,
  LessonCategory,
  Verdict,
} from '../completion/types';
import type { ProgramRecord } from '../program/program';
import type { Chart } from './charts';
import { completionReportTitle, type ProgramContent, type RenderedPage } from './documents';
import {
  attachedImage,
  el,
  escapeXml,
  expand,
  heading,
  jiraLink,
  join,
  lozenge,
  table,
  text,
  type LozengeColour,
  type Markup,
} from './storage-format';

const VERDICT_COLOUR: Record<Verdict, LozengeColour> = { met: 'Green', partly: 'Yellow', missed: 'Red' };
const OUTCOME: Record<DateOutcome, { colour: LozengeColour; label: string }> = {
  early: { colour: 'Green', label: 'early' },
  'on-time': { colour: 'Green', label: 'on time' },
  late: { colour: 'Red', label: 'late' },
  overdue: { colour: 'Red', label: 'overdue' },
  'in-progress': { colour: 'Blue', label: 'in progress' },
  'done-undated': { colour: 'Grey', label: 'done, no date' },
  'no-plan': { colour: 'Grey', label: 'no planned date' },
};
const ACTION_COLOUR: Record<ActionStatus, LozengeColour> = {
  open: 'Grey',
  'in-progress': 'Blue',
  done: 'Green',
};
const CATEGORY: Record<LessonCategory, { colour: LozengeColour; label: string }> = {
  'went-well': { colour: 'Green', label: 'went well' },
  'to-improve': { colour: 'Yellow', label: 'to improve' },
};
const HANDOVER: Record<HandoverState, { colour: LozengeColour; label: string }> = {
  none: { colour: 'Grey', label: 'not planned yet' },
  pending: { colour: 'Yellow', label: 'awaiting acceptance' },
  accepted: { colour: 'Green', label: 'accepted' },
  rejected: { colour: 'Red', label: 'rejected' },
  waived: { colour: 'Purple', label: 'waived' },
};

const nameOf = (program: ProgramRecord, accountId: string | null | undefined) =>
  accountId ? (program.people.find((p) => p.accountId === accountId)?.displayName ?? accountId) : '—';

/** An http(s) link as an anchor; anything else (it never should be) as plain text. */
function link(url: string, label = url): Markup {
  return webLink(url) === null ? text(label) : el('a', { href: url }, label);
}

const evidenceOf = (siteUrl: string, evidence: readonly Evidence[]): Markup =>
  evidence.length === 0
    ? text('—')
    : join(
        evidence.map((e) => (e.kind === 'issue' ? jiraLink(siteUrl, e.key) : link(e.url))),
        ', ',
      );

const itemOf = (siteUrl: string, item: HandoverItem): Markup =>
  item.kind === 'issue' ? jiraLink(siteUrl, item.key) : text(item.text);

function subjectLabel(row: AssessmentRow, goalNames: CompletionReport['goalNames']): Markup {
  if (row.subject.kind === 'goal') return text('Goal');
  const serves = row.goalIds.map((id) => goalNames[id] ?? id).join('; ');
  return text(`${row.subject.quarter} criterion${serves ? ` (serves: ${serves})` : ''}`);
}

function assessmentTable(content: ProgramContent, report: CompletionReport): Markup {
  return table(
    ['What', 'Kind', 'Target', 'Measured', 'Verdict', 'Evidence', 'Note', 'Assessed'],
    report.rows.map((row) => {
      const a = row.assessment;
      return [
        row.statement,
        subjectLabel(row, report.goalNames),
        [row.metric, row.target].filter(Boolean).join(': ') || '—',
        a?.measuredValue || '—',
        a ? lozenge(VERDICT_COLOUR[a.verdict], a.verdict) : lozenge('Grey', 'not assessed'),
        a ? evidenceOf(content.siteUrl, a.evidence) : '—',
        a?.note || '—',
        a ? `${nameOf(content.program, a.assessedBy)}, ${a.assessedAt.slice(0, 10)}` : '—',
      ];
    }),
    'No goals or success criteria to assess.',
  );
}

/** One bar per sprint: child issues resolved in it. Fixed sizes, so the same data gives the same bytes. */
export function throughputChart(sprints: readonly SprintThroughput[]): Chart {
  const shown = sprints.slice(-40);
  const height = 160;
  const col = 28;
  const left = 36;
  const max = Math.max(1, ...shown.map((s) => s.resolved));
  const bars = shown
    .map((s, i) => {
      const h = Math.round((s.resolved / max) * (height - 20));
      const x = left + i * col;
      return (
        `<rect x="${x + 4}" y="${height - h}" width="${col - 8}" height="${h}" fill="#0065FF"/>` +
        `<text x="${x + col / 2}" y="${height - h - 4}" text-anchor="middle" font-size="10">${s.resolved}</text>` +
        `<text x="${x + col / 2}" y="${height + 14}" text-anchor="middle" font-size="9">${escapeXml(s.sprint.slice(0, 6))}</text>`
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + Math.max(1, shown.length) * col + 10}" height="${height + 24}" font-family="sans-serif">` +
    `<line x1="${left}" y1="${height}" x2="${left + Math.max(1, shown.length) * col}" y2="${height}" stroke="#C1C7D0"/>` +
    `<text x="0" y="12" font-size="10">${max}</text>` +
    bars +
    '</svg>';
  return {
    filename: 'throughput.svg',
    alt: 'Throughput: child issues resolved in each sprint of the quarter plans',
    svg,
  };
}

function analysisSection(content: ProgramContent, report: CompletionReport, chart: Chart): Markup {
  const { analysis } = report;
  const o = analysis.outcomes;
  const plannedFrom = (from: 'baseline' | 'target-date' | null, quarter: string | null) =>
    from === 'baseline' ? `baseline ${quarter ?? ''}`.trim() : from === 'target-date' ? 'target date' : '';
  return join([
    heading(2, 'Analysis'),
    el(
      'p',
      {},
      `As of ${analysis.asOf}: ${o.early + o['on-time']} initiative(s) finished on time or early, ${o.late} late, ${o.overdue} overdue, ${o['in-progress']} still in progress.`,
    ),
    analysis.gaps.length > 0
      ? el('ul', {}, ...analysis.gaps.map((g) => el('li', {}, el('em', {}, g))))
      : join([]),
    heading(3, 'Planned against actual dates'),
    expand(
      `Initiatives (${analysis.initiatives.length})`,
      table(
        ['Initiative', 'Team', 'Planned end', 'Re-planned end', 'Actual end', 'Outcome', 'Days late'],
        analysis.initiatives.map((d) => [
          jiraLink(content.siteUrl, d.key),
          d.team,
          d.plannedEnd ? `${d.plannedEnd} (${plannedFrom(d.plannedFrom, d.plannedQuarter)})` : '—',
          d.replannedEnd ?? '—',
          d.actualEnd ?? '—',
          lozenge(OUTCOME[d.outcome].colour, OUTCOME[d.outcome].label),
          d.slipDays === null ? '—' : d.slipDays,
        ]),
        'No initiatives in scope.',
      ),
    ),
    heading(3, 'Scope change since each quarter’s first baseline'),
    table(
      ['Quarter', 'Baseline', 'Initiatives then → now', 'Added', 'Removed', 'Points added / removed'],
      analysis.scopeChange.map((q) => [
        q.quarter,
        q.baseline ? q.baseline.frozenAt.slice(0, 10) : 'never baselined',
        q.baseline ? `${q.baselineCount} → ${q.currentCount}` : `— → ${q.currentCount}`,
        q.added.length === 0
          ? '—'
          : join(
              q.added.map((d) => jiraLink(content.siteUrl, d.key)),
              ', ',
            ),
        q.removed.length === 0
          ? '—'
          : join(
              q.removed.map((d) => jiraLink(content.siteUrl, d.key)),
              ', ',
            ),
        q.baseline
          ? `+${q.addedPoints} / −${q.removedPoints}${q.unpointed > 0 ? ` (${q.unpointed} without points)` : ''}`
          : '—',
      ]),
      'No quarter plans.',
    ),
    heading(3, 'Estimate accuracy per team'),
    table(
      [
        'Team',
        'Initiatives measured',
        'Sprints estimated',
        'Sprints taken',
        'Taken ÷ estimated',
        'Not measured',
      ],
      analysis.estimateAccuracy.map((t) => [
        t.teamName,
        t.measured,
        t.estimatedSprints,
        t.actualSprints,
        t.ratio === null ? '—' : t.ratio.toFixed(2),
        t.unmeasured,
      ]),
      'No estimates to compare.',
    ),
    heading(3, 'Throughput per sprint'),
    attachedImage(chart.filename, chart.alt),
    table(
      ['Quarter', 'Sprint', 'Dates', 'Issues resolved', 'Story points'],
      analysis.throughput.sprints.map((s) => [
        s.quarter,
        s.sprint,
        `${s.start} to ${s.end}`,
        s.resolved,
        s.unpointed > 0 ? `${s.points} (+${s.unpointed} unpointed)` : s.points,
      ]),
      'No sprints planned.',
    ),
  ]);
}

function lessonsSection(content: ProgramContent, report: CompletionReport): Markup {
  const lessonById = new Map(report.lessons.map((l) => [l.id, l]));
  return join([
    heading(2, 'Lessons learned'),
    table(
      ['', 'What happened', 'What we learned', 'By'],
      report.lessons.map((l) => [
        lozenge(CATEGORY[l.category].colour, CATEGORY[l.category].label),
        l.whatHappened,
        l.learned,
        nameOf(content.program, l.createdBy),
      ]),
      'No lessons recorded.',
    ),
    heading(2, 'Improvement plan'),
    table(
      ['Action', 'Owner', 'Due', 'Status', 'Follows from'],
      report.actions.map((a) => [
        a.action,
        nameOf(content.program, a.ownerAccountId),
        a.dueDate,
        lozenge(ACTION_COLOUR[a.status], a.status),
        a.lessonId ? (lessonById.get(a.lessonId)?.whatHappened ?? '—') : '—',
      ]),
      'No improvement actions.',
    ),
  ]);
}

function handoverSection(content: ProgramContent, report: CompletionReport): Markup {
  const h = report.handover;
  const state = handoverState(h);
  const status = lozenge(HANDOVER[state].colour, HANDOVER[state].label);
  if (!h) return join([heading(2, 'Transition to support'), el('p', {}, status)]);
  if (h.waiver)
    return join([
      heading(2, 'Transition to support'),
      el(
        'p',
        {},
        status,
        ` ${h.waiver.reason} (${nameOf(content.program, h.waiver.by)}, ${h.waiver.at.slice(0, 10)})`,
      ),
    ]);
  const answer = h.acceptance;
  return join([
    heading(2, 'Transition to support'),
    table(
      ['Receiving team', 'Contact', 'Handover date', 'Acceptance'],
      [
        [
          h.receivingTeam,
          nameOf(content.program, h.contactAccountId),
          h.handoverDate ?? '—',
          join([
            status,
            text(
              answer.by
                ? ` ${nameOf(content.program, answer.by)}, ${answer.at?.slice(0, 10) ?? ''}${answer.note ? `: ${answer.note}` : ''}`
                : '',
            ),
          ]),
        ],
      ],
    ),
    heading(3, 'Handed over'),
    h.items.length === 0
      ? el('p', {}, el('em', {}, 'Nothing listed yet.'))
      : el('ul', {}, ...h.items.map((i) => el('li', {}, itemOf(content.siteUrl, i)))),
    heading(3, 'Runbooks and documentation'),
    h.links.length === 0
      ? el('p', {}, el('em', {}, 'No links yet.'))
      : el(
          'ul',
          {},
          ...h.links.map((l) =>
            el(
              'li',
              {},
              `${l.kind === 'runbook' ? 'Runbook' : 'Documentation'}: `,
              link(l.url, l.label || l.url),
            ),
          ),
        ),
  ]);
}

export function renderCompletionReport(content: ProgramContent, report: CompletionReport): RenderedPage {
  const chart = throughputChart(report.analysis.throughput.sprints);
  const c = report.counts;
  const body = join([
    el(
      'p',
      {},
      el(
        'em',
        {},
        `Published by Programs for Jira & Confluence on ${content.today}. This section is replaced on every publish; write your own notes outside it.`,
      ),
    ),
    table(
      ['Stage', 'Met', 'Partly', 'Missed', 'Not assessed', 'Transition to support'],
      [
        [
          report.closedAt ? `closed ${report.closedAt.slice(0, 10)}` : content.program.stage,
          lozenge('Green', String(c.met)),
          lozenge('Yellow', String(c.partly)),
          lozenge('Red', String(c.missed)),
          lozenge('Grey', String(c.unassessed)),
          lozenge(
            HANDOVER[handoverState(report.handover)].colour,
            HANDOVER[handoverState(report.handover)].label,
          ),
        ],
      ],
    ),
    heading(2, 'Success assessment'),
    assessmentTable(content, report),
    analysisSection(content, report, chart),
    lessonsSection(content, report),
    handoverSection(content, report),
  ]);
  return {
    artifact: 'completion',
    period: undefined,
    title: completionReportTitle(content.program),
    body,
    charts: [chart],
  };
}
