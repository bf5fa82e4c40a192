import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  colorModeOf,
  escapeHtml,
  GLOBAL_PAGE_BASE,
  renderHostPage,
  type HostPageIssue,
  type HostPageUser,
} from './host-page';
import { renderWikiPage } from './wiki-page';
import { serveDirectory } from './static-files';
import { loadThemeCss } from './theme-css';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** What the browser may do in the app's iframe: Forge's Custom UI CSP, with the inline styles our manifest allows. */
export const CUSTOM_UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

const HOST_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
].join('; ');

export interface DevInvokeRequest {
  key: string;
  payload: Record<string, unknown>;
  accountId: string;
  /** The Forge context of the module that called, e.g. the epic panel's issue; absent for the global page. */
  context?: Record<string, unknown>;
}

export interface DevAppOptions {
  /** The built Custom UI (`static/program-view/build`), served unchanged except for the bridge tag. */
  buildDir: string;
  users: readonly HostPageUser[];
  defaultUserEmail: string;
  siteUrl: string;
  /** How the banner names the site, e.g. "the emulated Jira site at http://localhost:4000". */
  siteLabel: string;
  invoke: (request: DevInvokeRequest) => Promise<unknown>;
  /** The built epic panel (`static/epic-panel/build`); without it /issue/<KEY> answers 404. */
  epicPanelBuildDir?: string;
  /** Finds an issue the host page shows, as the acting user sees it. */
  lookupIssue?: (key: string, accountId: string) => Promise<HostPageIssue | undefined>;
  /** The built status macro (`static/status-macro/build`, settings in config/); without it /wiki/* answers 404. */
  statusMacroBuildDir?: string;
  logger?: boolean;
}

/** The Forge context an issue panel gets: the host, not the app, says which issue it is on. */
export function issuePanelContext(issue: HostPageIssue): Record<string, unknown> {
  return {
    moduleKey: 'epic-panel',
    extension: { type: 'jira:issuePanel', issue: { key: issue.key, id: issue.id, type: issue.type } },
  };
}

/** The Forge context of the status macro: the program comes from its config, as Confluence keeps it. */
export function macroContext(programId: string): Record<string, unknown> {
  return {
    moduleKey: 'status-macro',
    localId: 'ari:cloud:ecosystem::extension/local-app/local-env/static/status-macro',
    extension: { type: 'macro', config: { programId } },
  };
}

/** The bridge stand-in must run before the app's module script, which imports @forge/bridge. */
export function injectDevBridge(indexHtml: string): string {
  const tag = '<script src="./dev-bridge.js"></script>';
  const head = /<head[^>]*>/i.exec(indexHtml);
  if (!head) throw new Error('The built index.html has no <head>; cannot add the dev bridge.');
  const at = head.index + head[0].length;
  return `${indexHtml.slice(0, at)}\n    ${tag}${indexHtml.slice(at)}`;
}

async function sendPublicFile(reply: FastifyReply, name: string, contentType: string): Promise<FastifyReply> {
  const body = await readFile(path.join(publicDir, name), 'utf8');
  return reply.header('cache-control', 'no-store').type(contentType).send(body);
}

