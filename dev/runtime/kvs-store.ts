/**
 * LocalKvsStore: an in-process stand-in for the Forge KVS service, answering the JSON requests that
 * @forge/kvs 1.6.5 sends through `__forge_fetch__` (storage-api.js) with the statuses and bodies that
 * client parses (200 JSON, 204 empty, 404 KEY_NOT_FOUND, 4xx `{ code, message }`). Every request is
 * handled synchronously, so each one is atomic.
 *
 * Modelled: get/set/delete; secrets (a separate namespace, kept in clear text in the demo file); custom
 * entities get/set/delete/query (declared indexes with partition, range, filters, sort; an entity with no
 * declaration ranges over its key); batch get/set/delete with per-key results; transactions of ≤ 25
 * operations, one use per key, all-or-nothing, with entity conditions and checks; keyPolicy
 * FAIL_IF_EXISTS; returnValue PREVIOUS/LATEST; metadata fields; TTL; key (≤ 500 chars, Forge's pattern),
 * value (≤ 240 KiB serialized, depth ≤ 32) and entity-name limits; `kvs.query()` pages of at most 20 with
 * opaque cursors, limit ≤ 100; persistence to a JSON file (write to a temporary, then rename).
 *
 * Not modelled: rate limits and quotas (429), eventual consistency of entity indexes (ours are always
 * current), TTL expiry lag (an expired entry is gone at once), entity attribute limits beyond the declared
 * types, the storage:app scope check. Codes Atlassian does not publish are marked "unpublished" below.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  attributeOf,
  compareValues,
  groupHolds,
  parseClause,
  parseClauseGroup,
  RANGE_CONDITIONS,
  type Clause,
  type ClauseGroup,
  clauseHolds,
} from './kvs-conditions';
import {
  badRequest,
  checkEntityName,
  checkKey,
  checkPayloadSize,
  checkValue,
  KvsServiceError,
  TRANSACTION_MAX_OPERATIONS,
  ttlMillis,
} from './kvs-rules';

/** An entity index as declared in manifest.yml `app.storage.entities[].indexes`. */
export interface EntityIndexDeclaration {
  name: string;
  range: string;
  partition?: string[];
}

export type EntityAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** What the manifest declares for one custom entity; Forge knows it from the manifest, we must be told. */
export interface EntityDeclaration {
  attributes?: Record<string, { type: EntityAttributeType }>;
  /** A bare string is the manifest shorthand: an index of that name ranging over that attribute. */
  indexes?: Array<string | EntityIndexDeclaration>;
}

export interface LocalKvsStoreOptions {
  /** Persist to this JSON file after every write (atomic rename) and load it on start. */
  file?: string;
  /** Milliseconds since the epoch; injected for TTL tests. */
  now?: () => number;
  entities?: Record<string, EntityDeclaration>;
  /** Most results one query page returns; Forge documents 20 for `kvs.query()`. */
  queryPageSize?: number;
}

export interface KvsReply {
  status: number;
  body?: unknown;
}

export interface KvsSnapshot {
  kvs: Record<string, unknown>;
  secrets: Record<string, unknown>;
  entities: Record<string, Record<string, unknown>>;
}

interface Entry {
  value: unknown;
  /** Seconds since the epoch, like the service's metadata fields. */
  createdAt: number;
  updatedAt: number;
  /** Milliseconds since the epoch. */
  expiresAt?: number;
}

type Space = Map<string, Entry>;

interface PersistedStore {
  format: typeof FILE_FORMAT;
  kvs: Record<string, Entry>;
  secrets: Record<string, Entry>;
  entities: Record<string, Record<string, Entry>>;
}

const FILE_FORMAT = 'forge-kvs-local/1';
const DEFAULT_PAGE_SIZE = 20;
const MAX_QUERY_LIMIT = 100;

const NOT_FOUND = new KvsServiceError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

type RecordBody = Record<string, unknown>;

function asRecord(body: unknown): RecordBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid');
  return body as RecordBody;
}

function asArray(body: unknown): unknown[] {
  if (!Array.isArray(body))
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: expected an array');
  return body;
}

