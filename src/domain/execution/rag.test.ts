import { newMilestone, type Milestone } from '../milestones/milestone';
import {
  DEFAULT_RAG_THRESHOLDS,
  ragThresholdProblems,
  ragThresholdsOf,
  type RagThresholds,
} from '../program/program';
import { renderStatusReport } from '../publishing/documents';
import { reportPeriod } from '../publishing/period';
import { raw } from '../publishing/storage-format';
import { buildContent } from '../publishing/test-builders';
import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../risks/detection/builders';
import type { DetectedRisk } from '../risks/detection/types';
import type { Risk } from '../risks/risk';
import { programProgress } from './progress';
import { expectedProgress } from './progress-plan';
import { assessRag, initiativeRag, MAX_OVERDUE_NAMED, type ProgramRag } from './rag';
import type { ExecutionChild, ExecutionState } from './state';

const child = (key: string, status: ExecutionChild['status'], storyPoints = 5): ExecutionChild => ({
  key,
  status,
  storyPoints,
});

/** PAY-1 (sprints 1–2) then ID-1 (sprints 3–4), each two 5-point stories, `done` of them done. */
function twoInitiatives(done: { pay: number; id: number }) {
  const stories = (prefix: string, n: number) => [
    child(`${prefix}-10`, n >= 1 ? 'done' : 'new'),
    child(`${prefix}-11`, n >= 2 ? 'done' : 'indeterminate'),
  ];
  return [
    anInitiative('PAY-1', { status: STATUS.doing, children: stories('PAY', done.pay) }),
    anInitiative('ID-1', { status: STATUS.doing, children: stories('ID', done.id) }),
  ];
}

function stateOf(spec: StateSpec & { milestones?: Milestone[]; risks?: Risk[] }): ExecutionState {
  const state = anExecutionState({
    edges: [['PAY-1', 'ID-1']],
    plan: { estimates: { 'PAY-1': 2, 'ID-1': 2 } },
    ...spec,
  });
  return { ...state, milestones: spec.milestones ?? [], risks: spec.risks ?? [] };
}

function rag(
  state: ExecutionState,
  options: { detected?: DetectedRisk[] | null; thresholds?: Partial<RagThresholds> } = {},
): ProgramRag {
  const progress = programProgress(state.initiatives);
  return assessRag({
    state,
    progress,
    expected: state.current ? expectedProgress(state.current, state.today, progress) : null,
    detected: options.detected === undefined ? [] : options.detected,
    thresholds: { ...DEFAULT_RAG_THRESHOLDS, ...options.thresholds },
  });
}

const aDetected = (overrides: Partial<DetectedRisk> = {}): DetectedRisk => ({
  rule: 'dependency-late',
  fingerprint: 'dependency-late:PAY-1>ID-1',
  title: 'ID-1 waits for PAY-1, planned to finish later',
  reason: 'ID-1 is blocked by PAY-1, which is planned two sprints later',
  probability: 4,
  impact: 4,
  initiativeKeys: ['PAY-1', 'ID-1'],
  teamIds: [],
  ...overrides,
});

const aRisk = (overrides: Partial<Risk> = {}): Risk => ({
  id: 'r1',
  title: 'Payment provider contract late',
  probability: 4,
  impact: 4,
  ownerAccountId: null,
  mitigation: '',
  status: 'open',
  source: 'manual',
  ...overrides,
});

const aMilestone = (
  name: string,
  targetDate: string,
  keys: string[],
  status: Milestone['status'] = 'planned',
) => newMilestone(`ms-${name}`, { name, targetDate, initiativeKeys: keys }, status);

