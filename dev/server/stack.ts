import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import * as appModule from '../../src/index';
import { handler, refreshSnapshots } from '../../src/index';
import { EMULATOR_APP_TOKEN, startEmulator, type EmulatorHandle } from '../emulator/server';
import {
  emulatorSite,
  installForgeRuntime,
  realSiteFromEnv,
  type LocalForgeRuntime,
  type SiteConnection,
} from '../runtime';
import { manifestConsumers } from '../runtime/manifest-consumers';
import { manifestEntities } from '../runtime/manifest-entities';
import { DEMO_OPTIONS, DEMO_USERS } from '../seed';
import { seedDemoProgram } from '../seed/demo-program';
import { seedDemoPlan } from '../seed/demo-plan';
import { seedDemoExecution, type DemoExecution } from '../seed/demo-execution';
import { buildDevApp } from './dev-app';
import type { HostPageIssue, HostPageUser } from './host-page';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `npm run build:ui` puts the Custom UI. */
export const PROGRAM_VIEW_BUILD_DIR = path.join(repoRoot, 'static', 'program-view', 'build');
/** Where `npm run build:ui` puts the epic panel. */
export const EPIC_PANEL_BUILD_DIR = path.join(repoRoot, 'static', 'epic-panel', 'build');
/** Where `npm run build:ui` puts the status macro (its settings in config/). */
export const STATUS_MACRO_BUILD_DIR = path.join(repoRoot, 'static', 'status-macro', 'build');
export const DEFAULT_USER_EMAIL = 'tpm@example.com';

