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
  template.copy(m, HEADER_BYTES, HEADER_BYTES);
  m.writeUInt32BE(header.publisher, 0);
  m.writeUInt32BE(header.seq, 4);
  m.writeDoubleBE(header.scheduledAt, 8);
  return m;
}

/** The header of a message received, or undefined when it is too short to be one of ours. */
export function readHeader(message: Uint8Array): MessageHeader | undefined {
  if (message.length < HEADER_BYTES) return undefined;
  const view = new DataView(message.buffer, message.byteOffset, HEADER_BYTES);
  return { publisher: view.getUint32(0), seq: view.getUint32(4), scheduledAt: view.getFloat64(8) };
}
