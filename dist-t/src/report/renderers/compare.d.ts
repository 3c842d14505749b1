import { type Comparison } from '../compare.js';
/** The comparison as a table: a row per figure, columns baseline, candidate, difference. Shared by the terminal and Markdown. */
export declare function comparisonRows(c: Comparison): {
    head: string[];
    rows: string[][];
};
/** `duress compare --format markdown`: the comparison as a GitHub table, for a pull request. */
export declare function renderComparisonMarkdown(c: Comparison): string;
/** `duress compare` on a terminal: the comparison table, then the verdict. */
export declare function renderComparisonTerminal(c: Comparison, options?: {
    color?: boolean;
}): string;
