import { invalidParameter } from './api-errors.js';
const TOKEN = /-?\?"[^"]*"|-?\?[^\s"]+|-?"[^"]*"|-?[^\s"]+/g;
export function parseFilterPattern(pattern) {
    const text = (pattern ?? '').trim();
    if (text === '')
        return () => true;
    if (/^[{[%]/.test(text)) {
        return invalidParameter(`Invalid filter pattern: ${JSON.stringify(text)}: duress's mock sink matches terms only (no JSON, space-delimited or regex patterns)`);
    }
    const all = [];
    const any = [];
    const none = [];
    for (const raw of text.match(TOKEN) ?? []) {
        const negative = raw.startsWith('-');
        let term = negative ? raw.slice(1) : raw;
        const optional = term.startsWith('?');
        if (optional)
            term = term.slice(1);
        if (term.startsWith('"'))
            term = term.slice(1, -1);
        if (term === '')
            continue;
        if (negative)
            none.push(term);
        else if (optional)
            any.push(term);
        else
            all.push(term);
    }
    return (message) => all.every((t) => message.includes(t)) && (any.length === 0 || any.some((t) => message.includes(t))) && !none.some((t) => message.includes(t));
}
//# sourceMappingURL=filter-pattern.js.map