import { XMLValidator } from 'fast-xml-parser';
import { analyzeCompletion } from '../completion/analysis/analysis';
import { assess, assessmentRows, verdictCounts } from '../completion/assessment';
import { answerHandover, saveHandover } from '../completion/handover';
import { newAction, newLesson } from '../completion/lessons';
import type { CompletionReport } from '../completion/report';
import { buildBaseline, buildChild, buildInitiative, buildPlan, frozen } from '../completion/test-builders';
import { renderCompletionReport, throughputChart } from './completion-report';
import { managedSection } from './managed-section';
import { raw } from './storage-format';
import { buildContent, buildGoal, buildProgram } from './test-builders';

const NAMESPACES =
  'xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier"';
const AT = '2027-04-02T09:00:00.000Z';
const program = buildProgram({
  stage: 'closed',
  teams: [
    { id: 'team-pay', name: 'Payments', jiraTeam: 'PAY', leadAccountId: 'lead-1', capacityPerSprint: 10 },
  ],
  people: [
    { accountId: 'tpm-1', displayName: 'Morgan Reyes' },
    { accountId: 'lead-1', displayName: 'Priya Shah' },
  ],
});
const goals = [
  buildGoal({ id: 'g1', statement: 'Checkout conversion up' }),
  buildGoal({ id: 'g2', statement: 'Launch fast' }),
];
const plan = buildPlan({
  successCriteria: [
    { id: 'c1', statement: 'Two pilot markets', metric: 'markets', target: '2', goalIds: ['g1'] },
  ],
});

function buildReport(overrides: Partial<CompletionReport> = {}): CompletionReport {
  const assessments = [
    assess(
      { kind: 'goal', goalId: 'g1' },
      {
        verdict: 'met',
        measuredValue: '2.7',
        evidence: [
          { kind: 'issue', key: 'PAY-7' },
          { kind: 'link', url: 'https://grafana.example.com/d/checkout?a=1&b=2' },
        ],
        note: 'Held for a month',
      },
      'tpm-1',
      AT,
    ),
    assess(
      { kind: 'criterion', quarter: '2027-Q1', criterionId: 'c1' },
      { verdict: 'partly', measuredValue: '1 market', evidence: [], note: '' },
      'tpm-1',
      AT,
    ),
  ];
  const rows = assessmentRows(goals, [plan], assessments);
  const lesson = newLesson(
    'l1',
    { category: 'to-improve', whatHappened: 'Estimates ran long', learned: 'Use reference classes' },
    'lead-1',
    AT,
  );
  const handover = answerHandover(
    saveHandover(
      undefined,
      {
        receivingTeam: 'Checkout SRE',
        contactAccountId: 'lead-1',
        items: [
          { kind: 'issue', key: 'PLAT-4' },
          { kind: 'description', text: 'Checkout dashboards' },
        ],
        links: [{ kind: 'runbook', label: 'On-call runbook', url: 'https://wiki.example.com/runbook' }],
        handoverDate: '2027-04-01',
        waiverReason: null,
      },
      'tpm-1',
      AT,
    ),
    'accepted',
    '',
    'lead-1',
    AT,
  );
  const analysis = analyzeCompletion(
    {
      today: '2027-04-20',
      program,
      plans: [plan],
      initiatives: [
        buildInitiative({
          resolvedAt: '2027-02-03T00:00:00Z',
          children: [buildChild({ resolvedAt: '2027-01-12T00:00:00Z' })],
        }),
      ],
    },
    [frozen(buildBaseline())],
  );
  return {
    rows,
    counts: verdictCounts(rows),
    goalNames: Object.fromEntries(goals.map((g) => [g.id, g.statement])),
    lessons: [lesson],
    actions: [
      newAction(
        'a1',
        {
          action: 'Reference-class estimates',
          ownerAccountId: 'lead-1',
          dueDate: '2027-06-30',
          status: 'open',
          lessonId: 'l1',
        },
        'tpm-1',
        AT,
      ),
    ],
    handover,
    analysis,
    closedAt: '2027-04-15T10:00:00.000Z',
    ...overrides,
  };
}

describe('the completion report page', () => {
  const page = renderCompletionReport(buildContent({ program, goals }), buildReport());
  const xhtml = raw(page.body);

  it('is its own artifact under a stable title, with the throughput chart attached', () => {
    expect(page).toMatchObject({
      artifact: 'completion',
      period: undefined,
      title: 'Atlas — Completion report',
    });
    expect(page.charts.map((c) => c.filename)).toEqual(['throughput.svg']);
    expect(XMLValidator.validate(`<root ${NAMESPACES}>${managedSection(page.body)}</root>`)).toBe(true);
    expect(XMLValidator.validate(page.charts[0]?.svg ?? '')).toBe(true);
  });

  it('shows each verdict as a lozenge, what is not assessed, and the evidence as links', () => {
    expect(xhtml).toContain('<ac:parameter ac:name="title">met</ac:parameter>');
    expect(xhtml).toContain('<ac:parameter ac:name="title">partly</ac:parameter>');
    expect(xhtml).toContain('<ac:parameter ac:name="title">not assessed</ac:parameter>');
    expect(xhtml).toContain('<a href="https://example.atlassian.net/browse/PAY-7">PAY-7</a>');
    expect(xhtml).toContain('<a href="https://grafana.example.com/d/checkout?a=1&amp;b=2">');
    expect(xhtml).toContain('2027-Q1 criterion (serves: Checkout conversion up)');
  });

  it('puts planned against actual dates, accuracy and throughput in tables', () => {
    expect(xhtml).toContain('2027-01-31 (baseline 2027-Q1)');
    expect(xhtml).toContain('<ac:parameter ac:name="title">late</ac:parameter>');
    expect(xhtml).toMatch(/<td>Payments<\/td><td>1<\/td><td>2<\/td><td>3<\/td><td>1.50<\/td>/);
    expect(xhtml).toContain('<td>2027-01-04 to 2027-01-17</td><td>1</td><td>3</td>');
  });

  it('lists lessons, the improvement plan and the accepted handover with its runbook', () => {
    expect(xhtml).toContain('Use reference classes');
    expect(xhtml).toContain('<td>Reference-class estimates</td><td>Priya Shah</td><td>2027-06-30</td>');
    expect(xhtml).toContain('<ac:parameter ac:name="title">accepted</ac:parameter>');
    expect(xhtml).toContain('<li><a href="https://example.atlassian.net/browse/PLAT-4">PLAT-4</a></li>');
    expect(xhtml).toContain(
      '<li>Runbook: <a href="https://wiki.example.com/runbook">On-call runbook</a></li>',
    );
  });

  it('says a waived handover was waived, with why', () => {
    const report = buildReport();
    const waived = renderCompletionReport(
      buildContent({ program }),
      buildReport({
        handover: {
          ...report.handover!,
          waiver: { reason: 'Retired with the program', by: 'tpm-1', at: AT },
        },
      }),
    );
    expect(raw(waived.body)).toContain('Retired with the program (Morgan Reyes, 2027-04-02)');
  });

  it('draws one bar per sprint, scaled to the busiest', () => {
    const chart = throughputChart(buildReport().analysis.throughput.sprints);
    expect(chart.svg.match(/<rect /g)).toHaveLength(6);
  });
});
