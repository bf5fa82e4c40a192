// The adjusted plan end to end: the demo program in execution (a baselined plan of today's quarter, the
// emulated Jira matching it, one initiative late), the real resolvers, services and adapters on the local Forge
// runtime. The emulator's admin API moves work: a dependency's target date later, its children reopened, an
// earlier resolution date.
import { DEMO_PROGRAM } from '../../dev/seed';
import { DEMO_BASELINE_NOTE, seedDemoExecution, type DemoExecution } from '../../dev/seed/demo-execution';
import type { AdjustedInitiative, AdjustedPlanView, Envelope } from '../../src/contract';
import { validateRequest, validateResponse } from '../contract/openapi';
import { accountIdOf, ok, useAppStack, type AppStack, patchEmulatorIssue } from '../support/app-stack';

// Wednesday of the fourth two-week sprint of 2026-Q4 (sprints from Monday 5 October).
const TODAY = '2026-11-18T10:00:00.000Z';
const programId = DEMO_PROGRAM.id;
const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';
const LEAD = 'lead.payments@example.com';

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

const errorOf = (envelope: Envelope<unknown>) =>
  envelope.success ? 'success' : envelope.errors[0]?.errorType;
const snapshot = () => JSON.stringify(stack.runtime.kvs.snapshot());

async function adjustedAs(
  email = TPM,
): Promise<AdjustedPlanView & { adjusted: NonNullable<AdjustedPlanView['adjusted']> }> {
  const view = ok(await stack.invoke('plan/adjusted', { programId }, email));
  if (!view.adjusted) throw new Error(`No adjusted plan: ${view.warnings.join(' ')}`);
  return { ...view, adjusted: view.adjusted };
}

function row(view: { adjusted: { initiatives: AdjustedInitiative[] } }, key: string): AdjustedInitiative {
  const found = view.adjusted.initiatives.find((i) => i.key === key);
  if (!found) throw new Error(`${key} is not in the adjusted plan`);
  return found;
}

const patchIssue = (key: string, change: Record<string, unknown>) =>
  patchEmulatorIssue(stack.emulator.url, key, change);

/** Back to the seeded demo: a fresh emulated site made to match the plan again. */
async function reseed(): Promise<void> {
  stack.emulator.reset();
  await stack.runtime.runAsUser(accountIdOf(TPM), () => seedDemoExecution(stack.emulator));
}

/** What the owner accepts: the plan version and the adjusted plan they read. */
const acceptPayload = async (view: AdjustedPlanView) => {
  const plan = ok(await stack.invoke('plan/get', { programId, quarter: view.adjusted!.quarter }));
  expect(view.adjusted!.planVersion).toBe(plan.plan.version);
  return {
    programId,
    quarter: view.adjusted!.quarter,
    expectedVersion: view.adjusted!.planVersion,
    fingerprint: view.adjusted!.fingerprint,
  };
};

