import type { QuarterSchedule } from '../schedule/types';
import type { Sprint } from '../calendar/types';
import {
  baselineEntriesOf,
  compareToBaseline,
  decideCommitment,
  effectiveLoad,
  mergeCommitmentProperty,
  missingEstimates,
  proposedCommitment,
  renderTeamOkrs,
  scheduleInputOf,
  withCommitment,
  type Commitment,
  type CommitmentActor,
  type CrossTeamDependency,
  type PlanEstimate,
} from './index';

const AT = '2027-01-10T10:00:00.000Z';
const dependency = (over: Partial<CrossTeamDependency> = {}): CrossTeamDependency => ({
  from: 'PAY-1',
  to: 'ID-4',
  fromTeamId: 'team-pay',
  toTeamId: 'team-id',
  ...over,
});
const actor = (over: Partial<CommitmentActor> = {}): CommitmentActor => ({
  accountId: 'acc-lead-pay',
  isOwner: false,
  leadOfTeamIds: ['team-pay'],
  ...over,
});
const commitment = (over: Partial<Commitment> = {}): Commitment => ({
  ...proposedCommitment('PAY-1', 'ID-4'),
  ...over,
});
const estimate = (over: Partial<PlanEstimate> = {}): PlanEstimate => ({
  initiativeKey: 'PAY-1',
  teamId: 'team-pay',
  sprints: 2,
  load: 1,
  storyPoints: null,
  by: 'acc',
  at: AT,
  ...over,
});
const sprint = (index: number): Sprint => ({
  id: `s${index}`,
  name: `Sprint ${index + 1}`,
  start: `2027-01-${String(4 + index * 14).padStart(2, '0')}`,
  end: `2027-01-${String(17 + index * 14).padStart(2, '0')}`,
  index,
  source: 'generated',
});
const scheduleWith = (placed: Array<[string, number, number]>, unplaced: string[] = []): QuarterSchedule => ({
  initiatives: placed.map(([key, startSprint, endSprint]) => ({
    key,
    startSprint,
    endSprint,
    perTeam: [],
    pinned: false,
  })),
  unplaced: unplaced.map((key) => ({ key, reason: 'capacity', detail: 'full', blockedBy: {} })),
  load: [],
  warnings: [],
});

describe('commitment rules', () => {
  it('lets the upstream team’s lead commit and records who and when', () => {
    const decision = decideCommitment(
      dependency(),
      { from: 'PAY-1', to: 'ID-4', status: 'committed' },
      actor(),
      AT,
    );
    expect(decision).toEqual({
      ok: true,
      commitment: {
        from: 'PAY-1',
        to: 'ID-4',
        status: 'committed',
        reason: null,
        by: 'acc-lead-pay',
        at: AT,
      },
    });
  });

  it('refuses the downstream team’s lead: only the team that delivers can promise', () => {
    const decision = decideCommitment(
      dependency(),
      { from: 'PAY-1', to: 'ID-4', status: 'committed' },
      actor({ accountId: 'acc-lead-id', leadOfTeamIds: ['team-id'] }),
      AT,
    );
    expect(decision.ok || decision.refusal.kind).toBe('not-upstream-lead');
  });

  it('lets a program owner answer for any team, even one with no program team', () => {
    const decision = decideCommitment(
      dependency({ fromTeamId: null }),
      { from: 'PAY-1', to: 'ID-4', status: 'at-risk', reason: 'vendor' },
      actor({ isOwner: true, leadOfTeamIds: [] }),
      AT,
    );
    expect(decision.ok && decision.commitment.reason).toBe('vendor');
  });

  it.each([undefined, '', '   '])('refuses a decline without a reason (%p)', (reason) => {
    const decision = decideCommitment(
      dependency(),
      { from: 'PAY-1', to: 'ID-4', status: 'declined', reason },
      actor(),
      AT,
    );
    expect(decision.ok || decision.refusal.kind).toBe('reason-required');
  });

  it('refuses a dependency that is not a cross-team dependency of the quarter', () => {
    const decision = decideCommitment(
      undefined,
      { from: 'PAY-1', to: 'ID-4', status: 'committed' },
      actor(),
      AT,
    );
    expect(decision.ok || decision.refusal.kind).toBe('unknown-dependency');
  });

  it('drops a stale reason when a declined dependency is committed after all', () => {
    const decision = decideCommitment(
      dependency(),
      { from: 'PAY-1', to: 'ID-4', status: 'committed', reason: 'old reason' },
      actor(),
      AT,
    );
    expect(decision.ok && decision.commitment.reason).toBeNull();
  });

  it('replaces the answer on the same dependency and keeps the others', () => {
    const list = withCommitment(
      [
        commitment({ status: 'declined', reason: 'x' }),
        commitment({ from: 'MOB-2', to: 'ID-4', status: 'committed' }),
      ],
      commitment({ status: 'committed', by: 'a', at: AT }),
    );
    expect(list).toHaveLength(2);
    expect(list.find((c) => c.from === 'PAY-1')?.status).toBe('committed');
    expect(list.find((c) => c.from === 'MOB-2')?.status).toBe('committed');
  });
});

