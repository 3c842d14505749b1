import type { VerdictKind } from '../../verdict.js';

/** Colour of each verdict: strong for text and marks, soft for the matrix cell's background. */
export const VERDICT_COLORS: Readonly<Record<VerdictKind, { strong: string; soft: string }>> = {
  'very-stable': { strong: '#1a7f37', soft: '#dafbe1' },
  stable: { strong: '#2f8f46', soft: '#ebf8ee' },
  'somewhat-stable': { strong: '#9a6700', soft: '#fff8c5' },
  hangs: { strong: '#cf222e', soft: '#ffebe9' },
  crashes: { strong: '#cf222e', soft: '#ffebe9' },
  'runs-out-of-memory': { strong: '#cf222e', soft: '#ffebe9' },
  fails: { strong: '#cf222e', soft: '#ffebe9' },
  'loses-data': { strong: '#8250df', soft: '#fbefff' },
  'not-run': { strong: '#6e7781', soft: '#f6f8fa' },
};

export const SERIES = {
  p50: '#0969da',
  p99: '#bc4c00',
  max: '#a40e26',
  throughput: '#1a7f37',
  failure: '#cf222e',
  grid: '#d8dee4',
  axis: '#57606a',
} as const;

const FAULT_COLORS = ['#8250df', '#bc4c00', '#0550ae', '#bf3989', '#1b7c83', '#9a6700', '#6639ba', '#a40e26'];

/** A colour per fault kind, distinct for the first eight kinds, the same in every chart of a report. */
export function faultColors(kinds: Iterable<string>): (kind: string) => string {
  const order = [...new Set(kinds)];
  return (kind) => FAULT_COLORS[Math.max(0, order.indexOf(kind)) % FAULT_COLORS.length]!;
}
