import { newMilestone } from '../milestones/milestone';
import { DEFAULT_RAG_THRESHOLDS } from '../program/program';
import { anExecutionState, anInitiative, STATUS, type StateSpec } from '../risks/detection/builders';
import type { DetectedRisk } from '../risks/detection/types';
import type { Risk } from '../risks/risk';
import { implementationReport, riskNames } from './implementation-report';
import { programProgress } from './progress';
import { expectedProgress } from './progress-plan';
import { assessRag } from './rag';
import type { ExecutionState } from './state';

const initiatives = [
  anInitiative('PAY-1', {
    status: STATUS.doing,
    children: [
      { key: 'PAY-2', status: 'done', storyPoints: 5 },
      { key: 'PAY-3', status: 'new', storyPoints: 5 },
    ],
  }),
  anInitiative('ID-1', {
    children: [{ key: 'ID-2', status: 'new', storyPoints: 8 }],
    targetDate: '2027-03-01',
  }),
  anInitiative('MOB-1'),
];

const aRisk = (overrides: Partial<Risk>): Risk => ({
  id: 'r',
  title: 'A risk',
  probability: 3,
  impact: 3,
  ownerAccountId: 'owner-1',
  mitigation: '',
  status: 'open',
  source: 'manual',
  ...overrides,
});

function reportOf(state: ExecutionState, key: string, detected: DetectedRisk[] = []) {
  const progress = programProgress(state.initiatives);
  const expected = state.current ? expectedProgress(state.current, state.today, progress) : null;
  const rag = assessRag({ state, progress, expected, detected, thresholds: DEFAULT_RAG_THRESHOLDS });
  return implementationReport({ state, expected, rag, detected, thresholds: DEFAULT_RAG_THRESHOLDS }, key);
}

const planned: StateSpec = {
  today: '2027-02-03',
  initiatives,
  edges: [
    ['PAY-1', 'ID-1'],
    ['ID-1', 'MOB-1'],
  ],
  plan: {
    estimates: { 'PAY-1': 2, 'ID-1': 2, 'MOB-1': 1 },
    commitments: [{ from: 'PAY-1', to: 'ID-1', status: 'at-risk', reason: 'PSP contract', by: 'lead-pay' }],
    baseline: {
      initiatives: ['PAY-1', 'ID-1', 'MOB-1'],
      schedule: [
        { key: 'PAY-1', startSprint: 0, endSprint: 1 },
        { key: 'ID-1', startSprint: 2, endSprint: 2 },
        { key: 'MOB-1', startSprint: 3, endSprint: 3 },
      ],
    },
  },
};

