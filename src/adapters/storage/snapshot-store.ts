// Program snapshots (the status macro's) on @forge/kvs plain keys, split by PartedKvsStore so no value nears
// the 240 KiB limit: the head `macro-snapshot:<programId>` holds everything but the initiatives, which sit
// in parts `macro-snapshot:<programId>:<generation>:<n>` of at most PART_SIZE each.
import { z } from 'zod';
import type { ProgramSnapshot, SnapshotInitiative } from '../../domain/snapshot/snapshot';
import { PartedKvsStore, splitByCount } from './parted-kvs';

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
  rag: z.object({
    status: z.enum(['green', 'amber', 'red']),
    summary: z.string(),
    reasons: z.array(
      z.object({ level: z.enum(['amber', 'red']), text: z.string(), initiativeKeys: z.array(z.string()) }),
    ),
  }),
});

const store = new PartedKvsStore<Omit<ProgramSnapshot, 'initiatives'>, SnapshotInitiative>({
  prefix: PREFIX,
  headSchema: HeadSchema,
  itemSchema: InitiativeSchema,
  split: splitByCount(PART_SIZE),
});

export class KvsSnapshotStore implements SnapshotStore {
  async get(programId: string): Promise<ProgramSnapshot | undefined> {
    const stored = await store.get(programId);
    return stored && { ...stored.head, initiatives: stored.items };
  }

  async put(snapshot: ProgramSnapshot): Promise<{ partsWritten: number }> {
    const { initiatives, ...head } = snapshot;
    return store.put(snapshot.programId, head, initiatives);
  }
}