export interface DevStackOptions {
  /** Port of the dev server; 0 picks a free one. Default 3000. */
  port?: number;
  /** Port of the Jira/Confluence emulator; 0 picks a free one. Default 0. */
  emulatorPort?: number;
  /** Persist Forge KVS to this file; in memory when absent. */
  kvsFile?: string;
  /** Default: 'real' when ATLASSIAN_BASE_URL, ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN are set, else 'emulator'. */
  site?: 'emulator' | 'real';
  /** The built Custom UI to serve. Default static/program-view/build. */
  buildDir?: string;
  /** The built epic panel, hosted at /issue/<KEY>. Default static/epic-panel/build when it is built. */
  epicPanelBuildDir?: string;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Log every request (fastify's logger). */
  logRequests?: boolean;
  /**
   * Run the manifest's hourly `snapshot-refresh` trigger as Forge would: once the demo is seeded, then every
   * hour while the stack runs (the status macro's card and the Scope tab's first rows come from it).
   */
  hourlySnapshots?: boolean;
  /**
   * Deliver what the app pushes to its queues (@forge/events) to the manifest's consumers soon after, as Forge
   * does: closing a program publishes its final pages this way.
   */
  deliverEvents?: boolean;
  /** Put one DATA epic of the demo program under the "Confidential" issue security level (not every user sees it). */
  securedDemoEpic?: boolean;
}

export interface DevStack {
  /** The host page, e.g. http://127.0.0.1:3000 */
  url: string;
  /** The emulated Atlassian site, when the stack runs on the emulator. */
  emulatorUrl?: string;
  /** The emulator itself (its live site data, stats at /__emulator/stats), when the stack runs on it. */
  emulator?: EmulatorHandle;
  /** Everyone the page can act as; the first is the default (the TPM on the emulator). */
  users: readonly HostPageUser[];
  /** On the emulator: the demo program's quarter in execution, its slip and a dependency to move late. */
  demoExecution?: DemoExecution;
  close(): Promise<void>;
}

export class MissingUiBuildError extends Error {
  constructor(readonly buildDir: string) {
    super(
      `The Programs UI is not built: ${path.relative(process.cwd(), buildDir) || buildDir}/index.html is missing. Run "npm run build:ui" first.`,
    );
    this.name = 'MissingUiBuildError';
  }
}

async function assertUiBuilt(buildDir: string): Promise<void> {
  try {
    await access(path.join(buildDir, 'index.html'));
  } catch {
    throw new MissingUiBuildError(buildDir);
  }
}

/** The one account an API token acts as: a real site offers no other users to switch to. */
async function realSiteUser(site: SiteConnection): Promise<HostPageUser> {
  const response = await fetch(`${site.baseUrl}/rest/api/3/myself`, {
    headers: { authorization: site.userAuthorization(''), accept: 'application/json' },
  });
  if (!response.ok)
    throw new Error(
      `Could not sign in to ${site.baseUrl} with ATLASSIAN_EMAIL/ATLASSIAN_API_TOKEN: HTTP ${response.status}`,
    );
  const me = (await response.json()) as {
    accountId?: unknown;
    emailAddress?: unknown;
    displayName?: unknown;
  };
  if (typeof me.accountId !== 'string')
    throw new Error(`${site.baseUrl}/rest/api/3/myself answered without an accountId`);
  return {
    accountId: me.accountId,
    email:
      typeof me.emailAddress === 'string' ? me.emailAddress : (process.env.ATLASSIAN_EMAIL ?? me.accountId),
    displayName: typeof me.displayName === 'string' ? me.displayName : me.accountId,
  };
}

/** The issue the host page shows, read from the site as the acting user (Jira's own issue view does that). */
function issueLookup(site: SiteConnection) {
  return async (key: string, accountId: string): Promise<HostPageIssue | undefined> => {
    const response = await fetch(
      `${site.baseUrl}/rest/api/3/issue/${encodeURIComponent(key)}?fields=summary,issuetype`,
      { headers: { authorization: site.userAuthorization(accountId), accept: 'application/json' } },
    );
    if (!response.ok) return undefined;
    const issue = (await response.json()) as {
      id?: unknown;
      key?: unknown;
      fields?: { summary?: unknown; issuetype?: { name?: unknown } };
    };
    if (typeof issue.id !== 'string' || typeof issue.key !== 'string') return undefined;
    return {
      id: issue.id,
      key: issue.key,
      summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : '',
      type: typeof issue.fields?.issuetype?.name === 'string' ? issue.fields.issuetype.name : 'Issue',
    };
  };
}

async function isBuilt(buildDir: string): Promise<boolean> {
  try {
    await access(path.join(buildDir, 'index.html'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts everything `npm start` needs: the emulator (unless a real site is configured), the local Forge
 * runtime with the demo program seeded into KVS, and the dev server that hosts the built Custom UI with
 * a @forge/bridge stand-in routing invoke() to the real resolvers in this process.
 */
export async function startDevStack(options: DevStackOptions = {}): Promise<DevStack> {
  const buildDir = options.buildDir ?? PROGRAM_VIEW_BUILD_DIR;
  const epicPanelBuildDir = options.epicPanelBuildDir ?? EPIC_PANEL_BUILD_DIR;
  const statusMacroBuildDir = STATUS_MACRO_BUILD_DIR; // status macro
  await assertUiBuilt(buildDir);

  const realSite = options.site === 'emulator' ? undefined : realSiteFromEnv(process.env);
  if (options.site === 'real' && !realSite) {
    throw new Error(
      'site: "real" needs ATLASSIAN_BASE_URL, ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN in the environment.',
    );
  }

  const closers: Array<() => Promise<void> | void> = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };

  try {
    let site: SiteConnection;
    let users: HostPageUser[];
    let emulator: EmulatorHandle | undefined;
    let siteLabel: string;
    if (realSite) {
      site = realSite;
      users = [await realSiteUser(realSite)];
      siteLabel = `the real site ${realSite.baseUrl} (every user acts as the API token's account)`;
    } else {
      const started = await startEmulator({
        port: options.emulatorPort ?? 0,
        generator: { ...DEMO_OPTIONS, securedDemoEpic: options.securedDemoEpic ?? false },
      });
      emulator = started;
      closers.push(() => started.close());
      site = emulatorSite(started.url, [...DEMO_USERS], EMULATOR_APP_TOKEN);
      const tpmFirst = [...DEMO_USERS].sort(
        (a, b) => Number(b.email === DEFAULT_USER_EMAIL) - Number(a.email === DEFAULT_USER_EMAIL),
      );
      users = tpmFirst.map(({ accountId, email, displayName }) => ({ accountId, email, displayName }));
      siteLabel = `the emulated Jira site at ${started.url}`;
    }

    const runtime: LocalForgeRuntime = installForgeRuntime({
      site,
      entities: manifestEntities(),
      ...(options.kvsFile === undefined ? {} : { kvsFile: options.kvsFile }),
    });
    closers.push(() => runtime.uninstall());
    const owner = users[0];
    if (!owner) throw new Error('No user to seed the demo program as.');
    await runtime.runAsUser(owner.accountId, () => seedDemoProgram());
    // Execution first: in the quarter the 2027-Q1 plan is for, that plan is the one in execution.
    const started = emulator;
    const demoExecution = started
      ? await runtime.runAsUser(owner.accountId, () => seedDemoExecution(started))
      : null;
    await runtime.runAsUser(owner.accountId, () => seedDemoPlan());
    if (options.hourlySnapshots) {
      const refresh = () =>
        runtime.runTrigger(refreshSnapshots).catch((error: unknown) => {
          console.warn('The hourly snapshot trigger failed:', error);
        });
      await refresh();
      const hourly = setInterval(() => void refresh(), 60 * 60 * 1000);
      hourly.unref();
      closers.push(() => clearInterval(hourly));
    }

    // Events are delivered one drain at a time, after the call that pushed them has answered.
    let delivering: Promise<unknown> = Promise.resolve();
    const deliverPushed = () => {
      if (!options.deliverEvents || runtime.queues.pending().length === 0) return;
      delivering = delivering
        .then(() => runtime.queues.drain())
        .catch((error: unknown) => console.warn('Delivering queued events failed:', error));
    };
    if (options.deliverEvents)
      for (const consumer of manifestConsumers(appModule as unknown as Record<string, unknown>))
        runtime.queues.subscribe(consumer);
    closers.push(() => delivering.then(() => undefined));

    const app: FastifyInstance = await buildDevApp({
      buildDir,
      users,
      defaultUserEmail: owner.email,
      siteUrl: site.baseUrl,
      siteLabel,
      logger: options.logRequests ?? false,
      invoke: async ({ key, payload, accountId, context }) => {
        try {
          return await runtime.invoke(handler, { key, payload, accountId, ...(context ? { context } : {}) });
        } finally {
          setImmediate(deliverPushed);
        }
      },
      ...((await isBuilt(epicPanelBuildDir)) ? { epicPanelBuildDir, lookupIssue: issueLookup(site) } : {}),
      ...((await isBuilt(statusMacroBuildDir)) ? { statusMacroBuildDir } : {}), // status macro
    });
    closers.push(() => app.close());
    await app.listen({ port: options.port ?? 3000, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string')
      throw new Error(`The dev server is not listening on a TCP port (${String(address)}).`);
    const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

    let closing: Promise<void> | undefined;
    return {
      url,
      ...(emulator === undefined ? {} : { emulatorUrl: emulator.url, emulator }),
      ...(demoExecution ? { demoExecution } : {}),
      users,
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