describe('commitment property', () => {
  it('adds the commitment on the upstream epic with flat statuses for JQL', () => {
    const value = mergeCommitmentProperty(undefined, 'PAY-1', 'prog', '2027-Q1', [
      commitment({ status: 'declined', reason: 'no capacity', by: 'a', at: AT }),
    ]);
    expect(value.statuses).toEqual(['declined']);
    expect(value.programIds).toEqual(['prog']);
    expect(value.commitments).toEqual([expect.objectContaining({ side: 'upstream', status: 'declined' })]);
  });

  it('keeps other programs’ entries, unreadable entries and other fields when it records one', () => {
    const existing = {
      owner: 'another app',
      commitments: [
        { programId: 'other', quarter: '2027-Q1', from: 'PAY-1', to: 'ID-4', status: 'committed' },
        'garbage',
        { programId: 'prog', quarter: '2027-Q1', from: 'PAY-1', to: 'ID-4', status: 'proposed' },
      ],
    };
    const value = mergeCommitmentProperty(existing, 'ID-4', 'prog', '2027-Q1', [
      commitment({ status: 'at-risk', reason: 'r', by: 'a', at: AT }),
    ]);
    expect(value.owner).toBe('another app');
    expect(value.commitments).toHaveLength(3);
    expect(value.commitments).toContain('garbage');
    expect(value.statuses).toEqual(['at-risk', 'committed']);
    expect(value.programIds).toEqual(['other', 'prog']);
    expect(value.commitments).toContainEqual(
      expect.objectContaining({ programId: 'prog', side: 'downstream' }),
    );
  });

  it('ignores commitments that do not touch the epic', () => {
    const value = mergeCommitmentProperty({}, 'MOB-9', 'prog', '2027-Q1', [
      commitment({ status: 'committed' }),
    ]);
    expect(value.commitments).toEqual([]);
  });

  it('gives the same property when the same commitment is recorded twice', () => {
    const once = mergeCommitmentProperty(undefined, 'PAY-1', 'prog', '2027-Q1', [commitment()]);
    expect(mergeCommitmentProperty(once, 'PAY-1', 'prog', '2027-Q1', [commitment()])).toEqual(once);
  });
});

describe('team OKRs', () => {
  const okrs = (commitments: Commitment[]) =>
    renderTeamOkrs({
      teams: [
        { id: 'team-pay', name: 'Payments' },
        { id: 'team-id', name: 'Identity' },
      ],
      dependencies: commitments.map((c) => ({ ...dependency({ from: c.from, to: c.to }), commitment: c })),
      okrLinks: [{ teamId: 'team-pay', url: 'https://okr.example.com/pay' }],
      summaryOf: (key) => (key === 'PAY-1' ? 'Wallets API' : null),
      endSprintOf: (key) => (key === 'PAY-1' ? sprint(2) : null),
    });

  it('renders a committed dependency as a key result naming the epic, the team it serves and the sprint', () => {
    const [pay] = okrs([commitment({ status: 'committed' })]);
    expect(pay?.keyResults).toHaveLength(1);
    expect(pay?.keyResults[0]?.text).toContain('PAY-1 “Wallets API”');
    expect(pay?.keyResults[0]?.text).toContain('Identity');
    expect(pay?.keyResults[0]?.text).toContain('Sprint 3');
    expect(pay?.copyText).toBe(`- ${pay?.keyResults[0]?.text}`);
    expect(pay?.okrUrl).toBe('https://okr.example.com/pay');
  });

  it('flags proposed and declined dependencies as uncommitted and keeps them out of the key results', () => {
    const [pay, id] = okrs([
      commitment({ status: 'declined', reason: 'x' }),
      commitment({ from: 'PAY-2', status: 'proposed' }),
    ]);
    expect(pay?.keyResults).toEqual([]);
    expect(pay?.uncommitted.map((k) => k.status)).toEqual(['declined', 'proposed']);
    expect(id?.uncommitted).toEqual([]);
  });

  it('marks an at-risk commitment in its key result text', () => {
    const [pay] = okrs([commitment({ from: 'PAY-3', status: 'at-risk', reason: 'vendor' })]);
    expect(pay?.keyResults[0]?.text.startsWith('[at risk]')).toBe(true);
    expect(pay?.keyResults[0]?.text).toContain('this quarter');
  });
});

