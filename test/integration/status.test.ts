// Execution status end to end on the emulator: the demo program's progress, RAG with reasons and burn-up
// through the real resolvers, services and adapters; issue statuses advanced through the emulator's admin API;
// the daily trigger; role checks; thresholds refused and accepted.
import { KvsPlanStore } from '../../src/adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import { KvsProgressHistoryStore, PROGRESS_ENTITY } from '../../src/adapters/storage/progress-history-store';
import type { Envelope, ProgramStatusView, RagThresholds, RequestOf, ResolverKey } from '../../src/contract';
import { DEFAULT_RAG_THRESHOLDS } from '../../src/domain/program/program';
import type { ExecutionState } from '../../src/domain/execution/state';
import { executionDeps } from '../../src/resolvers/status';
import { loadExecutionState } from '../../src/services/execution/load-execution-state';
import { runDailyExecution } from '../../src/services/execution/daily';
import { getProgramStatus } from '../../src/services/execution/status';
import { executionDaily } from '../../src/triggers/execution-daily';
import { handler } from '../../src/index';
import { DEMO_PROGRAM } from '../../dev/seed';
import { accountIdOf, startAppStack, type AppStack, patchEmulatorIssue } from '../support/app-stack';

const programId = DEMO_PROGRAM.id;
const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';
const CONTRACTOR = 'contractor@example.com';
const LEAD = 'lead.payments@example.com';

let stack: AppStack;
beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack({ demoPlan: true });
}, 60_000);
afterAll(async () => {
  await stack.close();
  jest.restoreAllMocks();
});

function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}
const errorOf = (envelope: Envelope<unknown>) =>
  envelope.success ? 'success' : envelope.errors[0]?.errorType;
const call = <K extends ResolverKey>(key: K, payload: RequestOf<K>, email = TPM) =>
  stack.invoke(key, payload, email);
const kvsNow = () => JSON.stringify(stack.runtime.kvs.snapshot());

/** The status as the TPM on a given day (the resolvers use the real clock; the plan needs a fixed one). */
function statusOn(day: string, email = TPM): Promise<ProgramStatusView> {
  const accountId = accountIdOf(email);
  return stack.runtime.runAsUser(accountId, () =>
    getProgramStatus(
      { ...executionDeps('user', 'test-site'), now: () => `${day}T09:00:00.000Z`, accountId },
      programId,
    ),
  );
}

function stateOn(day: string): Promise<ExecutionState> {
  return stack.runtime.runAsUser(accountIdOf(TPM), async () => {
    const program = await new KvsProgramStore().get(programId);
    if (!program) throw new Error('no demo program');
    return loadExecutionState(
      { ...executionDeps('user', 'test-site'), now: () => `${day}T09:00:00.000Z` },
      program,
    );
  });
}

/** A day in the demo plan's last sprint, and one before its first. */
async function planDays(): Promise<{ late: string; before: string; quarter: string }> {
  const plans = await stack.runtime.runAsUser(accountIdOf(TPM), () => new KvsPlanStore().list(programId));
  const plan = plans[0];
  const first = plan?.calendar.sprints[0];
  const last = plan?.calendar.sprints.at(-1);
  if (!plan || !first || !last) throw new Error('the demo plan has no sprints');
  const before = new Date(Date.parse(first.start) - 30 * 86_400_000).toISOString().slice(0, 10);
  return { late: last.start, before, quarter: plan.quarter };
}

const patchIssue = (key: string, change: Record<string, unknown>) =>
  patchEmulatorIssue(stack.emulator.url, key, change);

async function setThresholds(change: Partial<RagThresholds>): Promise<void> {
  const view = ok(await call('status/get', { programId }));
  ok(
    await call('status/thresholds/set', {
      programId,
      expectedVersion: view.programVersion,
      thresholds: { ...view.thresholds, ...change },
    }),
  );
}

