import type { ChildProgress, InitiativeRow, StatusCategory } from '../../../src/contract';
import {
  explainError,
  progressSortKey,
  progressText,
  statusAppearance,
  statusSortKey,
  summariseInitiatives,
  summaryLine,
} from './initiatives-model';

function children(done: number, total: number): ChildProgress {
  return { total, done, inProgress: 0, toDo: total - done };
}

function initiative(overrides: Partial<InitiativeRow> = {}): InitiativeRow {
  return {
    id: '10001',
    key: 'PAY-1',
    summary: 'Card payments in EUR',
    team: 'Payments',
    status: { name: 'In Progress', category: 'indeterminate' },
    children: children(4, 6),
    estimate: null,
    upstream: 0,
    downstream: 0,
    ...overrides,
  };
}

describe('status lozenge', () => {
  it.each<[StatusCategory, string]>([
    ['new', 'default'],
    ['indeterminate', 'inprogress'],
    ['done', 'success'],
  ])('shows a %s status with the %s appearance', (category, appearance) => {
    expect(statusAppearance(category)).toBe(appearance);
  });

  it('sorts statuses by workflow position before their names', () => {
    const todo = statusSortKey({ name: 'Selected', category: 'new' });
    const doing = statusSortKey({ name: 'Code review', category: 'indeterminate' });
    const done = statusSortKey({ name: 'Closed', category: 'done' });
    expect([done, todo, doing].sort()).toEqual([todo, doing, done]);
  });
});

describe('child progress', () => {
  it('says how many child issues are done out of all', () => {
    expect(progressText(children(4, 6))).toBe('4 of 6 done');
  });

  it('says so when an initiative has no child issues, and sorts it below started ones', () => {
    expect(progressText(children(0, 0))).toBe('No child issues');
    expect(progressSortKey(children(0, 0))).toBeLessThan(progressSortKey(children(0, 3)));
  });
});

describe('program summary line', () => {
  it('counts initiatives, distinct teams and the share of child issues done', () => {
    const summary = summariseInitiatives([
      initiative({ key: 'PAY-1', team: 'Payments', children: children(4, 6) }),
      initiative({ key: 'PAY-2', team: 'Payments', children: children(0, 2) }),
      initiative({ key: 'ID-1', team: 'Identity', children: children(2, 2) }),
    ]);
    expect(summary).toMatchObject({
      initiatives: 3,
      teams: 2,
      childIssues: 10,
      childIssuesDone: 6,
      percentDone: 60,
    });
    expect(summaryLine(summary)).toBe('3 initiatives across 2 teams · 60% of 10 child issues done');
  });

  it('speaks in the singular for one initiative of one team without children', () => {
    const summary = summariseInitiatives([initiative({ children: children(0, 0) })]);
    expect(summaryLine(summary)).toBe('1 initiative across 1 team · no child issues yet');
  });
});

describe('error explanations', () => {
  it('tells a viewer without access that it is about permission, not a broken app', () => {
    expect(explainError('FORBIDDEN').title).toMatch(/don’t have access/);
  });

  it('tells the viewer to wait when Jira rate-limits the app', () => {
    expect(explainError('RATE_LIMITED').advice).toMatch(/wait/i);
  });

  it('explains every other error distinctly from access and rate limits', () => {
    const forbidden = explainError('FORBIDDEN').title;
    const rateLimited = explainError('RATE_LIMITED').title;
    for (const errorType of ['VALIDATION', 'INTERNAL', 'UPSTREAM', 'NOT_FOUND'] as const) {
      expect([forbidden, rateLimited]).not.toContain(explainError(errorType).title);
    }
  });
});
