// Never show what the viewer cannot browse: contractor@ browses MOB only. After the app has computed data as
// the app (snapshots, the daily progress history, detected risks), every read resolver's answer to them is
// scanned for a key of any other project; the asApp data is filtered by asking Jira as the viewer.
import type { AppStack } from '../support/app-stack';
import { registeredResolverKeys } from '../support/fuzz';
import { PROGRAM_ID, READ_KEYS, type KeyCall } from './fuzz-payloads';
import { recordFigures } from './security-figures';
import {
  asContractor,
  CONTRACTOR,
  hiddenKeysOf,
  startVisibilityScan,
  type VisibilityScan,
} from './visibility-setup';

/** A MOB epic of the demo program: the contractor's epic panel is shown on it. */
const MOB_EPIC = 'MOB-36';

let scan: VisibilityScan;
let stack: AppStack;
let calls: Record<string, KeyCall>;
const leaks: string[] = [];
let scanned = 0;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  scan = await startVisibilityScan();
  ({ stack, calls } = scan);
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

async function scanRead(key: string): Promise<void> {
  const call = readCall(key);
  const envelope = await asContractor(scan, key, call);
  scanned += 1;
  const leak = hiddenKeysOf(scan, JSON.stringify(envelope))[0] ?? null;
  if (leak) leaks.push(`${key}: ${leak}`);
  expect(leak).toBeNull();
}

it.each(readKeys)('%s shows the contractor no key of a project they cannot browse', scanRead);
