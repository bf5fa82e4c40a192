import {
  AtlassianApiError,
  AuthError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from '../../ports/atlassian-errors';

/** The part of @forge/api's APIResponse (a fetch Response) the wrapper relies on. */
export interface ApiResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error surfaces with retryAfterMs. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 300,
  maxDelayMs: 5000,
  maxRetryAfterMs: 10000,
};

export interface CallOptions {
  /**
   * Safe to send twice (reads, PUT of a whole value). A non-idempotent create is retried only on 429,
   * which Atlassian answers before doing anything; on 5xx or a dropped connection the caller must look
   * up whether it happened first.
   */
  idempotent?: boolean;
  /** Statuses that are an expected answer, not an error (e.g. 404 for "no property yet"). */
  accept?: readonly number[];
  policy?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads Retry-After as seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Full jitter keeps many callers from retrying in lockstep.
  return Math.round(exp / 2 + (random() * exp) / 2);
}

async function readMessages(response: ApiResponse): Promise<string[]> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return [];
  }
  if (text === '') return [];
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const messages: string[] = [];
    if (Array.isArray(body.errorMessages)) messages.push(...body.errorMessages.map(String));
    if (body.errors && typeof body.errors === 'object' && !Array.isArray(body.errors)) {
      for (const [field, msg] of Object.entries(body.errors as Record<string, unknown>))
        messages.push(`${field}: ${String(msg)}`);
    }
    if (Array.isArray(body.errors)) {
      for (const e of body.errors as Array<Record<string, unknown>>)
        messages.push(String(e?.title ?? e?.message ?? JSON.stringify(e)));
    }
    if (typeof body.message === 'string') messages.push(body.message);
    return messages.length > 0 ? messages : [text.slice(0, 500)];
  } catch {
    return [text.slice(0, 500)];
  }
}

function errorFor(
  operation: string,
  status: number,
  messages: string[],
  retryAfterMs?: number,
): AtlassianApiError {
  const detail = messages.length > 0 ? `: ${messages.join('; ')}` : '';
  const details = { operation, status, messages };
  if (status === 401) return new AuthError(`${operation} was not authenticated (401)${detail}`, details);
  if (status === 403)
    return new ForbiddenError(`${operation} is not allowed for this user (403)${detail}`, details);
  if (status === 404) return new NotFoundError(`${operation} found nothing (404)${detail}`, details);
  if (status === 409)
    return new ConflictError(`${operation} conflicted with a newer change (409)${detail}`, details);
  if (status === 429)
    return new RateLimitError(`${operation} was rate limited (429)${detail}`, { ...details, retryAfterMs });
  if (status >= 500)
    return new ServerError(`${operation} failed on the server (${status})${detail}`, details);
  return new BadRequestError(`${operation} was rejected (${status})${detail}`, details);
}

const RETRYABLE_SERVER_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Sends one Atlassian request with bounded retries and maps failures to typed errors.
 * `send` must issue a fresh request each time it is called.
 */
export async function callAtlassian(
  operation: string,
  send: () => Promise<ApiResponse>,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const idempotent = options.idempotent ?? true;

  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < policy.maxRetries;
    let response: ApiResponse;
    try {
      response = await send();
    } catch (cause) {
      if (cause instanceof AtlassianApiError) throw cause;
      if (idempotent && canRetry) {
        await sleep(backoffMs(attempt, policy, random));
        continue;
      }
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new NetworkError(`${operation} got no answer (${reason})`, { operation, cause });
    }

    if (response.ok || options.accept?.includes(response.status)) return response;

    const status = response.status;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (canRetry && (retryAfterMs === undefined || retryAfterMs <= policy.maxRetryAfterMs)) {
        await readMessages(response);
        await sleep(Math.max(retryAfterMs ?? 0, backoffMs(attempt, policy, random)));
        continue;
      }
      throw errorFor(operation, status, await readMessages(response), retryAfterMs);
    }
    if (RETRYABLE_SERVER_STATUSES.has(status) && idempotent && canRetry) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      await readMessages(response);
      await sleep(Math.max(retryAfterMs ?? 0, backoffMs(attempt, policy, random)));
      continue;
    }
    throw errorFor(operation, status, await readMessages(response));
  }
}

/** Parses a JSON body, naming the operation when the body is not JSON. */
export async function readJson(operation: string, response: ApiResponse): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AtlassianApiError(`${operation} answered with a body that is not JSON`, {
      operation,
      status: response.status,
      cause,
    });
  }
}
