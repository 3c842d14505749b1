/** Text safe inside a GitHub table cell: pipes escaped, no line break, nothing that opens an HTML tag. */
export function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/<(?=[A-Za-z/!?])/g, '&lt;').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${mdCell(c)} `)).join('|')}|`;
}

/** A GitHub table: header, separator, rows; every cell escaped. */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)];
}
