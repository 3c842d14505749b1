import { type ScenarioProblem } from '../../core/errors.js';
import type { Scenario } from '../../scenario/types.js';
interface ValidateArgs {
    files: string[];
    set?: string[];
}
interface ValidatePlan {
    files: string[];
    /** Each file's scenario, or the problems that made it fail. */
    outcomes: ({
        file: string;
        scenario: Scenario;
        warnings: string[];
    } | {
        file: string;
        problems: ScenarioProblem[];
    })[];
}
export declare const validateCommand: import("../command.js").DuressCommand<ValidateArgs, ValidatePlan>;
export {};
