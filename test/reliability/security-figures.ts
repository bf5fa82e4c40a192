// The security figures of the reliability report: rows { name, target, measured, pass } merged by name into
// .reliability/security.json, which scripts/reliability-report.mjs prints with the other figures.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface FigureRow {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

const dir = resolve(__dirname, '..', '..', '.reliability');
const file = join(dir, 'security.json');
const lock = join(dir, 'security.json.lock');

/** Suites run in parallel workers: the read-merge-write holds a lock file so no suite's rows are lost. */
export function recordFigures(rows: FigureRow[]): void {
  mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      // A lock older than the deadline is left by a killed run: take it over.
      if (Date.now() > deadline) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    let existing: FigureRow[] = [];
    try {
      existing = JSON.parse(readFileSync(file, 'utf8')) as FigureRow[];
    } catch {
      existing = [];
    }
    const names = new Set(rows.map((r) => r.name));
    const merged = [...existing.filter((r) => !names.has(r.name)), ...rows].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    writeFileSync(`${file}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  } finally {
    rmSync(lock, { force: true });
  }
}