describe('the adjusted plan of the demo program in execution', () => {
  it('reads the plan in force against its baseline: done work where it happened, only the slip moved', async () => {
    const view = await adjustedAs(STAKEHOLDER);
    expect(view.program.stage).toBe('execution');
    expect(view.adjusted.quarter).toBe('2026-Q4');
    expect(view.adjusted.currentSprint).toBe(3);
    expect(view.baselines.map((b) => b.note)).toEqual([DEMO_BASELINE_NOTE]);
    expect(view.canAccept).toBe(false);
    expect((await adjustedAs(TPM)).canAccept).toBe(true);

    const works = new Set(view.adjusted.initiatives.map((i) => i.work));
    expect([...works].sort()).toEqual(['done', 'in-progress', 'not-started']);
    for (const done of view.adjusted.initiatives.filter((i) => i.work === 'done'))
      expect(done.adjusted!.endSprint).toBeLessThan(3);

    const late = row(view, demo.late!);
    expect(late.change).toBe('later');
    expect(late.reasons[0]).toMatch(/^Should have finished in Sprint 3 and is still under way\./);
    // Jira matches the plan everywhere else.
    const moved = view.adjusted.initiatives.filter((i) => i.change !== 'unchanged').map((i) => i.key);
    expect(moved).toEqual([demo.late]);
  });

  it('moves a dependent when its dependency’s target date moves later, and says why', async () => {
    const { upstream, dependent, targetEnd } = demo.move!;
    const before = await adjustedAs();
    expect(row(before, dependent).change).toBe('unchanged');

    await patchIssue(upstream, { targetEnd });
    const after = await adjustedAs();
    const up = row(after, upstream);
    const down = row(after, dependent);
    expect(up.change).toBe('later');
    expect(up.reasons).toContain(
      `Its target date in Jira, ${targetEnd}, is in Sprint ${up.adjusted!.endSprint + 1}: the team expects to finish then.`,
    );
    expect(down.adjusted!.startSprint).toBeGreaterThan(up.adjusted!.endSprint);
    expect(down.change).toBe('later');
    expect(down.startDeltaSprints).toBe(1);
    expect(down.endDeltaDays).toBe(14);
    expect(down.reasons).toContain(
      `Starts one sprint later because ${upstream} now ends in Sprint ${up.adjusted!.endSprint + 1} (baseline: Sprint ${up.baseline!.endSprint + 1}).`,
    );
    expect(after.adjusted.fingerprint).not.toBe(before.adjusted.fingerprint);
    // The pilot milestone waits for the dependent: it is forecast late now.
    const pilot = after.adjusted.milestones.find((m) => m.initiativeKeys.includes(dependent));
    expect(pilot?.outlook).toBe('late');
    expect(pilot?.drivenBy).toBe(dependent);
  });

  it('moves a dependent when its dependency’s done children are reopened', async () => {
    await reseed();
    const { upstream, dependent } = demo.move!;
    const before = await adjustedAs();
    expect(row(before, upstream).change).toBe('unchanged');
    const children = stack.emulator
      .site()
      .issues.filter((i) => i.parentKey === upstream || i.epicLinkKey === upstream);
    for (const child of children) await patchIssue(child.key, { status: 'To Do' });

    const after = await adjustedAs();
    const up = row(after, upstream);
    const down = row(after, dependent);
    expect(up.work).toBe('in-progress');
    expect(up.remaining).toMatchObject({ open: up.remaining?.total });
    expect(up.change).toBe('later');
    expect(down.adjusted!.startSprint).toBeGreaterThan(up.adjusted!.endSprint);
    expect(down.change).toBe('later');
    expect(down.reasons.join(' ')).toMatch(
      new RegExp(`^Starts (one|two) sprints? later because ${upstream} now ends in Sprint \\d`),
    );
  });

  it('maps a done epic to the sprint the emulator says it was resolved in', async () => {
    await reseed();
    const view = await adjustedAs();
    const done = view.adjusted.initiatives.find((i) => i.work === 'done' && i.adjusted!.endSprint === 2)!;
    await patchIssue(done.key, { resolutionDate: '2026-10-08T12:00:00.000Z' });
    const after = row(await adjustedAs(), done.key);
    expect(after.adjusted!.endSprint).toBe(0);
    expect(after.change).toBe('earlier');
    expect(after.reasons[0]).toMatch(
      /^Finished in Sprint 1 \(resolved 2026-10-08\), two sprints earlier than the baseline\.$/,
    );
  });
});

