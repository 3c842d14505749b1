import type { DeliveryCounts } from '../delivery/ledger.js';
import { formatCount } from './format.js';
import type { CellResults } from '../results/results.js';

/** What every report prints for a loss figure that was not judged. */
export const NOT_JUDGED = 'not judged';

/**
 * A cell's delivery account as every report states it. Loss is judged only once the cell ended (its
 * ledger is final): before that, records still on their way would count as lost, so a journal cut off by
 * `kill -9` holds thousands of "lost" records that are merely in flight. Such figures are `null` here
 * (and in report.json), never a number, so no renderer can print them as a loss.
 */
export interface DeliveryReport extends Omit<DeliveryCounts, 'lost' | 'lostInFailures'> {
  /** Counts are final (the cell ended); otherwise as of the last interval, and loss is not judged. */
  final: boolean;
  /** Every buffered record was delivered or accounted for during the drain; undefined if the cell did not end. */
  drained: boolean | undefined;
  /** Records lost silently (accepted, never delivered nor declared dropped); null when not judged. */
  lost: number | null;
  /** Records held by an instance when it failed and never delivered; null when not judged. */
  lostInFailures: number | null;
  /** Distinct records delivered per scenario second. */
  perScenarioSecond: number;
  /** Distinct records delivered per wall second of the whole run (cells run side by side). */
  perWallSecond: number;
  /** The loss figures as every renderer prints them: a count (`1,234`), or `not judged`. */
  text: {
    lost: string;
    lostInFailures: string;
    /** Silent loss and loss in failures together: what the `lost` threshold measures. */
    lostAll: string;
  };
  /** Why loss was not judged, in one sentence; undefined when it was. */
  notJudged: string | undefined;
}

export function deliveryReport(c: CellResults, wallMs: number): DeliveryReport {
  const { lost, lostInFailures, ...counts } = c.delivery;
  const judged = c.deliveryFinal;
  const shown = (n: number): string => (judged ? formatCount(n) : NOT_JUDGED);
  return {
    ...counts,
    final: judged,
    drained: c.drained,
    lost: judged ? lost : null,
    lostInFailures: judged ? lostInFailures : null,
    perScenarioSecond: c.scenarioMs > 0 ? counts.delivered / (c.scenarioMs / 1000) : 0,
    perWallSecond: wallMs > 0 ? counts.delivered / (wallMs / 1000) : 0,
    text: { lost: shown(lost), lostInFailures: shown(lostInFailures), lostAll: shown(lost + lostInFailures) },
    notJudged: judged ? undefined : 'loss not judged: the journal ends before the cell did, so records still on their way cannot be told from lost ones',
  };
}
