import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildDevApp, CUSTOM_UI_CSP, injectDevBridge, type DevInvokeRequest } from './dev-app';

const users = [
  { accountId: 'acc-tpm', email: 'tpm@example.com', displayName: 'Morgan Reyes' },
  { accountId: 'acc-contractor', email: 'contractor@example.com', displayName: 'Alex <Contractor>' },
];

const builtIndex = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('dev server', () => {
  let buildDir: string;
  let app: FastifyInstance;
  let invocations: DevInvokeRequest[];
  let answer: () => Promise<unknown>;

  beforeAll(async () => {
    buildDir = await mkdtemp(path.join(tmpdir(), 'program-view-build-'));
    await writeFile(path.join(buildDir, 'index.html'), builtIndex);
    await writeFile(path.join(buildDir, 'app.js'), 'console.log("app")');
  });

  beforeEach(async () => {
    invocations = [];
    answer = async () => ({ success: true, data: { programs: [] } });
    app = await buildDevApp({
      buildDir,
      users,
      defaultUserEmail: 'tpm@example.com',
      siteUrl: 'http://127.0.0.1:4000',
      siteLabel: 'the emulated Jira site',
      invoke: async (request) => {
        invocations.push(request);
        return answer();
      },
    });
  });

  afterEach(() => app.close());

  // Real HTTP rather than app.inject(): inject loads ESM-only packages that Jest's CommonJS runtime cannot.
  async function get(url: string): Promise<Response> {
    await app.listen({ port: 0, host: '127.0.0.1' }).catch(() => undefined);
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return fetch(`http://127.0.0.1:${address.port}${url}`);
  }

  async function invoke(body: unknown): Promise<Response> {
    await get('/__dev/context');
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return fetch(`http://127.0.0.1:${address.port}/__dev/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
  afterAll(() => rm(buildDir, { recursive: true, force: true }));

  it('puts the bridge stand-in before the app module so @forge/bridge finds it at import', async () => {
    const response = await get('/app/index.html?as=tpm@example.com');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html.indexOf('<script src="./dev-bridge.js"></script>')).toBeGreaterThan(-1);
    expect(html.indexOf('./dev-bridge.js')).toBeLessThan(html.indexOf('./assets/index-abc.js'));
  });

  it('serves the app under the Custom UI CSP, which forbids inline scripts', async () => {
    const index = await get('/app/index.html');
    const asset = await get('/app/app.js');
    expect(await asset.text()).toBe('console.log("app")');
    expect(index.headers.get('content-security-policy')).toBe(CUSTOM_UI_CSP);
    expect(asset.headers.get('content-security-policy')).toBe(CUSTOM_UI_CSP);
    expect(CUSTOM_UI_CSP).toContain("script-src 'self'");
    expect(CUSTOM_UI_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await index.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('leaves the build on disk unchanged', async () => {
    await get('/app/index.html');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path.join(buildDir, 'index.html'), 'utf8')).toBe(builtIndex);
  });

  it('runs a resolver as the user named by email and returns its envelope', async () => {
    const response = await invoke({ key: 'program/list', payload: {}, accountId: 'contractor@example.com' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, data: { programs: [] } });
    expect(invocations).toEqual([{ key: 'program/list', payload: {}, accountId: 'acc-contractor' }]);
  });

  it('accepts an accountId as well as an email', async () => {
    await invoke({ key: 'program/list', accountId: 'acc-tpm' });
    expect(invocations).toEqual([{ key: 'program/list', payload: {}, accountId: 'acc-tpm' }]);
  });

  it('refuses an unknown user without running any resolver', async () => {
    const response = await invoke({ key: 'program/list', accountId: 'nobody@example.com' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/Unknown user/);
    expect(invocations).toEqual([]);
  });

  it('answers 500 when the resolver throws, as Forge rejects the UI invoke', async () => {
    answer = async () => {
      throw new Error('resolver exploded');
    };
    const response = await invoke({ key: 'program/list', accountId: 'tpm@example.com' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'resolver exploded' });
  });

  it('hosts the app in an iframe as the chosen user, with every user in the switcher', async () => {
    const response = await get('/?as=contractor@example.com');
    const body = await response.text();
    expect(body).toContain('src="/app/index.html?as=contractor%40example.com&amp;path=%2F"');
    expect(body).toContain(
      '<option value="contractor@example.com" selected>Alex &lt;Contractor&gt; (contractor@example.com)</option>',
    );
    expect(body).toContain('<option value="tpm@example.com">');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('acts as the TPM when no user or an unknown user is asked for', async () => {
    const response = await get('/?as=someone@else.com');
    expect(await response.text()).toContain('src="/app/index.html?as=tpm%40example.com&amp;path=%2F"');
  });

  it("serves the global page at Jira's URL for it, starting the app's history at the path after it", async () => {
    const response = await get('/jira/apps/local-app/local-env/programs/checkout/plan?as=tpm@example.com');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('path=%2Fprograms%2Fcheckout%2Fplan');
    expect(body).toContain('data-global-page-base="/jira/apps/local-app/local-env"');
    // Another user may not take part in that program: switching users opens the list.
    expect(body).toContain('action="/jira/apps/local-app/local-env"');
  });

  it('draws the host and its app in the dark theme when ?theme=dark asks for it, light otherwise', async () => {
    const dark = await (await get('/jira/apps/local-app/local-env?as=tpm@example.com&theme=dark')).text();
    expect(dark).toContain('data-color-mode="dark"');
    expect(dark).toMatch(/src="\/app\/index\.html\?[^"]*&amp;theme=dark"/);
    expect(dark).toContain('<option value="dark" selected>Dark</option>');
    const light = await (await get('/?as=tpm@example.com&theme=purple')).text();
    expect(light).toContain('data-color-mode="light"');
    expect(light).not.toContain('theme=dark');
  });

  it('gives the app a Forge context for the acting user', async () => {
    const response = await get('/__dev/context?as=contractor@example.com');
    expect(await response.json()).toMatchObject({
      accountId: 'acc-contractor',
      siteUrl: 'http://127.0.0.1:4000',
      extension: { type: 'jira:globalPage' },
    });
  });

  it('serves the design-token theme the Forge host would load', async () => {
    const response = await get('/__dev/theme.css');
    const css = await response.text();
    expect(response.headers.get('content-type')).toMatch(/text\/css/);
    expect(css).toContain('--ds-space-200');
    expect(css).toContain('--ds-text:');
  });
});

describe('injectDevBridge', () => {
  it('fails loudly on an index.html without a head', () => {
    expect(() => injectDevBridge('<html><body></body></html>')).toThrow(/no <head>/);
  });
});

describe('dev server hosting the epic panel', () => {
  const epic = { key: 'MOB-7', id: '10070', type: 'Epic', summary: 'Offline <sync>' };
  let panelDir: string;
  let app: FastifyInstance;
  let invocations: DevInvokeRequest[];
  let base: string;

  beforeAll(async () => {
    panelDir = await mkdtemp(path.join(tmpdir(), 'epic-panel-build-'));
    await writeFile(path.join(panelDir, 'index.html'), builtIndex);
    invocations = [];
    app = await buildDevApp({
      buildDir: panelDir,
      epicPanelBuildDir: panelDir,
      lookupIssue: async (key, accountId) => (key === epic.key && accountId === 'acc-tpm' ? epic : undefined),
      users,
      defaultUserEmail: 'tpm@example.com',
      siteUrl: 'http://127.0.0.1:4000',
      siteLabel: 'the emulated Jira site',
      invoke: async (request) => {
        invocations.push(request);
        return { success: true, data: {} };
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await app.close();
    await rm(panelDir, { recursive: true, force: true });
  });

  it('renders an issue view with the panel iframe for the acting user, escaping the summary', async () => {
    const response = await fetch(`${base}/issue/MOB-7?as=tpm@example.com`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('src="/epic-panel/index.html?issue=MOB-7&amp;as=tpm%40example.com"');
    expect(html).toContain('Offline &lt;sync&gt;');
  });

  it('answers 404 for an issue the acting user cannot see', async () => {
    expect((await fetch(`${base}/issue/MOB-7?as=contractor@example.com`)).status).toBe(404);
  });

  it('gives the panel an issue-panel context and passes it to the resolvers', async () => {
    const context = (await (await fetch(`${base}/__dev/context?as=tpm@example.com&issue=MOB-7`)).json()) as {
      extension: unknown;
    };
    expect(context.extension).toEqual({
      type: 'jira:issuePanel',
      issue: { key: 'MOB-7', id: '10070', type: 'Epic' },
    });
    const response = await fetch(`${base}/__dev/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key: 'epic/programs',
        payload: { issueKey: 'MOB-7' },
        accountId: 'tpm@example.com',
        issueKey: 'MOB-7',
      }),
    });
    expect(response.status).toBe(200);
    expect(invocations.at(-1)?.context).toMatchObject({
      moduleKey: 'epic-panel',
      extension: { type: 'jira:issuePanel', issue: { key: 'MOB-7', id: '10070' } },
    });
  });
});
