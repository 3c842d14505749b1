import { marked, type Tokens } from 'marked';
import { parse as parseJunit, type TestCase, type TestSuite } from 'junit2json';

/**
 * Readers that take each rendered report back apart, the way its reader would: a table is a header and
 * rows of cell texts. Used to check that every format of one run says the same thing.
 */
export interface TextTable {
  header: string[];
  rows: string[][];
}

/**
 * Tables drawn by cli-table3 (compact style: `┌` top, `│` rows, `├` under the header, `└` bottom). A line
 * whose first column is empty continues the row above (a cell wrapped onto several lines).
 */
export function terminalTables(text: string): TextTable[] {
  const tables: TextTable[] = [];
  let current: string[][] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) current = [];
    else if (line.startsWith('└') && current) {
      const [header = [], ...rows] = current;
      tables.push({ header, rows });
      current = undefined;
    } else if (line.startsWith('│') && current) {
      const cells = line.split('│').slice(1, -1).map((c) => c.trim());
      const above = current[current.length - 1];
      if (cells[0] === '' && above && current.length > 1) cells.forEach((c, i) => (above[i] = c === '' ? above[i]! : `${above[i]} ${c}`.trim()));
      else current.push(cells);
    }
  }
  return tables;
}

export function markdownTables(text: string): TextTable[] {
  return marked
    .lexer(text)
    .filter((t): t is Tokens.Table => t.type === 'table')
    .map((t) => ({ header: t.header.map((h) => unescapeMarkdown(h.text)), rows: t.rows.map((r) => r.map((c) => unescapeMarkdown(c.text))) }));
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\\|/g, '|').replace(/&lt;/g, '<');
}

/** An HTML fragment as the text a browser shows: tags dropped, entities decoded. */
export function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export function htmlTables(html: string): TextTable[] {
  return [...html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/g)].map((m) => {
    const rows = [...m[1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => htmlText(c[1]!)));
    const [header = [], ...body] = rows;
    return { header, rows: body };
  });
}

/** The first table whose header starts with these column names. */
export function tableStartingWith(tables: readonly TextTable[], ...columns: string[]): TextTable {
  const found = tables.find((t) => columns.every((c, i) => t.header[i] === c));
  if (!found) throw new Error(`no table with columns ${columns.join(', ')} among: ${tables.map((t) => t.header.slice(0, 3).join('|')).join('; ')}`);
  return found;
}

/** A table's rows as objects keyed by header. */
export function rowsByHeader(table: TextTable): Record<string, string>[] {
  return table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r[i] ?? ''])));
}

/** junit2json reads a test case's <properties> (a flat list; numeric values as numbers) though its types do not say so. */
export type JunitCase = TestCase & { properties?: { name?: string; value?: string | number }[] };

export async function junitSuites(xml: string): Promise<{ totals: { tests: number; failures: number; errors: number }; suites: TestSuite[] }> {
  const parsed = (await parseJunit(xml)) as { tests?: number; failures?: number; errors?: number; testsuite?: TestSuite[] } | null;
  if (!parsed?.testsuite) throw new Error('junit.xml has no <testsuite>');
  return { totals: { tests: parsed.tests ?? 0, failures: parsed.failures ?? 0, errors: parsed.errors ?? 0 }, suites: parsed.testsuite };
}

export function junitProperties(c: TestCase): Record<string, string> {
  return Object.fromEntries(((c as JunitCase).properties ?? []).map((p) => [p.name ?? '', String(p.value)]));
}