describe('accepting the adjusted plan as the plan of record', () => {
  it('freezes it as a new baseline and keeps the first one', async () => {
    await reseed();
    await patchIssue(demo.move!.upstream, { targetEnd: demo.move!.targetEnd });
    const view = await adjustedAs();
    const accepted = ok(
      await stack.invoke('plan/adjusted/accept', {
        ...(await acceptPayload(view)),
        note: 'Data slip agreed',
      }),
    );
    expect(accepted.baselines.map((b) => b.note)).toEqual([
      DEMO_BASELINE_NOTE,
      'Accepted adjusted plan: Data slip agreed',
    ]);
    expect(accepted.baselines[1]?.frozenBy).toBe(accountIdOf(TPM));
    expect(accepted.baselines[1]?.frozenAt.slice(0, 10)).toBe('2026-11-18');
    expect(accepted.adjusted!.initiatives.every((i) => i.change === 'unchanged')).toBe(true);
    expect(accepted.adjusted!.baseline?.id).toBe(accepted.baselines[1]?.id);

    // Read again: the history of two, the first baseline as frozen.
    const again = await adjustedAs(STAKEHOLDER);
    expect(again.baselines).toHaveLength(2);
    expect(again.adjusted.initiatives.filter((i) => i.change !== 'unchanged')).toEqual([]);
    const first = ok(
      await stack.invoke('plan/baseline/get', {
        programId,
        quarter: view.adjusted.quarter,
        baselineId: again.baselines[0]!.id,
      }),
    );
    expect(first.schedule.find((e) => e.key === demo.move!.dependent)).toMatchObject({
      startSprint: row(view, demo.move!.dependent).baseline!.startSprint,
    });
    const plan = ok(await stack.invoke('plan/get', { programId, quarter: view.adjusted.quarter }));
    expect(plan.plan.baselines).toHaveLength(2);
    expect(plan.plan.pins).toEqual([]);
  });

  it('refuses a stakeholder and a team lead, and changes nothing', async () => {
    const view = await adjustedAs();
    const payload = await acceptPayload(view);
    const before = snapshot();
    expect(errorOf(await stack.invoke('plan/adjusted/accept', payload, STAKEHOLDER))).toBe('FORBIDDEN');
    expect(errorOf(await stack.invoke('plan/adjusted/accept', payload, LEAD))).toBe('FORBIDDEN');
    expect(errorOf(await stack.invoke('plan/adjusted/accept', payload, 'contractor@example.com'))).toBe(
      'FORBIDDEN',
    );
    expect(snapshot()).toBe(before);
  });

  it('refuses a stale plan version and an adjusted plan that moved since it was read, and changes nothing', async () => {
    const view = await adjustedAs();
    const payload = await acceptPayload(view);
    const before = snapshot();
    const stale = await stack.invoke('plan/adjusted/accept', {
      ...payload,
      expectedVersion: payload.expectedVersion - 1,
    });
    expect(errorOf(stale)).toBe('CONFLICT');

    // Jira moves on between reading and accepting.
    const last = view.adjusted.sprints.length - 1;
    const inProgress = view.adjusted.initiatives.find(
      (i) => i.work === 'in-progress' && i.adjusted !== null && i.adjusted.endSprint < last,
    )!;
    await patchIssue(inProgress.key, { targetEnd: view.adjusted.sprints.at(-1)!.end });
    const moved = await stack.invoke('plan/adjusted/accept', payload);
    expect(errorOf(moved)).toBe('CONFLICT');
    expect(moved.success ? '' : moved.errors[0]?.message).toMatch(
      /^The adjusted plan changed since you read it/,
    );
    const wrongQuarter = await stack.invoke('plan/adjusted/accept', { ...payload, quarter: '2027-Q1' });
    expect(errorOf(wrongQuarter)).toBe('CONFLICT');
    expect(snapshot()).toBe(before);
  });

  it('answers a bad payload with VALIDATION naming the field, and changes nothing', async () => {
    const view = await adjustedAs();
    const payload = await acceptPayload(view);
    const before = snapshot();
    const cases: [unknown, string][] = [
      [{ ...payload, fingerprint: 'not-hex!' }, 'fingerprint'],
      [{ ...payload, quarter: '2026-Q5' }, 'quarter'],
      [{ ...payload, expectedVersion: 0 }, 'expectedVersion'],
      [{ ...payload, note: 'x'.repeat(5000) }, 'note'],
      [{ programId, quarter: payload.quarter, expectedVersion: payload.expectedVersion }, 'fingerprint'],
    ];
    for (const [bad, path] of cases) {
      const answer = await stack.invokeRaw('plan/adjusted/accept', bad);
      expect(answer.success ? undefined : answer.errors[0]).toMatchObject({ errorType: 'VALIDATION', path });
    }
    const extra = await stack.invokeRaw('plan/adjusted/accept', { ...payload, schedule: [] });
    expect(errorOf(extra)).toBe('VALIDATION');
    expect(errorOf(await stack.invokeRaw('plan/adjusted', {}))).toBe('VALIDATION');
    expect(snapshot()).toBe(before);
  });

  it('has nothing to adjust or accept for a program with no plan in force', async () => {
    const created = ok(
      await stack.invoke('program/create', {
        id: 'no-plan-yet',
        name: 'No plan yet',
        scopeJql: 'project = PAY',
      }),
    );
    const view = ok(await stack.invoke('plan/adjusted', { programId: created.program.id }));
    expect(view.adjusted).toBeNull();
    expect(view.canAccept).toBe(false);
    expect(view.warnings).toContain('The program has no quarter plan yet: there is nothing to adjust.');
    const accept = await stack.invoke('plan/adjusted/accept', {
      programId: created.program.id,
      quarter: '2026-Q4',
      expectedVersion: 1,
      fingerprint: '0123abcd',
    });
    expect(errorOf(accept)).toBe('NOT_FOUND');
  });

  it('sends only requests, and reads only answers, that match the official OpenAPI spec; nothing unmodelled', async () => {
    const problems: string[] = [];
    for (const x of stack.exchanges) {
      if (x.path.startsWith('/__emulator')) continue;
      const contentType = x.requestHeaders['content-type'];
      problems.push(
        ...validateRequest({
          method: x.method,
          path: x.path,
          query: x.query,
          body: x.requestBody,
          ...(contentType ? { contentType } : {}),
        }),
      );
      if (x.status < 500 && x.status !== 429)
        problems.push(
          ...validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
        );
    }
    expect(problems).toEqual([]);
    expect((await stack.stats()).unmodelled).toEqual({});
  });
});
