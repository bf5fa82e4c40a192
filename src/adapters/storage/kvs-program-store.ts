// ProgramStore on @forge/kvs custom entities (declared in manifest.yml `app.storage.entities`).
// Layout: entity `program` holds the program record (key = program id); entity `program-item`
// holds each strategy, strategic initiative, goal, milestone and risk, and each Completion record
// (assessment, lesson, improvement action, handover), on its own (key = `<programId>:<kind>:<itemId>`),
// so no value grows with the program. Every value carries a `version`; updates and deletes are
// transactions conditioned on it (plain-key transactions cannot be conditional in @forge/kvs 1.6.5, entity
// ones can), so concurrent editors get StaleVersionError.
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import {
  agreementSchema,
  goalFields,
  keyResultSchema,
  milestoneFields,
  stageSchema,
  strategicInitiativeFields,
  strategyFields,
} from '../../domain/initiation/schemas';
import { newProgramRecord, type NewProgram, type ProgramRecord } from '../../domain/program/program';
import { storedRiskSchema } from '../../domain/risks/schemas';
import {
  storedAction,
  storedAssessment,
  storedHandover,
  storedLesson,
} from '../../domain/completion/schemas';
import {
  ItemNotFoundError,
  ProgramExistsError,
  STORED_ITEM_KINDS,
  StaleVersionError,
  type ProgramItems,
  type ProgramStore,
  type StoredItemKind,
  type StoredItemTypes,
  type Versioned,
} from '../../ports/program-store';

export { ProgramExistsError } from '../../ports/program-store';

/** Bumped when the stored shape changes; `liftProgram` reads every older version. */
export const PROGRAM_SCHEMA_VERSION = 2;
export const ITEM_SCHEMA_VERSION = 1;
export const PROGRAM_ENTITY = 'program';
export const ITEM_ENTITY = 'program-item';
/** Schema version 1 kept each program under one plain key; read, moved to the entity, then deleted. */
const LEGACY_PREFIX = 'program:';

export class StoredProgramUnreadableError extends Error {}

const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  jiraTeam: z.string(),
  leadAccountId: z.string().nullable(),
  capacityPerSprint: z.number(),
});
const stageChangeSchema = z.object({
  from: stageSchema.nullable(),
  to: stageSchema,
  at: z.string(),
  by: z.string(),
  override: z.object({ reason: z.string(), missing: z.array(z.string()) }).nullable(),
});
const LegacyProgramV1 = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  name: z.string(),
  stage: stageSchema,
  scopeJql: z.string(),
  owners: z.array(z.string()),
  createdAt: z.string(),
});
const ProgramRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  stage: stageSchema,
  scopeJql: z.string(),
  dependencyLinkTypes: z.array(z.string()),
  owners: z.array(z.string()),
  sponsor: z.string().nullable(),
  stakeholders: z.array(z.string()),
  teams: z.array(teamSchema),
  people: z.array(z.object({ accountId: z.string(), displayName: z.string() })),
  description: z.string(),
  expectedBenefits: z.string(),
  resourcesNeeded: z.string(),
  stageHistory: z.array(stageChangeSchema),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  // Execution status thresholds: absent on records written before them (the defaults apply).
  ragThresholds: z
    .object({
      behindAmber: z.number(),
      behindRed: z.number(),
      riskAmber: z.array(z.enum(['low', 'medium', 'high', 'critical'])),
      riskRed: z.array(z.enum(['low', 'medium', 'high', 'critical'])),
      milestoneSlipAmberDays: z.number(),
      milestoneSlipRedDays: z.number(),
    })
    .optional(),
  version: z.number().int(),
});
const StoredProgram = z.object({
  programId: z.string(),
  name: z.string(),
  version: z.number().int(),
  schemaVersion: z.literal(PROGRAM_SCHEMA_VERSION),
  record: ProgramRecordSchema,
});
type StoredProgram = z.infer<typeof StoredProgram>;

const revision = <T extends z.ZodTypeAny>(terms: T) =>
  z.object({ at: z.string(), by: z.string(), previous: terms, voidedAgreement: agreementSchema.nullable() });
const agreeable = <T extends z.ZodTypeAny>(terms: T) => ({
  agreement: agreementSchema.nullable(),
  history: z.array(revision(terms)),
});
const goalTerms = goalFields;
const milestoneTerms = milestoneFields.omit({ status: true });

