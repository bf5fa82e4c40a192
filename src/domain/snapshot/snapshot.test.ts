import type { ProgramRag } from '../execution/rag';
import type { ChildIssue, Initiative, StatusCategory } from '../initiative/initiative';
import type { Milestone } from '../milestones/milestone';
import type { Risk } from '../risks/risk';
import {
  buildSnapshot,
  SNAPSHOT_MAX_RAG_REASONS,
  SNAPSHOT_MAX_RISKS,
  statusCardFor,
  type ProgramSnapshot,
  type SnapshotMilestone,
} from './snapshot';

const GREEN: ProgramRag = {
  status: 'green',
  reasons: [],
  summary:
    '50% done by issue count; the 2027-Q1 baseline expects 45% by now (Sprint 3, 2 of 6 sprints elapsed).',
  limitations: [],
};

const statusNames: Record<StatusCategory, string> = {
  new: 'To Do',
  indeterminate: 'In Progress',
  done: 'Done',
};

function generateEpic(key: string, category: StatusCategory = 'indeterminate'): Initiative {
  const projectKey = key.split('-')[0] ?? 'X';
  return {
    id: key.replace(/\D/g, ''),
    key,
    summary: `Summary of ${key}`,
    projectKey,
    projectName: `Project ${projectKey}`,
    status: { name: statusNames[category], category },
  };
}

function generateChildren(epicKey: string, done: number, open: number): ChildIssue[] {
  const child = (n: number, category: StatusCategory): ChildIssue => ({
    id: `${epicKey}-c${n}`,
    key: `${epicKey}-C${n}`,
    epicKey,
    status: { name: statusNames[category], category },
  });
  return [
    ...Array.from({ length: done }, (_, n) => child(n, 'done')),
    ...Array.from({ length: open }, (_, n) => child(done + n, 'new')),
  ];
}

function generateMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: 'm1',
    name: 'Beta',
    targetDate: '2027-03-31',
    initiativeKeys: [],
    status: 'planned',
    agreement: null,
    history: [],
    ...overrides,
  };
}

function generateRisk(overrides: Partial<Risk> = {}): Risk {
  return {
    id: 'r1',
    title: 'Vendor late',
    probability: 2,
    impact: 2,
    ownerAccountId: null,
    mitigation: '',
    status: 'open',
    source: 'manual',
    ...overrides,
  };
}

function snapshotOf(): ProgramSnapshot {
  return buildSnapshot({
    program: { id: 'prog', name: 'Atlas', stage: 'execution' },
    epics: [generateEpic('PAY-1', 'done'), generateEpic('PAY-2'), generateEpic('MOB-1', 'new')],
    childrenByEpic: new Map([
      ['PAY-1', generateChildren('PAY-1', 4, 0)],
      ['PAY-2', generateChildren('PAY-2', 1, 3)],
      ['MOB-1', generateChildren('MOB-1', 0, 2)],
    ]),
    milestones: [generateMilestone()],
    risks: [generateRisk()],
    rag: GREEN,
    projectIds: { PAY: '10000', MOB: '10002', OTHER: '10009' },
    builtAt: '2026-11-25T10:00:00.000Z',
  });
}

const milestone = (overrides: Partial<SnapshotMilestone>): SnapshotMilestone => ({
  name: 'Beta',
  targetDate: '2027-03-31',
  status: 'planned',
  initiativeKeys: [],
  ...overrides,
});

describe('buildSnapshot', () => {
  it('keeps per initiative only its key, project, status category and child counts', () => {
    const snapshot = snapshotOf();
    expect(snapshot.initiatives[1]).toEqual({
      key: 'PAY-2',
      projectKey: 'PAY',
      status: 'indeterminate',
      done: 1,
      inProgress: 0,
      toDo: 3,
    });
    expect(JSON.stringify(snapshot)).not.toContain('Summary of');
  });

  it('keeps the project ids of the projects in scope only', () => {
    expect(snapshotOf().projectIds).toEqual({ MOB: '10002', PAY: '10000' });
  });

  it('keeps the worst live risks first and leaves closed ones out, bounded', () => {
    const risks = [
      generateRisk({ id: 'a', title: 'Minor', probability: 1, impact: 1 }),
      generateRisk({ id: 'b', title: 'Worst', probability: 5, impact: 5 }),
      generateRisk({ id: 'c', title: 'Closed', probability: 5, impact: 5, status: 'closed' }),
      ...Array.from({ length: 20 }, (_, n) => generateRisk({ id: `x${n}`, title: `Other ${n}` })),
    ];
    const snapshot = buildSnapshot({ ...sourceWith(), risks });
    expect(snapshot.risks[0]).toMatchObject({ title: 'Worst', severity: 'critical', score: 25 });
    expect(snapshot.risks.map((r) => r.title)).not.toContain('Closed');
    expect(snapshot.risks).toHaveLength(SNAPSHOT_MAX_RISKS);
  });
});

function sourceWith() {
  return {
    program: { id: 'prog', name: 'Atlas', stage: 'execution' as const },
    epics: [],
    childrenByEpic: new Map<string, ChildIssue[]>(),
    milestones: [],
    risks: [],
    rag: GREEN,
    projectIds: {},
    builtAt: '2026-11-25T10:00:00.000Z',
  };
}

