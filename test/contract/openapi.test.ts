import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appliedQuirks,
  findOperation,
  listOperations,
  validateRequest,
  validateResponse,
  type RequestExchange,
  type ResponseExchange,
} from './openapi';

const SITE = 'https://example.atlassian.net';

function issue(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '10001',
    key: 'PAY-1',
    self: `${SITE}/rest/api/3/issue/10001`,
    fields: { summary: 'Card tokenisation', parent: { key: 'PAY-0' }, customfield_10016: 5 },
    ...overrides,
  };
}

function searchPage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { issues: [issue()], nextPageToken: 'CAEaAggD', isLast: false, ...overrides };
}

function pageResponse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '98305',
    status: 'current',
    title: 'Payments program — status',
    spaceId: '65538',
    parentId: '65539',
    parentType: 'page',
    position: null,
    authorId: '557058:f2a1',
    ownerId: null,
    createdAt: '2026-01-05T09:30:00.000Z',
    version: { number: 3, createdAt: '2026-01-06T10:00:00.000Z', minorEdit: false, authorId: '557058:f2a1' },
    body: { storage: { representation: 'storage', value: '<p>On track</p>' } },
    _links: { webui: '/spaces/PROG/pages/98305', base: `${SITE}/wiki` },
    ...overrides,
  };
}

function project(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '10000',
    key: 'PAY',
    name: 'Payments',
    projectTypeKey: 'software',
    self: `${SITE}/rest/api/3/project/10000`,
    ...overrides,
  };
}

describe('findOperation', () => {
  it.each([
    ['GET', '/rest/api/3/myself', 'getCurrentUser'],
    ['POST', '/rest/api/3/search/jql', 'searchAndReconsileIssuesUsingJqlPost'],
    ['GET', '/rest/api/3/search/jql?jql=project%3DPAY', 'searchAndReconsileIssuesUsingJql'],
    ['POST', '/rest/api/3/issue/bulkfetch', 'bulkFetchIssues'],
    ['GET', '/rest/api/3/issue/PAY-1', 'getIssue'],
    ['GET', '/rest/api/3/issue/PAY-1/properties', 'getIssuePropertyKeys'],
    ['GET', '/rest/api/3/issue/PAY-1/properties/x', 'getIssueProperty'],
    ['put', '/rest/api/3/issue/10001/properties/program', 'setIssueProperty'],
    ['GET', '/rest/agile/1.0/board/7/sprint', 'getAllSprints'],
    ['GET', '/wiki/api/v2/pages/123', 'getPageById'],
    ['PUT', '/wiki/api/v2/pages/123', 'updatePage'],
    ['POST', '/wiki/api/v2/pages/123/properties', 'createPageProperty'],
    ['DELETE', '/wiki/api/v2/pages/123/properties/456', 'deletePagePropertyById'],
    ['POST', '/wiki/rest/api/content/123/child/attachment', 'createAttachment'],
    ['PUT', '/wiki/rest/api/content/123/child/attachment', 'createOrUpdateAttachments'],
    ['GET', '/wiki/api/v2/pages/123/properties/456', 'getPageContentPropertiesById'],
    ['GET', '/wiki/api/v2/pages/123/attachments', 'getPageAttachments'],
  ])('routes %s %s to %s', (method, path, operationId) => {
    expect(findOperation(method, path)?.operationId).toBe(operationId);
  });

  it('gives Confluence v2 operations the /wiki/api/v2 prefix the app routes use', () => {
    expect(findOperation('GET', '/wiki/api/v2/spaces/42')).toEqual({
      operationId: 'getSpaceById',
      spec: 'confluence-v2',
      pathTemplate: '/wiki/api/v2/spaces/{id}',
    });
  });

  it.each([
    ['the old offset search', 'GET', '/rest/api/3/search'],
    ['a method the contract does not list', 'DELETE', '/rest/api/3/field'],
    ['a v2 path without its /wiki/api/v2 prefix', 'GET', '/pages/123'],
    ['an operation outside the contract', 'GET', '/wiki/api/v2/blogposts'],
    [
      'the v1 attachment listing missing from the published spec',
      'GET',
      '/wiki/rest/api/content/1/child/attachment',
    ],
    ['a path with an extra segment', 'GET', '/rest/api/3/issue/PAY-1/properties/x/y'],
  ])('finds nothing for %s', (_case, method, path) => {
    expect(findOperation(method, path)).toBeUndefined();
  });
});

