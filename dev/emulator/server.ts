import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { DEMO_OPTIONS, DEMO_USERS, generateSite } from '../seed/index';
import type { GeneratorOptions, Issue, SecurityLevel, SiteData } from '../seed/index';
import { boundaryOf, parseMultipart } from './confluence/multipart';
import { FaultConfigSchema, FaultInjector } from './faults';
import { familyError, type ApiContext, type ApiFamily, type ApiRequest, type ApiResponse } from './http';
import { createRouter } from './routes';
import { SiteState, type Caller } from './state';

/** `Authorization: Bearer <this>` authenticates as the Forge app (asApp): it sees every project. */
export const EMULATOR_APP_TOKEN = 'emulator-forge-app-token';

/** One request and its answer, for contract tests. */
export interface Exchange {
  /** The official operationId, or `unmodelled` for a 501. */
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
}

export interface EmulatorStats {
  requests: Record<string, number>;
  unmodelled: Record<string, number>;
  total: number;
}

export interface EmulatorHandle {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Regenerates the site (options not given keep their start values), clears faults and stats. */
  reset(opts?: GeneratorOptions): void;
  /** The live site data; after adding or removing issues or links directly, searches pick the change up. */
  site(): SiteData;
}

export interface EmulatorOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  host?: string;
  generator?: GeneratorOptions;
  onExchange?: (x: Exchange) => void;
  now?: () => number;
}

const GeneratorOptionsSchema = z
  .object({
    seed: z.number().int().min(0).optional(),
    teams: z.number().int().min(1).max(200).optional(),
    epics: z.number().int().min(0).max(20_000).optional(),
    childrenPerEpic: z.number().int().min(0).max(200).optional(),
    links: z.number().int().min(0).max(100_000).optional(),
    now: z.number().int().optional(),
    securedDemoEpic: z.boolean().optional(),
  })
  .strict();

const IssuePatchSchema = z
  .object({
    summary: z.string().min(1),
    status: z.string().min(1),
    labels: z.array(z.string()),
    parentKey: z.string().nullable(),
    epicLinkKey: z.string().nullable(),
    storyPoints: z.number().nullable(),
    teamId: z.string().nullable(),
    sprintIds: z.array(z.number().int()),
    assigneeAccountId: z.string().nullable(),
    startDate: z.string().nullable(),
    targetStart: z.string().nullable(),
    targetEnd: z.string().nullable(),
    dueDate: z.string().nullable(),
    /** A level of the site by name (and id, when given); null clears it. */
    securityLevel: z
      .object({ id: z.string().min(1).optional(), name: z.string().min(1) })
      .strict()
      .nullable(),
    /** When a done issue was resolved (ISO date-time); default: the time of the PATCH. */
    resolutionDate: z.iso.datetime({ offset: true }),
  })
  .partial()
  .strict();

const LinkSchema = z
  .object({ type: z.string().min(1), source: z.string().min(1), target: z.string().min(1) })
  .strict();

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function groupQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = out[name];
    out[name] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Headers as handed to onExchange: credentials are masked. */
function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  if (out.authorization) out.authorization = out.authorization.replace(/^(\S+)\s.*$/, '$1 ***');
  return out;
}

function authenticate(authorization: string | undefined): Caller | undefined {
  if (!authorization) return undefined;
  const [scheme, credentials = ''] = authorization.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer')
    return credentials === EMULATOR_APP_TOKEN ? { kind: 'app' } : undefined;
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const email = decoded.slice(0, colon).toLowerCase();
  const token = decoded.slice(colon + 1);
  const user = DEMO_USERS.find((u) => u.email === email && u.apiToken === token);
  return user ? { kind: 'user', user } : undefined;
}

function parseJsonBody(raw: Buffer, contentType: string | undefined): { body: unknown; bodyError?: string } {
  if (raw.length === 0) return { body: undefined };
  if (contentType && !/json/i.test(contentType)) return { body: undefined };
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch (error) {
    return { body: undefined, bodyError: (error as Error).message };
  }
}