// Stored items are read without the request limits' transforms: what was written is what is read.
const ITEM_SCHEMAS: { [K in StoredItemKind]: z.ZodType<StoredItemTypes[K], unknown> } = {
  strategy: strategyFields.extend({ id: z.string(), keyResults: z.array(keyResultSchema) }),
  'strategic-initiative': strategicInitiativeFields.extend({
    id: z.string(),
    strategyIds: z.array(z.string()),
    epicKeys: z.array(z.string()),
  }),
  goal: goalTerms.extend({ id: z.string(), ...agreeable(goalTerms) }),
  milestone: milestoneFields.extend({
    id: z.string(),
    initiativeKeys: z.array(z.string()),
    ...agreeable(milestoneTerms.extend({ initiativeKeys: z.array(z.string()) })),
  }),
  risk: storedRiskSchema,
  // Completion records.
  assessment: storedAssessment,
  lesson: storedLesson,
  'improvement-action': storedAction,
  handover: storedHandover,
} as never;

const StoredItem = z.object({
  programId: z.string(),
  kind: z.enum(STORED_ITEM_KINDS as [StoredItemKind, ...StoredItemKind[]]),
  itemId: z.string(),
  version: z.number().int(),
  schemaVersion: z.literal(ITEM_SCHEMA_VERSION),
  data: z.unknown(),
});
type StoredItem = z.infer<typeof StoredItem>;

const itemKey = (programId: string, kind: StoredItemKind, id: string) => `${programId}:${kind}:${id}`;

function readProgram(key: string, value: unknown): ProgramRecord {
  const parsed = StoredProgram.safeParse(value);
  if (!parsed.success)
    throw new StoredProgramUnreadableError(`Stored program ${key} is unreadable: ${parsed.error.message}`);
  return { ...parsed.data.record, version: parsed.data.version };
}

function readItem<K extends StoredItemKind>(
  key: string,
  kind: K,
  value: unknown,
): Versioned<StoredItemTypes[K]> {
  const stored = StoredItem.safeParse(value);
  const data = stored.success ? ITEM_SCHEMAS[kind].safeParse(stored.data.data) : undefined;
  if (!stored.success || !data?.success)
    throw new StoredProgramUnreadableError(`Stored ${kind} ${key} is unreadable`);
  return { ...data.data, version: stored.data.version };
}

const toStoredProgram = (record: ProgramRecord): StoredProgram => ({
  programId: record.id,
  name: record.name,
  version: record.version,
  schemaVersion: PROGRAM_SCHEMA_VERSION,
  record,
});

const versionIs = (version: number) =>
  new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));

const isKvsCode = (error: unknown, ...codes: string[]) =>
  error instanceof ForgeKvsAPIError && codes.includes(error.code);

export class KvsProgramStore implements ProgramStore {
  private programs = kvs.entity<StoredProgram>(PROGRAM_ENTITY);
  private itemEntity = kvs.entity<StoredItem>(ITEM_ENTITY);

  async get(programId: string): Promise<ProgramRecord | undefined> {
    const value = await this.programs.get(programId);
    if (value !== undefined) return readProgram(programId, value);
    return this.migrateLegacy(programId);
  }

  async list(): Promise<ProgramRecord[]> {
    await this.migrateAllLegacy();
    const programs: ProgramRecord[] = [];
    let cursor: string | undefined;
    do {
      let query = this.programs.query().index('by-name').limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const item of page.results) programs.push(readProgram(item.key, item.value));
      cursor = page.nextCursor;
    } while (cursor);
    return programs.sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(input: NewProgram): Promise<ProgramRecord> {
    const record = { ...newProgramRecord(input), version: 1 };
    try {
      await this.programs.set(record.id, toStoredProgram(record), { keyPolicy: 'FAIL_IF_EXISTS' });
    } catch (cause) {
      if (isKvsCode(cause, 'KEY_CONFLICT') || (await this.get(record.id)))
        throw new ProgramExistsError(record.id);
      throw cause;
    }
    return record;
  }

  async update(program: ProgramRecord, expectedVersion: number): Promise<ProgramRecord> {
    const record = { ...program, version: expectedVersion + 1 };
    try {
      await kvs
        .transact()
        .set(program.id, toStoredProgram(record), {
          entityName: PROGRAM_ENTITY,
          conditions: versionIs(expectedVersion),
        })
        .execute();
    } catch (cause) {
      if (!isKvsCode(cause, 'CONDITIONAL_CHECK_FAILED')) throw cause;
      const current = await this.programs.get(program.id);
      throw new StaleVersionError(`Program “${program.name}”`, expectedVersion, current?.version ?? null);
    }
    return record;
  }

