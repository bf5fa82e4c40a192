// `npm run bench`: measures, prints one JSON object per line ({name, value, unit[, peer, peer_value, ratio]}).
// It never fails on a number; tests gate behaviour, this records how fast.
import { performance } from 'node:perf_hooks';
import { startAppStack } from '../test/support/app-stack';
import { callAtlassian } from '../src/adapters/platform/call';
import type { GeneratorOptions } from '../dev/seed';

/** Forge stops a resolver after 25 s (DESIGN §4): our bound for anything a page load waits for. */
const FORGE_RESOLVER_LIMIT_MS = 25000;

interface Measurement {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
  ratio?: number;
}

function emit(m: Measurement): void {
  const out: Measurement = { ...m, value: round(m.value) };
  if (m.peer_value !== undefined) out.ratio = round(m.value / m.peer_value, 4);
  console.log(JSON.stringify(out));
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function benchScopeLoad(label: string, generator: GeneratorOptions, runs: number): Promise<void> {
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
      name: `program_initiatives_load_${label}`,
      value: median(times),
      unit: 'ms',
      peer: 'forge_resolver_limit',
      peer_value: FORGE_RESOLVER_LIMIT_MS,
    });
    emit({ name: `program_initiatives_load_${label}_epics`, value: rows, unit: 'epics' });
    emit({ name: `program_initiatives_load_${label}_children`, value: children, unit: 'issues' });
    emit({ name: `program_initiatives_load_${label}_requests`, value: requests, unit: 'requests' });
  } finally {
    await stack.close();
  }
}

async function benchRetryOverhead(): Promise<void> {
  // The wrapper's own cost on a successful call, against calling the same function bare.
  const ok = {
    ok: true,
    status: 200,
    headers: { get: () => null },
    json: async () => ({}),
    text: async () => '',
  };
  const send = async () => ok;
  const n = 200000;
  let started = performance.now();
  for (let i = 0; i < n; i++) await send();
  const bare = (performance.now() - started) / n;
  started = performance.now();
  for (let i = 0; i < n; i++) await callAtlassian('bench', send);
  const wrapped = (performance.now() - started) / n;
  emit({
    name: 'platform_call_overhead',
    value: wrapped * 1000,
    unit: 'µs/call',
    peer: 'bare_call',
    peer_value: bare * 1000,
  });
}

async function main(): Promise<void> {
  await benchScopeLoad('demo_40x6', { seed: 42 }, 5);
  await benchScopeLoad('1000x20', { seed: 7, teams: 25, epics: 1000, childrenPerEpic: 20, links: 1500 }, 3);
  await benchRetryOverhead();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