/** What onExchange reports as a multipart request body: its parts, without the bytes. */
function describeMultipart(raw: Buffer, contentType: string | undefined): unknown {
  const boundary = boundaryOf(contentType);
  if (!boundary) return raw.length > 0 ? raw.toString('utf8') : undefined;
  try {
    return {
      parts: parseMultipart(raw, boundary).map((p) => ({
        name: p.name,
        filename: p.filename,
        contentType: p.contentType,
        size: p.data.length,
      })),
    };
  } catch {
    return raw.toString('utf8');
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const FAULT_MESSAGES: Record<number, string> = {
  429: 'Rate limit exceeded.',
  500: 'Internal server error (injected by the emulator).',
  503: 'Service unavailable (injected by the emulator).',
};

/** Starts a stateful Jira + Confluence Cloud emulator seeded from dev/seed. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const now = opts.now ?? Date.now;
  const route = createRouter();
  const startOptions: GeneratorOptions = { ...DEMO_OPTIONS, ...opts.generator };
  let state = new SiteState(generateSite({ ...startOptions, now: startOptions.now ?? now() }));
  let faults = new FaultInjector(state.site.seed);
  let stats: EmulatorStats = { requests: {}, unmodelled: {}, total: 0 };

  /** Options not given keep the values the emulator was started with. */
  const reset = (generator: GeneratorOptions = {}): void => {
    const options = { ...startOptions, ...generator };
    state = new SiteState(generateSite({ ...options, now: options.now ?? now() }));
    faults = new FaultInjector(state.site.seed);
    stats = { requests: {}, unmodelled: {}, total: 0 };
  };

  const send = (res: ServerResponse, response: ApiResponse): Record<string, string> => {
    const headers: Record<string, string> = { ...response.headers };
    let payload: string | undefined;
    if (response.body !== undefined) {
      payload = JSON.stringify(response.body);
      headers['content-type'] = 'application/json;charset=UTF-8';
    }
    res.writeHead(response.status, headers);
    res.end(payload);
    return headers;
  };

  const admin = (method: string, path: string, raw: Buffer, contentType: string | undefined): ApiResponse => {
    const { body, bodyError } = parseJsonBody(raw, contentType);
    const invalid = (message: string): ApiResponse => ({ status: 400, body: { error: message } });
    if (bodyError) return invalid(`Body is not JSON: ${bodyError}`);
    if (method === 'POST' && path === '/__emulator/reset') {
      const parsed = GeneratorOptionsSchema.safeParse(body ?? {});
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      const generator = Object.fromEntries(
        Object.entries(parsed.data).filter(([, v]) => v !== undefined),
      ) as GeneratorOptions;
      reset(generator);
      const s = state.site;
      return {
        status: 200,
        body: {
          seed: s.seed,
          issues: s.issues.length,
          links: s.links.length,
          program: s.program,
          customFieldIds: s.customFieldIds,
        },
      };
    }
    if (method === 'POST' && path === '/__emulator/faults') {
      const parsed = FaultConfigSchema.safeParse(body ?? {});
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      faults.configure(parsed.data);
      return { status: 200, body: { faults: faults.current() } };
    }
    if (method === 'GET' && path === '/__emulator/faults')
      return { status: 200, body: { faults: faults.current() } };
    if (method === 'GET' && path === '/__emulator/stats') return { status: 200, body: stats };
    if (method === 'GET' && path === '/__emulator/site') {
      const s = state.site;
      return {
        status: 200,
        body: {
          seed: s.seed,
          today: new Date(s.today).toISOString(),
          issues: s.issues.length,
          links: s.links.length,
          program: s.program,
          customFieldIds: s.customFieldIds,
          projects: s.projects,
          securityLevels: s.securityLevels,
          users: DEMO_USERS.map(({ apiToken: _t, ...u }) => u),
        },
      };
    }
    if (method === 'POST' && path === '/__emulator/links') {
      const parsed = LinkSchema.safeParse(body);
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      const { type, source, target } = parsed.data;
      const linkType = state.site.linkTypes.find(
        (t) => t.id === type || t.name.toLowerCase() === type.toLowerCase(),
      );
      const from = state.findIssue(source);
      const to = state.findIssue(target);
      if (!linkType || !from || !to) return { status: 404, body: { error: 'Unknown link type or issue' } };
      const link = {
        id: String(state.site.nextIds.link++),
        typeId: linkType.id,
        sourceKey: from.key,
        targetKey: to.key,
      };
      state.site.links.push(link);
      state.reindex();
      return { status: 201, body: link };
    }
    const linkMatch = /^\/__emulator\/links\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && linkMatch) {
      const index = state.site.links.findIndex((l) => l.id === linkMatch[1]);
      if (index < 0) return { status: 404, body: { error: 'No such link' } };
      state.site.links.splice(index, 1);
      state.reindex();
      return { status: 204 };
    }
    const issueMatch = /^\/__emulator\/issues\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && issueMatch) {
      const issue = state.findIssue(decodeURIComponent(issueMatch[1] ?? ''));
      if (!issue) return { status: 404, body: { error: 'No such issue' } };
      const parsed = IssuePatchSchema.safeParse(body);
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      const problem = patchIssue(state, issue, parsed.data, now());
      if (problem) return invalid(problem);
      return { status: 200, body: issue };
    }
    return { status: 404, body: { error: `No admin endpoint ${method} ${path}` } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname;
    const raw = await readBody(req);
    const headers = flattenHeaders(req.headers);
    const contentType = headers['content-type'];
    if (path.startsWith('/__emulator/')) {
      send(res, admin(method, path, raw, contentType));
      return;
    }
    const query = groupQuery(url.searchParams);
    const match = route(method, path);
    const operationId = match?.route.operationId ?? 'unmodelled';
    const family: ApiFamily = match?.route.family ?? 'jira';
    const { body, bodyError } = boundaryOf(contentType)
      ? { body: undefined, bodyError: undefined }
      : parseJsonBody(raw, contentType);
    const report = (response: ApiResponse, responseHeaders: Record<string, string>): void => {
      if (!opts.onExchange) return;
      try {
        opts.onExchange({
          operationId,
          method,
          path,
          query,
          requestHeaders: redactHeaders(headers),
          requestBody: boundaryOf(contentType)
            ? describeMultipart(raw, contentType)
            : (body ?? (raw.length > 0 ? raw.toString('utf8') : undefined)),
          status: response.status,
          responseHeaders,
          responseBody: response.body,
        });
      } catch (error) {
        console.error('emulator: onExchange threw', error);
      }
    };
    const respond = (response: ApiResponse): void => report(response, send(res, response));

    stats.total++;
    if (!match) {
      const key = `${method} ${path}`;
      stats.unmodelled[key] = (stats.unmodelled[key] ?? 0) + 1;
      respond({ status: 501, body: { errorMessages: [`Not modelled by the emulator: ${method} ${path}`] } });
      return;
    }
    stats.requests[operationId] = (stats.requests[operationId] ?? 0) + 1;
    const caller = authenticate(headers.authorization);
    if (!caller) {
      respond(
        familyError(
          family,
          401,
          family === 'jira' ? 'Client must be authenticated to access this resource.' : 'Unauthorized',
        ),
      );
      return;
    }
    const decision = faults.decide(operationId);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.drop) {
      req.socket.destroy();
      return;
    }
    if (decision.status !== undefined) {
      const response = familyError(
        family,
        decision.status,
        FAULT_MESSAGES[decision.status] ?? 'Injected fault',
      );
      if (decision.retryAfterS !== undefined)
        response.headers = { 'retry-after': String(decision.retryAfterS) };
      respond(response);
      return;
    }
    state.refreshIfChanged();
    const apiRequest: ApiRequest = {
      method,
      path,
      params: match.params,
      query,
      headers,
      body,
      rawBody: raw,
      ...(bodyError ? { bodyError } : {}),
    };
    const ctx: ApiContext = {
      state,
      caller,
      base: `http://${headers.host ?? url.host}`,
      now: now(),
      searchLagMs: (op) => faults.searchLagMs(op),
    };
    let response: ApiResponse;
    try {
      response = match.route.handler(apiRequest, ctx);
    } catch (error) {
      console.error(`emulator: ${operationId} failed`, error);
      response = familyError(family, 500, `The emulator failed: ${(error as Error).message}`);
    }
    respond(response);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('emulator: request failed', error);
      if (!res.headersSent) send(res, { status: 500, body: { errorMessages: ['The emulator failed.'] } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    reset,
    site: () => state.site,
  };
}

function patchIssue(
  state: SiteState,
  issue: Issue,
  patch: z.infer<typeof IssuePatchSchema>,
  now: number,
): string | undefined {
  const { status, resolutionDate, securityLevel, ...fields } = patch;
  const level = securityLevel ? securityLevelFor(state, issue, securityLevel) : null;
  if (typeof level === 'string') return level;
  if (resolutionDate !== undefined) {
    const target = state.site.statuses.find((x) =>
      status === undefined
        ? x.id === issue.statusId
        : x.name.toLowerCase() === status.toLowerCase() || x.id === status,
    );
    if (target?.category.key !== 'done')
      return `resolutionDate is for a done issue; ${issue.key} would not be done`;
  }
  if (status !== undefined) {
    const s = state.site.statuses.find(
      (x) => x.name.toLowerCase() === status.toLowerCase() || x.id === status,
    );
    if (!s) return `Unknown status '${status}'`;
    if (s.id !== issue.statusId) issue.statusCategoryChanged = new Date(now).toISOString();
    issue.statusId = s.id;
    issue.resolutionDate = s.category.key === 'done' ? new Date(now).toISOString() : null;
  }
  if (resolutionDate !== undefined) {
    issue.resolutionDate = new Date(resolutionDate).toISOString();
    issue.statusCategoryChanged = issue.resolutionDate;
  }
  for (const key of ['parentKey', 'epicLinkKey'] as const) {
    const value = fields[key];
    if (value) {
      const target = state.findIssue(value);
      if (!target) return `Unknown issue '${value}' for ${key}`;
      fields[key] = target.key;
    }
  }
  if (securityLevel !== undefined) issue.securityLevel = level && { id: level.id, name: level.name };
  Object.assign(issue, fields);
  issue.updated = new Date(now).toISOString();
  state.reindex();
  return undefined;
}

/** The site's level a PATCH names for this issue, or why it cannot have it (Jira's edit answers 400 alike). */
function securityLevelFor(
  state: SiteState,
  issue: Issue,
  wanted: { id?: string | undefined; name: string },
): SecurityLevel | string {
  const level = state.site.securityLevels.find((l) => l.name.toLowerCase() === wanted.name.toLowerCase());
  if (!level) return `Unknown security level '${wanted.name}'`;
  if (wanted.id !== undefined && wanted.id !== level.id)
    return `Security level '${level.name}' has the id ${level.id}, not ${wanted.id}`;
  if (!level.projectKeys.includes(issue.projectKey))
    return `Security level '${level.name}' is not in the issue security scheme of project ${issue.projectKey}`;
  if (state.typesById.get(issue.issueTypeId)?.subtask)
    return `${issue.key} is a sub-task: it takes the security level of its parent`;
  return level;
}
