// The execution state on the demo: the real Jira adapter (as the TPM) and stores against the emulator.
import { ForgeJiraAdapter } from '../../src/adapters/jira/jira-adapter';
import { KvsPlanStore } from '../../src/adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import { loadExecutionState } from '../../src/services/execution/load-execution-state';
import { DEMO_PROGRAM } from '../../dev/seed';
import { DEMO_PLAN_QUARTER } from '../../dev/seed/demo-plan';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;
beforeAll(async () => {
  stack = await startAppStack({ demoPlan: true });
});
afterAll(async () => stack.close());

async function stateOn(now: string) {
  return stack.runtime.runAsUser(accountIdOf('tpm@example.com'), async () => {
    const programs = new KvsProgramStore();
    const program = await programs.get(DEMO_PROGRAM.id);
    if (!program) throw new Error('no demo program');
    return loadExecutionState(
      { jira: new ForgeJiraAdapter({ actor: 'user' }), programs, plans: new KvsPlanStore(), now: () => now },
      program,
    );
  });
}

describe('the execution state of the demo program', () => {
  it('has the plan in force with its schedule and today’s sprint mid-quarter', async () => {
    const state = await stateOn('2027-02-10T09:00:00.000Z');
    expect(state.today).toBe('2027-02-10');
    expect(state.current?.plan.quarter).toBe(DEMO_PLAN_QUARTER);
    const sprints = state.current?.plan.calendar.sprints ?? [];
    expect(state.current?.currentSprint).toBeGreaterThan(0);
    expect(state.current?.currentSprint).toBeLessThan(sprints.length);
    expect(state.current?.schedule.initiatives.length).toBeGreaterThan(0);
  });

  it('gives every initiative its team, children and the dates Jira has', async () => {
    const state = await stateOn('2027-02-10T09:00:00.000Z');
    expect(state.initiatives.length).toBeGreaterThan(5);
    expect(state.initiatives.filter((i) => i.teamId !== null).length).toBeGreaterThan(0);
    expect(state.initiatives.some((i) => i.children.length > 0)).toBe(true);
    expect(state.initiatives.some((i) => i.targetDate !== undefined)).toBe(true);
    for (const child of state.initiatives.flatMap((i) => i.children))
      expect(child.resolvedAt === undefined || child.status === 'done').toBe(true);
    expect(state.goals.length + state.milestones.length).toBeGreaterThan(0);
  });

  it('has no plan in force before the first plan starts', async () => {
    const state = await stateOn('2026-11-25T09:00:00.000Z');
    expect(state.current).toBeNull();
    expect(state.plans.map((p) => p.quarter)).toContain(DEMO_PLAN_QUARTER);
  });
});
