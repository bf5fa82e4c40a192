// Issue security through the app: on the demo site with one DATA epic under "Confidential" (the TPM and the
// Data lead), a viewer outside the level gets the epic neither in the live scope nor in the scope snapshot.
import { DEMO_OPTIONS } from '../../dev/seed';
import { KvsScopeSnapshotStore } from '../../src/adapters/storage/scope-snapshot-store';
import type { InitiativeRow, ProgramInitiativesSnapshot } from '../../src/contract';
import { refreshSnapshots } from '../../src/triggers/snapshot';
import { startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;
const PROGRAM = 'prog-atlas';
const OUTSIDE = 'stakeholder@example.com';
const MEMBER = 'lead.data@example.com';

beforeAll(async () => {
  stack = await startAppStack({ generator: { ...DEMO_OPTIONS, securedDemoEpic: true } });
});
afterAll(async () => stack.close());

const secured = (): string => {
  const [key] = stack.emulator.site().program.securedEpicKeys;
  if (!key) throw new Error('the demo site secured no epic');
  return key;
};

async function liveAs(email: string): Promise<InitiativeRow[]> {
  const envelope = await stack.invoke('program/initiatives', { programId: PROGRAM }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data.initiatives;
}

async function snapshotAs(email: string): Promise<ProgramInitiativesSnapshot> {
  const envelope = await stack.invoke('program/initiatives/snapshot', { programId: PROGRAM }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

describe('an epic under an issue security level', () => {
  it('is left out of the live scope of a viewer outside the level, and shown to a member', async () => {
    const outside = (await liveAs(OUTSIDE)).map((r) => r.key);
    expect(outside).not.toContain(secured());
    expect(outside).toHaveLength(stack.emulator.site().program.epicKeys.length - 1);
    expect((await liveAs(MEMBER)).map((r) => r.key)).toContain(secured());
    expect((await liveAs('tpm@example.com')).map((r) => r.key)).toContain(secured());
  });

  it('is never stored in the scope snapshot, which counts it hidden for a member and a non-member alike', async () => {
    await stack.runtime.runTrigger(refreshSnapshots);
    const stored = await new KvsScopeSnapshotStore().get(PROGRAM);
    expect(stored?.restricted).toBe(1);
    expect(JSON.stringify(stored)).not.toContain(`"${secured()}"`);
    for (const email of [OUTSIDE, MEMBER]) {
      const view = await snapshotAs(email);
      if (!view.snapshot) throw new Error(`no snapshot for ${email}`);
      expect(view.snapshot.initiatives.map((r) => r.key)).not.toContain(secured());
      expect(view.snapshot.hidden).toBe(1);
      expect(JSON.stringify(view)).not.toContain(secured());
    }
  });

  it('leaves no trace of its key in the outside viewer’s live scope answer', async () => {
    const envelope = await stack.invoke('program/initiatives', { programId: PROGRAM }, OUTSIDE);
    expect(JSON.stringify(envelope)).not.toContain(`"${secured()}"`);
  });
});
