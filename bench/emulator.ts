import { performance } from 'node:perf_hooks';
import { startEmulator } from '../dev/emulator/server';
import { clientFor } from '../dev/emulator/testing';
import { generateSite } from '../dev/seed';
import { median, type Emit } from './emit';

const timed = async (work: () => Promise<unknown> | unknown, runs = 5): Promise<number> => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
};

/** The emulator itself at 1,000 epics × 20 children: it must not be what the app's figures measure. */
export async function run(emit: Emit): Promise<void> {
  emit({
    name: 'emulator.generate_1000x20.ms',
    value: await timed(() => generateSite({ seed: 1, epics: 1000, childrenPerEpic: 20 }), 3),
    unit: 'ms',
  });
  const emulator = await startEmulator({
    generator: { seed: 3, epics: 1000, childrenPerEpic: 20, links: 300 },
  });
  try {
    const app = clientFor(emulator, 'app');
    const page = () =>
      app.post('/rest/api/3/search/jql', {
        jql: 'issuetype in (Story, Task)',
        fields: ['id'],
        maxResults: 5000,
      });
    await page();
    emit({ name: 'emulator.search_5000_ids.ms', value: await timed(page), unit: 'ms' });
    const ids = (await page()).body.issues.slice(0, 100).map((i: { id: string }) => i.id);
    emit({
      name: 'emulator.bulkfetch_100.ms',
      value: await timed(() =>
        app.post('/rest/api/3/issue/bulkfetch', {
          issueIdsOrKeys: ids,
          fields: ['summary', 'status', 'issuelinks'],
        }),
      ),
      unit: 'ms',
    });
  } finally {
    await emulator.close();
  }
}
