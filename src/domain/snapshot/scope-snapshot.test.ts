import type { StatusCategory } from '../initiative/initiative';
import type { ScopeChild, ScopeEpic } from '../scope/types';
import { buildScopeSnapshot, scopeSnapshotFor, type ScopeSnapshotSource } from './scope-snapshot';

function generateEpic(key: string, overrides: Partial<ScopeEpic> = {}): ScopeEpic {
  const projectKey = key.slice(0, key.indexOf('-'));
  return {
    id: `1${key.length}${key.charCodeAt(0)}`,
    key,
    summary: `Initiative ${key}`,
    projectKey,
    projectName: projectKey === 'PAY' ? 'Payments' : 'Mobile',
    status: { name: 'In Progress', category: 'indeterminate' },
    storyPoints: null,
    links: [],
    ...overrides,
  };
}

function generateChild(epicKey: string, n: number, category: StatusCategory, points: number): ScopeChild {
  return {
    id: `${epicKey}-c${n}`,
    key: `${epicKey.slice(0, epicKey.indexOf('-'))}-${100 + n}`,
    epicKey,
    status: { name: category, category },
    storyPoints: points,
    links: [],
  };
}

function sourceOf(epics: ScopeEpic[]): ScopeSnapshotSource {
  return {
    programId: 'prog-1',
    epics,
    childrenByEpic: new Map([
      ['PAY-1', [generateChild('PAY-1', 1, 'done', 3), generateChild('PAY-1', 2, 'new', 5)]],
    ]),
    dependencies: { edges: [], external: [] },
    projectIds: { PAY: '10000', MOB: '10001' },
    builtAt: '2026-11-26T09:00:00.000Z',
  };
}

describe('the scope snapshot', () => {
  it('keeps each initiative’s row with its project, progress and estimate', () => {
    const snapshot = buildScopeSnapshot(sourceOf([generateEpic('PAY-1'), generateEpic('MOB-1')]));
    expect(snapshot.rows.map((r) => [r.key, r.projectKey])).toEqual([
      ['PAY-1', 'PAY'],
      ['MOB-1', 'MOB'],
    ]);
    expect(snapshot.rows[0]).toMatchObject({
      team: 'Payments',
      children: { total: 2, done: 1, inProgress: 0, toDo: 1 },
      estimate: 8,
    });
    expect(snapshot.projectIds).toEqual({ PAY: '10000', MOB: '10001' });
    expect(snapshot.restricted).toBe(0);
  });

  it('never keeps an epic under an issue security level, only counts it', () => {
    const snapshot = buildScopeSnapshot(
      sourceOf([generateEpic('PAY-1'), generateEpic('PAY-2', { restricted: true }), generateEpic('MOB-1')]),
    );
    expect(snapshot.rows.map((r) => r.key)).toEqual(['PAY-1', 'MOB-1']);
    expect(snapshot.restricted).toBe(1);
    expect(JSON.stringify(snapshot)).not.toContain('PAY-2');
  });

  it('shows a viewer only the rows of projects they may browse, and counts the rest with the restricted', () => {
    const snapshot = buildScopeSnapshot(
      sourceOf([generateEpic('PAY-1'), generateEpic('PAY-2', { restricted: true }), generateEpic('MOB-1')]),
    );
    const view = scopeSnapshotFor(snapshot, new Set(['MOB']));
    expect(view.initiatives.map((r) => r.key)).toEqual(['MOB-1']);
    expect(view.hidden).toBe(2);
    expect(view.initiatives[0]).not.toHaveProperty('projectKey');
  });

  it('hides the rows of a project whose id the app could not learn', () => {
    const snapshot = buildScopeSnapshot({
      ...sourceOf([generateEpic('PAY-1'), generateEpic('MOB-1')]),
      projectIds: { PAY: '10000' },
    });
    expect(scopeSnapshotFor(snapshot, new Set(['PAY', 'MOB'])).initiatives.map((r) => r.key)).toEqual([
      'PAY-1',
    ]);
  });
});
