// No secrets in logs: every line the app writes (its JSON logger and any console call) during a full flow —
// reads, plan and status, risk detection, a publish, the macro, the triggers, and calls that fail upstream or
// are refused — holds no Authorization header, API token, Basic credentials or the app's bearer token.
import { EMULATOR_APP_TOKEN } from '../../dev/emulator/server';
import { DEMO_USERS } from '../../dev/seed';
import { executionDaily } from '../../src/triggers/execution-daily';
import { publishScheduled } from '../../src/triggers/publish-scheduled';
import { refreshSnapshots } from '../../src/triggers/snapshot';
import { startAppStack, type AppStack } from '../support/app-stack';
import { PROGRAM_ID, QUARTER } from './fuzz-payloads';
import { recordFigures } from './security-figures';

const lines: string[] = [];
let stack: AppStack;

/** Strings that must never be logged: each demo user's credentials in every form, and the app's token. */
function secrets(): string[] {
  return [
    EMULATOR_APP_TOKEN,
    `Bearer ${EMULATOR_APP_TOKEN}`,
    ...DEMO_USERS.flatMap((u) => {
      const basic = Buffer.from(`${u.email}:${u.apiToken}`, 'utf8').toString('base64');
      return [`${u.email}:${u.apiToken}`, basic, `Basic ${basic}`];
    }),
  ];
}

const CREDENTIAL_PATTERNS = [
  /authorization["']?\s*[:=]/i,
  /\bBasic [A-Za-z0-9+/=]{8,}/,
  /\bBearer [A-Za-z0-9._-]{8,}/,
];

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  stack = await startAppStack({ demoPlan: true });
}, 120_000);
afterAll(async () => {
  await stack?.close();
  jest.restoreAllMocks();
});

it('logs no credentials through a full flow, its refusals and its upstream failures', async () => {
  const as = (email: string) => email;
  const programId = PROGRAM_ID;
  await stack.invoke('program/get', { programId });
  await stack.invoke('program/initiatives', { programId });
  await stack.invoke('program/dependencies', { programId });
  await stack.invoke('plan/get', { programId, quarter: QUARTER });
  await stack.invoke('status/get', { programId });
  await stack.invoke('risks/detect', { programId });
  await stack.invoke('risks/get', { programId }, as('contractor@example.com'));
  const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG')!;
  await stack.invoke('publish/target/save', {
    programId,
    spaceId: space.id,
    parentPageId: space.homepageId!,
    reportCadence: 'weekly',
  });
  const published = await stack.invoke('publish/now', { programId });
  expect(published.success).toBe(true);
  await stack.invoke('macro/status', {}, 'stakeholder@example.com', {
    moduleKey: 'status-macro',
    extension: { type: 'macro', config: { programId } },
  });
  await stack.runtime.runTrigger(refreshSnapshots);
  await stack.runtime.runTrigger(executionDaily);
  await stack.runtime.runTrigger(publishScheduled);
  // Refused and failing calls log their reasons: those lines must be clean too.
  await stack.invoke(
    'program/update',
    { programId, expectedVersion: 1, changes: { name: 'x' } },
    'sponsor@example.com',
  );
  await stack.faults({ searchAndReconsileIssuesUsingJqlPost: { status: 500, rate: 1 } });
  const failed = await stack.invoke('program/initiatives', { programId });
  expect(failed.success).toBe(false);
  await stack.faults({ searchAndReconsileIssuesUsingJqlPost: { status: 503, rate: 1 } });
  await stack.invoke('status/get', { programId });
  await stack.faults({});

  expect(lines.length).toBeGreaterThan(5);
  // The failing calls were logged as errors: the scan covers the lines most likely to carry a request.
  expect(lines.some((l) => l.includes('"level":"error"'))).toBe(true);
  const text = lines.join('\n');
  const leaked = secrets().filter((s) => text.includes(s));
  const patterns = CREDENTIAL_PATTERNS.filter((p) => p.test(text)).map(String);
  recordFigures([
    {
      name: 'logs: credentials or tokens in the log lines of a full flow',
      target: '0',
      measured: `${leaked.length + patterns.length} in ${lines.length} lines`,
      pass: leaked.length + patterns.length === 0,
    },
  ]);
  expect(leaked).toEqual([]);
  expect(patterns).toEqual([]);
}, 180_000);
