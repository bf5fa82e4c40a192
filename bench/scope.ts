import { performance } from 'node:perf_hooks';
import type { GeneratorOptions } from '../dev/seed';
import { startAppStack } from '../test/support/app-stack';
import { median, type Emit } from './emit';

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
}
