import type { ScenarioOverride } from '../scenario/load.js';
/**
 * `--set key.path=value`, shared by every command that loads a scenario (validate, run). Repeatable;
 * the value is read as YAML by the loader, which reports a bad one as `--set key.path: ...`.
 */
export declare const setOption: {
    readonly type: "string";
    readonly requiresArg: true;
    readonly describe: "override a scenario key before validation, e.g. --set system.net.keepalive=false (repeatable; the value is read as YAML)";
};
/** Splits each `key.path=value` at its first `=`. Throws an InputError for one without a key or `=`. */
export declare function parseSetOptions(values: readonly unknown[] | string | undefined): ScenarioOverride[];
