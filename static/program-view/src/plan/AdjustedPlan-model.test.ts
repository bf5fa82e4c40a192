import type { AdjustedInitiative, AdjustedPlan, MilestoneForecast } from '../../../../src/contract';
import { sortItems } from '../tables/paging-model';
import {
  acceptConfirmation,
  adjustedSortValues,
  adjustedSummary,
  barGeometry,
  daysText,
  milestoneText,
  shortDate,
  varianceLozenge,
  visibleRows,
  windowText,
} from './AdjustedPlan-model';

const sprints = Array.from({ length: 6 }, (_, i) => ({
  id: `S${i + 1}`,
  name: `Sprint ${i + 1}`,
  start: new Date(Date.UTC(2026, 9, 5 + 14 * i)).toISOString().slice(0, 10),
  end: new Date(Date.UTC(2026, 9, 18 + 14 * i)).toISOString().slice(0, 10),
  index: i,
  source: 'generated' as const,
}));

const window = (startSprint: number, endSprint: number) => ({
  startSprint,
  endSprint,
  startDate: sprints[startSprint]!.start,
  endDate: sprints[endSprint]!.end,
});

function anInitiative(key: string, overrides: Partial<AdjustedInitiative> = {}): AdjustedInitiative {
  return {
    key,
    summary: `Epic ${key}`,
    teamId: 'team-pay',
    work: 'not-started',
    visible: true,
    remaining: null,
    remainingSprints: 1,
    baseline: window(3, 3),
    adjusted: window(3, 3),
    change: 'unchanged',
    startDeltaSprints: 0,
    endDeltaSprints: 0,
    endDeltaDays: 0,
    unplaced: null,
    reasons: [],
    ...overrides,
  };
}

function aPlan(initiatives: AdjustedInitiative[], overrides: Partial<AdjustedPlan> = {}): AdjustedPlan {
  return {
    quarter: '2026-Q4',
    planVersion: 7,
    today: '2026-11-18',
    currentSprint: 3,
    sprints,
    baseline: { id: 'b1', frozenAt: '2026-10-01T09:00:00.000Z', frozenBy: 'tpm', note: '', planVersion: 6 },
    initiatives,
    milestones: [],
    cannotFinish: initiatives
      .filter((i) => i.adjusted === null && i.work !== 'done')
      .map((i) => ({
        key: i.key,
        reason: 'capacity',
        detail: 'no room',
        placedInBaseline: i.baseline !== null,
      })),
    entries: [],
    load: [],
    notes: [],
    fingerprint: '0badf00d',
    ...overrides,
  };
}

const later = anInitiative('PAY-12', {
  change: 'later',
  adjusted: window(4, 4),
  startDeltaSprints: 1,
  endDeltaSprints: 1,
  endDeltaDays: 14,
});
const earlier = anInitiative('ID-4', {
  work: 'done',
  change: 'earlier',
  adjusted: window(2, 2),
  endDeltaSprints: -1,
});
const lost = anInitiative('MOB-3', { change: 'now-unplaced', adjusted: null, endDeltaSprints: null });
const steady = anInitiative('PLAT-1');

describe('the variance lozenge', () => {
  it.each([
    ['one sprint later', later, '1 sprint later', 'moved'],
    [
      'two sprints later',
      anInitiative('A-1', { change: 'later', endDeltaSprints: 2 }),
      '2 sprints later',
      'moved',
    ],
    ['one sprint earlier', earlier, '1 sprint earlier', 'success'],
    ['unchanged', steady, 'As baselined', 'default'],
    ['now unplaced', lost, 'Now unplaced', 'removed'],
  ] as const)('shows %s as its own lozenge', (_what, row, text, appearance) => {
    expect(varianceLozenge(row)).toEqual({ text, appearance });
  });

  it('says when there is no baseline, and when an unbaselined initiative cannot finish', () => {
    expect(varianceLozenge(anInitiative('A-1', { change: null })).text).toBe('No baseline');
    expect(varianceLozenge(anInitiative('A-1', { change: null, adjusted: null })).text).toBe('Cannot finish');
  });
});

