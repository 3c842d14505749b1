import { marked } from 'marked';
import { parse as parseJunit } from 'junit2json';
/**
 * Tables drawn by cli-table3 (compact style: `┌` top, `│` rows, `├` under the header, `└` bottom). A line
 * whose first column is empty continues the row above (a cell wrapped onto several lines).
 */
export function terminalTables(text) {
    const tables = [];
    let current;
    for (const line of text.split('\n')) {
        if (line.startsWith('┌'))
            current = [];
        else if (line.startsWith('└') && current) {
            const [header = [], ...rows] = current;
            tables.push({ header, rows });
            current = undefined;
        }
        else if (line.startsWith('│') && current) {
            const cells = line.split('│').slice(1, -1).map((c) => c.trim());
            const above = current[current.length - 1];
            if (cells[0] === '' && above && current.length > 1)
                cells.forEach((c, i) => (above[i] = c === '' ? above[i] : `${above[i]} ${c}`.trim()));
            else
                current.push(cells);
        }
    }
    return tables;
}
export function markdownTables(text) {
    return marked
        .lexer(text)
        .filter((t) => t.type === 'table')
        .map((t) => ({ header: t.header.map((h) => unescapeMarkdown(h.text)), rows: t.rows.map((r) => r.map((c) => unescapeMarkdown(c.text))) }));
}
function unescapeMarkdown(text) {
    return text.replace(/\\\|/g, '|').replace(/&lt;/g, '<');
}
/** An HTML fragment as the text a browser shows: tags dropped, entities decoded. */
export function htmlText(fragment) {
    return fragment
        .replace(/<[^>]*>/g, '')
        .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
        .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&')
        .trim();
}
export function htmlTables(html) {
    return [...html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/g)].map((m) => {
        const rows = [...m[1].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => htmlText(c[1])));
        const [header = [], ...body] = rows;
        return { header, rows: body };
    });
}
/** The first table whose header starts with these column names. */
export function tableStartingWith(tables, ...columns) {
    const found = tables.find((t) => columns.every((c, i) => t.header[i] === c));
    if (!found)
        throw new Error(`no table with columns ${columns.join(', ')} among: ${tables.map((t) => t.header.slice(0, 3).join('|')).join('; ')}`);
    return found;
}
/** A table's rows as objects keyed by header. */
export function rowsByHeader(table) {
    return table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r[i] ?? ''])));
}
export async function junitSuites(xml) {
    const parsed = (await parseJunit(xml));
    if (!parsed?.testsuite)
        throw new Error('junit.xml has no <testsuite>');
    return { totals: { tests: parsed.tests ?? 0, failures: parsed.failures ?? 0, errors: parsed.errors ?? 0 }, suites: parsed.testsuite };
}
export function junitProperties(c) {
    return Object.fromEntries((c.properties ?? []).map((p) => [p.name ?? '', String(p.value)]));
}
//# sourceMappingURL=report-readers.js.map