describe('RAG from progress against the plan', () => {
  it('is green with no reasons when the work is where the plan expects it', () => {
    // 2027-01-25: PAY-1's window is 21 of 28 days gone (7.5 of its 10 points), ID-1 not started: 38%.
    const result = rag(stateOf({ today: '2027-01-25', initiatives: twoInitiatives({ pay: 2, id: 0 }) }));
    expect(result.status).toBe('green');
    expect(result.reasons).toEqual([]);
    expect(result.summary).toMatch(/^50% done by story points; today's 2027-Q1 schedule expects 38% by now/);
  });

  it.each([
    // PAY-1 takes sprints 1–2 and ID-1 sprints 3–4, 10 points each.
    ['2027-01-25', 1, 0, 'amber'], // 25% done where 38% is expected: 13 points behind
    ['2027-01-25', 2, 0, 'green'], // 50% where 38%: ahead
    ['2027-02-14', 1, 0, 'red'], // 25% where 73%
    ['2027-02-14', 2, 1, 'green'], // 75% where 73%
  ])('on %s with %i and %i stories done is %s', (today, pay, id, expected) => {
    const result = rag(stateOf({ today, initiatives: twoInitiatives({ pay, id }) }));
    expect(result.status).toBe(expected);
  });

  it('names how far behind the program is, against what and where in the quarter', () => {
    const result = rag(stateOf({ today: '2027-02-14', initiatives: twoInitiatives({ pay: 1, id: 0 }) }));
    expect(result.status).toBe('red');
    expect(result.reasons[0]).toMatchObject({ level: 'red', source: 'progress' });
    expect(result.reasons[0]?.text).toBe(
      "25% done by story points where today's 2027-Q1 schedule expects 73% by now (Sprint 3, 2.9 of 6 sprints elapsed): 48 points behind.",
    );
  });

  it('follows the program’s own thresholds', () => {
    const state = stateOf({ today: '2027-02-14', initiatives: twoInitiatives({ pay: 1, id: 0 }) });
    expect(rag(state, { thresholds: { behindRed: 60 } }).reasons[0]?.level).toBe('amber');
    const slight = stateOf({ today: '2027-01-25', initiatives: twoInitiatives({ pay: 1, id: 0 }) });
    expect(rag(slight, { thresholds: { behindAmber: 15 } }).status).toBe('green');
    expect(
      rag(state, { thresholds: { behindAmber: 55, behindRed: 60 } }).reasons.map((r) => r.source),
    ).not.toContain('progress');
  });

  it('names an initiative past its planned end that is not done', () => {
    const result = rag(stateOf({ today: '2027-02-03', initiatives: twoInitiatives({ pay: 1, id: 0 }) }));
    const overdue = result.reasons.find((r) => r.source === 'schedule');
    expect(overdue).toMatchObject({ level: 'amber', initiativeKeys: ['PAY-1'], label: 'Past planned end' });
    expect(overdue?.text).toBe('PAY-1 was scheduled to end with Sprint 2 (2027-01-31) and is 50% done.');
  });

  it(`names at most ${MAX_OVERDUE_NAMED} overdue initiatives and gathers the rest in one reason`, () => {
    const keys = Array.from({ length: 8 }, (_, n) => `PAY-${n + 1}`);
    const state = anExecutionState({
      today: '2027-03-20',
      initiatives: keys.map((key) => anInitiative(key, { children: [child(`${key}0`, 'new')] })),
      plan: { estimates: Object.fromEntries(keys.map((k) => [k, 1])), capacity: { 'team-pay': 8 } },
    });
    const schedule = rag(state).reasons.filter((r) => r.source === 'schedule');
    expect(schedule).toHaveLength(MAX_OVERDUE_NAMED + 1);
    expect(schedule.at(-1)?.text).toMatch(/^3 more initiatives are past their planned end and not done: /);
    expect(schedule.at(-1)?.initiativeKeys).toHaveLength(3);
  });

  it('says why the status is limited when no plan is in force, and still weighs milestones and risks', () => {
    const state = stateOf({
      today: '2026-11-25',
      initiatives: twoInitiatives({ pay: 0, id: 0 }),
      plan: null,
      risks: [aRisk({ probability: 5, impact: 4 })],
    });
    const result = rag(state);
    expect(result.limitations[0]).toBe(
      'No quarter plan is in force on 2026-11-25, so progress is not compared with a schedule: the status rests on milestones, risks and progress in Jira.',
    );
    expect(result.status).toBe('red');
    expect(result.summary).toBe('0% of issues done, 0% of story points; 0 of 2 initiatives done.');
  });

  it('says when expectations follow a schedule with no baseline, and when detection did not run', () => {
    const state = stateOf({ today: '2027-01-25', initiatives: twoInitiatives({ pay: 2, id: 0 }) });
    const result = rag(state, { detected: null });
    expect(result.limitations).toEqual([
      "No baseline of 2027-Q1 is frozen yet: expected progress follows today's schedule, which moves with every estimate.",
      'Risk detection did not run: only the register’s risks count.',
    ]);
  });
});

describe('RAG from milestones', () => {
  const initiatives = twoInitiatives({ pay: 2, id: 0 });
  const onTime = { today: '2027-01-25', initiatives };

  it.each([
    ['2027-01-24', 'amber', 'is 1 day past its target date and not done.'],
    ['2027-01-10', 'red', 'is 15 days past its target date and not done.'],
  ])('turns the status by how late it is: due %s is %s', (targetDate, level, text) => {
    const result = rag(stateOf({ ...onTime, milestones: [aMilestone('Beta', targetDate, ['ID-1'])] }));
    expect(result.reasons[0]).toMatchObject({ level, source: 'milestone', initiativeKeys: ['ID-1'] });
    expect(result.reasons[0]?.text).toBe(`Milestone “Beta” (${targetDate}) ${text}`);
  });

  it('warns when the schedule ends a milestone’s initiative after its date', () => {
    const result = rag(stateOf({ ...onTime, milestones: [aMilestone('Beta', '2027-02-20', ['ID-1'])] }));
    expect(result.reasons[0]).toMatchObject({
      level: 'red',
      label: 'Milestone will slip',
      initiativeKeys: ['ID-1'],
    });
    expect(result.reasons[0]?.text).toBe(
      'Milestone “Beta” (2027-02-20) waits for ID-1, scheduled to end with Sprint 4 (2027-02-28): 8 days late.',
    );
    const tolerant = rag(stateOf({ ...onTime, milestones: [aMilestone('Beta', '2027-02-20', ['ID-1'])] }), {
      thresholds: { milestoneSlipAmberDays: 10, milestoneSlipRedDays: 20 },
    });
    expect(tolerant.status).toBe('green');
  });

  it('counts a missed milestone red, a milestone marked at risk amber, and a done one not at all', () => {
    const result = rag(
      stateOf({
        ...onTime,
        milestones: [
          aMilestone('Alpha', '2027-01-05', ['PAY-1'], 'missed'),
          aMilestone('Gamma', '2027-03-30', [], 'at-risk'),
          aMilestone('Done', '2027-01-02', ['PAY-1'], 'done'),
        ],
      }),
    );
    expect(result.reasons.map((r) => [r.level, r.text])).toEqual([
      ['red', 'Milestone “Alpha” (2027-01-05) was missed.'],
      ['amber', 'Milestone “Gamma” (2027-03-30) is marked at risk.'],
    ]);
  });
});

describe('RAG from risks', () => {
  const state = stateOf({ today: '2027-01-25', initiatives: twoInitiatives({ pay: 2, id: 0 }) });

  it('turns red or amber by the detected risk’s severity, giving its reason', () => {
    const critical = rag(state, { detected: [aDetected()] });
    expect(critical.status).toBe('red');
    expect(critical.reasons[0]).toMatchObject({
      source: 'detected-risk',
      text: 'ID-1 is blocked by PAY-1, which is planned two sprints later',
      initiativeKeys: ['PAY-1', 'ID-1'],
    });
    expect(rag(state, { detected: [aDetected({ probability: 3, impact: 4 })] }).status).toBe('amber');
    expect(rag(state, { detected: [aDetected({ probability: 2, impact: 3 })] }).status).toBe('green');
    expect(rag(state, { detected: [aDetected()], thresholds: { riskRed: [], riskAmber: [] } }).status).toBe(
      'green',
    );
  });

  it('leaves out a detected risk the TPM accepted in the register, and counts one both detected and registered once', () => {
    const registered = (status: Risk['status']) =>
      aRisk({ status, source: 'detected', fingerprint: 'dependency-late:PAY-1>ID-1' });
    const accepted = { ...state, risks: [registered('accepted')] };
    expect(rag(accepted, { detected: [aDetected()] }).status).toBe('green');
    const open = { ...state, risks: [registered('open')] };
    expect(rag(open, { detected: [aDetected()] }).reasons).toHaveLength(1);
  });

  it('weighs the register’s live risks and turns a problem red', () => {
    const withRisks = (risks: Risk[]) => rag({ ...state, risks });
    expect(withRisks([aRisk({ probability: 3, impact: 4 })]).reasons[0]?.text).toBe(
      'High risk in the register (open): Payment provider contract late.',
    );
    expect(withRisks([aRisk({ probability: 3, impact: 4, status: 'accepted' })]).status).toBe('green');
    expect(withRisks([aRisk({ probability: 5, impact: 5, status: 'closed' })]).status).toBe('green');
    const problem = withRisks([aRisk({ probability: 3, impact: 4, status: 'happened' })]);
    expect(problem.reasons[0]).toMatchObject({ level: 'red', label: 'Open problem' });
    expect(withRisks([aRisk({ probability: 1, impact: 2, status: 'happened' })]).status).toBe('amber');
  });

  it('lists red reasons before amber ones', () => {
    const result = rag(
      { ...state, risks: [aRisk({ probability: 3, impact: 4 })] },
      { detected: [aDetected({ fingerprint: 'x' })] },
    );
    expect(result.reasons.map((r) => r.level)).toEqual(['red', 'amber']);
  });
});

describe('RAG of one initiative', () => {
  it('collects the reasons naming it and how far it is behind its own window', () => {
    const state = stateOf({ today: '2027-01-25', initiatives: twoInitiatives({ pay: 0, id: 0 }) });
    const progress = programProgress(state.initiatives);
    const expected = state.current && expectedProgress(state.current, state.today, progress);
    const programRag = assessRag({
      state,
      progress,
      expected,
      detected: [aDetected({ probability: 3, impact: 4, initiativeKeys: ['ID-1'] })],
      thresholds: DEFAULT_RAG_THRESHOLDS,
    });
    expect(initiativeRag('PAY-1', programRag, expected, DEFAULT_RAG_THRESHOLDS)).toEqual({
      status: 'red',
      flags: ['Behind plan: 0% of 75% expected'],
    });
    expect(initiativeRag('ID-1', programRag, expected, DEFAULT_RAG_THRESHOLDS)).toEqual({
      status: 'amber',
      flags: ['ID-1 waits for PAY-1, planned to finish later'],
    });
  });
});

describe('thresholds', () => {
  it('default for a program record written before they existed', () => {
    expect(ragThresholdsOf({})).toEqual(DEFAULT_RAG_THRESHOLDS);
    const own = { ...DEFAULT_RAG_THRESHOLDS, behindAmber: 5 };
    expect(ragThresholdsOf({ ragThresholds: own }).behindAmber).toBe(5);
  });
});

describe('thresholds are consistent', () => {
  it.each([
    [{ behindAmber: 30, behindRed: 20 }, 'behindRed'],
    [{ milestoneSlipAmberDays: 10, milestoneSlipRedDays: 5 }, 'milestoneSlipRedDays'],
    [{ riskAmber: ['high' as const], riskRed: ['high' as const, 'critical' as const] }, 'riskRed'],
  ])('refuses %j at %s', (change, path) => {
    expect(ragThresholdProblems({ ...DEFAULT_RAG_THRESHOLDS, ...change }).map((p) => p.path)).toEqual([path]);
  });

  it('accepts the defaults and equal amber and red bounds', () => {
    expect(ragThresholdProblems(DEFAULT_RAG_THRESHOLDS)).toEqual([]);
    expect(ragThresholdProblems({ ...DEFAULT_RAG_THRESHOLDS, behindAmber: 20, behindRed: 20 })).toEqual([]);
  });
});

describe('the status report page', () => {
  const period = reportPeriod('weekly', '2027-02-10');

  it('shows the execution RAG with its reasons, what limits it, and story points done', () => {
    const page = raw(
      renderStatusReport(buildContent(), period, {
        rag: 'amber',
        reasons: ['PAY-1 was planned to end with Sprint 2 (2027-01-31) and is 50% done.'],
        limitations: ['No baseline of 2027-Q1 is frozen yet.'],
        summary: '40% done by story points; the 2027-Q1 baseline expects 45% by now.',
        points: { done: 40, total: 100 },
      }).body,
    );
    expect(page).toContain('<ac:parameter ac:name="title">AMBER</ac:parameter>');
    expect(page).toContain('<li>PAY-1 was planned to end with Sprint 2 (2027-01-31) and is 50% done.</li>');
    expect(page).toContain('<th>Story points done</th>');
    expect(page).toContain('<td>40/100 (40%)</td>');
    expect(page).toContain('<em>No baseline of 2027-Q1 is frozen yet.</em>');
  });

  it('keeps the milestone and risk RAG when no execution status is given', () => {
    const page = raw(renderStatusReport(buildContent(), period).body);
    expect(page).not.toContain('Story points done');
    expect(page).toContain('Why this status');
  });
});
