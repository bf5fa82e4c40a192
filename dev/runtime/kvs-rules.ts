/**
 * Forge KVS limits and error answers, as documented by Atlassian ("KVS and Custom Entity Store limits",
 * "Error handling for the Key-Value Store / Custom Entity Store") and as @forge/kvs 1.6.5 expects them
 * on the wire: a non-2xx status with a `{ code, message }` JSON body.
 */

/** An error answer of the KVS service: the HTTP status and the `{ code, message }` body. */
export class KvsServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsServiceError';
  }
}

export const badRequest = (code: string, message: string) => new KvsServiceError(400, code, message);

export const KEY_MAX_LENGTH = 500;
/** Forge's documented key pattern; inside the class `\s-#` is a literal `-`, so `-` and `#` are allowed. */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
export const VALUE_MAX_BYTES = 240 * 1024;
/** "The provided value has exceeded the maximum object depth (32) limit." */
export const VALUE_MAX_DEPTH = 32;
/** Transactions and batch writes: "limited to a payload size of 4MB". */
export const PAYLOAD_MAX_BYTES = 4 * 1024 * 1024;
export const TRANSACTION_MAX_OPERATIONS = 25;

const ENTITY_NAME_PATTERN = /^(?![.-])(?!.*\.{2})[a-z0-9:\-.]*(?<![.])$/;

export function checkKey(key: unknown, options: { entity: boolean }): string {
  if (typeof key !== 'string')
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: key must be a string');
  if (key.length === 0) {
    throw options.entity
      ? badRequest('EMPTY_KEY', 'Key cannot be empty.')
      : badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  }
  if (key.length > KEY_MAX_LENGTH)
    throw badRequest(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${KEY_MAX_LENGTH} characters.`,
    );
  if (!KEY_PATTERN.test(key))
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${String(KEY_PATTERN)}`);
  return key;
}

export function checkEntityName(entityName: unknown): string {
  if (typeof entityName !== 'string')
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: entityName must be a string');
  if (entityName.length <= 3)
    throw badRequest('ENTITY_TYPE_TOO_SHORT', 'The provided key needs to be more than 3 characters.');
  if (entityName.length > 60)
    throw badRequest('ENTITY_TYPE_TOO_LARGE', 'The provided key has exceeded the maximum 60 characters.');
  if (!ENTITY_NAME_PATTERN.test(entityName))
    throw badRequest(
      'INVALID_ENTITY_TYPE',
      `The provided key does not match the regex: ${String(ENTITY_NAME_PATTERN)}.`,
    );
  return entityName;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** Checks a value to store and returns its JSON form (what Forge measures and what we persist). */
export function checkValue(value: unknown): unknown {
  if (value === undefined || value === null)
    throw badRequest(
      'BAD_REQUEST',
      'Provided request body is invalid: value must be a string, number, boolean, object or array',
    );
  const serialized = JSON.stringify(value);
  if (Buffer.byteLength(serialized, 'utf8') > VALUE_MAX_BYTES)
    throw badRequest('MAX_SIZE', 'The provided value has exceeded the maximum size limit.');
  if (depthOf(value) > VALUE_MAX_DEPTH)
    throw badRequest(
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${VALUE_MAX_DEPTH}) limit.`,
    );
  return JSON.parse(serialized) as unknown;
}

export function checkPayloadSize(body: unknown): void {
  if (Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8') > PAYLOAD_MAX_BYTES)
    throw badRequest('MAX_SIZE', 'The request payload has exceeded the maximum size limit of 4MB.');
}

const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

/** Milliseconds until expiry for a `{ ttl: { value, unit } }` option, or undefined without a TTL. */
export function ttlMillis(options: unknown): number | undefined {
  if (options === null || typeof options !== 'object' || !('ttl' in options) || options.ttl === undefined)
    return undefined;
  const ttl = options.ttl as { value?: unknown; unit?: unknown } | null;
  const unitMs =
    typeof ttl?.unit === 'string' ? TTL_UNIT_MS[ttl.unit as keyof typeof TTL_UNIT_MS] : undefined;
  if (
    typeof ttl?.value !== 'number' ||
    !Number.isInteger(ttl.value) ||
    ttl.value <= 0 ||
    unitMs === undefined
  )
    throw badRequest(
      'BAD_REQUEST',
      'Provided request body is invalid: ttl must be { value: positive integer, unit }',
    );
  return ttl.value * unitMs;
}