function findUser(users: readonly HostPageUser[], idOrEmail: string | undefined): HostPageUser | undefined {
  if (!idOrEmail) return undefined;
  const wanted = idOrEmail.trim().toLowerCase();
  return users.find((user) => user.accountId.toLowerCase() === wanted || user.email.toLowerCase() === wanted);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function buildDevApp(options: DevAppOptions): Promise<FastifyInstance> {
  // A demo server: stopping it must not wait for a browser's open keep-alive connections.
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const defaultUser = findUser(options.users, options.defaultUserEmail) ?? options.users[0];
  if (!defaultUser) throw new Error('The dev server needs at least one user to act as.');
  const actingUser = (as: unknown) =>
    findUser(options.users, typeof as === 'string' ? as : undefined) ?? defaultUser;

  // The global page, at Jira's URL for it; the rest of the path is the app's own (its history's location).
  const globalPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = isRecord(request.query) ? request.query : {};
    const params = isRecord(request.params) ? request.params : {};
    const rest = typeof params['*'] === 'string' ? params['*'] : '';
    const page = renderHostPage({
      users: options.users,
      actingAs: actingUser(query.as),
      siteUrl: options.siteUrl,
      siteLabel: options.siteLabel,
      appPath: `/${rest}`,
      colorMode: colorModeOf(query.theme),
    });
    return reply.header('content-security-policy', HOST_CSP).type('text/html; charset=utf-8').send(page);
  };
  app.get('/', globalPage);
  app.get(GLOBAL_PAGE_BASE, globalPage);
  app.get(`${GLOBAL_PAGE_BASE}/*`, globalPage);

  const findIssue = async (key: unknown, user: HostPageUser): Promise<HostPageIssue | undefined> =>
    typeof key === 'string' && /^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(key) && options.lookupIssue
      ? options.lookupIssue(key.toUpperCase(), user.accountId)
      : undefined;

  app.get('/issue/:key', async (request, reply) => {
    const query = isRecord(request.query) ? request.query : {};
    const params = isRecord(request.params) ? request.params : {};
    const user = actingUser(query.as);
    const issue = options.epicPanelBuildDir ? await findIssue(params.key, user) : undefined;
    if (!issue)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><title>Not found</title><p>${escapeHtml(user.displayName)} cannot see an issue ${escapeHtml(String(params.key))}. Open <a href="/">the demo</a>.</p>`,
        );
    const page = renderHostPage({
      users: options.users,
      actingAs: user,
      siteUrl: options.siteUrl,
      siteLabel: options.siteLabel,
      issue,
      colorMode: colorModeOf(query.theme),
    });
    return reply.header('content-security-policy', HOST_CSP).type('text/html; charset=utf-8').send(page);
  });

  app.get('/__dev/host.js', async (_request, reply) =>
    sendPublicFile(reply, 'host.js', 'text/javascript; charset=utf-8'),
  );
  app.get('/__dev/host.css', async (_request, reply) =>
    sendPublicFile(reply, 'host.css', 'text/css; charset=utf-8'),
  );

  let themeCss: Promise<string> | undefined;
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  app.get('/__dev/theme.css', async (_request, reply) => {
    themeCss ??= loadThemeCss();
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'max-age=3600')
      .send(await themeCss);
  });

  app.get('/__dev/context', async (request) => {
    const query = isRecord(request.query) ? request.query : {};
    const user = actingUser(query.as);
    const issue = await findIssue(query.issue, user);
    return {
      accountId: user.accountId,
      cloudId: 'local-dev-cloud',
      siteUrl: options.siteUrl,
      locale: 'en-US',
      timezone: 'UTC',
      moduleKey: 'programs-page',
      localId: 'programs-page-local',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      extension: { type: 'jira:globalPage' },
      theme: {
        colorMode: 'light',
        light: 'light',
        dark: 'dark',
        spacing: 'spacing',
        typography: 'typography',
      },
      ...(issue ? { localId: 'epic-panel-local', ...issuePanelContext(issue) } : {}),
      ...(typeof query.program === 'string' ? macroContext(query.program) : {}), // status macro
    };
  });

  app.post('/__dev/invoke', async (request, reply) => {
    const body: unknown = request.body;
    if (
      !isRecord(body) ||
      typeof body.key !== 'string' ||
      (body.payload !== undefined && !isRecord(body.payload))
    ) {
      return reply.code(400).send({
        message: 'Send JSON { "key": string, "payload"?: object, "accountId": accountId or email }.',
      });
    }
    const user = findUser(options.users, typeof body.accountId === 'string' ? body.accountId : undefined);
    if (!user) {
      return reply.code(400).send({
        message: `Unknown user ${JSON.stringify(body.accountId)}; use one of ${options.users.map((u) => u.email).join(', ')}.`,
      });
    }
    // Like Forge, the host attaches the module's context: the bridge names the issue, the server looks it up.
    const issue = body.issueKey === undefined ? undefined : await findIssue(body.issueKey, user);
    if (body.issueKey !== undefined && !issue)
      return reply
        .code(404)
        .send({ message: `No issue ${JSON.stringify(body.issueKey)} for ${user.email}.` });
    try {
      return await options.invoke({
        key: body.key,
        payload: body.payload ?? {},
        accountId: user.accountId,
        ...(issue ? { context: issuePanelContext(issue) } : {}),
        ...(typeof body.macroProgram === 'string' ? { context: macroContext(body.macroProgram) } : {}),
      });
    } catch (error) {
      request.log.error({ err: error, key: body.key }, 'resolver invocation failed');
      // Forge rejects the UI's invoke() when a resolver throws; so does the bridge stand-in on a 500.
      return reply.code(500).send({ message: error instanceof Error ? error.message : String(error) });
    }
  });

  app.get('/app', async (request, reply) =>
    reply.redirect(`/app/index.html${request.url.slice('/app'.length)}`),
  );
  const serveIndex = async (_request: unknown, reply: FastifyReply) => {
    const html = await readFile(path.join(options.buildDir, 'index.html'), 'utf8');
    return reply
      .header('content-security-policy', CUSTOM_UI_CSP)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(injectDevBridge(html));
  };
  app.get('/app/', serveIndex);
  app.get('/app/index.html', serveIndex);
  app.get('/app/dev-bridge.js', async (_request, reply) =>
    sendPublicFile(reply, 'dev-bridge.js', 'text/javascript; charset=utf-8'),
  );
  serveDirectory(app, {
    prefix: '/app/',
    root: options.buildDir,
    headers: { 'content-security-policy': CUSTOM_UI_CSP },
  });

  const epicPanelDir = options.epicPanelBuildDir;
  if (epicPanelDir) {
    const servePanelIndex = async (_request: unknown, reply: FastifyReply) => {
      const html = await readFile(path.join(epicPanelDir, 'index.html'), 'utf8');
      return reply
        .header('content-security-policy', CUSTOM_UI_CSP)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(injectDevBridge(html));
    };
    app.get('/epic-panel/', servePanelIndex);
    app.get('/epic-panel/index.html', servePanelIndex);
    app.get('/epic-panel/dev-bridge.js', async (_request, reply) =>
      sendPublicFile(reply, 'dev-bridge.js', 'text/javascript; charset=utf-8'),
    );
    serveDirectory(app, {
      prefix: '/epic-panel/',
      root: epicPanelDir,
      headers: { 'content-security-policy': CUSTOM_UI_CSP },
    });
  }

  // Status macro: a Confluence page hosting the macro (/wiki/page) and the macro's settings (/wiki/macro-config).
  const macroDir = options.statusMacroBuildDir;
  if (macroDir) {
    for (const view of ['page', 'macro-config'] as const)
      app.get(`/wiki/${view}`, async (request, reply) => {
        const query = isRecord(request.query) ? request.query : {};
        const page = renderWikiPage({
          users: options.users,
          actingAs: actingUser(query.as),
          programId: typeof query.program === 'string' ? query.program : '',
          view,
          colorMode: colorModeOf(query.theme),
        });
        return reply.header('content-security-policy', HOST_CSP).type('text/html; charset=utf-8').send(page);
      });
    const serveMacroIndex = (dir: string) => async (_request: unknown, reply: FastifyReply) => {
      const html = await readFile(path.join(dir, 'index.html'), 'utf8');
      return reply
        .header('content-security-policy', CUSTOM_UI_CSP)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(injectDevBridge(html));
    };
    for (const [prefix, dir] of [
      ['/status-macro/config/', path.join(macroDir, 'config')],
      ['/status-macro/', macroDir],
    ] as const) {
      app.get(prefix, serveMacroIndex(dir));
      app.get(`${prefix}index.html`, serveMacroIndex(dir));
      app.get(`${prefix}dev-bridge.js`, async (_request, reply) =>
        sendPublicFile(reply, 'dev-bridge.js', 'text/javascript; charset=utf-8'),
      );
    }
    serveDirectory(app, {
      prefix: '/status-macro/',
      root: macroDir,
      headers: { 'content-security-policy': CUSTOM_UI_CSP },
    });
  }

  app.setNotFoundHandler(async (request, reply) =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><title>Not found</title><p>Nothing at ${escapeHtml(request.url)}. Open <a href="/">the demo</a>.</p>`,
      ),
  );
  return app;
}
