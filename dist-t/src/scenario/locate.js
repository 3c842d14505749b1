import { isAlias, isMap, isScalar, isSeq } from 'yaml';
const NOWHERE = { line: 0, column: 0 };
/** `system.net.keepalive`, `faults[0].kind`: how problems name a key path. */
export function formatKeyPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else
            text += text === '' ? segment : `.${segment}`;
    }
    return text;
}
function resolve(doc, node) {
    if (isAlias(node))
        return resolve(doc, node.resolve(doc));
    return node === null || node === undefined ? undefined : node;
}
/** Follows `path` from the root as far as the document goes: one step per segment found. */
function walk(doc, path) {
    const steps = [];
    let current = resolve(doc, doc.contents);
    for (const segment of path) {
        if (isMap(current)) {
            const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
            if (!pair)
                break;
            const step = { key: isScalar(pair.key) ? pair.key : undefined, value: resolve(doc, pair.value) };
            steps.push(step);
            current = step.value;
        }
        else if (isSeq(current) && typeof segment === 'number') {
            const item = resolve(doc, current.items[segment]);
            if (!item)
                break;
            steps.push({ key: undefined, value: item });
            current = item;
        }
        else {
            break;
        }
    }
    return steps;
}
function placeOfNode(node, lines) {
    const start = node?.range?.[0];
    if (start === undefined)
        return undefined;
    const { line, col } = lines.linePos(start);
    return { line, column: col };
}
/**
 * Where a problem at `path` should point:
 * - `value`: at the value when it exists (a wrong type, a bad unit), else at its key;
 * - `key`: at the key itself (an unknown key);
 * When the path does not exist (a missing key), at the key of the deepest part that does: the parent
 * mapping. A missing key at the root, or a part that came from `--set`, has no place: line 0.
 */
export function locate(doc, lines, path, target) {
    const steps = walk(doc, path);
    const last = steps[steps.length - 1];
    if (!last)
        return NOWHERE;
    if (steps.length === path.length) {
        const preferred = target === 'key' ? (last.key ?? last.value) : isEmptyScalar(last.value) ? last.key : (last.value ?? last.key);
        return placeOfNode(preferred, lines) ?? placeOfNode(last.key, lines) ?? NOWHERE;
    }
    return placeOfNode(last.key ?? last.value, lines) ?? NOWHERE;
}
/** `key:` with nothing after it: point at the key, the value has no text of its own. */
function isEmptyScalar(node) {
    return isScalar(node) && node.value === null && node.source === '';
}
/**
 * The place of a character inside a one-line string value: `column` is 1-based within the string as
 * parsed (a threshold parser's column). Undefined for values that are not one-line plain or quoted strings.
 */
export function locateInString(doc, lines, path, column) {
    const steps = walk(doc, path);
    const node = steps.length === path.length ? steps[steps.length - 1]?.value : undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || node.range === undefined || node.range === null)
        return undefined;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (!quoted && node.type !== 'PLAIN')
        return undefined;
    const start = lines.linePos(node.range[0]);
    const end = lines.linePos(node.range[1]);
    if (start.line !== end.line)
        return undefined;
    return { line: start.line, column: start.col + (quoted ? 1 : 0) + column - 1 };
}
//# sourceMappingURL=locate.js.map