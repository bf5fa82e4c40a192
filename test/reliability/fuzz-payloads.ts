// A valid payload (and the Forge context the host would add) for every resolver key, on the demo program
// with its 2027-Q1 plan: the base the fuzzers break and the role matrix sends. A key registered in
// src/resolvers without a row here fails the suites that cover every key.
import { DEMO_PROGRAM } from '../../dev/seed';
import type { CompletionRecords, Envelope, RequestOf, ResolverKey } from '../../src/contract';
import { accountIdOf, type AppStack } from '../support/app-stack';

export interface KeyCall {
  payload: Record<string, unknown>;
  /** Merged over the Forge context: the issue of an issue panel, the config of a macro. */
  context?: Record<string, unknown>;
}

export const PROGRAM_ID = DEMO_PROGRAM.id;
export const QUARTER = '2027-Q1';
/** An epic of the demo program, in Payments: the issue the epic panel is shown on. */
export const PANEL_EPIC_KEY = 'PAY-42';

/** Ids and versions read once from the seeded demo, so the payloads name records that exist. */
export interface DemoFacts {
  programVersion: number;
  planVersion: number;
  epic: { key: string; id: string };
  baselineId: string;
  records: CompletionRecords;
}

async function ok<K extends ResolverKey>(stack: AppStack, key: K, payload: RequestOf<K>) {
  const envelope = (await stack.invoke(key, payload)) as Envelope<unknown>;
  if (!envelope.success) throw new Error(`setup ${key}: ${JSON.stringify(envelope.errors)}`);
  return envelope.data;
}

/** Adds a lesson, an improvement action and a handover (so their edits have targets) and reads the facts. */
export async function prepareDemoFacts(stack: AppStack): Promise<DemoFacts> {
  const programId = PROGRAM_ID;
  await ok(stack, 'completion/lesson/save', {
    programId,
    fields: { category: 'to-improve', whatHappened: 'a', learned: 'b' },
  });
  await ok(stack, 'completion/action/save', {
    programId,
    fields: {
      action: 'x',
      ownerAccountId: accountIdOf('lead.payments@example.com'),
      dueDate: '2027-06-30',
      status: 'open',
      lessonId: null,
    },
  });
  const records = (await ok(stack, 'completion/handover/save', {
    programId,
    fields: {
      receivingTeam: 'SRE',
      contactAccountId: accountIdOf('lead.platform@example.com'),
      items: ['PLAT-1'],
      links: [],
      handoverDate: null,
      waiverReason: null,
    },
  })) as CompletionRecords;
  const overview = (await ok(stack, 'program/get', { programId })) as { program: { version: number } };
  const plans = (await ok(stack, 'plan/list', { programId })) as {
    plans: { quarter: string; version: number }[];
  };
  const epic = stack.emulator.site().issues.find((i) => i.key === PANEL_EPIC_KEY);
  if (!epic) throw new Error(`setup: no ${PANEL_EPIC_KEY} in the demo site`);
  return {
    programVersion: overview.program.version,
    planVersion: plans.plans.find((p) => p.quarter === QUARTER)?.version ?? 1,
    epic: { key: epic.key, id: String(epic.id) },
    baselineId: 'baseline-1',
    records,
  };
}

