import { formatCount } from './format.js';
/** What every report prints for a loss figure that was not judged. */
export const NOT_JUDGED = 'not judged';
export function deliveryReport(c, wallMs) {
    const { lost, lostInFailures, ...counts } = c.delivery;
    const judged = c.deliveryFinal;
    const shown = (n) => (judged ? formatCount(n) : NOT_JUDGED);
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
//# sourceMappingURL=delivery-report.js.map