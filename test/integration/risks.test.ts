// The risk & problem register end to end: the demo program with its 2027-Q1 plan (a dependency cycle, a
// declined commitment) on the emulator, today pinned mid-quarter, the real resolvers, services and adapters on
// the local Forge runtime. The emulator's admin API changes Jira so conditions clear and come back.
import { DEMO_PROGRAM } from '../../dev/seed';
import { DEMO_PLAN_QUARTER } from '../../dev/seed/demo-plan';
import { DEMO_LEAD_EMAILS } from '../../dev/seed/users';
import type { Envelope, RegisterRisk, RiskRegisterView } from '../../src/contract';
import { executionDaily } from '../../src/triggers/execution-daily';
import { validateRequest, validateResponse } from '../contract/openapi';
import { accountIdOf, pinToday, startAppStack, type AppStack } from '../support/app-stack';

// Wednesday of the third two-week sprint of 2027-Q1: the demo plan is in force, its session long past.
const TODAY = '2027-02-10T09:00:00.000Z';
const programId = DEMO_PROGRAM.id;
const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';
const CONTRACTOR = 'contractor@example.com';

let stack: AppStack;
let declined: { from: string; to: string };
let cycle: string[];

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${stack.emulator.url}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}
const errorOf = (envelope: Envelope<unknown>) =>
  envelope.success ? 'success' : envelope.errors[0]?.errorType;
const kvs = () => JSON.stringify(stack.runtime.kvs.snapshot());

/** Viewers whose browse rights the app was asked (it remembers them for a minute). */
const asked = new Set<string>();
const registerAs = async (email = TPM): Promise<RiskRegisterView> => {
  asked.add(email);
  return ok(await stack.invoke('risks/get', { programId }, email));
};
const detect = async () => ok(await stack.invoke('risks/detect', { programId }, TPM));

async function riskBy(fingerprint: string, email = TPM): Promise<RegisterRisk> {
  const found = (await registerAs(email)).risks.find((r) => r.fingerprint === fingerprint);
  if (!found) throw new Error(`No risk ${fingerprint} in the register`);
  return found;
}

