/** `npm start`: the Programs demo on the emulator (or a real site, see dev/runtime realSiteFromEnv). */
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MissingUiBuildError, startDevStack, type DevStack } from './stack';
import { DEMO_PROGRAM } from '../seed'; // status macro

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, not "${raw}".`);
  return port;
}

const kvsFile = path.join(repoRoot, '.data', 'kvs.json');

const start = () =>
  startDevStack({
    port: portFromEnv('PORT', 3000),
    emulatorPort: portFromEnv('EMULATOR_PORT', 4000),
    kvsFile,
    hourlySnapshots: true,
    deliverEvents: true,
    securedDemoEpic: true,
  });

/**
 * The demo's saved app data (.data/kvs.json) may come from an older version of the app the demo can no longer
 * seed over: it is kept aside, never deleted, and the demo starts on fresh data.
 */
async function startKeepingOldData(): Promise<DevStack> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof MissingUiBuildError || !existsSync(kvsFile)) throw error;
    const aside = `${kvsFile}.unusable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(kvsFile, aside);
    console.warn(
      `The saved demo data could not be used (${error instanceof Error ? error.message : String(error)}); it is kept at ${aside} and the demo starts afresh.`,
    );
    return start();
  }
}

async function main(): Promise<void> {
  let stack: DevStack;
  try {
    stack = await startKeepingOldData();
  } catch (error) {
    if (error instanceof MissingUiBuildError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const shownUrl = stack.url.replace('://127.0.0.1:', '://localhost:');
  const [actingAs, ...others] = stack.users;
  console.log(
    `Programs demo running at ${shownUrl} (acting as ${actingAs?.email ?? 'nobody'}; other users: ${others.map((user) => user.email).join(', ') || 'none'})`,
  );
  if (stack.emulatorUrl) console.log(`Emulated Jira & Confluence site at ${stack.emulatorUrl}`);
  // Status macro: the demo program's card on a Confluence page stand-in.
  console.log(`Status macro on a Confluence page: ${shownUrl}/wiki/page?program=${DEMO_PROGRAM.id}`);
  // Execution: the demo program's quarter in flight, and how to make a dependency slip.
  const demo = stack.demoExecution;
  if (demo && stack.emulatorUrl) {
    console.log(
      `The demo program is in execution: ${demo.quarter}, today in sprint ${demo.currentSprint + 1}${demo.late ? `; ${demo.late} should have finished and has not` : ''}.`,
    );
    if (demo.move)
      console.log(
        `Move a dependency late (${demo.move.dependent} waits for ${demo.move.upstream}), then reload the Plan tab:\n  curl -X PATCH ${stack.emulatorUrl}/__emulator/issues/${demo.move.upstream} -H 'content-type: application/json' -d '{"targetEnd":"${demo.move.targetEnd}"}'`,
      );
  }
  console.log('Switch users with the "Acting as" menu or ?as=<email>. Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the demo…`);
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The demo did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The Programs demo could not start:', error);
  process.exit(1);
});
