import { performance } from 'node:perf_hooks';
import { callAtlassian } from '../src/adapters/platform/call';
import type { Emit } from './emit';

/** The wrapper's own cost on a successful call, against calling the same function bare. */
export async function run(emit: Emit): Promise<void> {
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
    name: 'platform.call_overhead',
    value: wrapped * 1000,
    unit: 'µs/call',
    peer: 'bare_call',
    peer_value: bare * 1000,
  });
}
