import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { recordMessagesIn } from '../../delivery/record-message.js';

/**
 * How the HTTP sink splits a request body into what it hands the ledger:
 *   `ndjson` one JSON value per line (blank lines skipped), each line checked to be JSON;
 *   `json`   one JSON array (each element one item) or one JSON object (one item);
 *   `lines`  newline text, each non-empty line one item (`\r\n` too);
 *   `auto`   by the first non-blank byte: `[` a JSON array, `{` NDJSON (one object is one line of it), else lines.
 * The Content-Type is not trusted for this: syslog-ng's http() sends `application/x-www-form-urlencoded`
 * whatever its body is.
 */
export type BodyFormat = 'auto' | 'ndjson' | 'json' | 'lines';
export const BODY_FORMATS = ['auto', 'ndjson', 'json', 'lines'] as const;

/** What a body held: the record messages found in it, and how many items (lines, elements) it had. */
export interface DecodedBody {
  /** Each part of an item that starts at a record's id (record-message.ts), or a whole item without one. */
  messages: string[];
  items: number;
  /** Bytes after decompression. */
  bytes: number;
}

/** A body the sink cannot read: answered 400 with `message`, and counted. */
export class MalformedBody extends Error {}

const DECOMPRESS: Record<string, (buf: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/**
 * Undoes the Content-Encoding (`gzip`, `deflate`, `br`; `identity` or none), at most `maxBytes` of output,
 * and splits the text by `format`. Rejects with MalformedBody (its message says where and what was expected)
 * for an unknown encoding, a corrupt or oversized compressed body, or JSON that does not parse.
 */
export async function decodeBody(raw: Buffer, encoding: string | undefined, format: BodyFormat, maxBytes: number): Promise<DecodedBody> {
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  let bytes = raw;
  if (coding !== 'identity' && coding !== '') {
    const decompress = DECOMPRESS[coding];
    if (decompress === undefined) throw new MalformedBody(`Content-Encoding ${JSON.stringify(encoding)} is not supported; expected gzip, deflate, br or identity`);
    try {
      bytes = await decompress(raw, { maxOutputLength: maxBytes });
    } catch (err) {
      const e = err as Error & { code?: string };
      const why = e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError ? `decompresses to more than ${maxBytes} bytes` : `is not valid ${coding} (${e.message})`;
      throw new MalformedBody(`the ${coding} body ${why}`);
    }
  }
  const text = bytes.toString('utf8');
  const items = splitItems(text, format);
  const messages: string[] = [];
  for (const item of items) for (const m of recordMessagesIn(item)) messages.push(m);
  return { messages, items: items.length, bytes: bytes.length };
}

/** The items of a decoded body (exported for the unit tests). */
export function splitItems(text: string, format: BodyFormat): string[] {
  const start = firstNonBlank(text);
  if (start < 0) return [];
  const resolved = format === 'auto' ? (text[start] === '[' ? 'json' : text[start] === '{' ? 'ndjson' : 'lines') : format;
  switch (resolved) {
    case 'lines':
      return nonEmptyLines(text);
    case 'ndjson':
      return nonEmptyLines(text).map((line, i) => {
        parseJson(line, `line ${i + 1}`);
        return line;
      });
    case 'json': {
      const value = parseJson(text, 'the body');
      if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      if (value !== null && typeof value === 'object') return [text];
      throw new MalformedBody(`the body is JSON ${typeof value}; expected an array of records or one object`);
    }
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new MalformedBody(`${where} is not JSON (${(err as Error).message}): ${JSON.stringify(shown)}`);
  }
}

function nonEmptyLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  while (from < text.length) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(from, end - 1) : text.slice(from, end);
    if (line.trim() !== '') lines.push(line);
    from = end + 1;
  }
  return lines;
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return -1;
}
