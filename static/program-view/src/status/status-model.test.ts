import type { BurnUpPoint, RagThresholds, StatusInitiativeRow } from '../../../../src/contract';
import {
  burnUpDescription,
  burnUpGeometry,
  CHART_SIZE,
  draftOf,
  niceStep,
  progressLine,
  thresholdSentences,
  thresholdsOf,
  windowChange,
  windowText,
  worstFirst,
} from './status-model';

const window = (startSprint: number, endSprint: number) => ({
  startSprint,
  endSprint,
  startName: `Sprint ${startSprint + 1}`,
  endName: `Sprint ${endSprint + 1}`,
  start: '2027-01-04',
  end: '2027-02-14',
});

const point = (date: string, scopeIssues: number, doneIssues: number): BurnUpPoint => ({
  date,
  scopeIssues,
  doneIssues,
  scopePoints: scopeIssues * 3,
  donePoints: doneIssues * 3,
});

describe('progress lines', () => {
  it('say how much of how much is done, by issues or story points', () => {
    expect(progressLine({ total: 120, done: 42, inProgress: 10, toDo: 68 }, 35, 'issues')).toBe(
      '42 of 120 issues done (35%)',
    );
    expect(progressLine({ total: 20.5, done: 2.25, inProgress: 0, toDo: 18.25 }, 10, 'points')).toBe(
      '2.3 of 20.5 story points done (10%)',
    );
    expect(progressLine({ total: 0, done: 0, inProgress: 0, toDo: 0 }, null, 'points')).toBe(
      'No story points estimated',
    );
  });
});

describe('sprint windows', () => {
  it('name the sprints and dates, once for a one-sprint window', () => {
    expect(windowText(window(0, 2))).toBe('Sprint 1 – Sprint 3 (2027-01-04 to 2027-02-14)');
    expect(windowText(window(1, 1))).toBe('Sprint 2 (2027-01-04 to 2027-02-14)');
    expect(windowText(null)).toBe('—');
  });

  it('say how the current window moved from the planned one', () => {
    expect(windowChange(window(0, 1), window(1, 3))).toBe('2 sprints later');
    expect(windowChange(window(0, 1), window(0, 0))).toBe('1 sprint earlier');
    expect(windowChange(window(0, 1), window(1, 1))).toBe('as planned');
    expect(windowChange(null, window(1, 1))).toBeNull();
  });
});

describe('initiative rows', () => {
  it('come worst first, then by key', () => {
    const row = (key: string, rag: StatusInitiativeRow['rag']) => ({ key, rag }) as StatusInitiativeRow;
    expect(
      worstFirst([row('A-2', 'green'), row('A-1', 'amber'), row('B-1', 'red'), row('A-0', 'green')]).map(
        (r) => r.key,
      ),
    ).toEqual(['B-1', 'A-1', 'A-0', 'A-2']);
  });
});

describe('the burn-up chart', () => {
  const points = [point('2027-02-01', 10, 0), point('2027-02-03', 12, 4), point('2027-02-11', 12, 9)];

  it('places days by date across the width and values up to a round maximum', () => {
    const g = burnUpGeometry(points, 'issues');
    expect(g.max).toBe(15);
    expect(g.scopePath.startsWith(`M${CHART_SIZE.left.toFixed(1)},`)).toBe(true);
    const xs = [...g.donePath.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(3);
    // 2 of 10 days in: a fifth of the way across.
    const inner = CHART_SIZE.width - CHART_SIZE.left - CHART_SIZE.right;
    expect(xs[1]).toBeCloseTo(CHART_SIZE.left + inner / 5, 0);
    expect(g.last?.x).toBeCloseTo(CHART_SIZE.width - CHART_SIZE.right, 5);
    expect(g.last && g.last.doneY > g.last.scopeY).toBe(true);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0', '5', '10', '15']);
    expect(g.xTicks.map((t) => t.label)).toEqual(['2027-02-01', '2027-02-03', '2027-02-11']);
  });

  it('draws story points when asked', () => {
    expect(burnUpGeometry(points, 'points').max).toBe(40);
  });

  it('draws a single day at the right edge', () => {
    const g = burnUpGeometry([point('2027-02-01', 4, 1)], 'issues');
    expect(g.last?.x).toBe(CHART_SIZE.width - CHART_SIZE.right);
    expect(g.xTicks).toHaveLength(1);
  });

  it.each([
    [0, 1],
    [7, 2],
    [40, 10],
    [230, 100],
  ])('steps its axis roundly for a maximum of %i', (max, step) => {
    expect(niceStep(max)).toBe(step);
  });

  it('is described in words', () => {
    expect(burnUpDescription(points, 'issues')).toBe(
      'From 2027-02-01 to 2027-02-11, scope went from 10 to 12 issues and done work from 0 to 9.',
    );
    expect(burnUpDescription([], 'issues')).toBe('No data yet.');
  });
});

describe('the thresholds form', () => {
  const thresholds: RagThresholds = {
    behindAmber: 10,
    behindRed: 25,
    riskAmber: ['high'],
    riskRed: ['critical'],
    milestoneSlipAmberDays: 1,
    milestoneSlipRedDays: 8,
  };

  it('round-trips thresholds through the draft', () => {
    expect(thresholdsOf(draftOf(thresholds))).toEqual(thresholds);
  });

  it('keeps what is not a number as typed, for the backend to refuse by name', () => {
    const sent = thresholdsOf({ ...draftOf(thresholds), behindRed: 'lots' });
    expect(sent.behindRed).toBe('lots');
  });

  it('reads the thresholds out for those who cannot change them', () => {
    expect(thresholdSentences({ ...thresholds, riskAmber: [] })).toEqual([
      'Amber when more than 10 points behind the progress the plan expects; red when more than 25.',
      'No risk turns it amber; critical risks turn it red (detected or in the register).',
      'A milestone late, or scheduled to end late, by 1 day(s) turns it amber; by 8, red.',
    ]);
  });
});