describe('the implementation report of an initiative', () => {
  it('shows its planned window (baseline) against its window in today’s schedule, with sprint names and dates', () => {
    const report = reportOf(anExecutionState(planned), 'ID-1');
    expect(report?.plan?.quarter).toBe('2027-Q1');
    expect(report?.plan?.planned).toMatchObject({
      startName: 'Sprint 3',
      endName: 'Sprint 3',
      end: '2027-02-14',
    });
    expect(report?.plan?.current).toMatchObject({
      startName: 'Sprint 3',
      endName: 'Sprint 4',
      end: '2027-02-28',
    });
    expect(report?.plan?.endDeltaSprints).toBe(1);
    expect(report?.targetDate).toBe('2027-03-01');
  });

  it('gives its progress and what the baseline expects of it by now', () => {
    const report = reportOf(anExecutionState(planned), 'PAY-1');
    expect(report?.progress.percentByPoints).toBe(50);
    expect(report?.plan?.expectation).toMatchObject({
      expectedPercent: 100,
      actualPercent: 50,
      overdue: true,
    });
    expect(report?.reasons.map((r) => r.label)).toContain('Past planned end');
    expect(report?.rag.status).toBe('amber');
  });

  it('lists what it waits for and what waits for it, with the commitments between teams', () => {
    const report = reportOf(anExecutionState(planned), 'ID-1');
    expect(report?.upstream).toEqual([
      expect.objectContaining({
        key: 'PAY-1',
        crossTeam: true,
        commitment: expect.objectContaining({ status: 'at-risk', reason: 'PSP contract' }),
        percentDone: 50,
        late: false,
      }),
    ]);
    expect(report?.downstream.map((d) => [d.key, d.commitment?.status])).toEqual([['MOB-1', 'proposed']]);
  });

  it('flags a dependency now scheduled to end after the sprint its dependent was agreed to start', () => {
    const grown = anExecutionState({
      ...planned,
      plan: { ...planned.plan, estimates: { 'PAY-1': 3, 'ID-1': 2, 'MOB-1': 1 } },
    });
    expect(reportOf(grown, 'ID-1')?.upstream[0]?.late).toBe(true);
    expect(reportOf(anExecutionState(planned), 'ID-1')?.upstream[0]?.late).toBe(false);
  });

  it('lists the problems (risks that happened) naming it, with their resolution when the register has one', () => {
    const state = anExecutionState(planned);
    state.risks = [
      aRisk({
        id: 'p1',
        title: 'Login outage',
        status: 'happened',
        problem: {
          description: 'ID-1 login failed for a day',
          ownerAccountId: 'lead-id',
          resolution: 'Rolled back the release',
          happenedAt: '2027-01-20T10:00:00.000Z',
          resolvedAt: null,
        },
      }),
      aRisk({ id: 'p2', title: 'Outage', status: 'happened', mitigation: 'Hotfix for ID-10' }),
      aRisk({ id: 'r3', title: 'Vendor', status: 'open', initiativeKeys: ['ID-1'] }),
      aRisk({ id: 'r4', title: 'ID-1 old worry', status: 'closed' }),
    ];
    const report = reportOf(state, 'ID-1');
    expect(report?.problems).toEqual([
      expect.objectContaining({
        id: 'p1',
        description: 'ID-1 login failed for a day',
        resolution: 'Rolled back the release',
        ownerAccountId: 'lead-id',
        happenedAt: '2027-01-20T10:00:00.000Z',
      }),
    ]);
    expect(report?.risks.map((r) => r.id)).toEqual(['r3']);
  });

  it('names the milestones and detected risks it is part of', () => {
    const state = anExecutionState(planned);
    state.milestones = [
      newMilestone('m1', { name: 'Beta', targetDate: '2027-03-31', initiativeKeys: ['ID-1'] }, 'planned'),
    ];
    const detected: DetectedRisk = {
      rule: 'commitment-declined',
      fingerprint: 'commitment-declined:PAY-1>ID-1',
      title: 'Payments declined ID-1',
      reason: 'Payments declined to deliver PAY-1 for ID-1',
      probability: 4,
      impact: 4,
      initiativeKeys: ['PAY-1', 'ID-1'],
      teamIds: [],
    };
    const report = reportOf(state, 'ID-1', [detected]);
    expect(report?.milestones).toEqual([{ name: 'Beta', targetDate: '2027-03-31', status: 'planned' }]);
    expect(report?.detectedRisks).toEqual([
      {
        title: 'Payments declined ID-1',
        reason: 'Payments declined to deliver PAY-1 for ID-1',
        severity: 'critical',
      },
    ]);
    expect(report?.rag.status).toBe('red');
  });

  it('has no plan part without a plan in force, and is null for an initiative not in scope', () => {
    const state = anExecutionState({ ...planned, plan: null });
    const report = reportOf(state, 'PAY-1');
    expect(report?.plan).toBeNull();
    expect(report?.downstream[0]?.commitment).toBeNull();
    expect(reportOf(state, 'NOPE-1')).toBeNull();
  });
});

describe('a register risk names an initiative', () => {
  it.each([
    ['ID-1 outage', true],
    ['Outage on ID-10', false],
    ['MYID-1 outage', false],
    ['(ID-1) outage', true],
  ])('“%s” → %s', (title, names) => {
    expect(riskNames(aRisk({ title }), 'ID-1')).toBe(names);
  });
});
