import type { Caller, SiteState } from './state';

/** Which product answers a route; decides the shape of error bodies. */
export type ApiFamily = 'jira' | 'confluence-v2' | 'confluence-v1';

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, `undefined` when there was none or it was not JSON. */
  body: unknown;
  /** Set when a JSON body could not be parsed. */
  bodyError?: string;
  rawBody: Buffer;
}

export interface ApiContext {
  state: SiteState;
  caller: Caller;
  base: string;
  now: number;
  /** How long writes by this operation stay invisible to search/jql. */
  searchLagMs(operationId: string): number;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: ApiRequest, ctx: ApiContext) => ApiResponse;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template with `{param}` segments, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  path: string;
  operationId: string;
  family: ApiFamily;
  handler: Handler;
}

export const ok = (body: unknown, headers?: Record<string, string>): ApiResponse =>
  headers ? { status: 200, body, headers } : { status: 200, body };

/** Jira's error body (ErrorCollection). */
export const jiraError = (status: number, ...errorMessages: string[]): ApiResponse => ({
  status,
  body: { errorMessages, errors: {} },
});

/** Confluence v2's error body. */
export const confluenceError = (status: number, code: string, title: string): ApiResponse => ({
  status,
  body: { errors: [{ status, code, title, detail: null }] },
});

/** Confluence v1's error body. */
export const confluenceV1Error = (status: number, message: string): ApiResponse => ({
  status,
  body: {
    statusCode: status,
    data: {
      authorized: status !== 401 && status !== 403,
      valid: status !== 400,
      errors: [],
      successful: false,
    },
    message,
  },
});

/** An error in the shape of the family's API. */
export function familyError(family: ApiFamily, status: number, message: string): ApiResponse {
  const codes: Record<number, string> = {
    400: 'INVALID_REQUEST_PARAMETER',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    429: 'TOO_MANY_REQUESTS',
    500: 'INTERNAL_SERVER_ERROR',
    503: 'SERVICE_UNAVAILABLE',
  };
  if (family === 'confluence-v2') return confluenceError(status, codes[status] ?? 'ERROR', message);
  if (family === 'confluence-v1') return confluenceV1Error(status, message);
  return jiraError(status, message);
}

export function queryFirst(req: ApiRequest, name: string): string | undefined {
  const v = req.query[name];
  return Array.isArray(v) ? v[0] : v;
}

export function queryAll(req: ApiRequest, name: string): string[] {
  const v = req.query[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** An integer query parameter; `undefined` when absent, `NaN` when not an integer. */
export function queryInt(req: ApiRequest, name: string): number | undefined {
  const v = queryFirst(req, name);
  if (v === undefined || v === '') return undefined;
  return /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
}

export function queryBool(req: ApiRequest, name: string): boolean {
  return queryFirst(req, name)?.toLowerCase() === 'true';
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
