#!/usr/bin/env node
// `npm run test:reliability`: runs the reliability suites (test/reliability) with Jest, then prints the figures
// they wrote to .reliability/<suite>.json — rows { name, target, measured, pass } — as one table and a closing
// `N passed, N failed` line. `--no-run` prints the figures of the last run without running anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.reliability');
const args = process.argv.slice(2);
const run = !args.includes('--no-run');
const jestArgs = args.filter((a) => a !== '--no-run');

let jestOk = true;
if (run) {
  // Figures of an earlier run must not pass for this one's.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const jest = join(root, 'node_modules', '.bin', 'jest');
  const result = spawnSync(jest, ['test/reliability', ...jestArgs], { cwd: root, stdio: 'inherit' });
  jestOk = result.status === 0;
}

/** Rows of one suite file; a file that does not parse is one failed row, not a crash. */
function rowsOf(file) {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const rows = Array.isArray(parsed) ? parsed : parsed.rows;
    if (!Array.isArray(rows)) throw new Error('no rows');
    return rows.map((r) => ({
      name: String(r.name),
      target: String(r.target),
      measured: String(r.measured),
      pass: r.pass === true,
    }));
  } catch (error) {
    return [{ name: `${file} is unreadable`, target: 'rows', measured: String(error.message), pass: false }];
  }
}

const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
const rows = [];
for (const file of files) {
  const suite = file.replace(/\.json$/, '');
  for (const row of rowsOf(file)) rows.push({ suite, ...row });
}
if (run && !jestOk && rows.every((r) => r.pass))
  rows.push({
    suite: 'jest',
    name: 'reliability tests',
    target: 'all pass',
    measured: 'some failed',
    pass: false,
  });
if (rows.length === 0)
  rows.push({
    suite: '-',
    name: 'figures',
    target: 'written',
    measured: 'none found in .reliability/',
    pass: false,
  });

const headers = ['Suite', 'Case', 'Target', 'Measured', 'Result'];
const table = rows.map((r) => [r.suite, r.name, r.target, r.measured, r.pass ? 'pass' : 'FAIL']);
const widths = headers.map((h, i) => Math.max(h.length, ...table.map((cells) => cells[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(
  `\nReliability figures${files.length > 0 ? ` (${new Date(Math.max(...files.map((f) => statSync(join(dir, f)).mtimeMs))).toISOString()})` : ''}\n`,
);
console.log(line(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const cells of table) console.log(line(cells));
const passed = rows.filter((r) => r.pass).length;
const failed = rows.length - passed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && jestOk ? 0 : 1);
