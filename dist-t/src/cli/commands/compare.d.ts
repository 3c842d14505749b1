import type { RunResults } from '../../results/results.js';
interface CompareArgs {
    a: string;
    b?: string;
    baseline?: string;
    candidate?: string;
    format: 'terminal' | 'markdown';
    confidence: number;
}
interface ComparePlan {
    args: CompareArgs;
    a: {
        results: RunResults;
        source: string;
    };
    b: {
        results: RunResults;
        source: string;
    };
    baselineSelector: Record<string, string>;
    candidateSelector: Record<string, string>;
}
export declare const compareCommand: import("../command.js").DuressCommand<CompareArgs, ComparePlan>;
export {};
