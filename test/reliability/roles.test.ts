// The role matrix: every registered resolver key called with its valid payload by each role. A denied call
// answers FORBIDDEN and changes nothing (KVS byte-for-byte, no Jira or Confluence write); an allowed one is
// never refused for the role. The key list comes from the registration: a new key fails until its row is here.
import type { Envelope } from '../../src/contract';
import { handler } from '../../src/index';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';
import { registeredResolverKeys, restoreKvs, writesIn } from '../support/fuzz';
import { PROGRAM_ID, prepareDemoFacts, validCalls, type KeyCall } from './fuzz-payloads';
import { recordFigures } from './security-figures';

/**
 * The demo program's people by role. The outsider is lead.data@, whose lead role the setup takes away: every
 * demo user has a role in the demo, and only demo users can call Jira on the local site.
 */
const ROLES = ['owner', 'team lead', 'sponsor', 'stakeholder', 'contractor', 'outsider'] as const;
type Role = (typeof ROLES)[number];
const EMAIL: Record<Role, string> = {
  owner: 'tpm@example.com',
  'team lead': 'lead.payments@example.com', // leads team-pay, whose data the payloads name
  sponsor: 'sponsor@example.com',
  stakeholder: 'stakeholder@example.com',
  contractor: 'contractor@example.com', // a stakeholder who browses MOB only in Jira
  outsider: 'lead.data@example.com',
};

/**
 * One letter per role, in ROLES order: A allowed, D denied (FORBIDDEN), N answered with nothing of the program
 * (the macro card tells a page reader without a role that they have no access, rather than failing).
 */
type Cell = 'A' | 'D' | 'N';
type Row = `${Cell} ${Cell} ${Cell} ${Cell} ${Cell} ${Cell}`;
const EVERYONE: Row = 'A A A A A A';
const PARTIES: Row = 'A A A A A D';
const OWNERS: Row = 'A D D D D D';
const OWNERS_AND_LEADS: Row = 'A A D D D D';

const MATRIX: Record<string, Row> = {
  'program/list': EVERYONE, // each sees only the programs they have a role in
  'program/create': EVERYONE, // any signed-in user starts a program and owns it
  'program/get': PARTIES,
  'program/update': OWNERS,
  'program/parties/update': OWNERS,
  'program/teams/save': OWNERS,
  'program/teams/delete': OWNERS,
  'program/stage/move': OWNERS,
  'program/strategies/save': OWNERS,
  'program/strategies/delete': OWNERS,
  'program/strategic-initiatives/save': OWNERS,
  'program/strategic-initiatives/delete': OWNERS,
  'program/goals/save': OWNERS,
  'program/goals/delete': OWNERS,
  'program/goals/agree': OWNERS,
  'program/milestones/save': OWNERS,
  'program/milestones/delete': OWNERS,
  'program/milestones/agree': OWNERS,
  'program/risks/save': OWNERS,
  'program/risks/delete': OWNERS,
  'program/traceability': PARTIES,
  'program/users/search': EVERYONE, // Jira's people search, with the caller's own permission
  'program/initiatives': PARTIES,
  'program/initiatives/snapshot': PARTIES,
  'program/dependencies': PARTIES,
  'epic/programs': EVERYONE, // lists only the programs the viewer may read
  'epic/dependencies': EVERYONE,
  // Any party, if Jira lets them edit the epic: the contractor cannot browse PAY-42, so Jira refuses them.
  'epic/membership/add': 'A A A A D D',
  'epic/membership/remove': 'A A A A D D',
  'publish/get': PARTIES,
  'publish/spaces': OWNERS,
  'publish/target/save': OWNERS,
  'publish/now': OWNERS,
  'macro/status': 'A A A A A N',
  'macro/programs': EVERYONE,
  'macro/snapshot/refresh': OWNERS,
  'plan/list': PARTIES,
  'plan/get': PARTIES,
  'plan/create': OWNERS,
  'plan/boards': PARTIES,
  'plan/calendar/set': OWNERS,
  'plan/initiatives/set': OWNERS,
  'plan/estimates/set': OWNERS_AND_LEADS, // a lead estimates for their own team
  'plan/pins/set': OWNERS,
  'plan/session/update': OWNERS,
  'plan/commitments/set': OWNERS_AND_LEADS,
  'plan/success-criteria/save': OWNERS,
  'plan/success-criteria/delete': OWNERS,
  'plan/communication/update': OWNERS,
  'plan/team-okrs/link': OWNERS_AND_LEADS,
  'plan/team-okrs': PARTIES,
  'plan/baseline/freeze': OWNERS,
  'plan/baseline/get': PARTIES,
  'plan/adjusted': PARTIES,
  'plan/adjusted/accept': OWNERS,
  'status/get': PARTIES,
  'status/initiative': PARTIES,
  'status/thresholds/set': OWNERS,
  'completion/get': PARTIES,
  'completion/assessment/save': OWNERS,
  'completion/lesson/save': OWNERS,
  'completion/lesson/delete': OWNERS,
  'completion/action/save': OWNERS,
  'completion/action/delete': OWNERS,
  'completion/handover/save': OWNERS,
  'completion/handover/accept': OWNERS,
  'program/close': OWNERS,
  'program/reopen': OWNERS,
  'risks/get': PARTIES,
  'risks/detect': OWNERS,
  'risks/problem/record': OWNERS_AND_LEADS,
  'risks/problem/update': OWNERS_AND_LEADS,
};

