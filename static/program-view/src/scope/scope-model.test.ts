import type { InitiativeRow } from '../../../../src/contract';
import {
  dependencyText,
  estimateSortKey,
  estimateText,
  filterByTeams,
  snapshotAgeText,
  snapshotNotice,
  teamsOf,
} from './scope-model';

function initiative(overrides: Partial<InitiativeRow> = {}): InitiativeRow {
  return {
    id: '10001',
    key: 'PAY-1',
    summary: 'Card payments in EUR',
    team: 'Payments',
    status: { name: 'In Progress', category: 'indeterminate' },
    children: { total: 6, done: 4, inProgress: 1, toDo: 1 },
    estimate: 13,
    upstream: 1,
    downstream: 2,
    ...overrides,
  };
}

describe('the Scope tab’s team filter', () => {
  const rows = [
    initiative({ key: 'PAY-1', team: 'Payments' }),
    initiative({ key: 'ID-1', team: 'Identity' }),
    initiative({ key: 'PAY-2', team: 'Payments' }),
  ];

  it('offers each team once, alphabetically', () => {
    expect(teamsOf(rows)).toEqual(['Identity', 'Payments']);
  });

  it('shows only the chosen teams’ initiatives', () => {
    expect(filterByTeams(rows, ['Payments']).map((r) => r.key)).toEqual(['PAY-1', 'PAY-2']);
  });

  it('shows every initiative when no team is chosen', () => {
    expect(filterByTeams(rows, [])).toHaveLength(3);
  });
});

describe('estimates and dependency counts', () => {
  it.each([
    [13, '13'],
    [2.5, '2.5'],
    [null, '—'],
  ])('shows the estimate %p as %s', (estimate, text) => {
    expect(estimateText(estimate)).toBe(text);
  });

  it('sorts unestimated initiatives below estimated ones', () => {
    expect(estimateSortKey(null)).toBeLessThan(estimateSortKey(0));
  });

  it('says plainly what an initiative waits for and what waits for it', () => {
    expect(dependencyText(0, 'upstream')).toBe('Waits for nothing');
    expect(dependencyText(3, 'upstream')).toBe('Waits for 3');
    expect(dependencyText(2, 'downstream')).toBe('2 wait for it');
  });
});

describe('the Scope tab’s snapshot notice', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it.each([
    ['2026-11-26T09:59:40Z', 'just now'],
    ['2026-11-26T09:59:00Z', '1 minute ago'],
    ['2026-11-26T09:18:00Z', '42 minutes ago'],
    ['2026-11-26T09:00:00Z', '1 hour ago'],
    ['2026-11-26T07:30:00Z', '2 hours ago'],
    ['not a date', 'at an unknown time'],
  ])('says a snapshot built at %s was read %s', (builtAt, text) => {
    expect(snapshotAgeText(builtAt, now)).toBe(text);
  });

  it('says the latest is loading, or that it could not be loaded', () => {
    expect(snapshotNotice('2026-11-26T09:18:00Z', 'loading', now)).toBe(
      'Showing the initiatives as the app read them 42 minutes ago. Loading the latest from Jira…',
    );
    expect(snapshotNotice('2026-11-26T09:18:00Z', 'failed', now)).toContain('could not be loaded from Jira');
  });
});
