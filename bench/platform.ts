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
  const time = async (fn: () => Promise<unknown>) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - started) / n;
  };
  // The first rounds warm the JIT; the last round is the one reported.
  let bare = 0;
  let wrapped = 0;
  for (let round = 0; round < 3; round++) {
    bare = await time(send);
    wrapped = await time(() => callAtlassian('bench', send));
  }
  emit({
    name: 'platform.call_overhead',
    value: wrapped * 1000,
    unit: 'µs/call',
    peer: 'bare_call',
    peer_value: bare * 1000,
  });
}
