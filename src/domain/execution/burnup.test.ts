import { anInitiative, STATUS } from '../risks/detection/builders';
import {
  burnUpFor,
  burnUpFromHistory,
  pointOf,
  progressSnapshotOf,
  reconstructBurnUp,
  RECONSTRUCT_MAX_DAYS,
  type ProgressSnapshot,
  type ProgressTotals,
} from './burnup';
import type { ExecutionChild } from './state';

const child = (
  key: string,
  status: ExecutionChild['status'],
  storyPoints: number | null,
  resolvedAt?: string,
): ExecutionChild => ({ key, status, storyPoints, ...(resolvedAt ? { resolvedAt } : {}) });

const totals = (issues: number, issuesDone: number, points = 0, pointsDone = 0): ProgressTotals => ({
  issues,
  issuesDone,
  points,
  pointsDone,
  initiatives: 1,
  initiativesDone: 0,
});

const snapshot = (date: string, projects: Record<string, ProgressTotals>): ProgressSnapshot => ({
  programId: 'prog',
  date,
  takenAt: `${date}T02:00:00.000Z`,
  projects,
});

describe('the daily progress snapshot', () => {
  it('keeps scope and done work per project, by count and by points', () => {
    const s = progressSnapshotOf('prog', '2027-02-10', '2027-02-10T02:00:00.000Z', [
      anInitiative('PAY-1', { children: [child('PAY-2', 'done', 3), child('PAY-3', 'new', 5)] }),
      anInitiative('PAY-4', { status: STATUS.done }),
      anInitiative('ID-1', { children: [child('ID-2', 'indeterminate', 8)] }),
    ]);
    expect(s.projects).toEqual({
      ID: { issues: 1, issuesDone: 0, points: 8, pointsDone: 0, initiatives: 1, initiativesDone: 0 },
      PAY: { issues: 3, issuesDone: 2, points: 8, pointsDone: 3, initiatives: 2, initiativesDone: 1 },
    });
  });
});

describe('burn-up from history', () => {
  const history = [
    snapshot('2027-02-08', { PAY: totals(10, 2, 30, 5), MOB: totals(4, 1, 8, 2) }),
    snapshot('2027-02-09', { PAY: totals(12, 4, 34, 10), MOB: totals(4, 2, 8, 4) }),
    snapshot('2027-02-10', { PAY: totals(12, 5, 34, 12), MOB: totals(4, 2, 8, 4) }),
  ];

  it('shows one point a day ending with today’s live point, which replaces today’s snapshot', () => {
    const live = { date: '2027-02-10', scopeIssues: 13, doneIssues: 6, scopePoints: 36, donePoints: 14 };
    const b = burnUpFromHistory(history, new Set(['PAY', 'MOB']), live);
    expect(b.source).toBe('history');
    expect(b.points.map((p) => p.date)).toEqual(['2027-02-08', '2027-02-09', '2027-02-10']);
    expect(b.points[0]).toMatchObject({ scopeIssues: 14, doneIssues: 3, scopePoints: 38, donePoints: 7 });
    expect(b.points.at(-1)).toBe(live);
  });

  it('counts only the projects the viewer can see', () => {
    expect(pointOf('2027-02-08', history[0]?.projects ?? {}, new Set(['MOB']))).toEqual({
      date: '2027-02-08',
      scopeIssues: 4,
      doneIssues: 1,
      scopePoints: 8,
      donePoints: 2,
    });
    const b = burnUpFor(
      history,
      [anInitiative('MOB-1', { children: [child('MOB-2', 'done', 8)] })],
      '2027-02-11',
    );
    expect(b.points.map((p) => p.scopeIssues)).toEqual([4, 4, 4, 1]);
  });

  it('rebuilds the series when none of the history is about the viewer’s projects', () => {
    const b = burnUpFor(
      history,
      [anInitiative('ID-1', { children: [child('ID-2', 'done', 3, '2027-02-09T10:00:00.000Z')] })],
      '2027-02-11',
    );
    expect(b.source).toBe('reconstructed');
  });
});

describe('a reconstructed burn-up', () => {
  const initiatives = [
    anInitiative('PAY-1', {
      children: [
        child('PAY-2', 'done', 3, '2027-02-03T10:00:00.000Z'),
        child('PAY-3', 'done', 5, '2027-02-05T16:00:00.000Z'),
        child('PAY-4', 'new', 8),
      ],
    }),
    anInitiative('ID-1', { status: STATUS.done, storyPoints: 2, resolvedAt: '2027-02-05T09:00:00.000Z' }),
  ];

  it('counts done work from the day each issue was resolved, against today’s scope, and says so', () => {
    const b = reconstructBurnUp(initiatives, '2027-02-06');
    expect(b.source).toBe('reconstructed');
    expect(b.note).toMatch(/^Reconstructed/);
    expect(b.points.map((p) => [p.date, p.doneIssues, p.donePoints])).toEqual([
      ['2027-02-02', 0, 0],
      ['2027-02-03', 1, 3],
      ['2027-02-04', 1, 3],
      ['2027-02-05', 3, 10],
      ['2027-02-06', 3, 10],
    ]);
    for (const p of b.points) expect([p.scopeIssues, p.scopePoints]).toEqual([4, 18]);
  });

  it('counts done issues with no resolution date from the start', () => {
    const b = reconstructBurnUp(
      [...initiatives, anInitiative('MOB-1', { children: [child('MOB-2', 'done', 1)] })],
      '2027-02-06',
    );
    expect(b.points[0]?.doneIssues).toBe(1);
  });

  it(`goes back at most ${RECONSTRUCT_MAX_DAYS} days`, () => {
    const b = reconstructBurnUp(
      [anInitiative('PAY-1', { children: [child('PAY-2', 'done', 1, '2025-01-01T00:00:00.000Z')] })],
      '2027-02-06',
    );
    expect(b.points).toHaveLength(RECONSTRUCT_MAX_DAYS + 1);
    expect(b.points[0]?.doneIssues).toBe(1);
  });

  it('is only today’s point when nothing was ever resolved', () => {
    const b = reconstructBurnUp(
      [anInitiative('PAY-1', { children: [child('PAY-2', 'new', 3)] })],
      '2027-02-06',
    );
    expect(b.source).toBe('today');
    expect(b.points).toHaveLength(1);
    expect(b.note).toMatch(/No history yet/);
  });
});
