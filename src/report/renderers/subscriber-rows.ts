import { formatSize } from '../../core/units.js';
import { formatCount, formatMs } from '../format.js';
import type { SubscriberTable } from '../subscriber-table.js';

/** The heads of the terminal and Markdown tables of a broker's subscribers (see subscriber-table.ts). */
export function subscriberTableHead(t: SubscriberTable): string[] {
  return [
    'cell',
    'fast p50',
    'fast p99',
    `fast p99 vs best ${t.comparedAcross ?? 'cell'}`,
    'fast max',
    'faulted subscriber',
    'its p99',
    'dropped',
    'lost to cut-off',
    'cut off',
    'peak queued',
    'peak memory',
  ];
}

export const SUBSCRIBER_TABLE_TITLE =
  'Fast subscribers (no fault on their link): end-to-end latency, scenario time; beside it, the faulted subscribers and the broker\'s memory (per instance). ' +
  'A latency figure marked * may have been distorted by harness lag (lag × speed is at least 10% of it).';

export function subscriberTableRows(t: SubscriberTable): string[][] {
  return t.rows.map((r) => {
    const faulted = r.faulted;
    const list = (f: (x: (typeof faulted)[number]) => string): string => (faulted.length === 0 ? '-' : faulted.map(f).join('; '));
    const fast = (key: 'p50' | 'p99' | 'max'): string => (r.fast.count > 0 ? `${formatMs(r.fast[key])}${r.lagDistorted.includes(key) ? '*' : ''}` : '-');
    return [
      r.cell,
      fast('p50'),
      fast('p99'),
      r.p99Ratio === undefined ? '-' : `×${r.p99Ratio < 10 ? r.p99Ratio.toFixed(1) : formatCount(r.p99Ratio)}`,
      fast('max'),
      list((f) => `${f.name} (${f.role})`),
      list((f) => (f.delivered > 0 ? `${formatMs(f.p99)}${f.p99LagDistorted ? '*' : ''}` : 'nothing delivered')),
      list((f) => formatCount(f.dropped)),
      list((f) => formatCount(f.cut)),
      list((f) => `${f.disconnected}×`),
      r.peakQueuedBytes === undefined ? '-' : formatSize(r.peakQueuedBytes),
      r.peakMemory === undefined ? '-' : formatSize(r.peakMemory),
    ];
  });
}
