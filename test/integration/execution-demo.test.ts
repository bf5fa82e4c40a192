// Issue 8's "Done when", end to end on the demo: the program in execution on a pinned day; the emulator advances
// issue statuses (an initiative under way finishes) and moves a dependency late (its team's target date); the
// app then shows the new RAG with its reasons, the detected risks, and the adjusted plan against the baseline —
// each naming the late dependency — through the real resolvers on the local Forge runtime.
import { DEMO_PROGRAM } from '../../dev/seed';
import type { DemoExecution } from '../../dev/seed/demo-execution';
import type {
  AdjustedPlanView,
  Envelope,
  ProgramStatusView,
  RequestOf,
  ResolverKey,
  ResponseOf,
  RiskRegisterView,
} from '../../src/contract';
import { pinToday, startAppStack, type AppStack, patchEmulatorIssue } from '../support/app-stack';

// Wednesday of the fourth two-week sprint of 2026-Q4 (sprints from Monday 5 October).
const TODAY = '2026-11-18T10:00:00.000Z';
const programId = DEMO_PROGRAM.id;

let stack: AppStack;
let demo: DemoExecution;
let move: NonNullable<DemoExecution['move']>;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  pinToday(TODAY);
  stack = await startAppStack({ demoExecution: true });
  if (!stack.demoExecution?.move || !stack.demoExecution.late)
    throw new Error('The demo in execution has no slip or no dependency to move late.');
  demo = stack.demoExecution;
  move = stack.demoExecution.move;
}, 120_000);
afterAll(async () => {
  await stack?.close();
  jest.useRealTimers();
  jest.restoreAllMocks();
});

async function get<K extends ResolverKey>(key: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer: Envelope<ResponseOf<K>> = await stack.invoke(key, payload);
  if (!answer.success) throw new Error(`${key}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const patchIssue = (key: string, change: Record<string, unknown>) =>
  patchEmulatorIssue(stack.emulator.url, key, change);

const namesDependency = (keys: readonly string[] | undefined) =>
  keys !== undefined && keys.includes(move.upstream) && keys.includes(move.dependent);

describe('the demo in execution after Jira moves on', () => {
  let before: { status: ProgramStatusView; risks: RiskRegisterView; adjusted: AdjustedPlanView };
  let after: typeof before;
  let finished: string;

  beforeAll(async () => {
    before = {
      status: await get('status/get', { programId }),
      risks: await get('risks/get', { programId }),
      adjusted: await get('plan/adjusted', { programId }),
    };

    // The emulator advances statuses: an initiative under way (neither the slip nor the dependency) finishes.
    const underWay = before.adjusted.adjusted?.initiatives.find(
      (i) => i.work === 'in-progress' && ![demo.late, move.upstream, move.dependent].includes(i.key),
    );
    if (!underWay) throw new Error('The demo has no other initiative under way.');
    finished = underWay.key;
    const children = stack.emulator
      .site()
      .issues.filter(
        (i) => (i.parentKey === finished || i.epicLinkKey === finished) && i.resolutionDate === null,
      );
    for (const child of children) await patchIssue(child.key, { status: 'Done' });
    await patchIssue(finished, { status: 'Done' });

    // ...and moves a dependency late: its team now expects to finish a sprint later.
    await patchIssue(move.upstream, { targetEnd: move.targetEnd });

    after = {
      status: await get('status/get', { programId }),
      risks: await get('risks/get', { programId }),
      adjusted: await get('plan/adjusted', { programId }),
    };
  }, 60_000);

  it('shows more work done, and a RAG whose reasons name the late dependency', () => {
    expect(after.status.progress.issues.done).toBeGreaterThan(before.status.progress.issues.done);
    expect(after.status.initiatives.find((r) => r.key === finished)?.percentByCount).toBe(100);
    expect(before.status.rag.reasons.some((r) => namesDependency(r.initiativeKeys))).toBe(false);
    const reason = after.status.rag.reasons.find(
      (r) => r.source === 'detected-risk' && namesDependency(r.initiativeKeys),
    );
    expect(reason?.text).toContain(`${move.dependent} is blocked by ${move.upstream}`);
    expect(after.status.rag.status).not.toBe('green');
    // The slip the demo started with is still among the reasons.
    expect(after.status.rag.reasons.some((r) => r.initiativeKeys.includes(demo.late!))).toBe(true);
  });

  it('detects the late dependency as a risk, and the register holds it once synced', async () => {
    const fingerprint = `dependency-late:${move.upstream}>${move.dependent}`;
    expect(before.risks.pending.some((r) => r.fingerprint === fingerprint)).toBe(false);
    const pending = after.risks.pending.find((r) => r.fingerprint === fingerprint);
    expect(pending?.rule).toBe('dependency-late');
    expect(pending?.reason).toContain(move.upstream);

    await get('risks/detect', { programId });
    const register = await get('risks/get', { programId });
    const held = register.risks.find((r) => r.fingerprint === fingerprint);
    expect(held).toMatchObject({ source: 'detected', status: 'open', rule: 'dependency-late' });
  });

  it('shows the adjusted plan against the baseline: the dependent later because of the late dependency', () => {
    const plan = after.adjusted.adjusted!;
    const upstream = plan.initiatives.find((i) => i.key === move.upstream)!;
    const dependent = plan.initiatives.find((i) => i.key === move.dependent)!;
    expect(upstream.change).toBe('later');
    expect(dependent.change).toBe('later');
    expect(dependent.endDeltaSprints).toBe(1);
    expect(dependent.reasons).toContain(
      `Starts one sprint later because ${move.upstream} now ends in Sprint ${upstream.adjusted!.endSprint + 1} (baseline: Sprint ${upstream.baseline!.endSprint + 1}).`,
    );
    expect(plan.milestones.find((m) => m.initiativeKeys.includes(move.dependent))?.outlook).toBe('late');
    // What finished today is done where it happened, in today's sprint.
    const done = plan.initiatives.find((i) => i.key === finished)!;
    expect(done.work).toBe('done');
    expect(done.adjusted?.endSprint).toBe(demo.currentSprint);
    expect(before.adjusted.adjusted?.fingerprint).not.toBe(plan.fingerprint);
  });
});
