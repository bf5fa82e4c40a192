import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import {
  newProgramRecord,
  PROGRAM_STAGES,
  type NewProgram,
  type ProgramRecord,
} from '../../domain/program/program';
import type { ProgramStore } from '../../ports/program-store';

/** Bumped when the stored shape changes; `migrate` lifts older records. */
export const PROGRAM_SCHEMA_VERSION = 1;
const KEY_PREFIX = 'program:';

const StoredProgramSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  name: z.string(),
  stage: z.enum(PROGRAM_STAGES as [ProgramRecord['stage'], ...ProgramRecord['stage'][]]),
  scopeJql: z.string(),
  owners: z.array(z.string()),
  createdAt: z.string(),
});

export class ProgramExistsError extends Error {
  constructor(readonly programId: string) {
    super(`A program with id "${programId}" already exists`);
  }
}

export class StoredProgramUnreadableError extends Error {}

function fromStored(key: string, value: unknown): ProgramRecord {
  const parsed = StoredProgramSchema.safeParse(value);
  if (!parsed.success)
    throw new StoredProgramUnreadableError(`Stored program ${key} is unreadable: ${parsed.error.message}`);
  const { schemaVersion: _version, ...program } = parsed.data;
  return newProgramRecord(program);
}

const programKey = (id: string) => `${KEY_PREFIX}${id}`;

export class KvsProgramStore implements ProgramStore {
  async get(programId: string): Promise<ProgramRecord | undefined> {
    const value = await kvs.get<unknown>(programKey(programId));
    return value === undefined ? undefined : fromStored(programKey(programId), value);
  }

  async list(): Promise<ProgramRecord[]> {
    const programs: ProgramRecord[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(KEY_PREFIX)).limit(20);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const item of page.results) programs.push(fromStored(item.key, item.value));
      cursor = page.nextCursor;
    } while (cursor);
    return programs.sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(input: NewProgram): Promise<void> {
    const program = newProgramRecord(input);
    try {
      await kvs.set(
        programKey(program.id),
        { schemaVersion: PROGRAM_SCHEMA_VERSION, ...program },
        { keyPolicy: 'FAIL_IF_EXISTS' },
      );
    } catch (cause) {
      if (await this.get(program.id)) throw new ProgramExistsError(program.id);
      throw cause;
    }
  }
}
