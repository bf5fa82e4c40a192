// Completion end to end on the emulator: the demo program's 2027-Q1 plan is baselined, some work is resolved
// in Jira (one initiative three days late) and one initiative dropped from the plan; then the TPM and the
// teams assess goals and criteria, record lessons and an improvement plan, hand over to support, publish the
// completion report and close the program — which makes every change, in every area, refuse with
// PROGRAM_CLOSED and change nothing, until an owner reopens it. Real resolvers, services and adapters.
import { DEMO_PROGRAM } from '../../dev/seed';
import type {
  Baseline,
  CompletionRecords,
  CompletionView,
  Envelope,
  QuarterPlanView,
  RequestOf,
  ResolverKey,
} from '../../src/contract';
import { accountIdOf, startAppStack, type AppStack, patchEmulatorIssue } from '../support/app-stack';

const programId = DEMO_PROGRAM.id;
const quarter = '2027-Q1';
// After the quarter: its work is history, and the analysis does not depend on the day the test runs.
const TODAY = '2027-04-20T09:00:00.000Z';
const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';
const SPONSOR = 'sponsor@example.com';
const LEAD_PAY = 'lead.payments@example.com';
const LEAD_ID = 'lead.identity@example.com';
const LEAD_PLAT = 'lead.platform@example.com';

let stack: AppStack;
let baseline: Baseline;
/** The initiative resolved three days after its baseline end. */
let lateKey = '';
let lateChildren: string[] = [];
/** The initiative dropped from the plan after the baseline. */
let droppedKey = '';

