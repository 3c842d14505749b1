import { type TestCase, type TestSuite } from 'junit2json';
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
export declare function terminalTables(text: string): TextTable[];
export declare function markdownTables(text: string): TextTable[];
/** An HTML fragment as the text a browser shows: tags dropped, entities decoded. */
export declare function htmlText(fragment: string): string;
export declare function htmlTables(html: string): TextTable[];
/** The first table whose header starts with these column names. */
export declare function tableStartingWith(tables: readonly TextTable[], ...columns: string[]): TextTable;
/** A table's rows as objects keyed by header. */
export declare function rowsByHeader(table: TextTable): Record<string, string>[];
/** junit2json reads a test case's <properties> (a flat list; numeric values as numbers) though its types do not say so. */
export type JunitCase = TestCase & {
    properties?: {
        name?: string;
        value?: string | number;
    }[];
};
export declare function junitSuites(xml: string): Promise<{
    totals: {
        tests: number;
        failures: number;
        errors: number;
    };
    suites: TestSuite[];
}>;
export declare function junitProperties(c: TestCase): Record<string, string>;
