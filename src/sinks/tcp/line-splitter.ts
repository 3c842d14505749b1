import { StringDecoder } from 'node:string_decoder';

/**
 * Cuts a byte stream into lines (`\n`, a `\r` before it dropped), UTF-8 characters split across chunks
 * kept whole. A line longer than `maxLine` characters is cut there: its first `maxLine` characters are a
 * line, the rest up to the next newline is skipped, and `overlong` counts it. Empty lines are skipped.
 */
export class LineSplitter {
  readonly #decoder = new StringDecoder('utf8');
  readonly #maxLine: number;
  #pending = '';
  /** Skipping the rest of an overlong line. */
  #skipping = false;
  overlong = 0;

  constructor(maxLine: number) {
    this.#maxLine = maxLine;
  }

  /** The whole lines completed by `chunk`. */
  push(chunk: Buffer): string[] {
    let text = this.#pending + this.#decoder.write(chunk);
    const lines: string[] = [];
    let from = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      if (this.#skipping) this.#skipping = false;
      else this.#take(text.slice(from, text.charCodeAt(end - 1) === 13 && end > from ? end - 1 : end), lines);
      from = end + 1;
    }
    text = text.slice(from);
    if (this.#skipping) text = '';
    else if (text.length > this.#maxLine) {
      this.#take(text.slice(0, this.#maxLine), lines);
      this.overlong += 1;
      this.#skipping = true;
      text = '';
    }
    this.#pending = text;
    return lines;
  }

  /** What is left when the stream ends: a last line without its newline. */
  end(): string[] {
    const rest = this.#pending + this.#decoder.end();
    this.#pending = '';
    const lines: string[] = [];
    if (!this.#skipping) this.#take(rest, lines);
    return lines;
  }

  #take(line: string, into: string[]): void {
    if (line.length > this.#maxLine) {
      this.overlong += 1;
      line = line.slice(0, this.#maxLine);
    }
    if (line.trim() !== '') into.push(line);
  }
}
