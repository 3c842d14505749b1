import type { HarnessResults } from '../results/fold-harness.js';
import { formatMs } from './format.js';
import type { RunResults } from '../results/results.js';

/** What every report says about duress's own health during the run (from results.harness). */
export interface HarnessReport {
  /** Was the harness in trouble (an event, or a latency figure its lag may have distorted)? */
  inTrouble: boolean;
  /** One line stating the lag, always present: `harness lag: main thread up to 35 ms, …`. */
  lagLine: string;
  /** One line per kind of trouble, and one naming the distorted figures; empty when none. */
  troubleLines: string[];
  /** The results' figures, for JSON readers and JUnit properties. */
  figures: HarnessResults | undefined;
}

/** Trouble events listed one by one at most; the rest are counted. */
const MAX_EVENTS_LISTED = 5;

export function harnessReport(results: RunResults): HarnessReport {
  const h = results.harness;
  if (!h?.lag.measured) {
    return { inTrouble: h?.inTrouble ?? false, lagLine: 'harness lag: not measured (results written before duress measured it)', troubleLines: h ? troubleLines(h, results) : [], figures: h };
  }
  const l = h.lag;
  const lagLine =
    `harness lag: duress's event loop ran up to ${ms(l.mainMaxMs)} late on its main thread (p99 ${ms(l.mainP99Ms)}), up to ${ms(l.workerMaxMs)} in instance workers (wall time); ` +
    `at speed ${results.run.speed} that is up to ${formatMs(l.scenarioMs)} of scenario time added to any latency measured during a stall`;
  return { inTrouble: h.inTrouble, lagLine, troubleLines: troubleLines(h, results), figures: h };
}

function troubleLines(h: HarnessResults, results: RunResults): string[] {
  const speed = results.run.speed;
  // The tables that mark figures *: the latency table, and the links table when a kind added one.
  const noun = results.cells.find((c) => c.perLink)?.perLink?.table.noun;
  const tables = noun === undefined ? 'the latency table' : `the latency and ${noun} tables`;
  const lines: string[] = [];
  if (h.trouble.length > 0) {
    const byKind = new Map<string, number>();
    for (const t of h.trouble) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
    lines.push(
      `HARNESS IN TROUBLE: duress itself had ${h.trouble.length} problem${h.trouble.length === 1 ? '' : 's'} (${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}), not charged to the system under test:`,
    );
    for (const t of h.trouble.slice(0, MAX_EVENTS_LISTED)) lines.push(`  ${t.cell === undefined ? '' : `cell ${t.cell}${t.slot === undefined ? '' : ` slot ${t.slot}`}, `}${t.at === undefined ? '' : `at ${formatMs(t.at)} (scenario): `}${t.kind}: ${t.detail}`);
    if (h.trouble.length > MAX_EVENTS_LISTED) lines.push(`  … and ${h.trouble.length - MAX_EVENTS_LISTED} more (results.json, journal.jsonl)`);
  }
  if (h.distorted.length > 0) {
    lines.push(
      `HARNESS LAG MAY HAVE DISTORTED these latency figures (duress's worst stall, in scenario time at speed ${speed}×, is 10% or more of each; marked * in ${tables}): ` +
        h.distorted.map((d) => `${d.cell} ${d.figure} ${formatMs(d.valueMs)} (lag ${formatMs(d.lagScenarioMs)})`).join('; '),
    );
  }
  return lines;
}

function ms(x: number): string {
  return `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
}
