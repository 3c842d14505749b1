export declare const schemaCommand: import("../command.js").DuressCommand<Record<string, unknown>, undefined>;
