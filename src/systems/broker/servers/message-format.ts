/**
 * A message through a real broker: a 16-byte header (the publisher's index, its sequence number, the
 * scenario time it was scheduled at) then the payload. The subscriber's accounting reads the header alone.
 */
export const HEADER_BYTES = 16;

export interface MessageHeader {
  publisher: number;
  seq: number;
  scheduledAt: number;
}

/** A message template: the payload after room for the header, which `stamp` writes into a copy. */
export function messageTemplate(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.alloc(HEADER_BYTES), payload]);
}

/** A fresh message: the template's payload with this header. */
export function stamp(template: Buffer, header: MessageHeader): Buffer {
  const m = Buffer.allocUnsafe(template.length);
  // The whole template, header room included: TypedArray#set is a plain memory copy, where Buffer#copy
  // with offsets checks its arguments in JS first (a tenth of a publisher's own time).
  m.set(template);
  m.writeUInt32BE(header.publisher, 0);
  m.writeUInt32BE(header.seq, 4);
  m.writeDoubleBE(header.scheduledAt, 8);
  return m;
}

/**
 * Scratch for reading the big-endian time of a header without a DataView per message (the subscribers'
 * hot path): its two 32-bit halves go into the word of the host's order for each.
 */
const TIME = new Float64Array(1);
const TIME_WORDS = new Uint32Array(TIME.buffer);
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH_WORD = HOST_LITTLE_ENDIAN ? 1 : 0;
const LOW_WORD = 1 - HIGH_WORD;

function uint32At(m: Uint8Array, at: number): number {
  return ((m[at] as number) * 0x1000000 + (((m[at + 1] as number) << 16) | ((m[at + 2] as number) << 8) | (m[at + 3] as number)));
}

/** The header of a message received, or undefined when it is too short to be one of ours. */
export function readHeader(message: Uint8Array): MessageHeader | undefined {
  if (message.length < HEADER_BYTES) return undefined;
  return { publisher: headerPublisher(message), seq: headerSeq(message), scheduledAt: headerScheduledAt(message) };
}

/*
 * The header's fields one at a time, for the subscribers' hot path (no object per message). The caller
 * checks `message.length >= HEADER_BYTES` first.
 */
export function headerPublisher(message: Uint8Array): number {
  return uint32At(message, 0);
}

export function headerSeq(message: Uint8Array): number {
  return uint32At(message, 4);
}

export function headerScheduledAt(message: Uint8Array): number {
  TIME_WORDS[HIGH_WORD] = uint32At(message, 8);
  TIME_WORDS[LOW_WORD] = uint32At(message, 12);
  return TIME[0] as number;
}
