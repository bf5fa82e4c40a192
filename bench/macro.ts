// `macro.render.ms`: the status macro's resolver time for a 1,000-epic program served from the snapshot,
// against the time to build the card's data from Jira (a full scope reload as the app: the snapshot refresh).
import { performance } from 'node:perf_hooks';
import { DEMO_USERS } from '../dev/seed';
import { startAppStack } from '../test/support/app-stack';
import { median, type Emit } from './emit';

const PROGRAM = 'prog-atlas';
const macroOn = { moduleKey: 'status-macro', extension: { type: 'macro', config: { programId: PROGRAM } } };

export async function run(emit: Emit): Promise<void> {
  // The emulator runs in-process here (views need each viewer's context), so the full reload also pays for
  // the emulator rendering 21,000 issues; every request is delayed 100 ms, as in scope.load.
  const stack = await startAppStack({
    generator: { seed: 7, teams: 25, epics: 1000, childrenPerEpic: 20, links: 1500 },
  });
  try {
    await stack.faults({ '*': { latencyMs: 100 } });
    const reloads: number[] = [];
    let initiatives = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const envelope = await stack.invoke('macro/snapshot/refresh', { programId: PROGRAM });
      reloads.push(performance.now() - started);
      if (!envelope.success) throw new Error(`macro full reload: ${JSON.stringify(envelope.errors)}`);
      initiatives = envelope.data.initiatives;
    }
    // Each viewer once: the first view of each asks Jira for their browse rights (nothing cached for them).
    const views: number[] = [];
    const before = (await stack.stats()).total;
    for (const user of DEMO_USERS) {
      const started = performance.now();
      const envelope = await stack.invoke('macro/status', {}, user.email, macroOn);
      views.push(performance.now() - started);
      if (!envelope.success || envelope.data.access !== 'granted')
        throw new Error(`macro view as ${user.email}: ${JSON.stringify(envelope)}`);
    }
    const callsPerView = ((await stack.stats()).total - before) / DEMO_USERS.length;
    const reload = median(reloads);
    emit({
      name: 'macro.render.ms',
      value: median(views),
      unit: 'ms',
      peer: 'full reload',
      peer_value: reload,
    });
    emit({ name: 'macro.render.calls', value: callsPerView, unit: 'requests' });
    emit({ name: 'macro.snapshot.initiatives', value: initiatives, unit: 'epics' });
  } finally {
    await stack.close();
  }
}
