// The figures of one reliability suite: rows { name, target, measured, pass } written to .reliability/<suite>.json,
// which scripts/reliability-report.mjs prints as a table. Every row is declared up front, so a case that never
// got to measure shows as "not measured" and failed instead of silently missing from the table.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface FigureRow {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

const DIR = resolve(__dirname, '..', '..', '.reliability');

export class SuiteFigures {
  private readonly rows = new Map<string, FigureRow>();

  constructor(private readonly suite: string) {}

  /** Declares a row; it stays failed until `measure` fills it. */
  expect(name: string, target: string): void {
    if (!this.rows.has(name)) this.rows.set(name, { name, target, measured: 'not measured', pass: false });
  }

  measure(name: string, measured: string | number, pass: boolean): void {
    const row = this.rows.get(name);
    if (!row) throw new Error(`Figure "${name}" was not declared`);
    row.measured = String(measured);
    row.pass = pass;
  }

  /** Counts up a row whose target is zero (e.g. duplicate pages over several cases); passes while it stays 0. */
  add(name: string, count: number): void {
    const row = this.rows.get(name);
    if (!row) throw new Error(`Figure "${name}" was not declared`);
    const total = (row.measured === 'not measured' ? 0 : Number(row.measured)) + count;
    row.measured = String(total);
    row.pass = total === 0;
  }

  write(): void {
    mkdirSync(DIR, { recursive: true });
    const file = join(DIR, `${this.suite}.json`);
    writeFileSync(`${file}.tmp`, `${JSON.stringify([...this.rows.values()], null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  }
}