describe('statusCardFor', () => {
  it('shows every initiative to a viewer who may browse every project', () => {
    const card = statusCardFor(snapshotOf(), {
      visibleProjects: new Set(['PAY', 'MOB']),
      today: '2026-11-25',
    });
    expect(card.initiatives).toEqual({ total: 3, done: 1, inProgress: 1, toDo: 1 });
    expect(card.issues).toEqual({ total: 10, done: 5, inProgress: 0, toDo: 5 });
    expect(card.percentDone).toBe(50);
    expect(card.hiddenInitiatives).toBe(0);
  });

  it('counts the initiatives of projects the viewer may not browse and leaves them out of every figure', () => {
    const card = statusCardFor(snapshotOf(), { visibleProjects: new Set(['MOB']), today: '2026-11-25' });
    expect(card.projects).toEqual([{ projectKey: 'MOB', initiatives: 1, percentDone: 0 }]);
    expect(card.initiatives.total).toBe(1);
    expect(card.issues.total).toBe(2);
    expect(card.hiddenInitiatives).toBe(2);
    expect(JSON.stringify(card)).not.toContain('PAY');
  });

  it('never shows the initiative keys a milestone delivers', () => {
    const snapshot = { ...snapshotOf(), milestones: [milestone({ initiativeKeys: ['PAY-1'] })] };
    const card = statusCardFor(snapshot, { visibleProjects: new Set(['MOB']), today: '2026-11-25' });
    expect(card.nextMilestones).toEqual([
      { name: 'Beta', targetDate: '2027-03-31', status: 'planned', overdue: false },
    ]);
    expect(JSON.stringify(card)).not.toContain('PAY-1');
  });

  it('lists the next open milestones in date order, done ones left out', () => {
    const snapshot = {
      ...snapshotOf(),
      milestones: [
        milestone({ name: 'Alpha', targetDate: '2026-10-01', status: 'done' }),
        milestone({ name: 'Beta', targetDate: '2026-12-01' }),
        milestone({ name: 'GA', targetDate: '2027-02-01' }),
      ],
    };
    const card = statusCardFor(snapshot, { visibleProjects: new Set(['PAY']), today: '2026-11-25' });
    expect(card.nextMilestones.map((m) => m.name)).toEqual(['Beta', 'GA']);
  });
});

describe('the RAG on the card', () => {
  const red: ProgramRag = {
    status: 'red',
    summary: '20% done by issue count; the 2027-Q1 baseline expects 60% by now.',
    limitations: [],
    reasons: [
      {
        level: 'red',
        source: 'milestone',
        label: 'Milestone will slip',
        text: 'Milestone “Beta” (2027-03-31) waits for PAY-2, scheduled to end with Sprint 7: 9 days late.',
        initiativeKeys: ['PAY-2'],
      },
      {
        level: 'red',
        source: 'progress',
        label: 'Behind plan',
        text: '20% done by issue count where the 2027-Q1 baseline expects 60% by now: 40 points behind.',
        initiativeKeys: [],
      },
      {
        level: 'amber',
        source: 'detected-risk',
        label: 'Dependency',
        text: 'MOB-1 waits for PAY-1, which is planned two sprints later.',
        initiativeKeys: ['MOB-1', 'PAY-1'],
      },
    ],
  };
  const withRag = (rag: ProgramRag) => buildSnapshot({ ...sourceWith(), rag });

  it('is the status the app assessed, with its reasons, for a viewer who may browse every project', () => {
    const card = statusCardFor(withRag(red), {
      visibleProjects: new Set(['PAY', 'MOB']),
      today: '2026-11-25',
    });
    expect(card.rag).toEqual({ status: 'red', reasons: red.reasons.map((r) => r.text) });
  });

  it('keeps the status for a viewer who cannot browse every project, and only counts the reasons they may not read', () => {
    const card = statusCardFor(withRag(red), { visibleProjects: new Set(['MOB']), today: '2026-11-25' });
    expect(card.rag).toEqual({
      status: 'red',
      reasons: [red.reasons[1]!.text, '2 more reasons concern issues you cannot browse.'],
    });
    expect(JSON.stringify(card)).not.toContain('PAY');
  });

  it('says where the program stands when nothing weighs on it', () => {
    const card = statusCardFor(withRag(GREEN), { visibleProjects: new Set(['PAY']), today: '2026-11-25' });
    expect(card.rag).toEqual({ status: 'green', reasons: [GREEN.summary] });
  });

  it('keeps a bounded number of reasons in the snapshot', () => {
    const many: ProgramRag = {
      ...red,
      reasons: Array.from({ length: 50 }, (_, n) => ({ ...red.reasons[1]!, text: `Reason ${n}` })),
    };
    expect(withRag(many).rag.reasons).toHaveLength(SNAPSHOT_MAX_RAG_REASONS);
  });
});

describe('detected risks on the card', () => {
  const detected = generateRisk({
    id: 'd',
    title: 'DATA-8 → MOB-1: commitment declined',
    probability: 5,
    impact: 4,
    source: 'detected',
    initiativeKeys: ['DATA-8', 'MOB-1'],
  });
  const snapshot = () => buildSnapshot({ ...sourceWith(), risks: [detected] });

  it('shows a detected risk to a viewer who browses every project it names', () => {
    const card = statusCardFor(snapshot(), {
      visibleProjects: new Set(['DATA', 'MOB']),
      today: '2026-11-25',
    });
    expect(card.topRisks.map((r) => r.title)).toEqual(['DATA-8 → MOB-1: commitment declined']);
  });

  it('leaves it off the list of a viewer who cannot browse one of them', () => {
    const card = statusCardFor(snapshot(), { visibleProjects: new Set(['MOB']), today: '2026-11-25' });
    expect(card.topRisks).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('DATA-8');
  });
});
