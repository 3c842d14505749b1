import type { DeliveryCounts } from '../delivery/ledger.js';
import type { CellResults } from '../results/results.js';
/** What every report prints for a loss figure that was not judged. */
export declare const NOT_JUDGED = "not judged";
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
export declare function deliveryReport(c: CellResults, wallMs: number): DeliveryReport;
