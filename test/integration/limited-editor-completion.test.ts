// An owner who browses only MOB (contractor@) edits the Completion records and a problem the TPM wrote naming
// issues of other projects. They are shown the records without those keys; their saves, unchanged or edited,
// keep them; a save whose kept keys break a limit is refused; and no answer to them names a key of another
// project. Real resolvers, services and adapters on the emulator.
import { DEMO_PROGRAM } from '../../dev/seed';
import type {
  CompletionRecords,
  CompletionView,
  Envelope,
  HandoverInput,
  ImprovementActionView,
  Lesson,
  RegisterRisk,
  RequestOf,
  ResolverKey,
  ResponseOf,
  RiskRegisterView,
  WithVersion,
} from '../../src/contract';
import { evidenceText, handoverItemText } from '../../src/domain/completion/evidence';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

const programId = DEMO_PROGRAM.id;
const TPM = 'tpm@example.com';
const CONTRACTOR = 'contractor@example.com';
const HIDDEN = 'an issue you cannot see';
const DASHBOARD = 'https://grafana.example.com/d/checkout';

let stack: AppStack;
/** An issue of MOB, which the contractor browses, and two of projects they cannot. */
let mob = '';
let pay = '';
let other = '';
/** Any key of a project other than MOB. */
let hiddenKey: RegExp;

// What the TPM wrote, set in beforeAll.
let lessonId = '';
let spareLessonId = '';
let actionId = '';
let spareActionId = '';
const lesson = () => ({
  category: 'to-improve' as const,
  whatHappened: `${pay} slipped because of ${mob}`,
  learned: `Ask the team of ${other} before ${mob} starts`,
});
const action = () => ({
  action: `Review ${pay} with the owner of ${mob}`,
  ownerAccountId: accountIdOf(TPM),
  dueDate: '2027-06-30',
  status: 'open' as const,
  lessonId,
});
const assessment = () => ({
  verdict: 'met' as const,
  measuredValue: '2.7',
  evidence: [pay, mob, DASHBOARD],
  note: `${pay} held for four weeks; ${mob} lagged`,
});
const handover = (): HandoverInput => ({
  receivingTeam: 'Payments support',
  contactAccountId: null,
  items: [pay, `Runbook for ${pay} alerts`, mob],
  links: [{ kind: 'runbook', label: `${pay} runbook`, url: 'https://wiki.example.com/runbook' }],
  handoverDate: '2027-05-01',
  waiverReason: null,
});
const resolution = () => `Moved ${pay} behind ${mob}`;

function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}
const failure = (envelope: Envelope<unknown>) => (envelope.success ? undefined : envelope.errors[0]);
const kvs = () => JSON.stringify(stack.runtime.kvs.snapshot());

const asTpm = async <K extends ResolverKey>(key: K, payload: RequestOf<K>) =>
  ok(await stack.invoke(key, payload, TPM));

/** Calls as the contractor; whatever it answers must name no key of a project they cannot browse. */
async function asContractor<K extends ResolverKey>(
  key: K,
  payload: RequestOf<K>,
): Promise<Envelope<ResponseOf<K>>> {
  const envelope = await stack.invoke(key, payload, CONTRACTOR);
  expect({ key, leak: hiddenKey.exec(JSON.stringify(envelope))?.[0] ?? null }).toEqual({ key, leak: null });
  return envelope;
}

const completionAs = async (email: string): Promise<CompletionView> =>
  email === CONTRACTOR
    ? ok(await asContractor('completion/get', { programId }))
    : asTpm('completion/get', { programId });
const registerAs = async (email: string): Promise<RiskRegisterView> =>
  email === CONTRACTOR
    ? ok(await asContractor('risks/get', { programId }))
    : asTpm('risks/get', { programId });

const lessonIn = (view: CompletionRecords, id = lessonId): WithVersion<Lesson> => {
  const found = view.lessons.find((l) => l.id === id);
  if (!found) throw new Error(`No lesson ${id}`);
  return found;
};
const actionIn = (view: CompletionRecords, id = actionId): ImprovementActionView => {
  const found = view.actions.find((a) => a.id === id);
  if (!found) throw new Error(`No action ${id}`);
  return found;
};
const assessmentIn = (view: CompletionRecords, goalId = 'goal-conversion') => {
  const found = view.assessments.find((r) => r.subject.kind === 'goal' && r.subject.goalId === goalId);
  if (!found?.assessment) throw new Error(`No assessment of ${goalId}`);
  return found.assessment;
};
const riskIn = (view: RiskRegisterView, id: string): RegisterRisk => {
  const found = view.risks.find((r) => r.id === id);
  if (!found) throw new Error(`No risk ${id}`);
  return found;
};

