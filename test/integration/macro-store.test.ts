// The snapshot store on the local Forge KVS (same limits as Forge): split values, no leftovers.
import { KvsSnapshotStore, PART_SIZE } from '../../src/adapters/storage/snapshot-store';
import type { ProgramSnapshot, SnapshotInitiative } from '../../src/domain/snapshot/snapshot';
import { startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;
beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());

function generateSnapshot(programId: string, epics: number, done = 0): ProgramSnapshot {
  const initiatives: SnapshotInitiative[] = Array.from({ length: epics }, (_, n) => ({
    key: `PLATFORMENGINEERING-${100000 + n}`,
    projectKey: 'PLATFORMENGINEERING',
    status: 'indeterminate',
    done,
    inProgress: 12,
    toDo: 30,
  }));
  return {
    schemaVersion: 1,
    programId,
    programName: 'Big program',
    stage: 'execution',
    builtAt: '2026-11-25T10:00:00.000Z',
    projectIds: { PLATFORMENGINEERING: '10042' },
    initiatives,
    milestones: [],
    risks: [],
    rag: { status: 'green', summary: '28% of issues done.', reasons: [] },
  };
}

const storedFor = (programId: string) =>
  Object.entries(stack.runtime.kvs.snapshot().kvs).filter(([key]) =>
    key.startsWith(`macro-snapshot:${programId}`),
  );

describe('snapshot store', () => {
  it('splits a 3,000-epic program so every stored value stays far below the 240 KiB limit', async () => {
    const store = new KvsSnapshotStore();
    const snapshot = generateSnapshot('big', 3000);
    await store.put(snapshot);
    const stored = storedFor('big');
    expect(stored).toHaveLength(1 + Math.ceil(3000 / PART_SIZE));
    for (const [, value] of stored) expect(Buffer.byteLength(JSON.stringify(value))).toBeLessThan(120 * 1024);
    expect(await store.get('big')).toEqual(snapshot);
  });

  it('rewrites no part when the initiatives did not change, and drops the old parts when they did', async () => {
    const store = new KvsSnapshotStore();
    await store.put(generateSnapshot('again', 1200));
    const unchanged = await store.put({
      ...generateSnapshot('again', 1200),
      builtAt: '2026-11-25T11:00:00.000Z',
    });
    expect(unchanged.partsWritten).toBe(0);
    const changed = await store.put(generateSnapshot('again', 1200, 5));
    expect(changed.partsWritten).toBe(3);
    expect(storedFor('again')).toHaveLength(1 + 3);
    expect((await store.get('again'))?.initiatives[0]?.done).toBe(5);
  });

  it('answers no snapshot for a program that has none', async () => {
    await expect(new KvsSnapshotStore().get('never-built')).resolves.toBeUndefined();
  });
});
