import { performance } from 'node:perf_hooks';
import type { GeneratorOptions } from '../dev/seed';
import { startAppStack } from '../test/support/app-stack';
import { median, type Emit } from './emit';
import { startRemoteStack } from './remote-stack';

/** Forge stops a resolver after 25 s (DESIGN §4): our bound for anything a page load waits for. */
const FORGE_RESOLVER_LIMIT_MS = 25000;

async function scopeLoad(
  emit: Emit,
  label: string,
  generator: GeneratorOptions,
  runs: number,
): Promise<void> {
  const stack = await startAppStack({ generator });
  try {
    const times: number[] = [];
    let rows = 0;
    let children = 0;
    const before = (await stack.stats()).total;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const envelope = await stack.invoke('program/initiatives', { programId: 'prog-atlas' });
      times.push(performance.now() - started);
      if (!envelope.success) throw new Error(`${label}: ${JSON.stringify(envelope.errors)}`);
      rows = envelope.data.initiatives.length;
      children = envelope.data.initiatives.reduce((n, r) => n + r.children.total, 0);
    }
    const requests = ((await stack.stats()).total - before) / runs;
    emit({
      name: `program_initiatives.load_${label}.wall_ms`,
      value: median(times),
      unit: 'ms',
      peer: 'forge_resolver_limit',
      peer_value: FORGE_RESOLVER_LIMIT_MS,
    });
    emit({ name: `program_initiatives.load_${label}.epics`, value: rows, unit: 'epics' });
    emit({ name: `program_initiatives.load_${label}.children`, value: children, unit: 'issues' });
    emit({ name: `program_initiatives.load_${label}.calls`, value: requests, unit: 'requests' });
  } finally {
    await stack.close();
  }
}

export async function run(emit: Emit): Promise<void> {
  await scopeLoad(emit, 'demo_40x6', { seed: 42 }, 5);
  await scopeLoad(emit, '1000x20', { seed: 7, teams: 25, epics: 1000, childrenPerEpic: 20, links: 1500 }, 3);
  await scopeLoadAtScale(emit);
}

/** Jira's page caps (DESIGN §4): issues with fields come at most 100 a response (search/jql pages, bulkfetch). */
const ISSUES_WITH_FIELDS_PER_CALL = 100;

/**
 * The fewest calls a cold load of this scope needs, whatever the strategy: one `GET /field` (custom field ids)
 * and one `GET /issueLinkType` (dependency types by id and name), then every epic and every child must come
 * back with its fields, and no response carries more than 100 issues with fields, so at least
 * ceil(epics / 100) + ceil(children / 100) calls. Id-only search pages (5,000 a page) are not counted: a
 * search with fields could in principle stand in for them, so the bound stays strict.
 */
export function scopeLoadLowerBound(epics: number, children: number): number {
  return (
    2 + Math.ceil(epics / ISSUES_WITH_FIELDS_PER_CALL) + Math.ceil(children / ISSUES_WITH_FIELDS_PER_CALL)
  );
}

/**
 * `scope.load.*`: program/dependencies on 1,000 epics, 20,000 children and 5,000 links, each request delayed
 * 100 ms by the emulator, from a cold cache (a fresh site and stack every run). The emulator runs in a worker
 * thread: rendering 20,000 issues is Jira's CPU, not the app's, and in-process it doubled the wall time.
 */
export async function scopeLoadAtScale(emit: Emit, runs = 3): Promise<void> {
  const times: number[] = [];
  let calls = 0;
  let bound = 0;
  for (let i = 0; i < runs; i++) {
    const stack = await startRemoteStack({
      seed: 7,
      teams: 25,
      epics: 1000,
      childrenPerEpic: 20,
      links: 5000,
    });
    try {
      await stack.faults({ '*': { latencyMs: 100 } });
      const before = (await stack.stats()).total;
      const started = performance.now();
      const envelope = await stack.invoke('program/dependencies', { programId: 'prog-atlas' });
      times.push(performance.now() - started);
      if (!envelope.success) throw new Error(`scope.load: ${JSON.stringify(envelope.errors)}`);
      calls = (await stack.stats()).total - before;
      bound = scopeLoadLowerBound(stack.site.epics, stack.site.children);
    } finally {
      await stack.close();
    }
  }
  emit({ name: 'scope.load.wall_ms', value: median(times), unit: 'ms', peer: 'target', peer_value: 3000 });
  emit({ name: 'scope.load.calls', value: calls, unit: 'requests', peer: 'lower bound', peer_value: bound });
}
