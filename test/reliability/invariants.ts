// What must hold after any fault: program records readable and as saved, every app page once, what people
// wrote on pages still there, and every failure told to the user as a clear message.
import type { Exchange } from '../../dev/emulator/server';
import type { Page } from '../../dev/seed';
import { KvsPlanStore } from '../../src/adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import type { Envelope, ErrorType } from '../../src/contract';
import { accountIdOf, type AppStack } from '../support/app-stack';

export const TPM = 'tpm@example.com';

/** A program's stored records as the app's own stores read them (each parsed with the store's schema). */
export interface StoredProgram {
  program: unknown;
  items: Record<string, unknown[]>;
  plans: unknown[];
  baselines: unknown[];
}

/**
 * Every program's records, read through KvsProgramStore and KvsPlanStore: a record that no longer parses throws
 * (StoredProgramUnreadableError), so a corrupted write cannot pass unnoticed.
 */
export async function storedPrograms(stack: AppStack): Promise<Record<string, StoredProgram>> {
  return stack.runtime.runAsUser(accountIdOf(TPM), async () => {
    const programs = new KvsProgramStore();
    const plans = new KvsPlanStore();
    const out: Record<string, StoredProgram> = {};
    for (const program of await programs.list()) {
      const quarterPlans = await plans.list(program.id);
      const baselines: unknown[] = [];
      for (const plan of quarterPlans)
        for (const summary of plan.baselines)
          baselines.push(await plans.getBaseline(program.id, plan.quarter, summary.id));
      out[program.id] = {
        program,
        items: (await programs.items(program.id)) as unknown as Record<string, unknown[]>,
        plans: quarterPlans,
        baselines,
      };
    }
    return out;
  });
}

/** The records with the risk register left out: detection rewrites it by design. */
export function withoutRisks(state: Record<string, StoredProgram>): Record<string, StoredProgram> {
  return Object.fromEntries(
    Object.entries(state).map(([id, p]) => [id, { ...p, items: { ...p.items, risk: [] } }]),
  );
}

const ERROR_TYPES: readonly ErrorType[] = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM',
  'INTERNAL',
  'PROGRAM_CLOSED',
];

/** Why a failed envelope is not a clear message for the user (empty when it is, or when it succeeded). */
export function unclearReasons(envelope: Envelope<unknown>): string[] {
  if (envelope.success) return [];
  if (envelope.errors.length === 0) return ['no error in a failed envelope'];
  const reasons: string[] = [];
  for (const { errorType, message } of envelope.errors) {
    if (!ERROR_TYPES.includes(errorType)) reasons.push(`unknown error code ${String(errorType)}`);
    if (typeof message !== 'string' || message.trim().length < 10) reasons.push(`no message: ${message}`);
    else {
      if (message.length > 400) reasons.push(`message of ${message.length} characters`);
      if (/\n\s+at |\bat [\w.<>]+ \(.*:\d+:\d+\)/.test(message)) reasons.push(`stack trace: ${message}`);
      if (/[{[]\s*"|errorMessages|<html|<\/?body|statusCode|ECONN|socket hang up|fetch failed/i.test(message))
        reasons.push(`raw HTTP detail: ${message}`);
      if (/^(Type|Reference|Syntax|Range)Error\b|undefined|\[object Object\]/.test(message))
        reasons.push(`internal error text: ${message}`);
    }
  }
  return reasons;
}

const ownershipOf = (page: Page) => {
  const value = page.properties.find((p) => p.key === 'programs-app')?.value as
    { programId?: unknown; artifact?: unknown; period?: unknown } | undefined;
  return value && typeof value.programId === 'string'
    ? `${value.programId}|${String(value.artifact)}|${String(value.period ?? 'single')}`
    : undefined;
};

/** Pages beyond the first for one program artifact and period, or for one title in a space. */
export function duplicatePages(stack: AppStack): number {
  const live = stack.emulator.site().pages.filter((p) => p.status === 'current');
  const extra = (keys: (string | undefined)[]) => {
    const seen = new Map<string, number>();
    for (const key of keys) if (key !== undefined) seen.set(key, (seen.get(key) ?? 0) + 1);
    return [...seen.values()].reduce((n, count) => n + count - 1, 0);
  };
  return extra(live.map(ownershipOf)) + extra(live.map((p) => `${p.spaceId}|${p.title}`));
}

export const pageById = (stack: AppStack, id: string): Page => {
  const page = stack.emulator.site().pages.find((p) => p.id === id);
  if (!page) throw new Error(`No page ${id}`);
  return page;
};

/** A person saves the page in Confluence (not the app), adding a paragraph at the top and one at the end. */
export async function personEdits(stack: AppStack, pageId: string, paragraph: string): Promise<void> {
  const page = pageById(stack, pageId);
  const response = await fetch(`${stack.emulator.url}/wiki/api/v2/pages/${pageId}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from('sponsor@example.com:demo').toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      id: pageId,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: `<p>${paragraph} (top)</p>${page.body}<p>${paragraph}</p>` },
      version: { number: page.version.number + 1 },
    }),
  });
  if (!response.ok) throw new Error(`person edit: ${response.status}`);
}

/**
 * A person saves each of these pages right after the app reads it (between its read and its write), so the
 * app's update meets a 409. Answers how many such races happened.
 */
export function raceNextReads(
  stack: AppStack,
  pageIds: string[],
  paragraph: string,
): { raced: () => number; stop: () => void } {
  const pending = new Set(pageIds);
  let raced = 0;
  const original = stack.exchanges.push;
  const push = original.bind(stack.exchanges);
  stack.exchanges.push = (...items: Exchange[]) => {
    for (const x of items) {
      const id = x.operationId === 'getPageById' ? x.path.split('/').pop() : undefined;
      if (id !== undefined && pending.has(id)) {
        pending.delete(id);
        raced++;
        const page = pageById(stack, id);
        page.body = `${page.body}<p>${paragraph}</p>`;
        page.version = { ...page.version, number: page.version.number + 1 };
      }
    }
    return push(...items);
  };
  return { raced: () => raced, stop: () => void (stack.exchanges.push = original) };
}

/** Human paragraphs that are no longer on the page they were written on. */
export function lostEdits(stack: AppStack, edits: { pageId: string; paragraph: string }[]): number {
  return edits.filter(
    ({ pageId, paragraph }) => !pageById(stack, pageId).body.includes(`<p>${paragraph}</p>`),
  ).length;
}
