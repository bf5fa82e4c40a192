// The Scope table's first rows from the scope snapshot: built as the app with the macro's snapshot, cut per
// viewer to the projects they may browse, never holding an epic under an issue security level.
import { KvsScopeSnapshotStore } from '../../src/adapters/storage/scope-snapshot-store';
import type { InitiativeRow, ProgramInitiativesSnapshot } from '../../src/contract';
import { refreshSnapshots } from '../../src/triggers/snapshot';
import { patchEmulatorIssue, startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;
const PROGRAM = 'prog-atlas';

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());

async function snapshotAs(email: string): Promise<ProgramInitiativesSnapshot> {
  const envelope = await stack.invoke('program/initiatives/snapshot', { programId: PROGRAM }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

async function liveAs(email: string): Promise<InitiativeRow[]> {
  const envelope = await stack.invoke('program/initiatives', { programId: PROGRAM }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data.initiatives;
}

const programEpicKeys = () => stack.emulator.site().program.epicKeys;
const byKey = (rows: readonly InitiativeRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe('the scope snapshot', () => {
  it('is null before the app has read the scope, and the request reads nothing from Jira', async () => {
    const before = (await stack.stats()).total;
    const view = await snapshotAs('tpm@example.com');
    expect(view.snapshot).toBeNull();
    expect(view.program).toMatchObject({ id: PROGRAM, name: expect.any(String) });
    expect((await stack.stats()).total).toBe(before);
  });

  it('holds, after the hourly trigger, the same rows the TPM’s live load shows', async () => {
    await stack.runtime.runTrigger(refreshSnapshots);
    const view = await snapshotAs('tpm@example.com');
    if (!view.snapshot) throw new Error('no snapshot after the trigger');
    expect(view.snapshot.hidden).toBe(0);
    expect(view.snapshot.initiatives).toHaveLength(programEpicKeys().length);
    expect(byKey(view.snapshot.initiatives)).toEqual(byKey(await liveAs('tpm@example.com')));
    expect(Date.parse(view.snapshot.builtAt)).toBeLessThanOrEqual(Date.now());
  });

  it('asks Jira one permission check and searches nothing when a viewer reads it', async () => {
    const before = (await stack.stats()).requests;
    await snapshotAs('sponsor@example.com');
    const after = (await stack.stats()).requests;
    const grew = Object.keys(after).filter((op) => (after[op] ?? 0) !== (before[op] ?? 0));
    expect(grew).toEqual(['getBulkPermissions']);
  });

  it('shows the MOB-only contractor the MOB rows and counts the rest without naming them', async () => {
    const view = await snapshotAs('contractor@example.com');
    if (!view.snapshot) throw new Error('no snapshot');
    const mob = programEpicKeys().filter((k) => k.startsWith('MOB-'));
    expect(view.snapshot.initiatives.map((r) => r.key).sort()).toEqual([...mob].sort());
    expect(view.snapshot.hidden).toBe(programEpicKeys().length - mob.length);
    const text = JSON.stringify(view);
    for (const key of programEpicKeys().filter((k) => !k.startsWith('MOB-'))) expect(text).not.toContain(key);
  });

  it('never keeps an epic under an issue security level, which the live load still shows', async () => {
    const secured = programEpicKeys().find((k) => k.startsWith('PAY-'));
    if (!secured) throw new Error('no PAY epic in the demo program');
    await patchEmulatorIssue(stack.emulator.url, secured, {
      securityLevel: { id: '10100', name: 'Finance only' },
    });
    try {
      await stack.runtime.runTrigger(refreshSnapshots);
      const view = await snapshotAs('tpm@example.com');
      if (!view.snapshot) throw new Error('no snapshot');
      expect(view.snapshot.initiatives.map((r) => r.key)).not.toContain(secured);
      expect(view.snapshot.hidden).toBe(1);
      const stored = await new KvsScopeSnapshotStore().get(PROGRAM);
      expect(JSON.stringify(stored)).not.toContain(`"${secured}"`);
      expect((await liveAs('tpm@example.com')).map((r) => r.key)).toContain(secured);
    } finally {
      await patchEmulatorIssue(stack.emulator.url, secured, { securityLevel: null });
      await stack.runtime.runTrigger(refreshSnapshots);
    }
  });

  it('answers null once the snapshot is older than three hours', async () => {
    const stored = await new KvsScopeSnapshotStore().get(PROGRAM);
    if (!stored) throw new Error('no stored snapshot');
    const old = new Date(Date.now() - 3 * 60 * 60 * 1000 - 60_000).toISOString();
    await new KvsScopeSnapshotStore().put({ ...stored, builtAt: old });
    expect((await snapshotAs('tpm@example.com')).snapshot).toBeNull();
    await stack.runtime.runTrigger(refreshSnapshots);
    expect((await snapshotAs('tpm@example.com')).snapshot).not.toBeNull();
  });

  it('rewrites no part when the trigger finds the scope unchanged, and splits rows under the KVS value limit', async () => {
    const keys = () =>
      Object.keys(stack.runtime.kvs.snapshot().kvs).filter((k) => k.startsWith(`scope-snapshot:${PROGRAM}:`));
    const partsBefore = keys();
    const stored = await new KvsScopeSnapshotStore().get(PROGRAM);
    if (!stored) throw new Error('no stored snapshot');
    const again = await new KvsScopeSnapshotStore().put({ ...stored, builtAt: new Date().toISOString() });
    expect(again.partsWritten).toBe(0);
    expect(keys()).toEqual(partsBefore);
    for (const key of partsBefore)
      expect(JSON.stringify(stack.runtime.kvs.snapshot().kvs[key]).length).toBeLessThan(240 * 1024);
  });
});
