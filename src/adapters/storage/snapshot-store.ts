// Program snapshots on @forge/kvs plain keys. A snapshot is split so no value nears the 240 KiB limit:
// the head `macro-snapshot:<programId>` holds everything but the initiatives and names its generation;
// the initiatives sit in parts `macro-snapshot:<programId>:<generation>:<n>` of at most PART_SIZE each.
// The generation is a hash of the parts' content, so rebuilding an unchanged program rewrites no part,
// two concurrent rebuilds write the same keys, and readers never see a head naming parts not yet written
// (parts are written first, the head last, the old generation's parts deleted after).
import { createHash } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { ProgramSnapshot, SnapshotInitiative } from '../../domain/snapshot/snapshot';

/** 80–130 bytes an initiative (longer with long project keys): 500 keep a part under ~65 KB. */
export const PART_SIZE = 500;
const PREFIX = 'macro-snapshot:';

export interface SnapshotStore {
  get(programId: string): Promise<ProgramSnapshot | undefined>;
  /** Stores the snapshot; answers how many values were written (0 parts when the initiatives did not change). */
  put(snapshot: ProgramSnapshot): Promise<{ partsWritten: number }>;
}

const InitiativeSchema = z.object({
  key: z.string(),
  projectKey: z.string(),
  status: z.enum(['new', 'indeterminate', 'done']),
  done: z.number(),
  inProgress: z.number(),
  toDo: z.number(),
});

const HeadSchema = z.object({
  schemaVersion: z.number(),
  programId: z.string(),
  programName: z.string(),
  stage: z.enum(['initiation', 'planning', 'execution', 'completion', 'closed']),
  builtAt: z.string(),
  projectIds: z.record(z.string(), z.string()),
  milestones: z.array(
    z.object({
      name: z.string(),
      targetDate: z.string(),
      status: z.enum(['planned', 'on-track', 'at-risk', 'done', 'missed']),
      initiativeKeys: z.array(z.string()),
    }),
  ),
  risks: z.array(
    z.object({
      title: z.string(),
      severity: z.enum(['low', 'medium', 'high', 'critical']),
      score: z.number(),
      status: z.enum(['open', 'mitigating', 'accepted', 'closed', 'happened']),
      projectKeys: z.array(z.string()).optional(),
    }),
  ),
  generation: z.string(),
  parts: z.number().int().nonnegative(),
});
type Head = z.infer<typeof HeadSchema>;

const headKey = (programId: string) => `${PREFIX}${programId}`;
const partKey = (programId: string, generation: string, n: number) =>
  `${PREFIX}${programId}:${generation}:${n}`;

function partsOf(initiatives: readonly SnapshotInitiative[]): SnapshotInitiative[][] {
  const parts: SnapshotInitiative[][] = [];
  for (let i = 0; i < initiatives.length; i += PART_SIZE) parts.push(initiatives.slice(i, i + PART_SIZE));
  return parts;
}

export class KvsSnapshotStore implements SnapshotStore {
  async get(programId: string): Promise<ProgramSnapshot | undefined> {
    const parsed = HeadSchema.safeParse(await kvs.get<unknown>(headKey(programId)));
    // An unreadable head (an older shape) is treated as no snapshot: the caller rebuilds it.
    if (!parsed.success) return undefined;
    const head = parsed.data;
    const parts = await Promise.all(
      Array.from({ length: head.parts }, (_, n) => kvs.get<unknown>(partKey(programId, head.generation, n))),
    );
    const initiatives: SnapshotInitiative[] = [];
    for (const part of parts) {
      const list = z.array(InitiativeSchema).safeParse(part);
      if (!list.success) return undefined;
      initiatives.push(...list.data);
    }
    const { generation: _generation, parts: _parts, ...snapshot } = head;
    return { ...snapshot, initiatives };
  }

  async put(snapshot: ProgramSnapshot): Promise<{ partsWritten: number }> {
    const parts = partsOf(snapshot.initiatives);
    const generation = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
    const previous = HeadSchema.safeParse(await kvs.get<unknown>(headKey(snapshot.programId)));
    const same = previous.success && previous.data.generation === generation;
    if (!same)
      await Promise.all(parts.map((part, n) => kvs.set(partKey(snapshot.programId, generation, n), part)));
    const { initiatives: _initiatives, ...rest } = snapshot;
    const head: Head = { ...rest, generation, parts: parts.length };
    await kvs.set(headKey(snapshot.programId), head);
    if (previous.success && !same) {
      const old = previous.data;
      await Promise.all(
        Array.from({ length: old.parts }, (_, n) =>
          kvs.delete(partKey(snapshot.programId, old.generation, n)),
        ),
      );
    }
    return { partsWritten: same ? 0 : parts.length };
  }
}
