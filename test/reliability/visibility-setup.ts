// The demo site as the visibility scans read it: contractor@ browses MOB only, and the app has computed its own
// data as the app first (snapshots, the daily progress history, detected risks), with every project in it.
import type { Envelope } from '../../src/contract';
import { executionDaily } from '../../src/triggers/execution-daily';
import { refreshSnapshots } from '../../src/triggers/snapshot';
import { handler } from '../../src/index';
import { accountIdOf, pinToday, startAppStack, type AppStack } from '../support/app-stack';
import { PROGRAM_ID, prepareDemoFacts, validCalls, type KeyCall } from './fuzz-payloads';

export const CONTRACTOR = 'contractor@example.com';

export interface VisibilityScan {
  stack: AppStack;
  calls: Record<string, KeyCall>;
  /** Matches (globally) a key of a project the contractor cannot browse. */
  hiddenKey: RegExp;
}

export async function startVisibilityScan(): Promise<VisibilityScan> {
  pinToday('2027-02-10T09:00:00Z');
  const stack = await startAppStack({ demoPlan: true });
  const calls = validCalls(await prepareDemoFacts(stack));
  const hidden = stack.emulator
    .site()
    .projects.map((p) => p.key)
    .filter((key) => key !== 'MOB');
  await stack.runtime.runTrigger(refreshSnapshots);
  await stack.runtime.runTrigger(executionDaily);
  const detected = (await stack.invoke('risks/detect', { programId: PROGRAM_ID })) as Envelope<unknown>;
  if (!detected.success) throw new Error(JSON.stringify(detected.errors));
  return { stack, calls, hiddenKey: new RegExp(`\\b(?:${hidden.join('|')})-\\d+\\b`, 'g') };
}

/** The keys in `text` of projects the contractor cannot browse, each once. */
export function hiddenKeysOf(scan: VisibilityScan, text: string): string[] {
  return [...new Set(text.match(scan.hiddenKey) ?? [])];
}

/** A resolver's whole answer (data or error) to the contractor, for the call's payload and context. */
export async function asContractor(
  scan: VisibilityScan,
  key: string,
  call: KeyCall,
): Promise<Envelope<unknown>> {
  return (await scan.stack.runtime.invoke(handler, {
    key,
    payload: call.payload,
    accountId: accountIdOf(CONTRACTOR),
    ...(call.context ? { context: call.context } : {}),
  })) as Envelope<unknown>;
}
