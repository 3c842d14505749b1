import Table from 'cli-table3';
import { formatCount, formatMs, formatPercent, formatRate } from './format.js';
import type { RunResults } from './results.js';


/** The summary `duress run` prints: a pure function of the results, returning the text. */
export function renderTerminalSummary(r: RunResults, options: { color?: boolean } = {}): string {
  const style = { head: options.color ? ['cyan'] : [], border: [] as string[], compact: true };
  const out: string[] = [];
  const { run } = r;
  out.push(
    `duress: ${r.scenario.name} — ${r.scenario.instances} instance${r.scenario.instances === 1 ? '' : 's'}, ` +
      `${formatMs(run.scenarioMs)} of load in scenario time at speed ${run.speed}x ` +
      `(${formatMs(run.wallMs)} wall, drain included), seed ${r.scenario.seed}`,
  );
  if (run.interrupted) out.push(`interrupted (${run.interrupted}): these are the results of what ran`);
  if (!run.drained) out.push(`drain did not finish within its time: ${formatCount(r.delivery.undrained)} records were still held by the system`);

  const e2e = r.latency.endToEnd;
  const req = r.latency.request;
  const lat = new Table({ head: ['latency (scenario time)', 'p50', 'p90', 'p99', 'p99.9', 'max', 'count'], style });
  lat.push(['end to end (from scheduled generation)', formatMs(e2e.p50), formatMs(e2e.p90), formatMs(e2e.p99), formatMs(e2e.p99_9), formatMs(e2e.max), formatCount(e2e.count)]);
  lat.push(['output request', formatMs(req.p50), formatMs(req.p90), formatMs(req.p99), formatMs(req.p99_9), formatMs(req.max), formatCount(req.count)]);
  out.push(lat.toString());

  const d = r.delivery;
  const del = new Table({ head: ['records', 'count', 'of generated'], style });
  del.push(['generated', formatCount(d.generated), '']);
  del.push(['delivered', formatCount(d.delivered), formatPercent(d.delivered, d.generated)]);
  del.push(['duplicated', formatCount(d.duplicated), formatPercent(d.duplicated, d.generated)]);
  del.push(['out of order', formatCount(d.reordered), formatPercent(d.reordered, d.generated)]);
  del.push(['dropped (declared)', formatCount(d.dropped), formatPercent(d.dropped, d.generated)]);
  if (d.undrained > 0) del.push(['still held at the end', formatCount(d.undrained), formatPercent(d.undrained, d.generated)]);
  del.push(['lost (silently)', formatCount(d.lost), formatPercent(d.lost, d.generated)]);
  del.push(['throughput, delivered', `${formatRate(r.throughput.deliveredPerScenarioSecond)} scenario`, `${formatRate(r.throughput.deliveredPerWallSecond)} wall`]);
  out.push(del.toString());

  const outcomes = Object.entries(r.requests).sort((a, b) => b[1] - a[1]);
  if (outcomes.length > 0) {
    const reqs = new Table({ head: ['requests by outcome', 'count'], style });
    for (const [k, v] of outcomes) reqs.push([k.replaceAll('_', ' '), formatCount(v)]);
    out.push(reqs.toString());
  }
  return out.join('\n') + '\n';
}