describe('the status of the demo program', () => {
  it('adds up progress by count and story points over one row per initiative, with a RAG and its reasons', async () => {
    const view = ok(await call('status/get', { programId }));
    expect(view.program.id).toBe(programId);
    expect(view.initiatives.length).toBeGreaterThan(5);
    const sum = (pick: (r: (typeof view.initiatives)[number]) => number) =>
      view.initiatives.reduce((n, r) => n + pick(r), 0);
    expect(view.progress.issues.total).toBe(sum((r) => r.issues.total));
    expect(view.progress.issues.done).toBe(sum((r) => r.issues.done));
    expect(view.progress.points.total).toBeCloseTo(
      sum((r) => r.points.total),
      1,
    );
    expect(view.progress.points.total).toBeGreaterThan(0);
    expect(view.progress.initiatives.total).toBe(view.initiatives.length);
    expect(['green', 'amber', 'red']).toContain(view.rag.status);
    if (view.rag.status !== 'green') expect(view.rag.reasons.length).toBeGreaterThan(0);
    for (const reason of view.rag.reasons) expect(reason.text.length).toBeGreaterThan(10);
    expect(view.burnUp.points.at(-1)).toMatchObject({
      date: view.today,
      scopeIssues: view.progress.issues.total,
      doneIssues: view.progress.issues.done,
    });
    expect(view.canEditThresholds).toBe(true);
    expect(view.thresholdsAreDefaults).toBe(true);
    expect(view.thresholds).toEqual(DEFAULT_RAG_THRESHOLDS);
  });

  it('reconstructs the burn-up from resolution dates while there is no daily history, and says so', async () => {
    const view = ok(await call('status/get', { programId }));
    expect(view.burnUp.source).toBe('reconstructed');
    expect(view.burnUp.note).toMatch(/^Reconstructed/);
    expect(view.burnUp.points.length).toBeGreaterThan(1);
    const done = view.burnUp.points.map((p) => p.doneIssues);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
  });

  it('compares progress with the plan in force mid-quarter, and says why it cannot before the plan starts', async () => {
    const { late, before, quarter } = await planDays();
    const during = await statusOn(late);
    expect(during.plan?.quarter).toBe(quarter);
    expect(during.expected?.quarter).toBe(quarter);
    expect(during.expected?.expectedPercent).toBeGreaterThan(50);
    expect(during.initiatives.filter((r) => r.inPlan && r.current !== null).length).toBeGreaterThan(3);
    const early = await statusOn(before);
    expect(early.plan).toBeNull();
    expect(early.expected).toBeNull();
    expect(early.rag.limitations[0]).toBe(
      `No quarter plan is in force on ${before}, so progress is not compared with a schedule: the status rests on milestones, risks and progress in Jira.`,
    );
  });

  it('gives an initiative’s implementation report with its windows, dependencies and commitments', async () => {
    const view = ok(await call('status/get', { programId }));
    const state = await stateOn(view.today);
    const edge = state.edges.find((e) => e.crossTeam);
    if (!edge) throw new Error('the demo has no cross-team dependency');
    const { report } = ok(await call('status/initiative', { programId, key: edge.to }));
    expect(report.key).toBe(edge.to);
    expect(report.upstream.map((d) => d.key)).toContain(edge.from);
    expect(report.progress.issues.total).toBe(view.initiatives.find((r) => r.key === edge.to)?.issues.total);
    const unknown = await call('status/initiative', { programId, key: 'NOPE-1' });
    expect(unknown.success ? null : unknown.errors[0]).toMatchObject({
      errorType: 'VALIDATION',
      path: 'key',
    });
    expect(errorOf(await stack.invokeRaw('status/initiative', { programId, key: 'not a key' }))).toBe(
      'VALIDATION',
    );
  });
});

