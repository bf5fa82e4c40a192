/**
 * The emulator speaks the published Atlassian contract: every request the app's calls make and every answer
 * the emulator gives validate against contract/openapi/, across every operation in contract/operations.json,
 * on happy paths and on the error statuses the app handles.
 */
import { DEMO_USERS, PROGRAM_LABEL } from '../../dev/seed/index';
import {
  EMULATOR_APP_TOKEN,
  startEmulator,
  type EmulatorStats,
  type Exchange,
} from '../../dev/emulator/server';
import { findOperation, listOperations, validateRequest, validateResponse } from './openapi';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type Caller = 'app' | 'user' | 'bad-credentials';

interface Reply {
  status: number;
  body: unknown;
}

const TPM = DEMO_USERS[0];

function authorization(caller: Caller): string {
  if (caller === 'app') return `Bearer ${EMULATOR_APP_TOKEN}`;
  if (!TPM) throw new Error('dev/seed has no demo users');
  const secret = caller === 'user' ? TPM.apiToken : `${TPM.apiToken}-wrong`;
  return `Basic ${Buffer.from(`${TPM.email}:${secret}`).toString('base64')}`;
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value)
    ? value.map(String).join(', ')
    : value === undefined
      ? undefined
      : String(value);
}

/** Exchange bodies may arrive raw or parsed; JSON is validated as data. */
function asData(body: unknown, contentType: string | undefined): unknown {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (typeof text !== 'string' || text === '' || !/json/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function queryOf(query: Exchange['query']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

describe('the emulator against the published Atlassian contract', () => {
  let emulator: Emulator;
  const problems: string[] = [];
  /** operationId → statuses the emulator answered. */
  const exercised = new Map<string, Set<number>>();

  function check(x: Exchange): void {
    const pathname = x.path.split('?')[0] ?? x.path;
    if (pathname.startsWith('/__emulator')) return;
    const where = `${x.method} ${x.path} → ${x.status}`;
    const operation = findOperation(x.method, pathname);
    if (!operation) {
      problems.push(`${where}: the emulator served an operation outside contract/operations.json`);
      return;
    }
    if (x.operationId !== operation.operationId) {
      problems.push(
        `${where}: the emulator names it ${String(x.operationId)}, the spec ${operation.operationId}`,
      );
    }
    const statuses = exercised.get(operation.operationId) ?? new Set<number>();
    statuses.add(x.status);
    exercised.set(operation.operationId, statuses);
    const requestType = header(x.requestHeaders, 'content-type');
    const responseType = header(x.responseHeaders, 'content-type');
    const request = {
      method: x.method,
      path: pathname,
      query: queryOf(x.query),
      body: asData(x.requestBody, requestType),
      ...(requestType === undefined ? {} : { contentType: requestType }),
    };
    const response = {
      method: x.method,
      path: pathname,
      status: x.status,
      body: asData(x.responseBody, responseType),
      ...(responseType === undefined ? {} : { contentType: responseType }),
    };
    for (const problem of [...validateRequest(request), ...validateResponse(response)]) {
      problems.push(`${where}: ${problem}`);
    }
  }

  async function call(
    caller: Caller,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const init: RequestInit = {
      method,
      headers: { Accept: 'application/json', Authorization: authorization(caller), ...headers },
    };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    }
    const response = await fetch(`${emulator.url}${path}`, init);
    const text = await response.text();
    const json = /json/i.test(response.headers.get('content-type') ?? '') && text !== '';
    return { status: response.status, body: json ? (JSON.parse(text) as unknown) : text };
  }

  const app = (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply> => call('app', method, path, body, headers);
  const user = (method: string, path: string, body?: unknown): Promise<Reply> =>
    call('user', method, path, body);

  function field<T>(value: unknown, ...path: Array<string | number>): T {
    let node = value;
    for (const step of path) node = (node as Record<string | number, unknown> | undefined)?.[step];
    return node as T;
  }

  beforeAll(async () => {
    emulator = await startEmulator({ onExchange: check });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('answers Jira identity, field, link type, user and project calls', async () => {
    expect((await user('GET', '/rest/api/3/myself')).status).toBe(200);
    expect((await call('bad-credentials', 'GET', '/rest/api/3/myself')).status).toBe(401);
    const fields = await app('GET', '/rest/api/3/field');
    expect(fields.status).toBe(200);
    expect(field<unknown[]>(fields.body).length).toBeGreaterThan(0);
    expect((await app('GET', '/rest/api/3/issueLinkType')).status).toBe(200);
    expect((await user('GET', '/rest/api/3/user/search?query=Morgan&maxResults=10')).status).toBe(200);
    expect((await user('GET', '/rest/api/3/project/search?maxResults=50&orderBy=key')).status).toBe(200);
  });

  it('pages search/jql with nextPageToken until isLast, then bulk-fetches what it found', async () => {
    const jql = `labels = "${PROGRAM_LABEL}" AND issuetype = Epic ORDER BY key`;
    const ids: string[] = [];
    let nextPageToken: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const request = { jql, fields: ['id'], maxResults: 10, ...(nextPageToken ? { nextPageToken } : {}) };
      const reply = await user('POST', '/rest/api/3/search/jql', request);
      expect(reply.status).toBe(200);
      ids.push(...field<Array<{ id: string }>>(reply.body, 'issues').map((issue) => issue.id));
      nextPageToken = field<string | undefined>(reply.body, 'nextPageToken');
      if (field<boolean>(reply.body, 'isLast')) break;
    }
    expect(ids.length).toBeGreaterThan(10);

    const query = new URLSearchParams({ jql, maxResults: '5', fields: 'summary,status,parent' });
    expect((await user('GET', `/rest/api/3/search/jql?${query.toString()}`)).status).toBe(200);

    const bulk = await user('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: [...ids.slice(0, 20), 'NOPE-404'],
      fields: ['summary', 'status', 'parent', 'issuelinks', 'labels'],
    });
    expect(bulk.status).toBe(200);
    expect(field<unknown[]>(bulk.body, 'issues').length).toBe(20);
  });

  it('rejects bad JQL with 400 on both search forms', async () => {
    expect((await user('POST', '/rest/api/3/search/jql', { jql: 'project = = AND (' })).status).toBe(400);
    expect(
      (await user('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('ORDER BY BY')}`)).status,
    ).toBe(400);
  });

  it('reads an issue and answers 404 for one that does not exist', async () => {
    const search = await user('POST', '/rest/api/3/search/jql', {
      jql: `labels = "${PROGRAM_LABEL}"`,
      fields: ['id'],
      maxResults: 1,
    });
    const key =
      field<string>(search.body, 'issues', 0, 'key') ?? field<string>(search.body, 'issues', 0, 'id');
    expect((await user('GET', `/rest/api/3/issue/${key}?fields=summary,status,parent`)).status).toBe(200);
    expect((await user('GET', '/rest/api/3/issue/NOPE-404')).status).toBe(404);
  });

  it('stores, lists, reads and deletes issue properties', async () => {
    const search = await app('POST', '/rest/api/3/search/jql', {
      jql: `labels = "${PROGRAM_LABEL}"`,
      fields: ['id'],
      maxResults: 1,
    });
    const id = field<string>(search.body, 'issues', 0, 'id');
    const property = `/rest/api/3/issue/${id}/properties/program`;
    expect((await app('PUT', property, { programId: 'prog-contract', role: 'initiative' })).status).toBe(201);
    expect((await app('PUT', property, { programId: 'prog-contract', role: 'commitment' })).status).toBe(200);
    expect((await app('GET', `/rest/api/3/issue/${id}/properties`)).status).toBe(200);
    const read = await app('GET', property);
    expect(read.status).toBe(200);
    expect(field<string>(read.body, 'value', 'role')).toBe('commitment');
    expect((await app('DELETE', property)).status).toBe(204);
    expect((await app('GET', property)).status).toBe(404);
    expect((await app('GET', '/rest/api/3/issue/NOPE-404/properties')).status).toBe(404);
  });

  it('checks permissions in bulk for the viewer', async () => {
    const search = await app('POST', '/rest/api/3/search/jql', {
      jql: `labels = "${PROGRAM_LABEL}"`,
      fields: ['id'],
      maxResults: 3,
    });
    const issues = field<Array<{ id: string }>>(search.body, 'issues').map((issue) => Number(issue.id));
    const reply = await app('POST', '/rest/api/3/permissions/check', {
      accountId: TPM?.accountId,
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues }],
    });
    expect(reply.status).toBe(200);
  });

  it('lists boards and their sprints, and answers 404 for an unknown board', async () => {
    const boards = await user('GET', '/rest/agile/1.0/board?maxResults=50');
    expect(boards.status).toBe(200);
    const boardId = field<number>(boards.body, 'values', 0, 'id');
    expect((await user('GET', `/rest/agile/1.0/board/${boardId}/sprint?state=active,future`)).status).toBe(
      200,
    );
    expect((await user('GET', '/rest/agile/1.0/board/999999/sprint')).status).toBe(404);
  });

  it('publishes a Confluence page: create, read, update with version+1, 409 on a stale version, properties, attachment, delete', async () => {
    const spaces = await user('GET', '/wiki/api/v2/spaces?limit=25');
    expect(spaces.status).toBe(200);
    const spaceId = field<string>(spaces.body, 'results', 0, 'id');
    expect((await user('GET', `/wiki/api/v2/spaces/${spaceId}`)).status).toBe(200);
    expect((await user('GET', '/wiki/api/v2/spaces/999999999')).status).toBe(404);

    const title = 'Atlas — contract status page';
    const created = await user('POST', '/wiki/api/v2/pages', {
      spaceId,
      status: 'current',
      title,
      body: { representation: 'storage', value: '<p>Status: <strong>on track</strong> &amp; green</p>' },
    });
    expect(created.status).toBe(200);
    const pageId = field<string>(created.body, 'id');
    const found = await user(
      'GET',
      `/wiki/api/v2/pages?space-id=${spaceId}&title=${encodeURIComponent(title)}&body-format=storage`,
    );
    expect(found.status).toBe(200);
    expect(field<unknown[]>(found.body, 'results')).toHaveLength(1);
    const read = await user('GET', `/wiki/api/v2/pages/${pageId}?body-format=storage`);
    expect(read.status).toBe(200);
    const version = field<number>(read.body, 'version', 'number');

    const update = (number: number): Promise<Reply> =>
      user('PUT', `/wiki/api/v2/pages/${pageId}`, {
        id: pageId,
        status: 'current',
        title,
        body: { storage: { representation: 'storage', value: '<p>Status: at risk</p>' } },
        version: { number, message: 'Republished by Programs' },
      });
    expect((await update(version + 1)).status).toBe(200);
    expect((await update(version + 1)).status).toBe(409);

    const properties = `/wiki/api/v2/pages/${pageId}/properties`;
    const property = await user('POST', properties, {
      key: 'programs-managed',
      value: { programId: 'prog-atlas' },
    });
    expect(property.status).toBe(200);
    const propertyId = field<string>(property.body, 'id');
    expect((await user('GET', `${properties}?key=programs-managed`)).status).toBe(200);
    expect((await user('GET', `${properties}/${propertyId}`)).status).toBe(200);
    const propertyUpdate = await user('PUT', `${properties}/${propertyId}`, {
      key: 'programs-managed',
      value: { programId: 'prog-atlas', sections: 3 },
      version: { number: 2, message: 'sections' },
    });
    expect(propertyUpdate.status).toBe(200);
    expect((await user('DELETE', `${properties}/${propertyId}`)).status).toBe(204);

    const form = new FormData();
    form.append(
      'file',
      new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }),
      'roadmap.svg',
    );
    form.append('minorEdit', 'true');
    const attachmentPath = `/wiki/rest/api/content/${pageId}/child/attachment`;
    const nocheck = { 'X-Atlassian-Token': 'nocheck' };
    expect((await app('POST', attachmentPath, form, nocheck)).status).toBe(200);
    expect((await app('PUT', attachmentPath, form, nocheck)).status).toBe(200);
    const attachments = await user('GET', `/wiki/api/v2/pages/${pageId}/attachments?filename=roadmap.svg`);
    expect(attachments.status).toBe(200);
    expect(field<unknown[]>(attachments.body, 'results')).toHaveLength(1);

    expect((await user('DELETE', `/wiki/api/v2/pages/${pageId}`)).status).toBe(204);
    expect((await user('GET', `/wiki/api/v2/pages/${pageId}`)).status).toBe(404);
    expect((await call('bad-credentials', 'GET', '/wiki/api/v2/spaces')).status).toBe(401);
  });

  it('validates every exchange against the spec and exercises every listed operation', async () => {
    const stats = (await fetch(`${emulator.url}/__emulator/stats`).then((r) => r.json())) as EmulatorStats;
    expect(stats.unmodelled).toEqual({});
    expect(problems).toEqual([]);
    const missing = listOperations()
      .map((op) => op.operationId)
      .filter((operationId) => !exercised.has(operationId));
    expect(missing).toEqual([]);
  });

  it.each([
    ['searchAndReconsileIssuesUsingJqlPost', 400],
    ['searchAndReconsileIssuesUsingJql', 400],
    ['getIssue', 404],
    ['getIssueProperty', 404],
    ['getAllSprints', 404],
    ['getSpaceById', 404],
    ['updatePage', 409],
    ['getCurrentUser', 401],
    ['getSpaces', 401],
  ])('validated %s answering %i', (operationId, status) => {
    expect([...(exercised.get(operationId) ?? [])]).toContain(status);
  });
});
