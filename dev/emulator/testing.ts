/* eslint-disable @typescript-eslint/no-explicit-any -- tests read replies as loose JSON; test/contract validates their shapes against the specs. */
/** Helpers for tests that talk to the emulator over real HTTP. */
import { DEMO_USERS } from '../seed/index';
import { EMULATOR_APP_TOKEN, type EmulatorHandle } from './server';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type Who = 'app' | 'anonymous' | (typeof DEMO_USERS)[number]['email'];

export function authorizationFor(who: Who): Record<string, string> {
  if (who === 'app') return { Authorization: `Bearer ${EMULATOR_APP_TOKEN}` };
  if (who === 'anonymous') return {};
  const user = DEMO_USERS.find((u) => u.email === who);
  if (!user) throw new Error(`No demo user ${who}`);
  return { Authorization: `Basic ${Buffer.from(`${user.email}:${user.apiToken}`).toString('base64')}` };
}

/** A tiny client: JSON in, JSON (or text) out, as one demo user or the app. */
export function clientFor(emulator: Pick<EmulatorHandle, 'url'>, who: Who) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> => {
    const init: RequestInit = {
      method,
      headers: { Accept: 'application/json', ...authorizationFor(who), ...headers },
    };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    }
    const response = await fetch(`${emulator.url}${path}`, init);
    const text = await response.text();
    const parsed =
      text !== '' && /json/.test(response.headers.get('content-type') ?? '')
        ? (JSON.parse(text) as T)
        : (text as T);
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body, headers),
    delete: <T = any>(path: string) => call<T>('DELETE', path),
  };
}

export type Client = ReturnType<typeof clientFor>;

/** Admin calls (no auth). */
export async function admin<T = any>(
  emulator: Pick<EmulatorHandle, 'url'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply<T>> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

/** Every issue a JQL query finds, following nextPageToken until isLast. */
export async function searchAll(
  client: Client,
  jql: string,
  fields: string[] = ['id'],
  maxResults = 50,
): Promise<{ issues: any[]; pages: number }> {
  const issues: any[] = [];
  let nextPageToken: string | undefined;
  let pages = 0;
  for (;;) {
    const reply = await client.post('/rest/api/3/search/jql', {
      jql,
      fields,
      maxResults,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    if (reply.status !== 200) throw new Error(`search failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    pages++;
    issues.push(...reply.body.issues);
    if (reply.body.isLast) return { issues, pages };
    nextPageToken = reply.body.nextPageToken;
  }
}
