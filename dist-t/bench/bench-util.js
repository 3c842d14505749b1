import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Table from 'cli-table3';
/** The package root, from dist/bench/*.js or bench/*.ts alike. */
export function projectRoot() {
    const here = path.dirname(fileURLToPath(import.meta.url));
    return here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '../..') : path.resolve(here, '..');
}
export function printTable(title, rows) {
    const t = new Table({ head: [title, ''], style: { head: [], border: [] } });
    for (const r of rows)
        t.push(r);
    process.stdout.write(`${t.toString()}\n`);
}
//# sourceMappingURL=bench-util.js.map