/** Every key's valid call. Versions are the ones read at setup: a case that restores state keeps them valid. */
export function validCalls(facts: DemoFacts): Record<string, KeyCall> {
  const programId = PROGRAM_ID;
  const quarter = QUARTER;
  const expectedVersion = facts.programVersion;
  const tpm = accountIdOf('tpm@example.com');
  const program = { programId };
  const plan = { programId, quarter, expectedVersion: facts.planVersion };
  const item = (id: string) => ({ programId, id, expectedVersion: 1 });
  const panel = {
    moduleKey: 'epic-panel',
    extension: { type: 'jira:issuePanel', issue: { key: facts.epic.key, id: facts.epic.id, type: 'Epic' } },
  };
  const macro = { moduleKey: 'status-macro', extension: { type: 'macro', config: { programId } } };
  const lesson = facts.records.lessons[0]!;
  const action = facts.records.actions[0]!;
  const handover = facts.records.handover!;
  const calls: Record<string, Record<string, unknown> | KeyCall> = {
    // program: initiation
    'program/list': {},
    'program/create': { id: 'prog-fuzz-new', name: 'New', scopeJql: 'project = PAY' },
    'program/get': program,
    'program/update': { programId, expectedVersion, changes: { description: 'x' } },
    'program/parties/update': {
      programId,
      expectedVersion,
      parties: { owners: [tpm], sponsor: null, stakeholders: [], people: [] },
    },
    'program/teams/save': {
      programId,
      expectedVersion,
      team: { name: 'T', jiraTeam: 'PAY', leadAccountId: null, capacityPerSprint: 10 },
    },
    'program/teams/delete': { programId, expectedVersion, teamId: 'team-plat' },
    'program/stage/move': { programId, expectedVersion, to: 'planning', overrideReason: 'why' },
    'program/strategies/save': {
      programId,
      fields: { level: 'company', name: 'S', objective: 'O', keyResults: [] },
    },
    'program/strategies/delete': item('okr-company-growth'),
    'program/strategic-initiatives/save': {
      programId,
      fields: { name: 'I', description: '', strategyIds: [], epicKeys: ['PAY-1'] },
    },
    'program/strategic-initiatives/delete': item('si-observability'),
    'program/goals/save': {
      programId,
      fields: { statement: 's', metric: 'm', baseline: 'b', target: 't', dueDate: '2027-01-01' },
    },
    'program/goals/delete': item('goal-launch'),
    'program/goals/agree': { ...item('goal-conversion'), agreedBy: [tpm], note: '' },
    'program/milestones/save': {
      programId,
      fields: { name: 'M', targetDate: '2027-01-01', initiativeKeys: [], status: 'planned' },
    },
    'program/milestones/delete': item('ms-beta'),
    'program/milestones/agree': { ...item('ms-first-market'), agreedBy: [tpm], note: '' },
    'program/risks/save': {
      programId,
      fields: { title: 'R', probability: 3, impact: 3, ownerAccountId: null, mitigation: '', status: 'open' },
    },
    'program/risks/delete': item('risk-capacity'),
    'program/traceability': program,
    'program/users/search': { query: 'lead' },
    'program/initiatives': program,
    'program/initiatives/snapshot': program,
    'program/dependencies': program,
    // epic panel
    'epic/programs': { payload: { issueKey: facts.epic.key }, context: panel },
    'epic/dependencies': { payload: { issueKey: facts.epic.key }, context: panel },
    'epic/membership/add': { payload: { issueKey: facts.epic.key, programId }, context: panel },
    'epic/membership/remove': { payload: { issueKey: facts.epic.key, programId }, context: panel },
    // publishing
    'publish/get': program,
    'publish/spaces': program,
    'publish/target/save': { programId, spaceId: '1', parentPageId: '1', reportCadence: 'weekly' },
    'publish/now': program,
    // status macro
    'macro/status': { payload: {}, context: macro },
    'macro/programs': { payload: {}, context: macro },
    'macro/snapshot/refresh': program,
    // quarterly planning
    'plan/list': program,
    'plan/get': { programId, quarter },
    'plan/create': { programId, quarter: '2031-Q1', calendar: { source: 'generated', lengthDays: 14 } },
    'plan/boards': program,
    'plan/calendar/set': {
      ...plan,
      calendar: { source: 'generated', lengthDays: 10, firstStart: '2027-01-04' },
    },
    'plan/initiatives/set': { ...plan, initiatives: [{ key: 'PAY-42', priority: 1 }] },
    'plan/estimates/set': {
      ...plan,
      estimates: [{ initiativeKey: 'PAY-42', teamId: 'team-pay', sprints: 2 }],
    },
    'plan/pins/set': { ...plan, pins: [{ initiativeKey: 'PAY-42', startSprint: 1 }] },
    'plan/session/update': { ...plan, session: { date: '2026-12-10', attendees: [tpm], outcome: 'ok' } },
    'plan/commitments/set': { ...plan, commitments: [{ from: 'PAY-42', to: 'ID-23', status: 'committed' }] },
    'plan/success-criteria/save': {
      ...plan,
      fields: { statement: 's', metric: 'm', target: 't', goalIds: ['goal-conversion'] },
    },
    'plan/success-criteria/delete': { ...plan, id: 'crit-1' },
    'plan/communication/update': {
      ...plan,
      communication: {
        slackChannelUrl: 'https://acme.slack.com/archives/C1',
        confluenceSpaceKey: 'ATLAS',
        otherChannels: [],
        meetings: [{ name: 'Sync', cadence: 'weekly', audience: 'Leads', ownerAccountId: null }],
        reportCadence: 'weekly',
      },
    },
    'plan/team-okrs/link': { ...plan, teamId: 'team-pay', url: 'https://example.com/okrs/pay' },
    'plan/team-okrs': { programId, quarter },
    'plan/baseline/freeze': { ...plan, note: 'Agreed' },
    'plan/baseline/get': { programId, quarter, baselineId: facts.baselineId },
    'plan/adjusted': program,
    'plan/adjusted/accept': { ...plan, fingerprint: '0123abcd', note: 'ok' },
    // execution status
    'status/get': program,
    'status/initiative': { programId, key: 'PAY-42' },
    'status/thresholds/set': {
      programId,
      expectedVersion,
      thresholds: {
        behindAmber: 10,
        behindRed: 25,
        riskAmber: ['high'],
        riskRed: ['critical'],
        milestoneSlipAmberDays: 7,
        milestoneSlipRedDays: 21,
      },
    },
    // completion
    'completion/get': program,
    'completion/assessment/save': {
      programId,
      subject: { kind: 'goal', goalId: 'goal-conversion' },
      fields: { verdict: 'met', measuredValue: '2.7', evidence: ['PAY-1', 'https://x.example/d'], note: '' },
    },
    'completion/lesson/save': {
      programId,
      id: lesson.id,
      expectedVersion: lesson.version,
      fields: { category: 'went-well', whatHappened: 'c', learned: 'd' },
    },
    'completion/lesson/delete': { programId, id: lesson.id, expectedVersion: lesson.version },
    'completion/action/save': {
      programId,
      id: action.id,
      expectedVersion: action.version,
      fields: {
        action: 'y',
        ownerAccountId: tpm,
        dueDate: '2027-07-01',
        status: 'done',
        lessonId: lesson.id,
      },
    },
    'completion/action/delete': { programId, id: action.id, expectedVersion: action.version },
    'completion/handover/save': {
      programId,
      expectedVersion: handover.version,
      fields: {
        receivingTeam: 'Ops',
        contactAccountId: accountIdOf('lead.platform@example.com'),
        items: ['PLAT-2', 'Dashboards'],
        links: [{ kind: 'runbook', label: 'Runbook', url: 'https://wiki.example.com/r' }],
        handoverDate: '2027-04-01',
        waiverReason: null,
      },
    },
    'completion/handover/accept': {
      programId,
      expectedVersion: handover.version,
      decision: 'rejected',
      note: 'Not yet',
    },
    'program/close': { programId, expectedVersion, overrideReason: 'why' },
    'program/reopen': { programId, expectedVersion },
    // risk & problem register
    'risks/get': program,
    'risks/detect': program,
    'risks/problem/record': {
      programId,
      riskId: 'risk-psp',
      expectedVersion: 1,
      description: 'The contract slipped',
      ownerAccountId: tpm,
    },
    'risks/problem/update': {
      programId,
      riskId: 'risk-psp',
      expectedVersion: 1,
      resolution: 'Second provider',
      resolvedAt: null,
    },
  };
  return Object.fromEntries(
    Object.entries(calls).map(([key, call]): [string, KeyCall] => [
      key,
      'payload' in call && typeof call.payload === 'object'
        ? (call as KeyCall)
        : { payload: call as Record<string, unknown> },
    ]),
  );
}

/** Keys whose valid call changes something: the role matrix expects FORBIDDEN for those a role may not make. */
export const READ_KEYS = new Set([
  'program/list',
  'program/get',
  'program/traceability',
  'program/users/search',
  'program/initiatives',
  'program/initiatives/snapshot',
  'program/dependencies',
  'epic/programs',
  'epic/dependencies',
  'publish/get',
  'publish/spaces',
  'macro/status',
  'macro/programs',
  'plan/list',
  'plan/get',
  'plan/boards',
  'plan/team-okrs',
  'plan/baseline/get',
  'plan/adjusted',
  'status/get',
  'status/initiative',
  'completion/get',
  'risks/get',
]);
