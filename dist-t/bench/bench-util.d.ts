/** One benchmark's figures, and whether it met its target. */
export interface BenchResult {
    name: string;
    metrics: Record<string, number>;
    pass: boolean;
}
/** The package root, from dist/bench/*.js or bench/*.ts alike. */
export declare function projectRoot(): string;
export declare function printTable(title: string, rows: [string, string][]): void;
