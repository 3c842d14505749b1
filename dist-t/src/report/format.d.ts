/** Number formatting shared by the renderers. */
export declare function formatMs(ms: number): string;
export declare function formatCount(n: number): string;
export declare function formatRate(perSecond: number): string;
export declare function formatPercent(part: number, whole: number): string;
/** One line for a failure's evidence: its reason or error, the rest left to results.json. */
export declare function describeEvidence(e: Record<string, unknown>): string;
/** Failures of a mode, counted in words: `1 crash`, `11 hangs`, `2 out of memory`. */
export declare function modeCount(mode: string, n: number): string;
