import { anExecutionState, anInitiative, STATUS } from '../risks/detection/builders';
import { initiativeProgress, percentOf, programProgress, progressText } from './progress';
import { elapsedShare, expectedProgress, planPlacements } from './progress-plan';
import type { ExecutionChild } from './state';

const child = (
  key: string,
  status: ExecutionChild['status'],
  storyPoints: number | null = null,
): ExecutionChild => ({ key, status, storyPoints });

describe('progress of an initiative', () => {
  it('rolls its children up by status category, by count and by story points', () => {
    const p = initiativeProgress(
      anInitiative('PAY-1', {
        status: STATUS.doing,
        children: [
          child('PAY-2', 'done', 5),
          child('PAY-3', 'done', 3),
          child('PAY-4', 'indeterminate', 8),
          child('PAY-5', 'new', 2),
        ],
      }),
    );
    expect(p.issues).toEqual({ total: 4, done: 2, inProgress: 1, toDo: 1 });
    expect(p.points).toEqual({ total: 18, done: 8, inProgress: 8, toDo: 2 });
    expect(p.percentByCount).toBe(50);
    expect(p.percentByPoints).toBe(44);
    expect(p.pointsFrom).toBe('children');
  });

  it('counts children without points in the count but not in the points, and says how many', () => {
    const p = initiativeProgress(
      anInitiative('PAY-1', { children: [child('PAY-2', 'done', 5), child('PAY-3', 'done', null)] }),
    );
    expect(p.issues.done).toBe(2);
    expect(p.points).toEqual({ total: 5, done: 5, inProgress: 0, toDo: 0 });
    expect(p.unestimatedIssues).toBe(1);
  });

  it('spreads the epic’s own points over its children when none of them is estimated', () => {
    const p = initiativeProgress(
      anInitiative('PAY-1', {
        storyPoints: 12,
        children: [child('PAY-2', 'done'), child('PAY-3', 'new'), child('PAY-4', 'new')],
      }),
    );
    expect(p.points).toEqual({ total: 12, done: 4, inProgress: 0, toDo: 8 });
    expect(p.pointsFrom).toBe('epic-spread');
    expect(p.unestimatedIssues).toBe(0);
  });

  it('counts an epic with no children as one issue of its own, with its own points', () => {
    const done = initiativeProgress(anInitiative('ID-1', { status: STATUS.done, storyPoints: 5 }));
    expect(done.issues).toEqual({ total: 1, done: 1, inProgress: 0, toDo: 0 });
    expect(done.points.done).toBe(5);
    expect(done.percentByCount).toBe(100);
    const bare = initiativeProgress(anInitiative('ID-2', { status: STATUS.doing }));
    expect(bare.issues.inProgress).toBe(1);
    expect(bare.percentByPoints).toBeNull();
    expect(bare.pointsFrom).toBe('none');
  });

  it('says 100% only when everything is done', () => {
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(200, 200)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('progress of the program', () => {
  it('adds up its initiatives and counts the initiatives by their own status', () => {
    const p = programProgress([
      anInitiative('PAY-1', { status: STATUS.done, children: [child('PAY-2', 'done', 3)] }),
      anInitiative('ID-1', {
        status: STATUS.doing,
        children: [child('ID-2', 'new', 5), child('ID-3', 'done')],
      }),
      anInitiative('MOB-1'),
    ]);
    expect(p.issues).toEqual({ total: 4, done: 2, inProgress: 0, toDo: 2 });
    expect(p.points).toEqual({ total: 8, done: 3, inProgress: 0, toDo: 5 });
    expect(p.initiatives).toEqual({ total: 3, done: 1, inProgress: 1, toDo: 1 });
    expect(p.byInitiative.map((i) => i.key)).toEqual(['PAY-1', 'ID-1', 'MOB-1']);
    expect(progressText(p, 'issues')).toBe('2 of 4 issues done (50%)');
    expect(progressText(p, 'points')).toBe('3 of 8 story points done (37%)');
  });

  it('is empty, not broken, for a program with no initiatives', () => {
    const p = programProgress([]);
    expect(p.percentByCount).toBeNull();
    expect(p.initiatives.total).toBe(0);
  });
});

describe('progress against the plan in force', () => {
  // Six two-week sprints from 2027-01-04; PAY-1 takes sprints 1–2, ID-1 waits for it (3–4).
  const initiatives = [
    anInitiative('PAY-1', { children: [child('PAY-2', 'done', 5), child('PAY-3', 'new', 5)] }),
    anInitiative('ID-1', { children: [child('ID-2', 'new', 10)] }),
  ];
  const spec = { estimates: { 'PAY-1': 2, 'ID-1': 2 } };
  const edges: [string, string][] = [['PAY-1', 'ID-1']];

  it('reads an initiative’s share of its window from the days elapsed', () => {
    const window = { start: '2027-01-04', end: '2027-01-17' };
    expect(elapsedShare(window, '2027-01-01')).toBe(0);
    expect(elapsedShare(window, '2027-01-04')).toBe(0);
    expect(elapsedShare(window, '2027-01-11')).toBe(0.5);
    expect(elapsedShare(window, '2027-01-18')).toBe(1);
  });

  it('expects the work of each planned initiative in proportion to its window elapsed, weighed by points', () => {
    const state = anExecutionState({ today: '2027-01-18', initiatives, edges, plan: spec });
    const current = state.current;
    if (!current) throw new Error('no plan in force');
    const e = expectedProgress(current, state.today, programProgress(state.initiatives));
    expect(e?.basis).toBe('schedule');
    expect(e?.measure).toBe('points');
    // PAY-1's window (sprints 1–2) is half gone: 5 of its 10 points expected; ID-1 has not started.
    expect(e?.expectedPercent).toBe(25);
    expect(e?.actualPercent).toBe(25);
    expect(e?.behind).toBe(0);
    expect(e?.currentSprint?.name).toBe('Sprint 2');
    expect(e?.sprintsElapsed).toBe(1);
    expect(e?.initiatives.find((i) => i.key === 'PAY-1')).toMatchObject({
      expectedPercent: 50,
      actualPercent: 50,
    });
  });

  it('marks an initiative whose window has ended unfinished as overdue', () => {
    const state = anExecutionState({ today: '2027-02-03', initiatives, edges, plan: spec });
    const e =
      state.current && expectedProgress(state.current, state.today, programProgress(state.initiatives));
    const pay = e?.initiatives.find((i) => i.key === 'PAY-1');
    expect(pay?.overdue).toBe(true);
    expect(pay?.window.endName).toBe('Sprint 2');
    expect(e?.behind).toBeGreaterThan(0);
  });

  it('reads expectations from the baseline when one is frozen, and shows how the schedule moved since', () => {
    const state = anExecutionState({
      today: '2027-01-18',
      initiatives,
      edges,
      plan: {
        ...spec,
        baseline: {
          initiatives: ['PAY-1', 'ID-1'],
          schedule: [
            { key: 'ID-1', startSprint: 1, endSprint: 1 },
            { key: 'PAY-1', startSprint: 0, endSprint: 0 },
          ],
        },
      },
    });
    const current = state.current;
    if (!current) throw new Error('no plan in force');
    const e = expectedProgress(current, state.today, programProgress(state.initiatives));
    expect(e?.basis).toBe('baseline');
    // The baseline wanted PAY-1 done by the end of sprint 1: all its 10 points are expected now.
    expect(e?.initiatives.find((i) => i.key === 'PAY-1')?.expectedPercent).toBe(100);
    const placement = planPlacements(current).get('ID-1');
    expect(placement?.planned?.endName).toBe('Sprint 2');
    expect(placement?.current?.endName).toBe('Sprint 4');
    expect(placement?.endDeltaSprints).toBe(2);
  });

  it('falls back to issue count when a planned initiative has no points', () => {
    const state = anExecutionState({
      today: '2027-01-18',
      initiatives: [...initiatives, anInitiative('MOB-1', { children: [child('MOB-2', 'new')] })],
      plan: { estimates: { ...spec.estimates, 'MOB-1': 1 } },
    });
    const e =
      state.current && expectedProgress(state.current, state.today, programProgress(state.initiatives));
    expect(e?.measure).toBe('issues');
  });

  it('expects nothing when the plan places none of the visible initiatives', () => {
    const state = anExecutionState({ today: '2027-01-18', initiatives, plan: { estimates: {} } });
    const current = state.current;
    if (!current) throw new Error('no plan in force');
    expect(expectedProgress(current, state.today, programProgress(state.initiatives))).toBeNull();
    expect(planPlacements(current).get('PAY-1')?.unplacedDetail).toMatch(/estimate/i);
  });
});
