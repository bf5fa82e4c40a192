#!/usr/bin/env node
// `npm test`: builds the Custom UI, runs the static checks and every Jest suite (unit, contract,
// emulator, browser), then prints one closing line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const jestArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args, { env } = {}) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

const focused = jestArgs.length > 0;
if (!focused) {
  // status-macro/config builds into status-macro/build/config, so it comes after status-macro.
  for (const resource of ['program-view', 'epic-panel', 'status-macro', 'status-macro/config'])
    check(`build the Custom UI (${resource})`, bin('vite'), [
      'build',
      '--config',
      `static/${resource}/vite.config.ts`,
      '--logLevel',
      'warn',
    ]);
  check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  check('eslint', bin('eslint'), ['.']);
  const forgeLint = resolve(root, '..', 'shared', 'tools', 'forge-lint-offline', 'lint.mjs');
  if (existsSync(forgeLint))
    check('forge lint (offline, strict)', process.execPath, [forgeLint, '.', '--strict']);
  else console.log(`\n▶ forge lint skipped: ${forgeLint} is absent on this machine`);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'jest.json');
const jestOk = step('jest', bin('jest'), ['--json', `--outputFile=${report}`, ...jestArgs]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to load has no failed tests of its own: count it.
  const brokenSuites = results.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  );
  failed += brokenSuites.length;
  for (const s of brokenSuites) failures.push(`suite did not run: ${s.name}`);
  for (const s of results.testResults)
    for (const t of s.assertionResults) if (t.status === 'failed') failures.push(t.fullName);
  if (results.numPendingTests > 0)
    console.log(`\n${results.numPendingTests} tests were skipped (see the warnings above).`);
  if (!jestOk && results.numFailedTests === 0 && brokenSuites.length === 0) {
    failed++;
    failures.push('jest exited with an error');
  }
} else {
  failed++;
  failures.push('jest did not write its report');
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
