import type { CellReport } from '../../model.js';
/**
 * Hours to failure of every cell on a log scale: a dot at the seed's estimate and a bar over the
 * confidence interval, from the lower bound to the upper one; with no failure (censored) the bar runs
 * off to the right, since the mean could be longer than any figure.
 */
export declare function htfChart(cells: readonly CellReport[]): string;
