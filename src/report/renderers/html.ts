import { formatHours } from '../../stats/format-htf.js';
import { formatCount, formatMs } from '../format.js';
import type { CellReport, ReportModel } from '../model.js';
import { escapeHtml as h, faultColors, VERDICT_COLORS } from './html/svg.js';
import { htfChart } from './html/htf-chart.js';
import { latencyChart } from './html/latency-chart.js';
import { SCRIPT, STYLES } from './html/frame.js';
import { timelineChart } from './html/timeline-chart.js';
import type { Renderer } from './registry.js';
import { deliveryHead, deliveryRows, latencyHead, latencyRows, linkTableCaption, linkTableHead, linkTableNumericColumns, linkTableRows } from './tables.js';

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const th = head.map((x) => `<th>${h(x)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((x, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${h(x)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

function badge(c: CellReport): string {
  const color = VERDICT_COLORS[c.verdict.kind].strong;
  return `<span class="badge" style="color:${color}">${h(c.verdict.words)}</span>`;
}

function matrix(model: ReportModel): string {
  const m = model.matrix;
  const head = `<tr><th></th>${m.columns.map((c) => `<th>${h(c.label)}</th>`).join('')}</tr>`;
  const rows = m.rows.map((row) => {
    const cells = row.cells.map((i) => {
      if (i === undefined) return '<td class="verdict"><span class="detail">not run</span></td>';
      const c = model.cells[i]!;
      const color = VERDICT_COLORS[c.verdict.kind];
      return (
        `<td class="verdict" data-verdict="${h(c.verdict.kind)}" style="background:${color.soft};border-left-color:${color.strong}">` +
        `<div class="words" style="color:${color.strong}">${h(capitalise(c.verdict.words))}</div>` +
        `<div class="figure">${h(c.htf.figure)} <span class="detail">${h(c.htf.lowerText)}</span></div>` +
        `<div class="detail">${h(c.failureSummary)} in ${h(formatHours(c.exposureHours))} (scenario hours, ${c.instances} instance slots)</div>` +
        `<div class="detail why">why: ${h(c.verdict.reason)}</div></td>`
      );
    });
    return `<tr><th class="row">${h(row.label)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix"><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function cellCard(model: ReportModel, c: CellReport, faultColor: (kind: string) => string): string {
  const failures = model.failures.filter((f) => f.cellIndex === c.index);
  return `<article class="cell-card" id="cell-${c.index}">
<h3>${h(c.name)} ${badge(c)} <span class="muted">${h(c.htf.figure)}, ${h(c.htf.lowerText)} · ${h(c.failureSummary)} · ${c.instances} instance slots</span></h3>
<div class="charts">
<figure>${latencyChart(c, failures)}<figcaption>End-to-end latency per metrics interval (p50, p99, max; a short last interval is counted with the one before), scenario time; red marks are failures.</figcaption></figure>
<figure>${timelineChart(c, failures, faultColor)}<figcaption>Records first delivered per scenario second in each metrics interval (a short last interval is counted with the one before), above the faults active and the failures, on the same time axis.</figcaption></figure>
</div>
</article>`;
}

/** Failures shown in full; beyond that, the rest fold away. */
const FAILURES_SHOWN = 25;

function failureTables(model: ReportModel): string {
  const head = ['cell', 'at (scenario time)', 'instance', 'mode', 'what was seen', 'faults active'];
  const rows = model.failures.map((f) => [f.cell, formatMs(f.at), f.instance, f.mode, f.evidence, f.faults.join('; ') || '-']);
  if (rows.length <= FAILURES_SHOWN) return table(head, rows);
  const rest = rows.length - FAILURES_SHOWN;
  return `${table(head, rows.slice(0, FAILURES_SHOWN))}<details><summary>the other ${rest} failure${rest === 1 ? '' : 's'}</summary>${table(head, rows.slice(FAILURES_SHOWN))}</details>`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * report.html: one self-contained file (inline CSS, inline SVG charts, one small inline script; no
 * network reference of any kind), readable offline and attachable to a CI run.
 */
export const renderHtml: Renderer = (model) => {
  const faultColor = faultColors(model.cells.flatMap((c) => c.faults.map((f) => f.kind)));
  const passedText =
    model.thresholdSummary === undefined ? '' : `<span class="badge" style="color:${model.passed ? '#1a7f37' : '#cf222e'}">thresholds: ${h(model.thresholdSummary)}</span>`;
  const facts = model.run.lines.map((l) => `<tr><th>${h(l.label)}</th><td>${h(l.value)}</td></tr>`).join('\n');
  const sections = [
    `<header><h1>${h(model.title)} ${passedText}</h1>${model.scenario.description ? `<p class="desc">${h(model.scenario.description)}</p>` : ''}` +
      `<p class="muted">${model.cells.length} cell${model.cells.length === 1 ? '' : 's'} · ${formatCount(model.run.instances)} instance slots · ${h(formatMs(model.scenario.durationMs))} of scenario time per cell at ${model.run.speed}× (${h(formatMs(model.run.wallMs))} wall) · seed ${model.scenario.seed}</p></header>`,
    model.run.notes.length ? `<div class="notes">${model.run.notes.map((n) => `<p>${h(n)}</p>`).join('')}</div>` : '',
    `<section id="matrix"><h2>Stability matrix</h2>${matrix(model)}<ul class="rule">${model.verdictRule.map((r) => `<li>${h(r)}</li>`).join('')}</ul></section>`,
    `<section id="htf"><h2>Hours to failure</h2><figure>${htfChart(model.cells)}<figcaption>Dot: hours to failure, T / max(r, 1), with T the instance hours run and r the failures ("+": none failed, so at least that). Bar: the one-sided ${h(`${Math.round(model.scenario.confidence * 1000) / 10}%`)} bounds (chi-square); with no failure the bar has no end.</figcaption></figure></section>`,
    `<section id="cells"><h2>Cells over time</h2><div class="grid-cells">${model.cells.map((c) => cellCard(model, c, faultColor)).join('\n')}</div></section>`,
    `<section id="latency"><h2>Latency</h2><p class="muted">End to end, from the scheduled generation of a record to its arrival at the sink (scenario time).</p>${table(
      latencyHead(),
      latencyRows(model.cells),
      [1, 2, 3, 4, 5, 6],
    )}</section>`,
    model.linkTable
      ? `<section id="${h(model.linkTable.spec.id)}"><h2>${h(model.linkTable.spec.heading)}</h2><p class="muted">${h(linkTableCaption(model.linkTable))}</p>${table(
          linkTableHead(model.linkTable),
          linkTableRows(model.linkTable),
          linkTableNumericColumns(model.linkTable),
        )}</section>`
      : '',
    `<section id="delivery"><h2>Delivery</h2><p class="muted">Every record generated, and what became of it. Each instance generates from its own start until the stop reaches it, so "generated" may differ by a few records from rate × duration × instances.</p>${table(
      deliveryHead(),
      deliveryRows(model.cells),
      [1, 2, 3, 4, 5, 6, 7, 8],
    )}</section>`,
    `<section id="failures"><h2>Failures</h2>${
      model.failures.length === 0
        ? '<p>No failures.</p>'
        : failureTables(model)
    }</section>`,
    model.thresholds.length === 0
      ? ''
      : `<section id="thresholds"><h2>Thresholds</h2>${table(
          ['threshold', 'measured', 'needs', 'result'],
          model.thresholds.map((t) => [t.expression, t.measuredText, t.requirement, t.passed ? 'passed' : `FAILED: ${t.reason ?? ''}`]),
        )}</section>`,
    `<section id="run"><h2>Run</h2><table>${facts}</table></section>`,
    `<footer>duress ${h(model.run.duressVersion)} · this file is self-contained: it needs no network to view.</footer>`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(model.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${sections.filter((s) => s !== '').join('\n')}
</main>
<div id="tip"></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