describe('windows and dates', () => {
  it('names the sprints and their dates', () => {
    expect(windowText(window(2, 3), sprints)).toBe('Sprint 3 – Sprint 4 (2 Nov – 29 Nov)');
    expect(windowText(window(4, 4), sprints)).toBe('Sprint 5 (30 Nov – 13 Dec)');
    expect(windowText(null, sprints)).toBe('—');
    expect(shortDate('2027-01-04')).toBe('4 Jan');
  });

  it('says day variances in words', () => {
    expect(daysText(14)).toBe('14 days later');
    expect(daysText(-1)).toBe('1 day earlier');
    expect(daysText(0)).toBe('same day');
    expect(daysText(null)).toBe('');
  });

  it('places a window on a track as wide as the quarter, clamped to it', () => {
    expect(barGeometry({ startSprint: 3, endSprint: 4 }, 6)).toEqual({ left: 50, width: (2 / 6) * 100 });
    expect(barGeometry({ startSprint: 5, endSprint: 9 }, 6)).toEqual({
      left: (5 / 6) * 100,
      width: (1 / 6) * 100,
    });
    expect(barGeometry(null, 6)).toBeNull();
    expect(barGeometry({ startSprint: 0, endSprint: 0 }, 0)).toBeNull();
  });
});

describe('what moved', () => {
  const plan = aPlan([earlier, later, lost, steady]);

  it('counts later, earlier and what cannot finish', () => {
    const summary = adjustedSummary(plan);
    expect(summary).toMatchObject({ later: 1, earlier: 1, cannotFinish: 1 });
    expect(summary.moved.map((m) => m.key).sort()).toEqual(['ID-4', 'MOB-3', 'PAY-12']);
  });

  it('shows only what moved when asked, what cannot finish first and what moved earlier last', () => {
    expect(visibleRows(plan, true).map((r) => r.key)).toEqual(['MOB-3', 'PAY-12', 'ID-4']);
    expect(visibleRows(plan, false)).toHaveLength(4);
  });

  it('tells the owner what accepting records', () => {
    expect(acceptConfirmation(plan)).toBe(
      '3 initiatives move against the current baseline: ID-4 (1 sprint earlier), PAY-12 (1 sprint later), MOB-3 (now unplaced).',
    );
    expect(acceptConfirmation(aPlan([steady]))).toMatch(/^Nothing moved against the baseline/);
    expect(acceptConfirmation(aPlan([steady], { baseline: null }))).toMatch(/becomes the first one\.$/);
  });
});

describe('sorting the adjusted plan', () => {
  const unbaselined = anInitiative('DATA-2', {
    baseline: null,
    change: null,
    startDeltaSprints: null,
    endDeltaSprints: null,
    endDeltaDays: null,
  });
  const rows = [lost, later, unbaselined, { ...earlier, endDeltaDays: -14 }, steady];
  const keys = (column: string, order: 'ASC' | 'DESC' = 'ASC') =>
    sortItems(rows, adjustedSortValues[column], order).map((r) => r.key);

  it('orders variance from most days earlier to most days later, then what cannot finish, then no baseline', () => {
    expect(keys('variance')).toEqual(['ID-4', 'PLAT-1', 'PAY-12', 'MOB-3', 'DATA-2']);
  });

  it('orders windows by start sprint, an initiative without one last', () => {
    expect(keys('adjusted')).toEqual(['ID-4', 'DATA-2', 'PLAT-1', 'PAY-12', 'MOB-3']);
    expect(keys('adjusted', 'DESC')).toEqual(['MOB-3', 'PAY-12', 'DATA-2', 'PLAT-1', 'ID-4']);
    expect(keys('baseline').at(-1)).toBe('DATA-2');
  });

  it('orders work from not started to done', () => {
    expect(keys('work').at(-1)).toBe('ID-4');
    expect(keys('initiative')).toEqual(['DATA-2', 'ID-4', 'MOB-3', 'PAY-12', 'PLAT-1']);
  });
});

describe('milestones', () => {
  const milestone = (overrides: Partial<MilestoneForecast>): MilestoneForecast => ({
    id: 'ms',
    name: 'Pilot',
    targetDate: '2026-11-29',
    initiativeKeys: ['PAY-12'],
    outsideQuarter: [],
    baselineForecast: '2026-11-29',
    forecast: '2026-12-13',
    drivenBy: 'PAY-12',
    slipDays: 14,
    varianceDays: 14,
    unplacedKeys: [],
    outlook: 'late',
    ...overrides,
  });

  it('says how late the forecast is against the target and the baseline', () => {
    expect(milestoneText(milestone({}))).toBe(
      'Forecast 13 Dec, when PAY-12 ends: 14 days after its target, 29 Nov (14 days later than the baseline’s 29 Nov).',
    );
    expect(milestoneText(milestone({ forecast: '2026-11-15', slipDays: -14, varianceDays: 0 }))).toBe(
      'Forecast 15 Nov, when PAY-12 ends: on time for 29 Nov.',
    );
  });

  it('says which initiatives leave a milestone without a forecast', () => {
    expect(
      milestoneText(milestone({ forecast: null, unplacedKeys: ['MOB-3'], outlook: 'cannot-finish' })),
    ).toBe('MOB-3 cannot finish in the quarter: no forecast for 29 Nov.');
  });
});
