// Never show what the viewer cannot browse: contractor@ browses MOB only. After the app has computed data as
// the app (snapshots, the daily progress history, detected risks), every read resolver's answer to them is
// scanned for a key of any other project; the asApp data is filtered by asking Jira as the viewer.
import type { Envelope } from '../../src/contract';
import { handler } from '../../src/index';
import { executionDaily } from '../../src/triggers/execution-daily';
import { refreshSnapshots } from '../../src/triggers/snapshot';
import { accountIdOf, pinToday, startAppStack, type AppStack } from '../support/app-stack';
import { registeredResolverKeys } from '../support/fuzz';
import { PROGRAM_ID, READ_KEYS, prepareDemoFacts, validCalls, type KeyCall } from './fuzz-payloads';
import { recordFigures } from './security-figures';

const CONTRACTOR = 'contractor@example.com';
/** A MOB epic of the demo program: the contractor's epic panel is shown on it. */
const MOB_EPIC = 'MOB-36';

let stack: AppStack;
let calls: Record<string, KeyCall>;
let hiddenKey: RegExp;
const leaks: string[] = [];
let scanned = 0;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  pinToday('2027-02-10T09:00:00Z');
  stack = await startAppStack({ demoPlan: true });
  calls = validCalls(await prepareDemoFacts(stack));
  const hidden = stack.emulator
    .site()
    .projects.map((p) => p.key)
    .filter((key) => key !== 'MOB');
  hiddenKey = new RegExp(`\\b(?:${hidden.join('|')})-\\d+\\b`);
  // Data computed as the app, with every project in it.
  await stack.runtime.runTrigger(refreshSnapshots);
  await stack.runtime.runTrigger(executionDaily);
  const detected = await stack.invoke('risks/detect', { programId: PROGRAM_ID });
  if (!detected.success) throw new Error(JSON.stringify(detected.errors));
}, 180_000);
afterAll(async () => {
  await stack?.close();
  jest.useRealTimers();
  jest.restoreAllMocks();
  recordFigures([
    {
      name: 'visibility: keys of projects the MOB-only viewer cannot browse, in read responses',
      target: '0',
      measured: `${leaks.length} in ${scanned} responses`,
      pass: scanned > 0 && leaks.length === 0,
    },
  ]);
});

/** Read keys, called as the contractor; the epic panel on their MOB epic. */
function readCall(key: string): KeyCall {
  const call = calls[key]!;
  if (key === 'status/initiative') return { payload: { ...call.payload, key: MOB_EPIC } };
  if (!key.startsWith('epic/')) return call;
  const epic = stack.emulator.site().issues.find((i) => i.key === MOB_EPIC)!;
  return {
    payload: { ...call.payload, issueKey: epic.key },
    context: {
      moduleKey: 'epic-panel',
      extension: { type: 'jira:issuePanel', issue: { key: epic.key, id: String(epic.id), type: 'Epic' } },
    },
  };
}

it('filters what the app computed as the app by asking Jira what the viewer may browse', async () => {
  const from = stack.exchanges.length;
  const card = await stack.invoke('macro/status', {}, CONTRACTOR, calls['macro/status']!.context);
  expect(card.success).toBe(true);
  const risks = await stack.invoke('risks/get', { programId: PROGRAM_ID }, CONTRACTOR);
  expect(risks.success).toBe(true);
  const checks = stack.exchanges
    .slice(from)
    .filter((x) => x.method === 'POST' && x.path === '/rest/api/3/permissions/check');
  expect(checks.length).toBeGreaterThan(0);
});

const readKeys = registeredResolverKeys().filter((key) => READ_KEYS.has(key));

async function scan(key: string): Promise<void> {
  const call = readCall(key);
  const envelope = (await stack.runtime.invoke(handler, {
    key,
    payload: call.payload,
    accountId: accountIdOf(CONTRACTOR),
    ...(call.context ? { context: call.context } : {}),
  })) as Envelope<unknown>;
  scanned += 1;
  const text = JSON.stringify(envelope);
  const leak = hiddenKey.exec(text);
  if (leak) leaks.push(`${key}: ${leak[0]}`);
  expect(leak?.[0] ?? null).toBeNull();
}

it.each(readKeys)('%s shows the contractor no key of a project they cannot browse', scan);