  async items(programId: string): Promise<ProgramItems> {
    const items: ProgramItems = {
      strategy: [],
      'strategic-initiative': [],
      goal: [],
      milestone: [],
      risk: [],
      assessment: [],
      lesson: [],
      'improvement-action': [],
      handover: [],
    };
    let cursor: string | undefined;
    do {
      let query = this.itemEntity
        .query()
        .index('by-program', { partition: [programId] })
        .limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const { key, value } of page.results) {
        const kind = StoredItem.shape.kind.safeParse((value as { kind?: unknown }).kind);
        if (!kind.success) throw new StoredProgramUnreadableError(`Stored item ${key} has no known kind`);
        (items[kind.data] as unknown[]).push(readItem(key, kind.data, value));
      }
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async getItem<K extends StoredItemKind>(
    programId: string,
    kind: K,
    id: string,
  ): Promise<Versioned<StoredItemTypes[K]> | undefined> {
    const key = itemKey(programId, kind, id);
    const value = await this.itemEntity.get(key);
    return value === undefined ? undefined : readItem(key, kind, value);
  }

  async createItem<K extends StoredItemKind>(
    programId: string,
    kind: K,
    item: StoredItemTypes[K],
  ): Promise<Versioned<StoredItemTypes[K]>> {
    try {
      await this.itemEntity.set(
        itemKey(programId, kind, item.id),
        this.storedItem(programId, kind, item, 1),
        {
          keyPolicy: 'FAIL_IF_EXISTS',
        },
      );
    } catch (cause) {
      if (isKvsCode(cause, 'KEY_CONFLICT')) throw new StaleVersionError(`The ${kind} ${item.id}`, 0, 1);
      throw cause;
    }
    return { ...item, version: 1 };
  }

  async updateItem<K extends StoredItemKind>(
    programId: string,
    kind: K,
    item: StoredItemTypes[K],
    expectedVersion: number,
  ): Promise<Versioned<StoredItemTypes[K]>> {
    const key = itemKey(programId, kind, item.id);
    try {
      await kvs
        .transact()
        .set(key, this.storedItem(programId, kind, item, expectedVersion + 1), {
          entityName: ITEM_ENTITY,
          conditions: versionIs(expectedVersion),
        })
        .execute();
    } catch (cause) {
      throw await this.conflictOf(cause, key, kind, item.id, expectedVersion);
    }
    return { ...item, version: expectedVersion + 1 };
  }

  async deleteItem(
    programId: string,
    kind: StoredItemKind,
    id: string,
    expectedVersion: number,
  ): Promise<void> {
    const key = itemKey(programId, kind, id);
    try {
      await kvs
        .transact()
        .delete(key, { entityName: ITEM_ENTITY, conditions: versionIs(expectedVersion) })
        .execute();
    } catch (cause) {
      throw await this.conflictOf(cause, key, kind, id, expectedVersion);
    }
  }

  private storedItem(
    programId: string,
    kind: StoredItemKind,
    item: { id: string },
    version: number,
  ): StoredItem {
    return { programId, kind, itemId: item.id, version, schemaVersion: ITEM_SCHEMA_VERSION, data: item };
  }

  private async conflictOf(
    cause: unknown,
    key: string,
    kind: StoredItemKind,
    id: string,
    expectedVersion: number,
  ): Promise<unknown> {
    if (!isKvsCode(cause, 'CONDITIONAL_CHECK_FAILED')) return cause;
    const current = await this.itemEntity.get(key);
    if (current === undefined) return new ItemNotFoundError(kind, id);
    return new StaleVersionError(`This ${kind}`, expectedVersion, current.version);
  }

  /** Lifts a schema-1 program (one plain key) into the entity, keeping whatever was stored. */
  private async migrateLegacy(programId: string): Promise<ProgramRecord | undefined> {
    const legacyKey = `${LEGACY_PREFIX}${programId}`;
    const value = await kvs.get<unknown>(legacyKey);
    if (value === undefined) return undefined;
    const parsed = LegacyProgramV1.safeParse(value);
    if (!parsed.success)
      throw new StoredProgramUnreadableError(
        `Stored program ${legacyKey} is unreadable: ${parsed.error.message}`,
      );
    const { schemaVersion: _v, ...v1 } = parsed.data;
    let record: ProgramRecord;
    try {
      record = await this.create(v1);
    } catch (error) {
      if (!(error instanceof ProgramExistsError)) throw error;
      record = readProgram(programId, await this.programs.get(programId));
    }
    await kvs.delete(legacyKey);
    return record;
  }

  private async migrateAllLegacy(): Promise<void> {
    const page = await kvs
      .query()
      .where('key', WhereConditions.beginsWith(LEGACY_PREFIX))
      .limit(20)
      .getMany<unknown>();
    for (const item of page.results) await this.migrateLegacy(item.key.slice(LEGACY_PREFIX.length));
    // Each pass deletes what it moved, so the next page starts again at the front.
    if (page.nextCursor) await this.migrateAllLegacy();
  }
}
