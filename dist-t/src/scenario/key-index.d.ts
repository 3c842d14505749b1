export declare function scenarioKeyPaths(): string[][];