function metadataFieldsOf(options: unknown, field = 'metadataFields'): string[] {
  const list = options && typeof options === 'object' ? (options as RecordBody)[field] : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): unknown[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const position = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(position)) return position;
  } catch {
    // fall through to the error below
  }
  // unpublished code: Forge only says cursors "may not always be stable"
  throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid.');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class LocalKvsStore {
  private kvs: Space = new Map();
  private secrets: Space = new Map();
  private entities = new Map<string, Space>();
  private readonly now: () => number;
  private readonly pageSize: number;

  constructor(private readonly options: LocalKvsStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.pageSize = options.queryPageSize ?? DEFAULT_PAGE_SIZE;
    if (options.file && existsSync(options.file)) this.load(options.file);
  }

  /** Answers one KVS request: `path` as @forge/kvs sends it (e.g. `/api/v1/set`), `body` the parsed JSON. */
  handle(path: string, body: unknown): KvsReply {
    try {
      return this.route(path.split('?')[0] ?? path, body);
    } catch (error) {
      if (error instanceof KvsServiceError)
        return { status: error.status, body: { code: error.code, message: error.message } };
      throw error;
    }
  }

  /** Live values by namespace, for tests and inspection. */
  snapshot(): KvsSnapshot {
    const values = (space: Space) =>
      Object.fromEntries(
        [...space].filter(([, entry]) => this.isLive(entry)).map(([key, entry]) => [key, entry.value]),
      );
    return {
      kvs: values(this.kvs),
      secrets: values(this.secrets),
      entities: Object.fromEntries(
        [...this.entities]
          .map(([name, space]): [string, Record<string, unknown>] => [name, values(space)])
          .filter(([, live]) => Object.keys(live).length > 0),
      ),
    };
  }

  clear(): void {
    this.kvs = new Map();
    this.secrets = new Map();
    this.entities = new Map();
    this.persist();
  }

  private route(path: string, body: unknown): KvsReply {
    switch (path) {
      case '/api/v1/get':
        return this.get(this.kvs, asRecord(body), false);
      case '/api/v1/set':
        return this.set(this.kvs, asRecord(body), false);
      case '/api/v1/delete':
        return this.delete(this.kvs, asRecord(body), false);
      case '/api/v1/query':
        return this.query(asRecord(body));
      case '/api/v1/secret/get':
        return this.get(this.secrets, asRecord(body), false);
      case '/api/v1/secret/set':
        return this.set(this.secrets, asRecord(body), false);
      case '/api/v1/secret/delete':
        return this.delete(this.secrets, asRecord(body), false);
      case '/api/v1/entity/get':
        return this.get(this.entitySpace(asRecord(body).entityName), asRecord(body), true);
      case '/api/v1/entity/set':
        return this.set(this.entitySpace(asRecord(body).entityName), asRecord(body), true);
      case '/api/v1/entity/delete':
        return this.delete(this.entitySpace(asRecord(body).entityName), asRecord(body), true);
      case '/api/v1/entity/query':
        return this.queryEntity(asRecord(body));
      case '/api/v1/batch/get':
        return this.batchGet(asArray(body));
      case '/api/v1/batch/set':
        return this.batchSet(asArray(body));
      case '/api/v1/batch/delete':
        return this.batchDelete(asArray(body));
      case '/api/v1/transaction':
        return this.transact(asRecord(body));
      default:
        return {
          status: 501,
          body: { code: 'NOT_IMPLEMENTED', message: `The local KVS does not model POST ${path}` },
        };
    }
  }

  // ---- single-key operations -------------------------------------------------------------------

  private get(space: Space, body: RecordBody, entity: boolean): KvsReply {
    const key = checkKey(body.key, { entity });
    const entry = this.live(space, key);
    if (!entry) throw NOT_FOUND;
    return { status: 200, body: this.entryBody(key, entry, metadataFieldsOf(body.options)) };
  }

  private set(space: Space, body: RecordBody, entity: boolean): KvsReply {
    const key = checkKey(body.key, { entity });
    const value = entity
      ? this.checkEntityValue(body.entityName as string, body.value)
      : checkValue(body.value);
    const options = (body.options ?? {}) as RecordBody;
    const keyPolicy = options.keyPolicy ?? 'OVERRIDE';
    const returnValue = options.returnValue;
    if (keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS')
      throw badRequest('BAD_REQUEST', `Provided request body is invalid: keyPolicy ${String(keyPolicy)}`);
    if (
      returnValue !== undefined &&
      (keyPolicy !== 'OVERRIDE' || !['PREVIOUS', 'LATEST'].includes(String(returnValue)))
    )
      throw badRequest(
        'BAD_REQUEST',
        'Provided request body is invalid: returnValue needs keyPolicy OVERRIDE',
      );
    const expiresIn = ttlMillis(options);
    const previous = this.live(space, key);
    // unpublished code, as public Forge apps observe it: 409 KEY_CONFLICT
    if (keyPolicy === 'FAIL_IF_EXISTS' && previous)
      throw new KvsServiceError(409, 'KEY_CONFLICT', `The key ${key} already exists.`);
    const written = this.write(space, key, value, expiresIn);
    this.persist();
    const fields = metadataFieldsOf(options, 'returnMetadataFields');
    if (returnValue === 'LATEST') return { status: 200, body: this.entryBody(key, written, fields) };
    if (returnValue === 'PREVIOUS' && previous)
      return { status: 200, body: this.entryBody(key, previous, fields) };
    return { status: 204 };
  }

  private delete(space: Space, body: RecordBody, entity: boolean): KvsReply {
    const key = checkKey(body.key, { entity });
    if (space.delete(key)) this.persist();
    return { status: 204 };
  }

  // ---- queries ---------------------------------------------------------------------------------

  private query(body: RecordBody): KvsReply {
    let prefix = '';
    if (body.where !== undefined) {
      const where = asArray(body.where);
      if (where.length !== 1)
        throw badRequest('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
      const clause = parseClause(where[0]);
      if (clause.property !== 'key')
        throw badRequest('QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters.');
      if (clause.condition !== 'BEGINS_WITH')
        throw badRequest('INVALID_FILTER_CONDITION', 'The specified condition is not supported for filters.');
      prefix = String(clause.values[0]);
    }
    if (typeof body.limit === 'number' && body.limit > MAX_QUERY_LIMIT)
      throw badRequest(
        'LIST_QUERY_LIMIT_EXCEEDED',
        `Limit for list query should be below ${MAX_QUERY_LIMIT}.`,
      );
    // "Limit the result size ... up to a maximum of 20": a larger limit still pages by 20
    const limit = this.pageLimit(body.limit, 'BAD_REQUEST', this.pageSize);
    const after = decodeCursor(body.after);
    const afterKey = after === undefined ? undefined : String(after[0]);
    const keys = [...this.kvs.keys()]
      .filter((key) => key.startsWith(prefix) && (afterKey === undefined || key > afterKey))
      .filter((key) => this.live(this.kvs, key) !== undefined)
      .sort(compareKeys);
    const page = keys.slice(0, limit);
    const fields = metadataFieldsOf(body.options);
    const data = page.map((key) => this.entryBody(key, this.kvs.get(key) as Entry, fields));
    const last = page[page.length - 1];
    return {
      status: 200,
      body: { data, ...(keys.length > limit && last ? { cursor: encodeCursor([last]) } : {}) },
    };
  }

  private queryEntity(body: RecordBody): KvsReply {
    const entityName = checkEntityName(body.entityName);
    if (typeof body.indexName !== 'string' || body.indexName === '')
      throw badRequest('BAD_REQUEST', 'Provided request body is invalid: indexName is required');
    const index = this.indexOf(entityName, body.indexName);
    const partition = body.partition === undefined ? [] : asArray(body.partition);
    if (partition.length !== index.partition.length)
      throw badRequest(
        'INVALID_ENTITY_INDEX',
        index.declared
          ? `Index ${body.indexName} of ${entityName} is partitioned by [${index.partition.join(', ')}]; got ${partition.length} value(s).`
          : `Index ${body.indexName} of ${entityName} is not declared to the local KVS, so its partition is unknown; pass its declaration in the \`entities\` option.`,
      );
    const range: Clause | undefined =
      body.range === undefined ? undefined : parseClause(body.range, RANGE_CONDITIONS);
    const filters: ClauseGroup | undefined = parseClauseGroup(body.filters);
    if (body.sort !== undefined && body.sort !== 'ASC' && body.sort !== 'DESC')
      throw badRequest('BAD_REQUEST', 'Provided request body is invalid: sort must be ASC or DESC');
    const limit = this.pageLimit(body.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', MAX_QUERY_LIMIT);
    const direction = body.sort === 'DESC' ? -1 : 1;
    const rangeOf = (key: string, value: unknown) =>
      index.range === undefined ? key : attributeOf(value, index.range);

    const space = this.entities.get(entityName) ?? new Map<string, Entry>();
    const order = (a: [unknown, string], b: [unknown, string]) =>
      direction *
      ((compareValues(a[0], b[0]) ?? compareKeys(typeof a[0], typeof b[0])) || compareKeys(a[1], b[1]));
    const after = decodeCursor(body.cursor) as [unknown, string] | undefined;
    const matches = [...space]
      .filter(([, entry]) => this.isLive(entry))
      .map(([key, entry]): [unknown, string, Entry] => [rangeOf(key, entry.value), key, entry])
      .filter(([rangeValue]) => rangeValue !== undefined)
      .filter(([, , entry]) =>
        index.partition.every(
          (attribute, i) => compareValues(attributeOf(entry.value, attribute), partition[i]) === 0,
        ),
      )
      .filter(([rangeValue]) => range === undefined || clauseHolds(range, rangeValue))
      .filter(([, , entry]) => filters === undefined || groupHolds(filters, entry.value))
      .filter(([rangeValue, key]) => after === undefined || order([rangeValue, key], after) > 0)
      .sort((a, b) => order([a[0], a[1]], [b[0], b[1]]));
    const page = matches.slice(0, limit);
    const fields = metadataFieldsOf(body.options ?? body);
    const data = page.map(([, key, entry]) => this.entryBody(key, entry, fields));
    const last = page[page.length - 1];
    return {
      status: 200,
      body: { data, ...(matches.length > limit && last ? { cursor: encodeCursor([last[0], last[1]]) } : {}) },
    };
  }

  /** Results on one page: the default page size without a limit, else the limit up to `cap`. */
  private pageLimit(limit: unknown, code: string, cap: number): number {
    if (limit === undefined) return this.pageSize;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT)
      throw badRequest(code, `The page limit must be set between 1 and ${MAX_QUERY_LIMIT}.`);
    return Math.min(limit, cap);
  }

  private indexOf(
    entityName: string,
    indexName: string,
  ): { declared: boolean; range?: string; partition: string[] } {
    const declaration = this.options.entities?.[entityName];
    if (!declaration) return { declared: false, partition: [] }; // undeclared: the range applies to the key
    for (const index of declaration.indexes ?? []) {
      if (typeof index === 'string' && index === indexName)
        return { declared: true, range: index, partition: [] };
      if (typeof index === 'object' && index.name === indexName)
        return { declared: true, range: index.range, partition: index.partition ?? [] };
    }
    throw badRequest(
      'INVALID_ENTITY_INDEX',
      `The entity ${entityName} declares no index named ${indexName}.`,
    );
  }

  // ---- batches ---------------------------------------------------------------------------------

  private batchGet(items: unknown[]): KvsReply {
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const raw of items) {
      const item = asRecord(raw);
      const named = item.entityName === undefined ? {} : { entityName: item.entityName };
      try {
        const space = item.entityName === undefined ? this.kvs : this.entitySpace(item.entityName);
        const key = checkKey(item.key, { entity: item.entityName !== undefined });
        const entry = this.live(space, key);
        if (!entry) throw NOT_FOUND; // unpublished: how the service reports a missing key in a batch
        successfulKeys.push({ ...this.entryBody(key, entry, metadataFieldsOf(item.options)), ...named });
      } catch (error) {
        failedKeys.push({ key: item.key, ...named, error: this.itemError(error) });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchSet(items: unknown[]): KvsReply {
    this.checkBatch(items);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const raw of items) {
      const item = asRecord(raw);
      const named = item.entityName === undefined ? {} : { entityName: item.entityName };
      try {
        const entity = item.entityName !== undefined;
        const space = entity ? this.entitySpace(item.entityName) : this.kvs;
        const key = checkKey(item.key, { entity });
        const value = entity
          ? this.checkEntityValue(item.entityName as string, item.value)
          : checkValue(item.value);
        this.write(space, key, value, ttlMillis(item.options));
        successfulKeys.push({ key, ...named });
      } catch (error) {
        failedKeys.push({ key: item.key, ...named, error: this.itemError(error) });
      }
    }
    if (successfulKeys.length > 0) this.persist();
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchDelete(items: unknown[]): KvsReply {
    this.checkBatch(items);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const raw of items) {
      const item = asRecord(raw);
      const named = item.entityName === undefined ? {} : { entityName: item.entityName };
      try {
        const space = item.entityName === undefined ? this.kvs : this.entitySpace(item.entityName);
        const key = checkKey(item.key, { entity: item.entityName !== undefined });
        space.delete(key);
        successfulKeys.push({ key, ...named });
      } catch (error) {
        failedKeys.push({ key: item.key, ...named, error: this.itemError(error) });
      }
    }
    if (successfulKeys.length > 0) this.persist();
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  /** "A batch operation will return an error and fail entirely if it doesn't contain any requests or sets one key twice." */
  private checkBatch(items: unknown[]): void {
    if (items.length === 0)
      throw badRequest('BAD_REQUEST', 'A batch operation must contain at least one request.');
    checkPayloadSize(items);
    const seen = new Set<string>();
    for (const raw of items) {
      const item = asRecord(raw);
      const id = `${String(item.entityName ?? '')}\u0000${String(item.key)}`;
      if (seen.has(id))
        throw badRequest(
          'BAD_REQUEST',
          `A batch operation cannot contain multiple requests for the key ${String(item.key)}.`,
        );
      seen.add(id);
    }
  }

  private itemError(error: unknown): { code: string; message: string } {
    if (error instanceof KvsServiceError) return { code: error.code, message: error.message };
    throw error;
  }

  // ---- transactions ----------------------------------------------------------------------------

  private transact(body: RecordBody): KvsReply {
    checkPayloadSize(body);
    const sets = body.set === undefined ? [] : asArray(body.set).map(asRecord);
    const deletes = body.delete === undefined ? [] : asArray(body.delete).map(asRecord);
    const checks = body.check === undefined ? [] : asArray(body.check).map(asRecord);
    const count = sets.length + deletes.length + checks.length;
    if (count === 0) throw badRequest('BAD_REQUEST', 'A transaction must contain at least one operation.');
    // unpublished codes below; the limits themselves are documented
    if (count > TRANSACTION_MAX_OPERATIONS)
      throw badRequest(
        'TRANSACTION_OPERATION_LIMIT_EXCEEDED',
        `Each transaction can contain a maximum of ${TRANSACTION_MAX_OPERATIONS} operations.`,
      );

    const seen = new Set<string>();
    const target = (item: RecordBody, requireConditions: boolean) => {
      const entity = item.entityName !== undefined;
      const space = entity ? this.entitySpace(item.entityName) : this.kvs;
      const key = checkKey(item.key, { entity });
      const id = `${String(item.entityName ?? '')}\u0000${key}`;
      if (seen.has(id))
        throw badRequest(
          'TRANSACTION_DUPLICATE_KEY',
          `Each key can only be used once in a transaction: ${key}.`,
        );
      seen.add(id);
      const conditions = parseClauseGroup(item.conditions);
      if (conditions && !entity)
        throw badRequest(
          'BAD_REQUEST',
          'Provided request body is invalid: conditions apply to custom entities only',
        );
      if (requireConditions && !conditions)
        throw badRequest('BAD_REQUEST', 'Provided request body is invalid: a check needs conditions');
      return { space, key, conditions };
    };
    const writes = sets.map((item) => ({
      ...target(item, false),
      value:
        item.entityName !== undefined
          ? this.checkEntityValue(item.entityName as string, item.value)
          : checkValue(item.value),
      expiresIn: ttlMillis(item.options),
    }));
    const removals = deletes.map((item) => target(item, false));
    const guards = checks.map((item) => target(item, true));

    for (const { space, key, conditions } of [...writes, ...removals, ...guards]) {
      if (conditions && !groupHolds(conditions, this.live(space, key)?.value))
        // unpublished code, as public Forge apps observe it
        throw new KvsServiceError(
          409,
          'CONDITIONAL_CHECK_FAILED',
          `The conditions on key ${key} were not met; nothing was written.`,
        );
    }
    for (const { space, key, value, expiresIn } of writes) this.write(space, key, value, expiresIn);
    for (const { space, key } of removals) space.delete(key);
    this.persist();
    return { status: 204 };
  }

  // ---- entities --------------------------------------------------------------------------------

  private entitySpace(entityName: unknown): Space {
    const name = checkEntityName(entityName);
    let space = this.entities.get(name);
    if (!space) {
      space = new Map();
      this.entities.set(name, space);
    }
    return space;
  }

  private checkEntityValue(entityName: string, value: unknown): unknown {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw badRequest(
        'INVALID_ENTITY_VALUE',
        'Entity values must be objects of the attributes defined in Custom Entities.',
      );
    const attributes = this.options.entities?.[entityName]?.attributes;
    if (attributes) {
      for (const [name, attribute] of Object.entries(value)) {
        const declared = attributes[name];
        if (!declared || !LocalKvsStore.hasType(attribute, declared.type))
          throw badRequest(
            'INVALID_ENTITY_VALUE',
            `Entity values must match one of the types defined in Custom Entities: ${entityName}.${name}.`,
          );
      }
    }
    return checkValue(value);
  }

  private static hasType(value: unknown, type: EntityAttributeType): boolean {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31;
      case 'float':
        return typeof value === 'number' && Number.isFinite(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'any':
        return true;
    }
  }

  // ---- entries and persistence -----------------------------------------------------------------

  private isLive(entry: Entry): boolean {
    return entry.expiresAt === undefined || entry.expiresAt > this.now();
  }

  private live(space: Space, key: string): Entry | undefined {
    const entry = space.get(key);
    return entry && this.isLive(entry) ? entry : undefined;
  }

  private write(space: Space, key: string, value: unknown, expiresIn: number | undefined): Entry {
    const now = this.now();
    const seconds = Math.floor(now / 1000);
    const previous = this.live(space, key);
    const entry: Entry = {
      value,
      createdAt: previous?.createdAt ?? seconds,
      updatedAt: seconds,
      ...(expiresIn === undefined ? {} : { expiresAt: now + expiresIn }),
    };
    space.set(key, entry);
    return entry;
  }

  private entryBody(key: string, entry: Entry, fields: string[]): RecordBody {
    return {
      key,
      value: entry.value,
      ...(fields.includes('CREATED_AT') ? { createdAt: entry.createdAt } : {}),
      ...(fields.includes('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}),
      ...(fields.includes('EXPIRE_TIME') && entry.expiresAt !== undefined
        ? { expireTime: new Date(entry.expiresAt).toISOString() }
        : {}),
    };
  }

  private persist(): void {
    const file = this.options.file;
    if (!file) return;
    const plain = (space: Space) => Object.fromEntries([...space].filter(([, entry]) => this.isLive(entry)));
    const data: PersistedStore = {
      format: FILE_FORMAT,
      kvs: plain(this.kvs),
      secrets: plain(this.secrets),
      entities: Object.fromEntries(
        [...this.entities]
          .map(([name, space]): [string, Record<string, Entry>] => [name, plain(space)])
          .filter(([, live]) => Object.keys(live).length > 0),
      ),
    };
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
  }

  private load(file: string): void {
    let data: PersistedStore;
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as PersistedStore;
    } catch (error) {
      throw new Error(`The KVS file ${file} is not valid JSON; move it away to start empty`, {
        cause: error,
      });
    }
    if (data?.format !== FILE_FORMAT)
      throw new Error(`The KVS file ${file} is not a ${FILE_FORMAT} file; move it away to start empty`);
    const space = (record: Record<string, Entry> | undefined): Space => new Map(Object.entries(record ?? {}));
    this.kvs = space(data.kvs);
    this.secrets = space(data.secrets);
    this.entities = new Map(
      Object.entries(data.entities ?? {}).map(([name, record]) => [name, space(record)]),
    );
  }
}
