/** `npm run emulator`: the Jira + Confluence emulator on EMULATOR_PORT (default 4000), seeded with the demo program. */
import { DEMO_PROGRAM, DEMO_USERS } from '../seed/index';
import type { GeneratorOptions } from '../seed/index';
import { EMULATOR_APP_TOKEN, startEmulator } from './server';

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got '${raw}'`);
  return value;
}

const generator: GeneratorOptions = {};
for (const [key, env] of [
  ['seed', 'EMULATOR_SEED'],
  ['teams', 'EMULATOR_TEAMS'],
  ['epics', 'EMULATOR_EPICS'],
  ['childrenPerEpic', 'EMULATOR_CHILDREN_PER_EPIC'],
  ['links', 'EMULATOR_LINKS'],
] as const) {
  const value = intFromEnv(env);
  if (value !== undefined) generator[key] = value;
}

// The demo shows issue security: one DATA epic under "Confidential" unless EMULATOR_SECURED_EPIC=0.
generator.securedDemoEpic = process.env.EMULATOR_SECURED_EPIC !== '0';

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: intFromEnv('EMULATOR_PORT') ?? 4000,
    host: process.env.EMULATOR_HOST ?? '127.0.0.1',
    generator,
  });
  const site = emulator.site();
  console.log(`Jira + Confluence emulator listening on ${emulator.url}`);
  console.log(
    `Site: ${site.projects.map((p) => p.key).join(', ')}; ${site.issues.length} issues, ${site.links.length} links; seed ${site.seed}`,
  );
  console.log(`Program: ${DEMO_PROGRAM.name} — ${DEMO_PROGRAM.scopeJql}`);
  console.log(`Dependency cycle: ${site.program.cycle.join(' → ')}`);
  for (const level of site.securityLevels) {
    const members = level.memberAccountIds
      .map((id) => DEMO_USERS.find((u) => u.accountId === id)?.email ?? id)
      .join(', ');
    const secured = site.issues.filter((i) => i.securityLevel?.id === level.id).map((i) => i.key);
    console.log(
      `Security level ${level.name} (${level.projectKeys.join(', ')}): ${members}; issues: ${secured.join(', ') || 'none'}`,
    );
  }
  console.log('\nDemo users (HTTP Basic email:token):');
  for (const u of DEMO_USERS) {
    const sees = u.browseProjects === 'all' ? 'all projects' : `only ${u.browseProjects.join(', ')}`;
    console.log(
      `  ${u.email.padEnd(28)} ${u.apiToken}  ${u.displayName.padEnd(16)} ${u.accountId}  (${sees})`,
    );
  }
  console.log(`\nAs the Forge app: Authorization: Bearer ${EMULATOR_APP_TOKEN}`);
  console.log(
    `Admin: POST ${emulator.url}/__emulator/reset | POST /__emulator/faults | GET /__emulator/stats | GET /__emulator/site`,
  );

  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