describe('advancing the work in Jira', () => {
  it('moves progress and turns the RAG from red to green when the planned work gets done', async () => {
    // Only progress against the plan counts here: risks and milestones are told to weigh nothing.
    await setThresholds({
      riskAmber: [],
      riskRed: [],
      milestoneSlipAmberDays: 365,
      milestoneSlipRedDays: 365,
    });
    const { late } = await planDays();
    const before = await statusOn(late);
    expect(before.rag.status).toBe('red');
    expect(before.rag.reasons[0]).toMatchObject({ source: 'progress', level: 'red' });
    expect(before.rag.reasons[0]?.text).toMatch(
      /% done by (story points|issue count) where (the|today's) .* expects \d+% by now/,
    );

    const state = await stateOn(late);
    const planned = new Set(before.initiatives.filter((r) => r.expectedPercent !== null).map((r) => r.key));
    const open = state.initiatives
      .filter((i) => planned.has(i.key))
      .flatMap((i) => (i.children.length > 0 ? i.children : [{ key: i.key, status: i.status.category }]))
      .filter((issue) => issue.status !== 'done');
    expect(open.length).toBeGreaterThan(0);
    for (const issue of open) await patchIssue(issue.key, { status: 'Done' });

    const after = await statusOn(late);
    expect(after.progress.issues.done).toBe(before.progress.issues.done + open.length);
    expect(after.progress.percentByCount ?? 0).toBeGreaterThan(before.progress.percentByCount ?? 0);
    for (const row of after.initiatives.filter((r) => planned.has(r.key)))
      expect(row.percentByCount).toBe(100);
    expect(after.rag.reasons.filter((r) => r.source === 'progress' || r.source === 'schedule')).toEqual([]);
    expect(after.rag.status).toBe('green');
  });
});

describe('the daily snapshot', () => {
  const storedKeys = () =>
    Object.keys(stack.runtime.kvs.snapshot().entities[PROGRESS_ENTITY] ?? {}).filter((k) =>
      k.startsWith(`${programId}:`),
    );

  it('skips a program neither executing nor with a plan in force', async () => {
    // The demo program is still in initiation; its plan is in force only from its first sprint.
    const { before, late } = await planDays();
    const run = (day: string) =>
      stack.runtime.runTrigger(() =>
        runDailyExecution({ ...executionDeps('app', 'test-site'), now: () => `${day}T02:00:00.000Z` }),
      );
    const early = await run(before);
    expect(early.skipped).toContain(programId);
    expect(storedKeys()).toEqual([]);
    const during = await run(late);
    expect(during.recorded).toContain(programId);
    expect(storedKeys()).toEqual([`${programId}:${late}`]);
    // A test-only day far from today: dropped again so the real trigger starts from an empty history.
    await stack.runtime.runAsUser(accountIdOf(TPM), () =>
      new KvsProgressHistoryStore().dropBefore(programId, '9999-12-31'),
    );
  });

  it('records one snapshot a day for an executing program, however often the trigger fires', async () => {
    for (const to of ['planning', 'execution'] as const) {
      const overview = ok(await call('program/get', { programId }));
      if (overview.program.stage === to) continue;
      ok(
        await call('program/stage/move', {
          programId,
          expectedVersion: overview.program.version,
          to,
          overrideReason: 'Status tests',
        }),
      );
    }
    const first = await stack.runtime.runTrigger(executionDaily);
    const keys = storedKeys();
    const value = JSON.stringify(stack.runtime.kvs.snapshot().entities[PROGRESS_ENTITY]);
    const second = await stack.runtime.runTrigger(executionDaily);
    expect(first.recorded.concat(first.unchanged)).toContain(programId);
    expect(second.unchanged).toContain(programId);
    expect(second.recorded).not.toContain(programId);
    const today = new Date().toISOString().slice(0, 10);
    expect(keys).toEqual([`${programId}:${today}`]);
    expect(storedKeys()).toEqual(keys);
    expect(JSON.stringify(stack.runtime.kvs.snapshot().entities[PROGRESS_ENTITY])).toBe(value);
  });

  it('draws the burn-up from the history once there is some, per viewer’s projects', async () => {
    const view = ok(await call('status/get', { programId }));
    const [snapshot] = await stack.runtime.runAsUser(accountIdOf(TPM), () =>
      new KvsProgressHistoryStore().list(programId),
    );
    if (!snapshot) throw new Error('no snapshot');
    const earlier = (days: number) =>
      new Date(Date.parse(view.today) - days * 86_400_000).toISOString().slice(0, 10);
    await stack.runtime.runAsUser(accountIdOf(TPM), async () => {
      const history = new KvsProgressHistoryStore();
      for (const days of [2, 1]) await history.record({ ...snapshot, date: earlier(days) });
    });
    const tpm = ok(await call('status/get', { programId }));
    expect(tpm.burnUp.source).toBe('history');
    expect(tpm.burnUp.points.map((p) => p.date)).toEqual([earlier(2), earlier(1), tpm.today]);

    // The contractor browses MOB only: their history counts MOB alone, and no other project's key shows.
    const contractor = ok(await call('status/get', { programId }, CONTRACTOR));
    const mob = snapshot.projects.MOB;
    expect(contractor.burnUp.points[0]?.scopeIssues).toBe(mob?.issues ?? 0);
    expect(contractor.initiatives.every((r) => r.key.startsWith('MOB-'))).toBe(true);
    const text = JSON.stringify(contractor);
    for (const project of ['PAY', 'ID', 'DATA', 'PLAT'])
      expect(text).not.toMatch(new RegExp(`\\b${project}-\\d+`));
  });
});

describe('who may do what', () => {
  it('refuses someone with no role in the program everything', async () => {
    const outsider = stack.emulator.site().users.find((u) => !u.email?.endsWith('@example.com')) ?? {
      accountId: '557058:not-in-the-program',
    };
    const before = kvsNow();
    for (const [key, payload] of [
      ['status/get', { programId }],
      ['status/initiative', { programId, key: 'PAY-1' }],
      ['status/thresholds/set', { programId, expectedVersion: 1, thresholds: DEFAULT_RAG_THRESHOLDS }],
    ] as const) {
      const envelope = (await stack.runtime.invoke(handler, {
        key,
        payload,
        accountId: outsider.accountId,
      })) as Envelope<unknown>;
      expect([key, errorOf(envelope)]).toEqual([key, 'FORBIDDEN']);
    }
    expect(kvsNow()).toBe(before);
  });

  it('lets a stakeholder read the status but only owners set thresholds', async () => {
    const view = ok(await call('status/get', { programId }, STAKEHOLDER));
    expect(view.canEditThresholds).toBe(false);
    expect(view.roles).toEqual(['stakeholder']);
    const before = kvsNow();
    for (const email of [STAKEHOLDER, LEAD]) {
      const refused = await call(
        'status/thresholds/set',
        { programId, expectedVersion: view.programVersion, thresholds: DEFAULT_RAG_THRESHOLDS },
        email,
      );
      expect(errorOf(refused)).toBe('FORBIDDEN');
    }
    expect(kvsNow()).toBe(before);
  });
});

describe('setting thresholds', () => {
  const valid = (): RagThresholds => ({ ...DEFAULT_RAG_THRESHOLDS, behindAmber: 5, behindRed: 15 });

  it.each([
    ['red before amber', { behindAmber: 30, behindRed: 20 }, 'thresholds.behindRed'],
    ['a severity in both', { riskAmber: ['high'], riskRed: ['high'] }, 'thresholds.riskRed'],
    ['an unknown severity', { riskRed: ['catastrophic'] }, 'thresholds.riskRed.0'],
    ['a negative bound', { behindAmber: -1 }, 'thresholds.behindAmber'],
    ['a fraction of a day', { milestoneSlipAmberDays: 1.5 }, 'thresholds.milestoneSlipAmberDays'],
    ['an unknown field', { extra: 1 }, 'thresholds'],
  ])('refuses %s with a typed error and changes nothing', async (_what, change, path) => {
    const view = ok(await call('status/get', { programId }));
    const before = kvsNow();
    const refused = await stack.invokeRaw('status/thresholds/set', {
      programId,
      expectedVersion: view.programVersion,
      thresholds: { ...valid(), ...change },
    });
    expect(refused.success ? null : refused.errors[0]).toMatchObject({ errorType: 'VALIDATION', path });
    expect(kvsNow()).toBe(before);
  });

  it('refuses a write naming an older version of the program', async () => {
    const view = ok(await call('status/get', { programId }));
    const before = kvsNow();
    const stale = await call('status/thresholds/set', {
      programId,
      expectedVersion: view.programVersion - 1,
      thresholds: valid(),
    });
    expect(errorOf(stale)).toBe('CONFLICT');
    expect(kvsNow()).toBe(before);
  });

  it('keeps an owner’s thresholds on the program and uses them from the next read', async () => {
    const view = ok(await call('status/get', { programId }));
    const saved = ok(
      await call('status/thresholds/set', {
        programId,
        expectedVersion: view.programVersion,
        thresholds: valid(),
      }),
    );
    expect(saved.programVersion).toBe(view.programVersion + 1);
    const again = ok(await call('status/get', { programId }));
    expect(again.thresholds).toEqual(valid());
    expect(again.thresholdsAreDefaults).toBe(false);
    expect(ok(await call('program/get', { programId })).program.ragThresholds).toEqual(valid());
  });
});
