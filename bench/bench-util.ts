import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Table from 'cli-table3';

/** One benchmark's figures, and whether it met its target. */
export interface BenchResult {
  name: string;
  metrics: Record<string, number>;
  pass: boolean;
}

/** The package root, from dist/bench/*.js or bench/*.ts alike. */
export function projectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '../..') : path.resolve(here, '..');
}

export function printTable(title: string, rows: [string, string][]): void {
  const t = new Table({ head: [title, ''], style: { head: [], border: [] } });
  for (const r of rows) t.push(r);
  process.stdout.write(`${t.toString()}\n`);
}
