// The Status of the demo program in execution (a baselined plan of today's quarter, Jira matching it, one
// initiative late), on a pinned day: the RAG names the late initiative; moving a dependency late in Jira adds
// the detected risk to the reasons; finishing the late work clears its reason; the daily trigger keeps one
// snapshot for the day.
import { DEMO_PROGRAM } from '../../dev/seed';
import { DEMO_BASELINE_NOTE, type DemoExecution } from '../../dev/seed/demo-execution';
import { PROGRESS_ENTITY } from '../../src/adapters/storage/progress-history-store';
import type { ProgramStatusView } from '../../src/contract';
import { executionDaily } from '../../src/triggers/execution-daily';
import { ok, useAppStack, type AppStack, patchEmulatorIssue } from '../support/app-stack';

// Wednesday of the fourth two-week sprint of 2026-Q4 (sprints from Monday 5 October).
const TODAY = '2026-11-18T10:00:00.000Z';
const programId = DEMO_PROGRAM.id;

let stack: AppStack;
let demo: DemoExecution;

useAppStack(
  { demoExecution: true },
  {
    today: TODAY,
    ready: (started) => {
      stack = started;
      if (!stack.demoExecution) throw new Error('The demo program was not put in execution.');
      demo = stack.demoExecution;
    },
  },
);

const status = async (): Promise<ProgramStatusView> => ok(await stack.invoke('status/get', { programId }));

const patchIssue = (key: string, change: Record<string, unknown>) =>
  patchEmulatorIssue(stack.emulator.url, key, change);

describe('the status of the demo program in execution', () => {
  it('compares progress with the baseline of today’s quarter and names the initiative past its planned end', async () => {
    const view = await status();
    expect(view.today).toBe(TODAY.slice(0, 10));
    expect(view.plan?.quarter).toBe(demo.quarter);
    expect(view.plan?.baseline?.note).toBe(DEMO_BASELINE_NOTE);
    expect(view.expected).toMatchObject({ basis: 'baseline', quarter: demo.quarter });
    expect(view.expected?.currentSprint?.index).toBe(demo.currentSprint);
    expect(view.rag.status).not.toBe('green');
    const late = demo.late;
    if (!late) throw new Error('the demo keeps no initiative late');
    const reason = view.rag.reasons.find((r) => r.source === 'schedule' && r.initiativeKeys.includes(late));
    expect(reason?.text).toMatch(
      new RegExp(
        `^${late} was planned to end with Sprint \\d+ \\(\\d{4}-\\d{2}-\\d{2}\\) and is \\d+% done\\.$`,
      ),
    );
    const row = view.initiatives.find((r) => r.key === late);
    expect(row?.flags).toContain('Past planned end');
    expect(row?.rag).not.toBe('green');
    expect(row?.planned).not.toBeNull();
    expect(view.rag.limitations.some((l) => l.startsWith('No quarter plan'))).toBe(false);
  });

  it('adds the late dependency to the reasons when the emulator moves it past its dependent’s start', async () => {
    const move = demo.move;
    if (!move) throw new Error('the demo has no dependency to move late');
    const before = await status();
    const named = (view: ProgramStatusView) =>
      view.rag.reasons.filter(
        (r) =>
          r.source === 'detected-risk' &&
          r.initiativeKeys.includes(move.upstream) &&
          r.initiativeKeys.includes(move.dependent),
      );
    expect(named(before)).toEqual([]);
    await patchIssue(move.upstream, { targetEnd: move.targetEnd });
    const after = await status();
    const [reason] = named(after);
    expect(reason?.text).toContain(`${move.dependent} is blocked by ${move.upstream}`);
    expect(after.initiatives.find((r) => r.key === move.dependent)?.flags.length).toBeGreaterThan(0);
    const { report } = ok(await stack.invoke('status/initiative', { programId, key: move.dependent }));
    expect(report.upstream.find((d) => d.key === move.upstream)).toBeDefined();
    expect(report.detectedRisks.some((d) => d.reason === reason?.text)).toBe(true);
  });

  it('clears the late initiative’s reason once its work is done in Jira', async () => {
    const late = demo.late;
    if (!late) throw new Error('the demo keeps no initiative late');
    const before = await status();
    const site = stack.emulator.site();
    const children = site.issues.filter(
      (i) => (i.parentKey === late || i.epicLinkKey === late) && i.resolutionDate === null,
    );
    for (const child of children) await patchIssue(child.key, { status: 'Done' });
    const after = await status();
    expect(after.progress.issues.done).toBe(before.progress.issues.done + children.length);
    expect(after.initiatives.find((r) => r.key === late)?.percentByCount).toBe(100);
    expect(after.rag.reasons.some((r) => r.source === 'schedule' && r.initiativeKeys.includes(late))).toBe(
      false,
    );
  });

  it('keeps one progress snapshot for the day however often the daily trigger fires', async () => {
    const first = await stack.runtime.runTrigger(executionDaily);
    const second = await stack.runtime.runTrigger(executionDaily);
    expect(first.recorded).toEqual([programId]);
    expect(second.unchanged).toEqual([programId]);
    expect(Object.keys(stack.runtime.kvs.snapshot().entities[PROGRESS_ENTITY] ?? {})).toEqual([
      `${programId}:${TODAY.slice(0, 10)}`,
    ]);
  });
});
