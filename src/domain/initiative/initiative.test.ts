import {
  childProgress,
  groupChildrenByEpic,
  owningTeam,
  type ChildIssue,
  type Initiative,
} from './initiative';

const child = (key: string, epicKey: string, category: ChildIssue['status']['category']): ChildIssue => ({
  id: key.replace(/\D/g, ''),
  key,
  epicKey,
  status: { name: category, category },
});

const epic = (overrides: Partial<Initiative> = {}): Initiative => ({
  id: '10001',
  key: 'PAY-1',
  summary: 'Card vault',
  projectKey: 'PAY',
  projectName: 'Payments',
  status: { name: 'In Progress', category: 'indeterminate' },
  ...overrides,
});

describe('child progress', () => {
  it('counts done, in-progress and to-do children by status category', () => {
    const progress = childProgress([
      child('PAY-2', 'PAY-1', 'done'),
      child('PAY-3', 'PAY-1', 'done'),
      child('PAY-4', 'PAY-1', 'indeterminate'),
      child('PAY-5', 'PAY-1', 'new'),
    ]);
    expect(progress).toEqual({ total: 4, done: 2, inProgress: 1, toDo: 1 });
  });

  it('reports an epic without children as zero of zero', () => {
    expect(childProgress([])).toEqual({ total: 0, done: 0, inProgress: 0, toDo: 0 });
  });

  it('groups children under the epic they belong to', () => {
    const groups = groupChildrenByEpic([
      child('PAY-2', 'PAY-1', 'new'),
      child('ID-9', 'ID-1', 'new'),
      child('PAY-3', 'PAY-1', 'done'),
    ]);
    expect(groups.get('PAY-1')?.map((c) => c.key)).toEqual(['PAY-2', 'PAY-3']);
    expect(groups.get('ID-1')?.map((c) => c.key)).toEqual(['ID-9']);
  });
});

describe('owning team', () => {
  it('prefers the Team field over the project', () => {
    expect(owningTeam(epic({ team: { id: 't-1', name: 'Checkout Crew' } })).name).toBe('Checkout Crew');
  });

  it('falls back to the project when the site has no Team value', () => {
    expect(owningTeam(epic()).name).toBe('Payments');
  });
});