function pinToday(iso: string): void {
  // Date only: timers stay real, and the clock runs on from `iso`.
  jest.useFakeTimers({
    now: new Date(iso),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}
const failure = (envelope: Envelope<unknown>) => (envelope.success ? undefined : envelope.errors[0]);
const errorOf = (envelope: Envelope<unknown>) => failure(envelope)?.errorType ?? 'success';
const snapshot = () => JSON.stringify(stack.runtime.kvs.snapshot());

async function call<K extends ResolverKey>(key: K, payload: RequestOf<K>, email = TPM) {
  return stack.invoke(key, payload, email);
}
const completionAs = async (email = TPM): Promise<CompletionView> =>
  ok(await call('completion/get', { programId }, email));
const planAs = async (email = TPM): Promise<QuarterPlanView> =>
  ok(await call('plan/get', { programId, quarter }, email));

const patchIssue = (key: string, change: Record<string, unknown>) =>
  patchEmulatorIssue(stack.emulator.url, key, change);

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Whether the app defines a resolver key (an area another slice is still building may not, yet). */
async function isRegistered(key: string): Promise<boolean> {
  try {
    await stack.invokeRaw(key, { probe: true });
    return true;
  } catch (error) {
    if (error instanceof Error && /has no definition/.test(error.message)) return false;
    throw error;
  }
}

/** Refused as `errorType`, and nothing stored changed. */
async function expectRefused(
  run: () => Promise<Envelope<unknown>>,
  errorType: string,
  path?: string,
): Promise<void> {
  const before = snapshot();
  const envelope = await run();
  expect(errorOf(envelope)).toBe(errorType);
  if (path !== undefined) expect(failure(envelope)?.path).toBe(path);
  expect(snapshot()).toBe(before);
}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  pinToday(TODAY);
  stack = await startAppStack({ demoPlan: true });

  // The TPM freezes the plan as agreed, then drops one placed initiative from it.
  let plan = await planAs();
  plan = ok(
    await call('plan/baseline/freeze', {
      programId,
      quarter,
      expectedVersion: plan.plan.version,
      note: 'Agreed',
    }),
  );
  const frozen = plan.plan.baselines.at(-1);
  if (!frozen) throw new Error('No baseline was frozen');
  baseline = ok(await call('plan/baseline/get', { programId, quarter, baselineId: frozen.id }));
  const placed = baseline.schedule.filter((e) => e.startSprint !== null && e.endSprint !== null);
  const site = stack.emulator.site();
  const childrenOf = (key: string) =>
    site.issues.filter((i) => i.parentKey === key || i.epicLinkKey === key).map((i) => i.key);
  const late = placed.find((e) => childrenOf(e.key).length > 0);
  const dropped = placed.find((e) => e.key !== late?.key);
  if (!late || !dropped) throw new Error('The baseline places too few initiatives');
  lateKey = late.key;
  droppedKey = dropped.key;
  ok(
    await call('plan/initiatives/set', {
      programId,
      quarter,
      expectedVersion: plan.plan.version,
      initiatives: plan.plan.initiatives
        .filter((i) => i.key !== droppedKey)
        .map((i) => ({ key: i.key, priority: i.priority })),
    }),
  );

  // In Jira: the late initiative's children are done in its first sprint, the epic three days after its planned end.
  const firstSprint = baseline.sprints[late.startSprint ?? 0]!;
  const plannedEnd = baseline.sprints[late.endSprint ?? 0]!.end;
  lateChildren = childrenOf(lateKey);
  for (const child of lateChildren)
    await patchIssue(child, { status: 'Done', resolutionDate: `${firstSprint.start}T10:00:00.000Z` });
  await patchIssue(lateKey, { status: 'Done', resolutionDate: `${addDays(plannedEnd, 3)}T12:00:00.000Z` });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('the completion of the demo program', () => {
  it('lists every goal and success criterion, none assessed yet, and what closing needs', async () => {
    const view = await completionAs(STAKEHOLDER);
    expect(view.assessments.map((r) => r.subject.kind)).toEqual(['goal', 'goal', 'criterion', 'criterion']);
    expect(view.assessments.map((r) => r.statement)).toContain('Unified checkout live in two pilot markets');
    expect(view.counts).toEqual({ met: 0, partly: 0, missed: 0, unassessed: 4 });
    expect(view.readiness.missing).toEqual([
      'An assessment of 2 goal(s)',
      'At least one lesson learned',
      'A transition to support accepted by the receiving team, or waived with a reason',
    ]);
    expect(view.readiness.ready).toBe(false);
    expect(view).toMatchObject({ canEdit: false, canAddLessons: false, canReopen: false, closed: false });
    expect((await completionAs(TPM)).canEdit).toBe(true);
    expect((await completionAs(LEAD_PAY)).canAddLessons).toBe(true);
  });

  it('analyses planned against actual dates, scope change, estimate accuracy and throughput from Jira', async () => {
    const { analysis } = await completionAs();
    expect(analysis.asOf).toBe('2027-04-20');
    const late = analysis.initiatives.find((d) => d.key === lateKey);
    expect(late).toMatchObject({
      plannedFrom: 'baseline',
      plannedQuarter: quarter,
      outcome: 'late',
      slipDays: 3,
    });

    const q1 = analysis.scopeChange.find((q) => q.quarter === quarter);
    expect(q1?.baseline).not.toBeNull();
    expect(q1?.removed.map((d) => d.key)).toEqual([droppedKey]);
    expect(q1?.added).toEqual([]);
    expect(q1?.currentCount).toBe((q1?.baselineCount ?? 0) - 1);

    const lateTeam = baseline.estimates.find((e) => e.initiativeKey === lateKey)?.teamId;
    const accuracy = analysis.estimateAccuracy.find((t) => t.teamId === lateTeam);
    expect(accuracy?.rows.find((r) => r.key === lateKey)?.actualSprints).toBeGreaterThanOrEqual(1);
    expect(accuracy?.measured).toBeGreaterThanOrEqual(1);

    // Throughput per sprint is what Jira says was resolved in it, children of the initiatives in scope.
    const site = stack.emulator.site();
    const inScope = new Set(analysis.initiatives.map((d) => d.key));
    const resolved = site.issues.filter(
      (i) =>
        i.resolutionDate !== null &&
        ((i.parentKey !== null && inScope.has(i.parentKey)) ||
          (i.epicLinkKey !== null && inScope.has(i.epicLinkKey))),
    );
    for (const sprint of analysis.throughput.sprints) {
      const expected = resolved.filter((i) => {
        const day = i.resolutionDate!.slice(0, 10);
        return sprint.start <= day && day <= sprint.end;
      });
      expect(sprint.resolved).toBe(expected.length);
    }
    const first = baseline.sprints[0]!;
    const firstSprint = analysis.throughput.sprints.find((s) => s.start === first.start);
    expect(firstSprint?.resolved).toBeGreaterThanOrEqual(lateChildren.length);
    expect(analysis.gaps.some((g) => /never baselined/.test(g))).toBe(false);
  });

  it('records an owner’s verdict with its evidence, one per goal, at its version', async () => {
    const subject = { kind: 'goal' as const, goalId: 'goal-conversion' };
    const fields = {
      verdict: 'met' as const,
      measuredValue: '2.7',
      evidence: [lateKey, 'https://grafana.example.com/d/checkout?range=30d'],
      note: 'Held for four weeks after launch.',
    };
    const saved = ok(await call('completion/assessment/save', { programId, subject, fields }));
    const row = saved.assessments.find(
      (r) => r.subject.kind === 'goal' && r.subject.goalId === 'goal-conversion',
    );
    expect(row?.assessment).toMatchObject({
      verdict: 'met',
      measuredValue: '2.7',
      evidence: [
        { kind: 'issue', key: lateKey },
        { kind: 'link', url: 'https://grafana.example.com/d/checkout?range=30d' },
      ],
      assessedBy: accountIdOf(TPM),
      version: 1,
    });
    expect(saved.counts.met).toBe(1);

    // A second "new" assessment of the same goal, or an edit at an old version, is someone else's change.
    await expectRefused(() => call('completion/assessment/save', { programId, subject, fields }), 'CONFLICT');
    const edited = ok(
      await call('completion/assessment/save', {
        programId,
        subject,
        expectedVersion: 1,
        fields: { ...fields, verdict: 'partly' },
      }),
    );
    expect(edited.counts).toMatchObject({ met: 0, partly: 1 });
    await expectRefused(
      () => call('completion/assessment/save', { programId, subject, expectedVersion: 1, fields }),
      'CONFLICT',
    );

    const criterion = saved.assessments.find((r) => r.subject.kind === 'criterion')!;
    ok(
      await call('completion/assessment/save', {
        programId,
        subject: criterion.subject,
        fields: {
          verdict: 'missed',
          measuredValue: '1 market',
          evidence: [],
          note: 'Second market slipped.',
        },
      }),
    );
  });

  it('refuses bad assessments with a typed error naming the field, and changes nothing', async () => {
    const subject = { kind: 'goal' as const, goalId: 'goal-launch' };
    const fields = { verdict: 'met' as const, measuredValue: '5', evidence: [], note: '' };
    const bad = (payload: unknown) => () => stack.invokeRaw('completion/assessment/save', payload);
    await expectRefused(
      bad({ programId, subject, fields: { ...fields, evidence: ['javascript:alert(1)'] } }),
      'VALIDATION',
      'fields.evidence.0',
    );
    await expectRefused(
      bad({ programId, subject, fields: { ...fields, verdict: 'great' } }),
      'VALIDATION',
      'fields.verdict',
    );
    await expectRefused(bad({ programId, subject, fields: { ...fields, extra: 1 } }), 'VALIDATION');
    await expectRefused(
      bad({ programId, subject: { kind: 'goal', goalId: 'no-such-goal' }, fields }),
      'VALIDATION',
      'subject',
    );
    await expectRefused(
      bad({ programId, subject: { kind: 'criterion', quarter: '2027-Q3', criterionId: 'c1' }, fields }),
      'VALIDATION',
      'subject',
    );
    await expectRefused(
      () => call('completion/assessment/save', { programId, subject, fields }, STAKEHOLDER),
      'FORBIDDEN',
    );
    await expectRefused(
      () => call('completion/assessment/save', { programId, subject, fields }, LEAD_PAY),
      'FORBIDDEN',
    );
  });

  it('lets team leads add lessons and change their own; owners keep the improvement plan', async () => {
    const lesson = {
      category: 'to-improve' as const,
      whatHappened: 'Estimates ran two sprints long',
      learned: 'Estimate against a reference class',
    };
    let records: CompletionRecords = ok(
      await call('completion/lesson/save', { programId, fields: lesson }, LEAD_PAY),
    );
    const written = records.lessons.find((l) => l.whatHappened === lesson.whatHappened)!;
    expect(written).toMatchObject({ createdBy: accountIdOf(LEAD_PAY), version: 1 });
    expect(records.editableLessonIds).toEqual([written.id]);

    await expectRefused(
      () => call('completion/lesson/save', { programId, fields: lesson }, STAKEHOLDER),
      'FORBIDDEN',
    );
    await expectRefused(
      () =>
        call(
          'completion/lesson/save',
          { programId, id: written.id, expectedVersion: 1, fields: lesson },
          LEAD_ID,
        ),
      'FORBIDDEN',
    );
    await expectRefused(
      () =>
        stack.invokeRaw('completion/lesson/save', { programId, fields: { ...lesson, whatHappened: '  ' } }),
      'VALIDATION',
      'fields.whatHappened',
    );
    records = ok(
      await call('completion/lesson/save', {
        programId,
        id: written.id,
        expectedVersion: 1,
        fields: { ...lesson, learned: 'Estimate with a reference class, per team' },
      }),
    );
    expect(records.lessons.find((l) => l.id === written.id)).toMatchObject({
      updatedBy: accountIdOf(TPM),
      version: 2,
    });
    ok(
      await call(
        'completion/lesson/save',
        {
          programId,
          fields: {
            category: 'went-well',
            whatHappened: 'The alignment session',
            learned: 'Commit in the room',
          },
        },
        LEAD_ID,
      ),
    );

    const action = {
      action: 'Reference-class estimates in planning',
      ownerAccountId: accountIdOf(LEAD_PAY),
      dueDate: '2027-06-30',
      status: 'open' as const,
      lessonId: written.id,
    };
    await expectRefused(
      () => call('completion/action/save', { programId, fields: action }, LEAD_PAY),
      'FORBIDDEN',
    );
    await expectRefused(
      () => call('completion/action/save', { programId, fields: { ...action, lessonId: 'no-such-lesson' } }),
      'VALIDATION',
      'fields.lessonId',
    );
    await expectRefused(
      () =>
        stack.invokeRaw('completion/action/save', {
          programId,
          fields: { ...action, dueDate: '2027-02-30' },
        }),
      'VALIDATION',
      'fields.dueDate',
    );
    records = ok(await call('completion/action/save', { programId, fields: action }));
    const saved = records.actions.find((a) => a.action === action.action)!;
    expect(saved).toMatchObject({ status: 'open', overdue: false, lessonId: written.id });

    // The plan keeps its why: the lesson stays while an action follows from it.
    await expectRefused(
      () => call('completion/lesson/delete', { programId, id: written.id, expectedVersion: 2 }),
      'VALIDATION',
      'id',
    );
    records = ok(
      await call('completion/action/save', {
        programId,
        id: saved.id,
        expectedVersion: 1,
        fields: { ...action, status: 'in-progress' },
      }),
    );
    expect(records.actions.find((a) => a.id === saved.id)?.status).toBe('in-progress');
    const extra = ok(
      await call('completion/action/save', {
        programId,
        fields: { ...action, action: 'Typo', lessonId: null },
      }),
    );
    const typo = extra.actions.find((a) => a.action === 'Typo')!;
    await expectRefused(
      () => call('completion/action/delete', { programId, id: typo.id, expectedVersion: 7 }),
      'CONFLICT',
    );
    expect(
      ok(await call('completion/action/delete', { programId, id: typo.id, expectedVersion: 1 })).actions.map(
        (a) => a.action,
      ),
    ).not.toContain('Typo');
  });

  it('hands over to support and records the receiving team’s acceptance, asking again when the terms change', async () => {
    const fields = {
      receivingTeam: 'Platform SRE',
      contactAccountId: accountIdOf(LEAD_PLAT),
      items: [lateKey, 'Checkout dashboards and alerts'],
      links: [
        {
          kind: 'runbook' as const,
          label: 'On-call runbook',
          url: 'https://wiki.example.com/checkout-runbook',
        },
      ],
      handoverDate: '2027-04-15',
      waiverReason: null,
    };
    await expectRefused(
      () => call('completion/handover/save', { programId, fields }, LEAD_PLAT),
      'FORBIDDEN',
    );
    await expectRefused(
      () =>
        stack.invokeRaw('completion/handover/save', {
          programId,
          fields: { ...fields, links: [{ kind: 'runbook', label: 'x', url: 'javascript:alert(1)' }] },
        }),
      'VALIDATION',
      'fields.links.0.url',
    );
    await expectRefused(
      () => call('completion/handover/save', { programId, fields: { ...fields, receivingTeam: '' } }),
      'VALIDATION',
      'fields.receivingTeam',
    );
    let records = ok(await call('completion/handover/save', { programId, fields }));
    expect(records.handover).toMatchObject({
      items: [
        { kind: 'issue', key: lateKey },
        { kind: 'description', text: 'Checkout dashboards and alerts' },
      ],
      acceptance: { status: 'pending' },
      version: 1,
    });
    expect(records.readiness.handover).toBe('pending');
    expect((await completionAs(LEAD_PLAT)).canAnswerHandover).toBe(true);
    expect((await completionAs(LEAD_PAY)).canAnswerHandover).toBe(false);

    await expectRefused(
      () =>
        call(
          'completion/handover/accept',
          { programId, expectedVersion: 1, decision: 'accepted', note: '' },
          LEAD_PAY,
        ),
      'FORBIDDEN',
    );
    await expectRefused(
      () =>
        call(
          'completion/handover/accept',
          { programId, expectedVersion: 1, decision: 'rejected', note: ' ' },
          LEAD_PLAT,
        ),
      'VALIDATION',
      'note',
    );
    records = ok(
      await call(
        'completion/handover/accept',
        { programId, expectedVersion: 1, decision: 'accepted', note: '' },
        LEAD_PLAT,
      ),
    );
    expect(records.handover?.acceptance).toMatchObject({ status: 'accepted', by: accountIdOf(LEAD_PLAT) });

    records = ok(
      await call('completion/handover/save', {
        programId,
        expectedVersion: 2,
        fields: { ...fields, items: [...fields.items, 'Refunds service'] },
      }),
    );
    expect(records.handover?.acceptance.status).toBe('pending');
    records = ok(
      await call(
        'completion/handover/accept',
        { programId, expectedVersion: 3, decision: 'accepted', note: 'Runbook reviewed' },
        LEAD_PLAT,
      ),
    );
    expect(records.readiness.handover).toBe('accepted');
    expect(records.readiness.missing).toEqual(['An assessment of 1 goal(s)']);
  });

  it('publishes the completion report to Confluence under the charter', async () => {
    const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG');
    if (!space) throw new Error('no PROG space');
    ok(
      await call('publish/target/save', {
        programId,
        spaceId: space.id,
        parentPageId: space.homepageId,
        reportCadence: 'weekly',
      }),
    );
    const run = ok(await call('publish/now', { programId }));
    const published = run.pages.find((p) => p.artifact === 'completion');
    const charter = run.pages.find((p) => p.artifact === 'charter');
    expect(published?.title).toBe(`${DEMO_PROGRAM.name} — Completion report`);
    const page = stack.emulator.site().pages.find((p) => p.id === published?.pageId);
    expect(page?.parentId).toBe(charter?.pageId);
    expect(page?.body).toContain('Estimate with a reference class, per team');
    expect(page?.body).toContain('<ac:parameter ac:name="title">partly</ac:parameter>');
    expect(page?.body).toContain('<ac:parameter ac:name="title">not assessed</ac:parameter>');
    expect(page?.body).toContain('Platform SRE');
    expect(page?.body).toContain(`/browse/${lateKey}">${lateKey}</a>`);
    const attachments = stack.emulator.site().attachments.filter((a) => a.pageId === page?.id);
    expect(attachments.map((a) => a.title)).toContain('throughput.svg');
  });

  it('closes only from Completion, through the gate, with a reason for what is missing', async () => {
    let program = ok(await call('program/get', { programId })).program;
    await expectRefused(
      () => call('program/close', { programId, expectedVersion: program.version }),
      'VALIDATION',
      'programId',
    );
    for (const to of ['planning', 'execution', 'completion'] as const)
      program = ok(
        await call('program/stage/move', {
          programId,
          expectedVersion: program.version,
          to,
          overrideReason: 'Demo',
        }),
      ).program;
    expect(program.stage).toBe('completion');

    const closing = () => call('program/close', { programId, expectedVersion: program.version });
    await expectRefused(closing, 'VALIDATION', 'overrideReason');
    expect(failure(await closing())?.message).toMatch(/An assessment of 1 goal\(s\)/);
    await expectRefused(
      () => call('program/close', { programId, expectedVersion: program.version }, LEAD_PAY),
      'FORBIDDEN',
    );

    const assessed = ok(
      await call('completion/assessment/save', {
        programId,
        subject: { kind: 'goal', goalId: 'goal-launch' },
        fields: { verdict: 'partly', measuredValue: '6 weeks', evidence: [], note: '' },
      }),
    );
    expect(assessed.readiness).toMatchObject({ ready: true, missing: [] });
    await expectRefused(
      () => call('program/close', { programId, expectedVersion: program.version - 1 }),
      'CONFLICT',
    );
    const closed = ok(await call('program/close', { programId, expectedVersion: program.version }));
    expect(closed).toMatchObject({
      stage: 'closed',
      closed: true,
      canEdit: false,
      canAddLessons: false,
      canReopen: true,
    });
    expect(closed.closedAt).toMatch(/^2027-04-20T/);
    const after = ok(await call('program/get', { programId })).program;
    expect(after.stageHistory.at(-1)).toMatchObject({
      from: 'completion',
      to: 'closed',
      by: accountIdOf(TPM),
      override: null,
    });
  });

  it('is read-only once closed: a change in every area is refused as PROGRAM_CLOSED and changes nothing', async () => {
    const overview = ok(await call('program/get', { programId }));
    const version = overview.program.version;
    const plan = await planAs();
    const planRef = { programId, quarter, expectedVersion: plan.plan.version };
    const payEstimate = plan.plan.estimates.find((e) => e.teamId === 'team-pay');
    if (!payEstimate) throw new Error('The Payments team has no estimate');
    const epic = stack.emulator.site().issues.find((i) => i.key === lateKey)!;
    const panel = {
      moduleKey: 'epic-panel',
      extension: { type: 'jira:issuePanel', issue: { key: epic.key, id: epic.id, type: 'Epic' } },
    };
    const records = await completionAs();
    const lesson = records.lessons[0]!;
    const action = records.actions[0]!;
    const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG')!;
    const membershipBefore = JSON.stringify(epic.properties);

    const refusals: [string, () => Promise<Envelope<unknown>>][] = [
      [
        'program: edit',
        () => call('program/update', { programId, expectedVersion: version, changes: { description: 'x' } }),
      ],
      [
        'program: stage back',
        () => call('program/stage/move', { programId, expectedVersion: version, to: 'completion' }),
      ],
      [
        'program: team (its lead)',
        () =>
          call(
            'program/teams/save',
            {
              programId,
              expectedVersion: version,
              teamId: 'team-pay',
              team: {
                name: 'Payments',
                jiraTeam: 'PAY',
                leadAccountId: accountIdOf(LEAD_PAY),
                capacityPerSprint: 1,
              },
            },
            LEAD_PAY,
          ),
      ],
      [
        'items: goal',
        () =>
          call('program/goals/save', {
            programId,
            fields: { statement: 'New', metric: '', baseline: '', target: '', dueDate: '2027-12-31' },
          }),
      ],
      ['items: risk', () => call('program/risks/delete', { programId, id: 'risk-psp', expectedVersion: 1 })],
      [
        'plan: session',
        () =>
          call('plan/session/update', { ...planRef, session: { date: null, attendees: [], outcome: 'x' } }),
      ],
      [
        'plan: a lead’s estimate',
        () =>
          call(
            'plan/estimates/set',
            {
              ...planRef,
              estimates: [{ initiativeKey: payEstimate.initiativeKey, teamId: 'team-pay', sprints: 3 }],
            },
            LEAD_PAY,
          ),
      ],
      ['plan: baseline', () => call('plan/baseline/freeze', { ...planRef, note: 'after closing' })],
      ['plan: adjusted plan', () => call('plan/adjusted/accept', { ...planRef, fingerprint: '00000000' })],
      ['publish: now', () => call('publish/now', { programId })],
      [
        'publish: target',
        () =>
          call('publish/target/save', {
            programId,
            spaceId: space.id,
            parentPageId: space.homepageId,
            reportCadence: 'monthly',
          }),
      ],
      [
        'epic panel: membership',
        () => stack.invoke('epic/membership/add', { issueKey: epic.key, programId }, TPM, panel),
      ],
      [
        'status: thresholds',
        () =>
          call('status/thresholds/set', {
            programId,
            expectedVersion: version,
            thresholds: {
              behindAmber: 5,
              behindRed: 20,
              riskAmber: ['high'],
              riskRed: ['critical'],
              milestoneSlipAmberDays: 1,
              milestoneSlipRedDays: 8,
            },
          }),
      ],
      ['macro: snapshot', () => call('macro/snapshot/refresh', { programId })],
      [
        'completion: assessment',
        () =>
          call('completion/assessment/save', {
            programId,
            subject: { kind: 'goal', goalId: 'goal-launch' },
            expectedVersion: 1,
            fields: { verdict: 'met', measuredValue: '', evidence: [], note: '' },
          }),
      ],
      [
        'completion: a lead’s lesson',
        () =>
          call(
            'completion/lesson/save',
            { programId, fields: { category: 'went-well', whatHappened: 'a', learned: 'b' } },
            LEAD_PAY,
          ),
      ],
      [
        'completion: lesson delete',
        () => call('completion/lesson/delete', { programId, id: lesson.id, expectedVersion: lesson.version }),
      ],
      [
        'completion: action',
        () => call('completion/action/delete', { programId, id: action.id, expectedVersion: action.version }),
      ],
      [
        'completion: handover answer (its contact)',
        () =>
          call(
            'completion/handover/accept',
            { programId, expectedVersion: 4, decision: 'rejected', note: 'late' },
            LEAD_PLAT,
          ),
      ],
      ['completion: close again', () => call('program/close', { programId, expectedVersion: version })],
    ];
    // Areas still being built join the list once their keys are registered.
    const risk = { programId, riskId: 'risk-psp', expectedVersion: 1 };
    for (const [area, key, payload] of [
      ['risks: detect', 'risks/detect', { programId }],
      [
        'risks: problem',
        'risks/problem/record',
        { ...risk, description: 'It happened', ownerAccountId: accountIdOf(TPM) },
      ],
    ] as const)
      if (await isRegistered(key)) refusals.push([area, () => stack.invokeRaw(key, payload)]);
    for (const [area, run] of refusals) {
      const before = snapshot();
      const envelope = await run();
      expect([area, errorOf(envelope)]).toEqual([area, 'PROGRAM_CLOSED']);
      expect([area, snapshot() === before]).toEqual([area, true]);
    }
    expect(JSON.stringify(stack.emulator.site().issues.find((i) => i.key === lateKey)?.properties)).toBe(
      membershipBefore,
    );
    expect(
      failure(await call('program/update', { programId, expectedVersion: version, changes: { name: 'x' } }))
        ?.message,
    ).toMatch(/was closed on 2027-04-20: it is read-only/);
  });

  it('still reads everything once closed, and publishes no more', async () => {
    const view = await completionAs(STAKEHOLDER);
    expect(view).toMatchObject({ closed: true, canReopen: false });
    expect(view.counts).toMatchObject({ partly: 2, missed: 1, unassessed: 1 });
    expect(ok(await call('program/get', { programId }, SPONSOR)).canEdit).toBe(false);
    expect((await planAs()).canEdit).toBe(false);
    expect(ok(await call('publish/get', { programId })).canPublish).toBe(false);
  });

  it('lets only an owner reopen it, back to Completion, where changes work again', async () => {
    const version = ok(await call('program/get', { programId })).program.version;
    await expectRefused(
      () => call('program/reopen', { programId, expectedVersion: version }, LEAD_PAY),
      'FORBIDDEN',
    );
    await expectRefused(
      () => call('program/reopen', { programId, expectedVersion: version }, STAKEHOLDER),
      'FORBIDDEN',
    );
    const reopened = ok(await call('program/reopen', { programId, expectedVersion: version }));
    expect(reopened).toMatchObject({ stage: 'completion', closed: false, canEdit: true, canReopen: false });
    await expectRefused(
      () => call('program/reopen', { programId, expectedVersion: version + 1 }),
      'VALIDATION',
      'programId',
    );
    const records = ok(
      await call(
        'completion/lesson/save',
        { programId, fields: { category: 'went-well', whatHappened: 'Reopened', learned: 'Fine' } },
        LEAD_PAY,
      ),
    );
    expect(records.lessons.map((l) => l.whatHappened)).toContain('Reopened');
  });
});