describe('listOperations', () => {
  it('lists every operation of contract/operations.json once', () => {
    const contract = JSON.parse(readFileSync(join(__dirname, '../../contract/operations.json'), 'utf8')) as {
      operations: Array<{ operationId: string }>;
    };
    const listed = listOperations().map((op) => op.operationId);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(contract.operations.map((op) => op.operationId).sort());
  });
});

type ResponseCase = [string, ResponseExchange, string[]];

describe('validateResponse', () => {
  it.each<ResponseCase>([
    [
      'a search/jql page',
      { method: 'POST', path: '/rest/api/3/search/jql', status: 200, body: searchPage() },
      [],
    ],
    [
      'the last search/jql page',
      {
        method: 'GET',
        path: '/rest/api/3/search/jql',
        status: 200,
        body: searchPage({ isLast: true, nextPageToken: undefined }),
      },
      [],
    ],
    [
      'a bulkfetch result with an unknown key reported',
      {
        method: 'POST',
        path: '/rest/api/3/issue/bulkfetch',
        status: 200,
        body: { issues: [issue()], issueErrors: [{ id: 'PAY-404', errorMessage: 'Issue does not exist' }] },
      },
      [],
    ],
    [
      'a property write that created the property',
      { method: 'PUT', path: '/rest/api/3/issue/PAY-1/properties/program', status: 201, body: '' },
      [],
    ],
    [
      'a Confluence page',
      {
        method: 'GET',
        path: '/wiki/api/v2/pages/98305',
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: pageResponse(),
      },
      [],
    ],
    [
      'a Jira Product Discovery project (live sites return it; the spec enum omits it)',
      {
        method: 'GET',
        path: '/rest/api/3/project/search',
        status: 200,
        body: { isLast: true, values: [project({ projectTypeKey: 'product_discovery' })] },
      },
      [],
    ],
    [
      'a 409 for a stale page version (live behaviour the spec omits)',
      {
        method: 'PUT',
        path: '/wiki/api/v2/pages/98305',
        status: 409,
        body: { errors: [{ status: 409, code: 'CONFLICT', title: 'Version mismatch' }] },
      },
      [],
    ],
    [
      'a 401 on an operation whose spec omits it',
      {
        method: 'GET',
        path: '/rest/api/3/issue/PAY-1/properties',
        status: 401,
        body: { errorMessages: ['Unauthorized'] },
      },
      [],
    ],
    ['a 429 with any body', { method: 'GET', path: '/rest/api/3/field', status: 429, body: '' }, []],
    [
      'a 404 with an error collection (no schema declared)',
      {
        method: 'GET',
        path: '/rest/api/3/issue/NOPE-1',
        status: 404,
        body: {
          errorMessages: ['Issue does not exist or you do not have permission to see it.'],
          errors: {},
        },
      },
      [],
    ],
  ])('accepts %s', (_case, exchange) => {
    expect(validateResponse(exchange)).toEqual([]);
  });

  it.each<ResponseCase>([
    [
      'a search/jql page whose isLast is a string',
      { method: 'POST', path: '/rest/api/3/search/jql', status: 200, body: searchPage({ isLast: 'true' }) },
      ['searchAndReconsileIssuesUsingJqlPost', '200', '/isLast', 'boolean'],
    ],
    [
      'a search/jql page with the old total',
      { method: 'POST', path: '/rest/api/3/search/jql', status: 200, body: searchPage({ total: 1 }) },
      ['searchAndReconsileIssuesUsingJqlPost', '200', 'additional properties (total)'],
    ],
    [
      'a bulkfetch issue whose id is a number',
      {
        method: 'POST',
        path: '/rest/api/3/issue/bulkfetch',
        status: 200,
        body: { issues: [issue({ id: 10001 })], issueErrors: [] },
      },
      ['bulkFetchIssues', '200', '/issues/0/id', 'string'],
    ],
    [
      'a project type no site returns',
      {
        method: 'GET',
        path: '/rest/api/3/project/search',
        status: 200,
        body: { isLast: true, values: [project({ projectTypeKey: 'marketing' })] },
      },
      ['searchProjects', '/values/0/projectTypeKey'],
    ],
    [
      'a status the operation does not declare',
      { method: 'GET', path: '/rest/api/3/field', status: 500, body: '' },
      ['getFields', 'status 500 is not declared', '200, 401'],
    ],
    [
      'a 409 from page creation',
      { method: 'POST', path: '/wiki/api/v2/pages', status: 409, body: {} },
      ['createPage', 'status 409 is not declared'],
    ],
    [
      'a 204 with a body',
      { method: 'DELETE', path: '/wiki/api/v2/pages/98305', status: 204, body: { ok: true } },
      ['deletePage', '204', 'no body'],
    ],
    [
      'an HTML page where JSON is declared',
      {
        method: 'GET',
        path: '/rest/api/3/field',
        status: 200,
        contentType: 'text/html',
        body: '<html></html>',
      },
      ['getFields', 'content type text/html is not declared'],
    ],
    [
      'a page version that is a string',
      {
        method: 'GET',
        path: '/wiki/api/v2/pages/98305',
        status: 200,
        body: pageResponse({ version: { number: '3' } }),
      },
      ['getPageById', '/version/number', 'integer'],
    ],
    [
      'a sprint whose id is a string (schema from the spec SprintBean)',
      {
        method: 'GET',
        path: '/rest/agile/1.0/board/7/sprint',
        status: 200,
        body: { isLast: true, values: [{ id: '1', name: 'Sprint 1', state: 'active' }] },
      },
      ['getAllSprints', '/values/0/id'],
    ],
    [
      'a response for an unknown operation',
      { method: 'GET', path: '/rest/api/3/search', status: 200, body: {} },
      ['GET /rest/api/3/search', 'no operation'],
    ],
  ])('rejects %s', (_case, exchange, fragments) => {
    const errors = validateResponse(exchange);
    expect(errors.length).toBeGreaterThan(0);
    for (const fragment of fragments) expect(errors.join('\n')).toContain(fragment);
  });
});