const keys = registeredResolverKeys();
let stack: AppStack;
let calls: Record<string, KeyCall>;
let checked = 0;
let denied = 0;
const mismatches: string[] = [];

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  stack = await startAppStack({ demoPlan: true });
  const dataTeam = await stack.invoke('program/teams/save', {
    programId: PROGRAM_ID,
    expectedVersion: 1,
    teamId: 'team-data',
    team: { name: 'Data Platform', jiraTeam: 'DATA', leadAccountId: null, capacityPerSprint: 20 },
  });
  if (!dataTeam.success) throw new Error(`setup: ${JSON.stringify(dataTeam.errors)}`);
  calls = validCalls(await prepareDemoFacts(stack));
}, 120_000);
afterAll(async () => {
  await stack?.close();
  jest.restoreAllMocks();
  recordFigures([
    {
      name: 'role matrix: resolver keys with a row',
      target: `${keys.length} (every registered key)`,
      measured: String(keys.filter((k) => MATRIX[k]).length),
      pass: keys.every((k) => MATRIX[k]),
    },
    {
      name: 'role matrix: key × role calls as expected (denied ones FORBIDDEN, nothing changed)',
      target: `${keys.length * ROLES.length}`,
      measured: `${checked - mismatches.length} (${denied} denied)`,
      pass: checked === keys.length * ROLES.length && mismatches.length === 0,
    },
  ]);
});

it('has a row for every registered resolver key and none for a key that is gone', () => {
  expect(keys.filter((k) => !MATRIX[k])).toEqual([]);
  expect(Object.keys(MATRIX).filter((k) => !keys.includes(k))).toEqual([]);
});

describe.each(keys)('%s', (key) => {
  it.each(ROLES.map((role, i) => [role, i] as const))('as %s', async (role, index) => {
    const row = MATRIX[key];
    if (!row) throw new Error(`no role matrix row for ${key}`);
    const expected = row.split(' ')[index];
    const call = calls[key]!;
    const baseline = stack.runtime.kvs.snapshot();
    const before = JSON.stringify(baseline);
    const from = stack.exchanges.length;
    const envelope = (await stack.runtime.invoke(handler, {
      key,
      payload: call.payload,
      accountId: accountIdOf(EMAIL[role]),
      ...(call.context ? { context: call.context } : {}),
    })) as Envelope<unknown>;
    const answer = envelope.success ? 'success' : envelope.errors[0]!.errorType;
    checked += 1;
    try {
      if (expected === 'D') {
        denied += 1;
        expect(answer).toBe('FORBIDDEN');
        expect(JSON.stringify(stack.runtime.kvs.snapshot())).toBe(before);
        expect(writesIn(stack.exchanges.slice(from))).toEqual([]);
      } else if (expected === 'N') {
        denied += 1;
        expect(envelope).toEqual({ success: true, data: { access: 'none', message: expect.any(String) } });
        expect(JSON.stringify(stack.runtime.kvs.snapshot())).toBe(before);
      } else {
        // Allowed: the role gets through (the call may still meet a version or stage rule, never a refusal).
        expect(['success', 'VALIDATION', 'NOT_FOUND', 'CONFLICT']).toContain(answer);
      }
    } catch (error) {
      mismatches.push(`${key} as ${role}: expected ${expected}, got ${answer}`);
      throw error;
    } finally {
      restoreKvs(stack.runtime.kvs, baseline);
    }
  });
});

afterAll(() => {
  if (mismatches.length) console.info(mismatches.join('\n'));
});
