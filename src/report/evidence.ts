import { formatCount } from './format.js';

/** One line for a failure's evidence: its reason or error, the rest left to results.json. */
export function describeEvidence(e: Record<string, unknown>): string {
  for (const key of ['reason', 'error']) if (typeof e[key] === 'string') return String(e[key]).split('\n')[0]!;
  if (typeof e.exitCode === 'number') return `exited with code ${e.exitCode}`;
  if (typeof e.lostRecords === 'number') return `${formatCount(e.lostRecords)} records lost silently`;
  if (typeof e.memoryUsed === 'number') return `memory ${formatCount(Number(e.memoryUsed) / 2 ** 20)} MB over the limit`;
  return JSON.stringify(e).slice(0, 80);
}
