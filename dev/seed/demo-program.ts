import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import { DEMO_PROGRAM, DEMO_USERS } from './index';

/**
 * Stores the demo program through the app's own KVS adapter (run inside the local Forge runtime).
 * Idempotent: an existing program, with whatever the TPM changed since, is left alone.
 */
export async function seedDemoProgram(now: () => Date = () => new Date()): Promise<void> {
  const store = new KvsProgramStore();
  if (await store.get(DEMO_PROGRAM.id)) return;
  const tpm = DEMO_USERS.find((u) => u.email === 'tpm@example.com');
  const sponsor = DEMO_USERS.find((u) => u.email === 'sponsor@example.com');
  await store.create({
    id: DEMO_PROGRAM.id,
    name: DEMO_PROGRAM.name,
    stage: 'initiation',
    scopeJql: DEMO_PROGRAM.scopeJql,
    owners: tpm ? [tpm.accountId] : [],
    sponsor: sponsor?.accountId ?? null,
    // Everyone else in the demo follows the program, so each sees it through their own Jira permissions.
    stakeholders: DEMO_USERS.filter((u) => u !== tpm && u !== sponsor).map((u) => u.accountId),
    createdAt: now().toISOString(),
  });
}