describe('baseline comparison', () => {
  const baseline = baselineEntriesOf(
    ['PAY-1', 'ID-2', 'MOB-3', 'DATA-4'],
    scheduleWith(
      [
        ['PAY-1', 0, 1],
        ['ID-2', 2, 3],
        ['MOB-3', 1, 1],
      ],
      ['DATA-4'],
    ),
  );

  it('reads an unchanged schedule as unchanged everywhere', () => {
    expect(compareToBaseline(baseline, baseline).every((v) => v.change === 'unchanged')).toBe(true);
  });

  it('names what slipped, what moved up, what fell out, what got placed, and what was added or removed', () => {
    const current = baselineEntriesOf(
      ['PAY-1', 'ID-2', 'MOB-3', 'DATA-4', 'PLAT-5'],
      scheduleWith(
        [
          ['PAY-1', 1, 3],
          ['ID-2', 0, 1],
          ['DATA-4', 0, 0],
          ['PLAT-5', 4, 4],
        ],
        ['MOB-3'],
      ),
    );
    const byKey = new Map(compareToBaseline(baseline, current).map((v) => [v.key, v]));
    expect(byKey.get('PAY-1')).toMatchObject({ change: 'later', endDeltaSprints: 2 });
    expect(byKey.get('ID-2')).toMatchObject({ change: 'earlier', endDeltaSprints: -2 });
    expect(byKey.get('MOB-3')).toMatchObject({ change: 'now-unplaced', endDeltaSprints: null });
    expect(byKey.get('DATA-4')?.change).toBe('now-placed');
    expect(byKey.get('PLAT-5')).toMatchObject({ change: 'added', baseline: null });
    const removed = compareToBaseline(
      baseline,
      current.filter((e) => e.key !== 'ID-2'),
    );
    expect(removed.find((v) => v.key === 'ID-2')).toMatchObject({ change: 'removed', current: null });
  });
});

describe('estimates', () => {
  it('spreads story points over the sprints when no load is given', () => {
    expect(effectiveLoad(2, undefined, 16)).toBe(8);
    expect(effectiveLoad(0.5, undefined, 5)).toBe(5);
    expect(effectiveLoad(2, 3, 16)).toBe(3);
    expect(effectiveLoad(2)).toBe(1);
  });

  it('lists a chosen initiative as missing until its owning team estimates it', () => {
    const initiatives = [
      { key: 'PAY-1', priority: null, carriedOver: false },
      { key: 'ID-2', priority: null, carriedOver: false },
    ];
    const owner = (key: string) => (key.startsWith('PAY') ? 'team-pay' : 'team-id');
    const missing = missingEstimates(
      initiatives,
      [estimate({ initiativeKey: 'ID-2', teamId: 'team-pay' })],
      owner,
    );
    expect(missing).toEqual([
      { initiativeKey: 'PAY-1', teamId: 'team-pay' },
      { initiativeKey: 'ID-2', teamId: 'team-id' },
    ]);
  });

  it('gives the scheduler only the chosen initiatives’ dependencies, estimates of known teams, and pins', () => {
    const input = scheduleInputOf({
      sprints: [sprint(0), sprint(1)],
      teams: [{ team: 'team-pay', capacityPerSprint: 3 }],
      initiatives: [
        { key: 'PAY-1', priority: 2, carriedOver: false },
        { key: 'PAY-2', priority: null, carriedOver: true },
      ],
      estimates: [estimate(), estimate({ initiativeKey: 'PAY-2', teamId: 'team-gone' })],
      pins: [{ initiativeKey: 'PAY-2', startSprint: 1, by: 'a', at: AT }],
      dependencies: [
        { from: 'PAY-1', to: 'PAY-2' },
        { from: 'ID-9', to: 'PAY-1' },
      ],
    });
    expect(input.dependencies).toEqual([{ from: 'PAY-1', to: 'PAY-2' }]);
    expect(input.initiatives[0]).toEqual({
      key: 'PAY-1',
      priority: 2,
      estimates: [{ team: 'team-pay', sprints: 2, load: 1 }],
    });
    expect(input.initiatives[1]).toEqual({ key: 'PAY-2', estimates: [], pin: { startSprint: 1 } });
  });
});