/** The handover form's fields as the UI fills them from what it was shown. */
function handoverFormOf(view: CompletionRecords): HandoverInput {
  const h = view.handover;
  if (!h) throw new Error('No handover');
  return {
    receivingTeam: h.receivingTeam,
    contactAccountId: h.contactAccountId,
    items: h.items.map(handoverItemText),
    links: h.links,
    handoverDate: h.handoverDate,
    waiverReason: h.waiver?.reason ?? null,
  };
}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack();
  const site = stack.emulator.site();
  const firstOf = (project: string) => {
    const issue = site.issues.find((i) => i.projectKey === project);
    if (!issue) throw new Error(`No issue in ${project}`);
    return issue.key;
  };
  mob = firstOf('MOB');
  pay = firstOf('PAY');
  other = firstOf('ID');
  const hidden = site.projects.map((p) => p.key).filter((key) => key !== 'MOB');
  hiddenKey = new RegExp(`\\b(?:${hidden.join('|')})-\\d+\\b`);

  // The TPM makes the contractor an owner, through the parties editor.
  const { program } = await asTpm('program/get', { programId });
  await asTpm('program/parties/update', {
    programId,
    expectedVersion: program.version,
    parties: {
      owners: [...program.owners, accountIdOf(CONTRACTOR)],
      sponsor: program.sponsor,
      stakeholders: program.stakeholders.filter((s) => s !== accountIdOf(CONTRACTOR)),
      people: program.people,
    },
  });

  // The TPM's records, naming MOB and other projects.
  let records = await asTpm('completion/lesson/save', { programId, fields: lesson() });
  lessonId = records.lessons.find((l) => l.whatHappened === lesson().whatHappened)!.id;
  records = await asTpm('completion/lesson/save', {
    programId,
    fields: {
      category: 'went-well',
      whatHappened: `${mob} shipped early beside ${pay}`,
      learned: 'Ship small',
    },
  });
  spareLessonId = records.lessons.find((l) => l.id !== lessonId)!.id;
  records = await asTpm('completion/action/save', { programId, fields: action() });
  actionId = records.actions[0]!.id;
  records = await asTpm('completion/action/save', {
    programId,
    fields: { ...action(), action: `Close ${other} before the next program`, lessonId: null },
  });
  spareActionId = records.actions.find((a) => a.id !== actionId)!.id;
  await asTpm('completion/assessment/save', {
    programId,
    subject: { kind: 'goal', goalId: 'goal-conversion' },
    fields: assessment(),
  });
  records = await asTpm('completion/handover/save', { programId, fields: handover() });
  await asTpm('completion/handover/accept', {
    programId,
    expectedVersion: records.handover!.version,
    decision: 'accepted',
    note: `Taken over with ${pay}`,
  });

  // A problem on one risk, and another risk whose mitigation names a hidden issue.
  let register = await registerAs(TPM);
  const psp = riskIn(register, 'risk-psp');
  const { risk: recorded } = await asTpm('risks/problem/record', {
    programId,
    riskId: psp.id,
    expectedVersion: psp.version,
    description: `${pay} missed the provider window`,
    ownerAccountId: accountIdOf(TPM),
  });
  await asTpm('risks/problem/update', {
    programId,
    riskId: psp.id,
    expectedVersion: recorded.version,
    resolution: resolution(),
    resolvedAt: null,
  });
  register = await registerAs(TPM);
  const cycle = riskIn(register, 'risk-cycle');
  await asTpm('program/risks/save', {
    programId,
    id: cycle.id,
    expectedVersion: cycle.version,
    fields: {
      title: cycle.title,
      probability: cycle.probability,
      impact: cycle.impact,
      ownerAccountId: cycle.ownerAccountId,
      mitigation: `Break the cycle between ${pay} and ${mob}`,
      status: cycle.status,
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  jest.restoreAllMocks();
});

it('shows the owner who browses only MOB the records without the other projects’ keys', async () => {
  const view = await completionAs(CONTRACTOR);
  expect(lessonIn(view).whatHappened).toBe(`${HIDDEN} slipped because of ${mob}`);
  expect(assessmentIn(view).evidence).toEqual([
    { kind: 'issue', key: mob },
    { kind: 'link', url: DASHBOARD },
  ]);
  expect(view.handover?.items).toEqual([
    { kind: 'description', text: `Runbook for ${HIDDEN} alerts` },
    { kind: 'issue', key: mob },
  ]);

  const register = await registerAs(CONTRACTOR);
  expect(riskIn(register, 'risk-psp').problem?.resolution).toBe(`Moved ${HIDDEN} behind ${mob}`);
  expect(riskIn(register, 'risk-cycle').mitigation).toBe(`Break the cycle between ${HIDDEN} and ${mob}`);
});

it('leaves every record as the TPM wrote it when they save what they read unchanged', async () => {
  const view = await completionAs(CONTRACTOR);
  const shownLesson = lessonIn(view);
  await asContractor('completion/lesson/save', {
    programId,
    id: lessonId,
    expectedVersion: shownLesson.version,
    fields: {
      category: shownLesson.category,
      whatHappened: shownLesson.whatHappened,
      learned: shownLesson.learned,
    },
  });
  const shownAction = actionIn(view);
  ok(
    await asContractor('completion/action/save', {
      programId,
      id: actionId,
      expectedVersion: shownAction.version,
      fields: {
        action: shownAction.action,
        ownerAccountId: shownAction.ownerAccountId,
        dueDate: shownAction.dueDate,
        status: shownAction.status,
        lessonId: shownAction.lessonId,
      },
    }),
  );
  const shownAssessment = assessmentIn(view);
  ok(
    await asContractor('completion/assessment/save', {
      programId,
      subject: shownAssessment.subject,
      expectedVersion: shownAssessment.version,
      fields: {
        verdict: shownAssessment.verdict,
        measuredValue: shownAssessment.measuredValue,
        evidence: shownAssessment.evidence.map(evidenceText),
        note: shownAssessment.note,
      },
    }),
  );
  ok(
    await asContractor('completion/handover/save', {
      programId,
      expectedVersion: view.handover!.version,
      fields: handoverFormOf(view),
    }),
  );
  const psp = riskIn(await registerAs(CONTRACTOR), 'risk-psp');
  ok(
    await asContractor('risks/problem/update', {
      programId,
      riskId: psp.id,
      expectedVersion: psp.version,
      resolution: psp.problem!.resolution,
      resolvedAt: psp.problem!.resolvedAt,
      ownerAccountId: psp.problem!.ownerAccountId,
    }),
  );

  const tpm = await completionAs(TPM);
  expect(lessonIn(tpm)).toMatchObject(lesson());
  expect(actionIn(tpm)).toMatchObject(action());
  expect(assessmentIn(tpm)).toMatchObject({
    ...assessment(),
    evidence: [
      { kind: 'issue', key: pay },
      { kind: 'issue', key: mob },
      { kind: 'link', url: DASHBOARD },
    ],
  });
  expect(tpm.handover).toMatchObject({
    receivingTeam: handover().receivingTeam,
    items: [
      { kind: 'issue', key: pay },
      { kind: 'description', text: `Runbook for ${pay} alerts` },
      { kind: 'issue', key: mob },
    ],
    links: handover().links,
    // The terms the receiving team accepted did not change, so its answer stands.
    acceptance: { status: 'accepted', note: `Taken over with ${pay}` },
  });
  expect(riskIn(await registerAs(TPM), 'risk-psp').problem).toMatchObject({
    description: `${pay} missed the provider window`,
    resolution: resolution(),
  });
});

it('keeps the keys they cannot see in an edit of what they can', async () => {
  const view = await completionAs(CONTRACTOR);
  const shownLesson = lessonIn(view);
  ok(
    await asContractor('completion/lesson/save', {
      programId,
      id: lessonId,
      expectedVersion: shownLesson.version,
      fields: {
        ...lesson(),
        whatHappened: shownLesson.whatHappened,
        learned: `${shownLesson.learned}, in writing`,
      },
    }),
  );
  const shownAction = actionIn(view);
  ok(
    await asContractor('completion/action/save', {
      programId,
      id: actionId,
      expectedVersion: shownAction.version,
      fields: { ...action(), action: `${shownAction.action}, monthly`, status: 'in-progress' },
    }),
  );
  const shownAssessment = assessmentIn(view);
  ok(
    await asContractor('completion/assessment/save', {
      programId,
      subject: shownAssessment.subject,
      expectedVersion: shownAssessment.version,
      fields: {
        verdict: 'partly',
        measuredValue: shownAssessment.measuredValue,
        evidence: [...shownAssessment.evidence.map(evidenceText), `${DASHBOARD}?range=90d`],
        note: shownAssessment.note,
      },
    }),
  );
  ok(
    await asContractor('completion/handover/save', {
      programId,
      expectedVersion: view.handover!.version,
      fields: { ...handoverFormOf(view), receivingTeam: 'Checkout support' },
    }),
  );
  const psp = riskIn(await registerAs(CONTRACTOR), 'risk-psp');
  ok(
    await asContractor('risks/problem/update', {
      programId,
      riskId: psp.id,
      expectedVersion: psp.version,
      resolution: `${psp.problem!.resolution} (done in Sprint 6)`,
      resolvedAt: null,
    }),
  );

  const tpm = await completionAs(TPM);
  expect(lessonIn(tpm)).toMatchObject({ ...lesson(), learned: `${lesson().learned}, in writing` });
  expect(actionIn(tpm)).toMatchObject({ action: `${action().action}, monthly`, status: 'in-progress' });
  expect(assessmentIn(tpm)).toMatchObject({
    verdict: 'partly',
    note: assessment().note,
    evidence: [
      { kind: 'issue', key: pay },
      { kind: 'issue', key: mob },
      { kind: 'link', url: DASHBOARD },
      { kind: 'link', url: `${DASHBOARD}?range=90d` },
    ],
  });
  expect(tpm.handover).toMatchObject({
    receivingTeam: 'Checkout support',
    items: [
      { kind: 'issue', key: pay },
      { kind: 'description', text: `Runbook for ${pay} alerts` },
      { kind: 'issue', key: mob },
    ],
    links: handover().links,
    // New terms ask the receiving team again.
    acceptance: { status: 'pending' },
  });
  expect(riskIn(await registerAs(TPM), 'risk-psp').problem?.resolution).toBe(
    `${resolution()} (done in Sprint 6)`,
  );
});

it('refuses an edit that breaks a limit once the keys they cannot see are kept, and saves nothing', async () => {
  // Twenty pieces of evidence, the most an assessment keeps; the contractor is shown eighteen.
  const links = Array.from({ length: 18 }, (_, i) => `${DASHBOARD}?panel=${i + 1}`);
  const subject = { kind: 'goal' as const, goalId: 'goal-launch' };
  await asTpm('completion/assessment/save', {
    programId,
    subject,
    fields: { verdict: 'met', measuredValue: '6 weeks', evidence: [pay, ...links, other], note: '' },
  });
  const shown = assessmentIn(await completionAs(CONTRACTOR), 'goal-launch');
  expect(shown.evidence).toHaveLength(18);

  const before = kvs();
  const refused = await asContractor('completion/assessment/save', {
    programId,
    subject,
    expectedVersion: shown.version,
    fields: {
      verdict: 'met',
      measuredValue: '6 weeks',
      evidence: [...shown.evidence.map(evidenceText), `${DASHBOARD}?panel=19`, `${DASHBOARD}?panel=20`],
      note: '',
    },
  });
  expect(failure(refused)).toMatchObject({ errorType: 'VALIDATION', path: 'fields.evidence' });
  expect(failure(refused)?.message).toMatch(/issues you cannot see/);
  expect(kvs()).toBe(before);
});

it('answers every other Completion and problem change without a key they cannot browse', async () => {
  const view = await completionAs(CONTRACTOR);
  ok(
    await asContractor('completion/action/delete', {
      programId,
      id: spareActionId,
      expectedVersion: actionIn(view, spareActionId).version,
    }),
  );
  ok(
    await asContractor('completion/lesson/delete', {
      programId,
      id: spareLessonId,
      expectedVersion: lessonIn(view, spareLessonId).version,
    }),
  );
  const answered = ok(
    await asContractor('completion/handover/accept', {
      programId,
      expectedVersion: view.handover!.version,
      decision: 'accepted',
      note: `Checked with ${mob}`,
    }),
  );
  expect(answered.handover?.acceptance.status).toBe('accepted');

  const cycle = riskIn(await registerAs(CONTRACTOR), 'risk-cycle');
  const { risk } = ok(
    await asContractor('risks/problem/record', {
      programId,
      riskId: cycle.id,
      expectedVersion: cycle.version,
      description: `${mob} waited on the cycle`,
      ownerAccountId: accountIdOf(TPM),
    }),
  );
  expect(risk.mitigation).toBe(`Break the cycle between ${HIDDEN} and ${mob}`);
  expect(riskIn(await registerAs(TPM), 'risk-cycle').mitigation).toBe(
    `Break the cycle between ${pay} and ${mob}`,
  );

  let { program } = await asTpm('program/get', { programId });
  for (const to of ['planning', 'execution', 'completion'] as const)
    ({ program } = await asTpm('program/stage/move', {
      programId,
      expectedVersion: program.version,
      to,
      overrideReason: 'Test',
    }));
  const closed = ok(
    await asContractor('program/close', {
      programId,
      expectedVersion: program.version,
      overrideReason: 'Closing for the test',
    }),
  );
  expect(closed.closed).toBe(true);
  const reopened = ok(
    await asContractor('program/reopen', { programId, expectedVersion: closed.programVersion }),
  );
  expect(reopened.stage).toBe('completion');
  // What the TPM wrote is still all there.
  expect(lessonIn(await completionAs(TPM)).whatHappened).toBe(lesson().whatHappened);
});