const declinedPrint = () => `commitment-declined:${declined.from}>${declined.to}`;
const cyclePrint = () => `dependency-cycle:${[...new Set(cycle)].sort().join(',')}`;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  pinToday(TODAY);
  stack = await startAppStack({ demoPlan: true });
  const plan = ok(await stack.invoke('plan/get', { programId, quarter: DEMO_PLAN_QUARTER }));
  const dependency = plan.dependencies.find((d) => d.commitment?.status === 'declined');
  if (!dependency) throw new Error('The demo plan has no declined commitment.');
  declined = { from: dependency.from, to: dependency.to };
  // The generated site may have finished either end already; a finished dependency threatens nothing, so
  // the demo's declined commitment is made a live one: both ends under way.
  for (const key of [declined.from, declined.to])
    await admin('PATCH', `issues/${key}`, { status: 'In Progress' });
  cycle = stack.emulator.site().program.cycle;
}, 120_000);
afterAll(async () => {
  await stack?.close();
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('detecting risks on the demo program', () => {
  it('shows what detection finds before the first sync, then registers it with Detect now', async () => {
    const before = await registerAs();
    expect(before.risks.every((r) => r.source === 'manual')).toBe(true);
    expect(before.pending.map((p) => p.fingerprint)).toEqual(
      expect.arrayContaining([declinedPrint(), cyclePrint()]),
    );
    expect(before.canDetect).toBe(true);

    const sync = await detect();
    expect(sync.opened.length).toBe(before.pending.length);

    const after = await registerAs();
    expect(after.pending).toEqual([]);
    const declinedRisk = after.risks.find((r) => r.fingerprint === declinedPrint());
    const cycleRisk = after.risks.find((r) => r.fingerprint === cyclePrint());
    expect(declinedRisk).toMatchObject({ source: 'detected', status: 'open', rule: 'commitment-declined' });
    expect(declinedRisk?.reason).toContain(`declined to deliver ${declined.from} for ${declined.to}`);
    expect(declinedRisk?.reason).toContain('No capacity before March');
    expect(cycleRisk?.reason).toContain('wait for one another');
    expect(cycleRisk?.history).toEqual([
      { at: sync.detectedAt, by: null, from: null, to: 'open', note: 'detected' },
    ]);
    // Worst first: the cycle (5 × 4) before the declined commitment's neighbours of lower score.
    const scores = after.risks.filter((r) => r.status !== 'closed').map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(after.heatMap[3]?.[4]).toEqual(expect.arrayContaining([cycleRisk?.id, declinedRisk?.id]));
  });

  it('writes nothing when detection runs again on an unchanged Jira', async () => {
    const before = kvs();
    const again = await detect();
    expect(again.opened).toEqual([]);
    expect([...again.refreshed, ...again.closed, ...again.reopened, ...again.conflicts]).toEqual([]);
    expect(again.unchanged).toBeGreaterThan(0);
    expect(kvs()).toBe(before);
  });

  it('closes a risk whose condition cleared in Jira, keeps its history, and reopens it when it comes back', async () => {
    const [a, b] = cycle;
    const link = stack.emulator.site().links.find((l) => l.sourceKey === a && l.targetKey === b);
    if (!link || !a || !b) throw new Error('No Jira link closes the demo cycle.');
    await admin('DELETE', `links/${link.id}`);

    const cleared = await detect();
    const risk = await riskBy(cyclePrint());
    expect(cleared.closed).toContain(risk.id);
    expect(risk.status).toBe('closed');
    expect(risk.clearedAt).toBe(cleared.detectedAt);
    expect(risk.history?.map((h) => [h.from, h.to, h.note])).toEqual([
      [null, 'open', 'detected'],
      ['open', 'closed', 'condition cleared'],
    ]);
    expect((await registerAs()).heatMap.flat(2)).not.toContain(risk.id);

    await admin('POST', 'links', { type: 'Blocks', source: a, target: b });
    expect((await registerAs()).pending.find((p) => p.fingerprint === cyclePrint())?.reopens).toBe(true);
    const back = await detect();
    const reopened = await riskBy(cyclePrint());
    expect(back.reopened).toContain(risk.id);
    expect(reopened.id).toBe(risk.id);
    expect(reopened.status).toBe('open');
    expect(reopened.clearedAt).toBeUndefined();
    expect(reopened.history?.map((h) => h.to)).toEqual(['open', 'closed', 'open']);
  });

  it('syncs from the daily trigger too, as the app', async () => {
    await admin('PATCH', `issues/${declined.to}`, { status: 'Done' });
    await stack.runtime.runTrigger(executionDaily);
    const risk = await riskBy(declinedPrint());
    expect(risk.status).toBe('closed');
    expect(risk.history?.at(-1)?.note).toBe('condition cleared');

    await admin('PATCH', `issues/${declined.to}`, { status: 'In Progress' });
    await stack.runtime.runTrigger(executionDaily);
    expect((await riskBy(declinedPrint())).status).toBe('open');
  });
});

describe('who may detect', () => {
  it.each([STAKEHOLDER, 'lead.payments@example.com', CONTRACTOR, 'sponsor@example.com'])(
    'refuses Detect now to %s and changes nothing',
    async (email) => {
      const before = kvs();
      expect(errorOf(await stack.invoke('risks/detect', { programId }, email))).toBe('FORBIDDEN');
      expect((await registerAs(email)).canDetect).toBe(false);
      expect(kvs()).toBe(before);
    },
  );
});

describe('problems', () => {
  const projectOf = (key: string) => key.slice(0, key.lastIndexOf('-'));
  const leadOfDependent = () => DEMO_LEAD_EMAILS[projectOf(declined.to)] ?? '';
  const otherLead = () =>
    Object.entries(DEMO_LEAD_EMAILS).find(
      ([project]) => project !== projectOf(declined.from) && project !== projectOf(declined.to),
    )?.[1] ?? '';

  it('lets a lead of a team the risk concerns record it as a problem, refused to a lead of another team', async () => {
    const risk = await riskBy(declinedPrint(), leadOfDependent());
    expect(risk.canManageProblem).toBe(true);
    const record = {
      programId,
      riskId: risk.id,
      expectedVersion: risk.version,
      description: 'The dependency was not delivered for the March release.',
      ownerAccountId: accountIdOf(TPM),
    };
    const before = kvs();
    expect((await riskBy(declinedPrint(), otherLead())).canManageProblem).toBe(false);
    expect(errorOf(await stack.invoke('risks/problem/record', record, otherLead()))).toBe('FORBIDDEN');
    expect(errorOf(await stack.invoke('risks/problem/record', record, STAKEHOLDER))).toBe('FORBIDDEN');
    expect(kvs()).toBe(before);

    const { risk: problem } = ok(await stack.invoke('risks/problem/record', record, leadOfDependent()));
    expect(problem.status).toBe('happened');
    expect(problem.problem).toMatchObject({
      description: record.description,
      resolution: '',
      resolvedAt: null,
    });
    expect(problem.history?.at(-1)).toMatchObject({ from: 'open', to: 'happened' });
  });

  it('is never closed by detection when its condition clears', async () => {
    await admin('PATCH', `issues/${declined.to}`, { status: 'Done' });
    const sync = await detect();
    const risk = await riskBy(declinedPrint());
    expect(sync.cleared).toContain(risk.id);
    expect(risk.status).toBe('happened');
    expect(risk.clearedAt).toBe(sync.detectedAt);
  });

  it('is resolved with a resolution and a date, on the version read; a stale version changes nothing', async () => {
    const risk = await riskBy(declinedPrint());
    const update = {
      programId,
      riskId: risk.id,
      expectedVersion: risk.version,
      resolution: 'Identity moved the work into Sprint 5; release slipped a week.',
      resolvedAt: '2027-02-12',
    };
    const { risk: resolved } = ok(await stack.invoke('risks/problem/update', update));
    expect(resolved.status).toBe('closed');
    expect(resolved.problem).toMatchObject({ resolution: update.resolution, resolvedAt: '2027-02-12' });
    expect(resolved.history?.at(-1)).toMatchObject({
      from: 'happened',
      to: 'closed',
      note: 'problem resolved',
    });

    const before = kvs();
    const stale = await stack.invoke('risks/problem/update', { ...update, resolution: 'Something else' });
    expect(errorOf(stale)).toBe('CONFLICT');
    expect(kvs()).toBe(before);
  });
});

describe('refused requests', () => {
  it.each([
    ['risks/get', { programId: 'Not A Slug' }, 'VALIDATION'],
    ['risks/get', { programId, extra: 1 }, 'VALIDATION'],
    ['risks/detect', {}, 'VALIDATION'],
    ['risks/get', { programId: 'no-such-program' }, 'NOT_FOUND'],
    [
      'risks/problem/record',
      { programId, riskId: 'risk-psp', expectedVersion: 1, description: '  ', ownerAccountId: 'x' },
      'VALIDATION',
    ],
    [
      'risks/problem/record',
      {
        programId,
        riskId: 'no-such-risk',
        expectedVersion: 1,
        description: 'x',
        ownerAccountId: '5d53f3cbc6b9320d9ea5bdc2',
      },
      'NOT_FOUND',
    ],
    [
      'risks/problem/record',
      {
        programId,
        riskId: 'risk-psp',
        expectedVersion: 1,
        description: 'x',
        ownerAccountId: 'not-in-the-program',
      },
      'VALIDATION',
    ],
    [
      'risks/problem/record',
      {
        programId,
        riskId: 'risk-psp',
        expectedVersion: 9,
        description: 'x',
        ownerAccountId: '5d53f3cbc6b9320d9ea5bdc2',
      },
      'CONFLICT',
    ],
    [
      'risks/problem/update',
      { programId, riskId: 'risk-psp', expectedVersion: 1, resolution: 'r', resolvedAt: '2027-02-30' },
      'VALIDATION',
    ],
    [
      'risks/problem/update',
      { programId, riskId: 'risk-psp', expectedVersion: 1, resolution: 'r', resolvedAt: null },
      'VALIDATION',
    ],
    [
      'risks/problem/update',
      { programId, riskId: 'risk-psp', expectedVersion: 1, resolution: 'r' },
      'VALIDATION',
    ],
  ] as const)('%s %j answers %s and changes nothing', async (key, payload, errorType) => {
    const before = kvs();
    const answer = await stack.invokeRaw(key, payload, TPM);
    expect(errorOf(answer)).toBe(errorType);
    if (!answer.success) expect(answer.errors[0]?.message).toBeTruthy();
    expect(kvs()).toBe(before);
  });

  it('refuses resolving a problem before it happened, naming the field', async () => {
    const risk = await riskBy(declinedPrint());
    const before = kvs();
    const answer = await stack.invoke('risks/problem/update', {
      programId,
      riskId: risk.id,
      expectedVersion: risk.version,
      resolution: 'r',
      resolvedAt: '2027-01-01',
    });
    expect(answer.success ? undefined : answer.errors[0]).toMatchObject({
      errorType: 'VALIDATION',
      path: 'resolvedAt',
    });
    expect(kvs()).toBe(before);
  });
});

describe('what each viewer sees', () => {
  it('shows a viewer who browses only MOB the detected risks naming MOB alone, and says how many are hidden', async () => {
    const all = await registerAs(TPM);
    const mine = await registerAs(CONTRACTOR);
    const detected = mine.risks.filter((r) => r.source === 'detected');
    expect(detected.length).toBeGreaterThan(0);
    for (const risk of [...detected, ...mine.pending])
      for (const key of risk.initiativeKeys ?? []) expect(key).toMatch(/^MOB-/);
    expect(mine.risks.filter((r) => r.source === 'manual')).toHaveLength(3);
    expect(mine.hidden).toBe(all.risks.length + all.pending.length - mine.risks.length - mine.pending.length);
    expect(mine.hidden).toBeGreaterThan(0);
    expect(
      mine.heatMap.flat(2).every((id) => [...mine.risks, ...mine.pending].some((r) => r.id === id)),
    ).toBe(true);
  });

  it('treats a risk the viewer may not see as missing', async () => {
    const hidden = (await registerAs(TPM)).risks.find(
      (r) => r.source === 'detected' && (r.initiativeKeys ?? []).some((k) => !k.startsWith('MOB-')),
    );
    if (!hidden) throw new Error('Every detected risk names MOB only.');
    const answer = await stack.invoke(
      'risks/problem/record',
      {
        programId,
        riskId: hidden.id,
        expectedVersion: hidden.version,
        description: 'x',
        ownerAccountId: hidden.ownerAccountId ?? '',
      },
      CONTRACTOR,
    );
    expect(errorOf(answer)).toBe('NOT_FOUND');
  });

  it('asks Jira only what the official OpenAPI spec allows, and reads answers of its shape', async () => {
    // A viewer whose browse rights the app has not asked (and remembered) yet.
    const viewer = Object.values(DEMO_LEAD_EMAILS).find((e) => !asked.has(e));
    if (!viewer) throw new Error('Every lead has been asked already.');
    await registerAs(viewer);
    await detect();
    // Every call this file's app made: project ids by key are remembered per site for ten minutes, so the
    // first search for them may be an earlier test's.
    const from = 0;
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const x of stack.exchanges.slice(from)) {
      if (x.path.startsWith('/__emulator')) continue;
      seen.add(x.operationId);
      const contentType = x.requestHeaders['content-type'];
      problems.push(
        ...validateRequest({
          method: x.method,
          path: x.path,
          query: x.query,
          body: x.requestBody,
          ...(contentType ? { contentType } : {}),
        }),
        ...validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
      );
    }
    expect(problems).toEqual([]);
    expect([...seen]).toEqual(expect.arrayContaining(['searchProjects', 'getBulkPermissions']));
    expect((await stack.stats()).unmodelled).toEqual({});
  });
});
