// The emulator in its own thread, so its CPU time (rendering 20,000 issues) does not count against the app's
// wall time in a benchmark: on Atlassian's side, Jira's work happens on Jira's machines.
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '../dev/emulator/server';
import type { GeneratorOptions } from '../dev/seed';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('bench/emulator-worker.ts runs only as a worker thread');
  const { generator } = workerData as { generator: GeneratorOptions };
  const emulator = await startEmulator({ port: 0, generator });
  const site = emulator.site();
  const epics = new Set(site.program.epicKeys);
  port.postMessage({
    url: emulator.url,
    epics: epics.size,
    // Children of the program's epics, by parent or (legacy projects) by Epic Link only.
    children: site.issues.filter(
      (i) =>
        (i.parentKey !== null && epics.has(i.parentKey)) ||
        (i.parentKey === null && i.epicLinkKey !== null && epics.has(i.epicLinkKey)),
    ).length,
    issues: site.issues.length,
    links: site.links.length,
  });
  port.on('message', (message: unknown) => {
    if (message === 'close') void emulator.close().then(() => port.close());
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
