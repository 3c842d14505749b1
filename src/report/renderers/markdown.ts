import { formatCount, formatMs, formatRate } from '../format.js';
import { deliveryHead, deliveryRows, latencyHead, latencyRows, sharedLatencyLabel, mdCell as cell, mdTable as table, linkTableMarkdown } from './tables.js';
import type { Renderer } from './registry.js';

/** Failures listed in full at most; the rest are counted. */
const MAX_FAILURES_LISTED = 50;
const MAX_FAULTS_LISTED = 40;

/**
 * report.md: the stability matrix as a GitHub table, ready to paste into a pull request (and appended to
 * GITHUB_STEP_SUMMARY in CI), then latency, delivery, failures, thresholds and the run's facts.
 */
export const renderMarkdown: Renderer = (model) => {
  const out: string[] = [`## ${cell(model.title)}`, ''];
  if (model.scenario.description) out.push(cell(model.scenario.description), '');
  for (const note of model.run.notes) out.push(`> **Note:** ${cell(note)}`, '');

  if (model.thresholdSummary !== undefined) out.push(`**Thresholds: ${model.thresholdSummary}.**`, '');

  out.push('### Stability matrix', '');
  const m = model.matrix;
  out.push(
    ...table(
      ['', ...m.columns.map((c) => c.label)],
      m.rows.map((row) => [row.label, ...row.cells.map((i) => (i === undefined ? 'not run' : model.cells[i]!.text))]),
    ),
  );
  out.push('', ...model.verdictRule.map((line) => `<sub>${cell(line)}</sub><br>`), '');

  out.push('### Hours to failure', '');
  out.push(
    ...table(
      ['cell', 'verdict', 'exposure (scenario h)', 'failures', 'hours to failure', 'lower bound', 'upper bound', 'dominant mode'],
      model.cells.map((c) => [
        c.name,
        c.verdict.words,
        c.exposureHours.toFixed(c.exposureHours < 10 ? 3 : 1),
        c.failureSummary,
        c.htf.figure,
        c.htf.lowerText,
        c.htf.upperText ?? '-',
        c.dominantMode ?? '-',
      ]),
    ),
    '',
  );

  const label = sharedLatencyLabel(model.cells);
  out.push('### Latency', '', label === 'end-to-end' ? 'End to end, from the scheduled generation of a record to its arrival at the sink (scenario time).' : `Latency ${label} (scenario time).`, '');
  out.push(
    ...table(latencyHead(), latencyRows(model.cells)),
    '',
  );

  out.push(...linkTableMarkdown(model));

  out.push('### Delivery', '');
  out.push(
    ...table(deliveryHead(), deliveryRows(model.cells)),
    '',
  );

  out.push('### Failures', '');
  if (model.failures.length === 0) out.push('No failures.', '');
  else {
    out.push(
      ...table(
        ['cell', 'at (scenario time)', 'instance', 'mode', 'what was seen', 'faults active'],
        model.failures.slice(0, MAX_FAILURES_LISTED).map((f) => [f.cell, formatMs(f.at), f.instance, f.mode, f.evidence, f.faults.join('; ') || '-']),
      ),
      '',
    );
    if (model.failures.length > MAX_FAILURES_LISTED) out.push(`… and ${model.failures.length - MAX_FAILURES_LISTED} more in report.json.`, '');
  }

  const withFaults = model.cells.filter((c) => c.faultImpact.length > 0);
  if (withFaults.length > 0) {
    out.push('### What each fault did', '', 'Figures of the metrics intervals each fault overlapped (scenario time); the same fault timeline in every cell.', '');
    for (const c of withFaults) {
      if (model.cells.length > 1) out.push(`**${cell(c.name)}**`, '');
      const ms = (x: number | undefined): string => (x === undefined ? '-' : formatMs(x));
      const rate = (x: number | undefined): string => (x === undefined ? '-' : formatRate(x));
      out.push(
        ...table(
          ['fault', 'from', 'to', 'instances', 'p99 before', 'p99 during', 'delivered/s before', 'delivered/s during', 'failed requests', 'failures'],
          c.faultImpact.slice(0, MAX_FAULTS_LISTED).map((f) => [
            `${f.description}${f.error ? ` (${f.error})` : ''}`,
            formatMs(f.start),
            f.end === undefined ? '-' : formatMs(f.end),
            f.slots.length === c.instances ? 'all' : f.slots.join(', '),
            ms(f.p99Before),
            ms(f.p99During),
            rate(f.deliveredPerSecondBefore),
            rate(f.deliveredPerSecondDuring),
            formatCount(f.failedRequestsDuring),
            formatCount(f.failuresDuring),
          ]),
        ),
        '',
      );
      if (c.faultImpact.length > MAX_FAULTS_LISTED) out.push(`… and ${c.faultImpact.length - MAX_FAULTS_LISTED} more in report.json.`, '');
    }
  }

  if (model.thresholds.length > 0) {
    out.push('### Thresholds', '');
    out.push(
      ...table(
        ['threshold', 'measured', 'needs', 'result'],
        model.thresholds.map((t) => [`\`${t.expression.replace(/`/g, "'")}\``, t.measuredText, t.requirement, t.passed ? '✅ passed' : `❌ failed: ${t.reason ?? ''}`]),
      ),
      '',
    );
  }

  out.push('### Run', '');
  out.push(...table(['', ''], model.run.lines.map((l) => [l.label, l.value])), '');
  return out.join('\n');
};
