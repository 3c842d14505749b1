import { InputError } from '../core/errors.js';
/**
 * `--set key.path=value`, shared by every command that loads a scenario (validate, run). Repeatable;
 * the value is read as YAML by the loader, which reports a bad one as `--set key.path: ...`.
 */
export const setOption = {
    type: 'string',
    requiresArg: true,
    describe: 'override a scenario key before validation, e.g. --set system.net.keepalive=false (repeatable; the value is read as YAML)',
};
/** Splits each `key.path=value` at its first `=`. Throws an InputError for one without a key or `=`. */
export function parseSetOptions(values) {
    const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
    return list.map((entry) => {
        const text = String(entry);
        const eq = text.indexOf('=');
        if (eq <= 0)
            throw new InputError(`--set expects key.path=value, got ${JSON.stringify(text)}`, { hint: 'for example --set system.net.keepalive=false' });
        return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1) };
    });
}
//# sourceMappingURL=set-option.js.map