type RequestCase = [string, RequestExchange, string[]];

const storageBody = { representation: 'storage', value: '<p>Status: <strong>on track</strong></p>' };

describe('validateRequest', () => {
  it.each<RequestCase>([
    [
      'a page create with the body as a representation',
      {
        method: 'POST',
        path: '/wiki/api/v2/pages',
        contentType: 'application/json',
        body: { spaceId: '65538', status: 'current', title: 'Q3 plan', body: storageBody },
      },
      [],
    ],
    [
      'a page create with the body nested by representation',
      {
        method: 'POST',
        path: '/wiki/api/v2/pages',
        body: {
          spaceId: '65538',
          status: 'current',
          title: 'Q3 plan',
          parentId: '65539',
          body: { storage: storageBody },
        },
      },
      [],
    ],
    [
      'a page update with ids typed only as format "string"',
      {
        method: 'PUT',
        path: '/wiki/api/v2/pages/98305',
        body: {
          id: '98305',
          status: 'current',
          title: 'Q3 plan',
          spaceId: '65538',
          body: storageBody,
          version: { number: 4, message: 'Republished' },
        },
      },
      [],
    ],
    [
      'a search/jql page request',
      {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: {
          jql: 'project = PAY ORDER BY key',
          fields: ['id'],
          maxResults: 5000,
          nextPageToken: 'CAEaAggD',
        },
      },
      [],
    ],
    [
      'a search/jql GET with repeated and numeric query values',
      {
        method: 'GET',
        path: '/rest/api/3/search/jql',
        query: { jql: 'parent in (PAY-0)', maxResults: '100', fields: ['summary', 'status'] },
      },
      [],
    ],
    [
      'a bulkfetch of keys and ids',
      {
        method: 'POST',
        path: '/rest/api/3/issue/bulkfetch',
        body: { issueIdsOrKeys: ['PAY-1', '10002'], fields: ['summary', 'parent'] },
      },
      [],
    ],
    [
      'any JSON as an issue property value',
      {
        method: 'PUT',
        path: '/rest/api/3/issue/PAY-1/properties/program',
        body: { programId: 'p-1', role: 'initiative' },
      },
      [],
    ],
    [
      'sprint states as the comma list Jira takes',
      { method: 'GET', path: '/rest/agile/1.0/board/7/sprint?state=active,future&maxResults=50' },
      [],
    ],
    [
      'a multipart attachment upload',
      {
        method: 'POST',
        path: '/wiki/rest/api/content/98305/child/attachment',
        contentType: 'multipart/form-data; boundary=x',
        body: '--x--',
      },
      [],
    ],
    [
      'a page property create',
      {
        method: 'POST',
        path: '/wiki/api/v2/pages/98305/properties',
        body: { key: 'program', value: { id: 'p-1' } },
      },
      [],
    ],
  ])('accepts %s', (_case, exchange) => {
    expect(validateRequest(exchange)).toEqual([]);
  });

  it.each<RequestCase>([
    [
      'a page create without a space',
      { method: 'POST', path: '/wiki/api/v2/pages', body: { title: 'Q3 plan', body: storageBody } },
      ['createPage', 'request', 'spaceId'],
    ],
    [
      'a page create with a numeric space id',
      {
        method: 'POST',
        path: '/wiki/api/v2/pages',
        body: { spaceId: 65538, title: 'Q3 plan', body: storageBody },
      },
      ['/spaceId', 'string'],
    ],
    [
      'a page update without a version',
      {
        method: 'PUT',
        path: '/wiki/api/v2/pages/98305',
        body: { id: '98305', status: 'current', title: 'Q3 plan', body: storageBody },
      },
      ['updatePage', 'version'],
    ],
    [
      'a search/jql request using the old startAt',
      { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = PAY', startAt: 50 } },
      ['additional properties (startAt)'],
    ],
    [
      'a bulkfetch without issues',
      { method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { fields: ['summary'] } },
      ['bulkFetchIssues', 'issueIdsOrKeys'],
    ],
    [
      'a non-numeric maxResults',
      { method: 'GET', path: '/rest/api/3/search/jql', query: { maxResults: 'lots' } },
      ['query parameter /maxResults', 'integer'],
    ],
    [
      'a non-numeric page id',
      { method: 'GET', path: '/wiki/api/v2/pages/home' },
      ['getPageById', 'path parameter /id', 'integer'],
    ],
    [
      'a misspelled query parameter',
      { method: 'GET', path: '/wiki/api/v2/pages?spaceId=65538' },
      ['unknown query parameter spaceId'],
    ],
    [
      'a query value outside the enum',
      { method: 'GET', path: '/wiki/api/v2/pages', query: { 'body-format': 'html' } },
      ['/body-format'],
    ],
    [
      'a required body left out',
      { method: 'PUT', path: '/rest/api/3/issue/PAY-1/properties/program' },
      ['setIssueProperty', 'required'],
    ],
    [
      'a body on a GET',
      { method: 'GET', path: '/rest/api/3/field', body: { x: 1 } },
      ['getFields', 'takes no request body'],
    ],
    [
      'JSON sent to the multipart upload',
      {
        method: 'POST',
        path: '/wiki/rest/api/content/98305/child/attachment',
        contentType: 'application/json',
        body: { file: 'x' },
      },
      ['createAttachment', 'application/json is not declared'],
    ],
  ])('rejects %s', (_case, exchange, fragments) => {
    const errors = validateRequest(exchange);
    expect(errors.length).toBeGreaterThan(0);
    for (const fragment of fragments) expect(errors.join('\n')).toContain(fragment);
  });
});

describe('published spec quirks', () => {
  it.each([
    ['overlapping-oneOf-as-anyOf', 'confluence-v2'],
    ['format-string-without-type', 'confluence-v2'],
    ['object-typed-parameter', 'jira-software'],
    ['response-without-schema', 'jira-software'],
    ['widened-enum', 'jira-platform.v3'],
    ['added-properties', 'jira-platform.v3'],
  ])('rewrites %s in %s while loading', (quirk, spec) => {
    expect(appliedQuirks()).toContainEqual(expect.objectContaining({ quirk, spec }));
  });

  it('accepts int64 ids beyond the int32 range and self links on a local emulator', () => {
    const sprints = {
      isLast: true,
      values: [
        {
          id: 2 ** 40,
          originBoardId: 7,
          name: 'S',
          state: 'future',
          self: 'http://127.0.0.1:4010/rest/agile/1.0/sprint/1',
        },
      ],
    };
    expect(
      validateResponse({ method: 'GET', path: '/rest/agile/1.0/board/7/sprint', status: 200, body: sprints }),
    ).toEqual([]);
  });
});
