import type { IntervalEvent } from '../journal/events.js';
import { createHistogram, decodeHistogram, summarize, type Histogram } from '../metrics/histogram.js';
import type { SubscriberResults } from './results.js';

/**
 * A broker cell's subscribing clients, folded from its intervals: latency from every interval's histogram
 * merged, counts from the last interval (they are cumulative). Undefined when no interval has
 * subscriber figures (not a broker cell).
 */
export function foldSubscribers(intervals: readonly IntervalEvent[]): SubscriberResults[] | undefined {
  const withFigures = intervals.filter((iv) => iv.subscribers !== undefined);
  const last = withFigures[withFigures.length - 1]?.subscribers;
  if (!last) return undefined;
  const latency = new Map<string, Histogram>();
  for (const iv of withFigures) {
    for (const s of iv.subscribers ?? []) {
      let h = latency.get(s.name);
      if (!h) latency.set(s.name, (h = createHistogram()));
      h.add(decodeHistogram(s.latency));
    }
  }
  return last.map((s) => {
    const l = summarize(latency.get(s.name) ?? createHistogram());
    return { name: s.name, role: s.role, count: l.count, p50: l.p50, p99: l.p99, max: l.max, delivered: s.delivered, dropped: s.dropped, cut: s.cut, disconnected: s.disconnected };
  });
}
