import { FrameType, type FrameDecoder } from './protocol.js';
import { StringCache } from './string-cache.js';

/** A PUB frame's fields before its body: u32 length, u8 type, u16 topic length (then the topic). */
const TOPIC_AT = 7;

/**
 * Finds, in a frame decoder's buffer, a run of whole PUB frames that the broker can route as one
 * (inbox.ts `QueuedRun`): consecutive frames of one size and one topic, each valid as `FrameDecoder.next()`
 * would judge it (seq a non-negative integer, the scheduled time finite). The frames are read in place:
 * no frame object, no payload view; the broker copies each one's body (seq, time, payload) straight into
 * its MSG frame (msg-encoder.ts `encodeRun`). Whatever is not such a frame (another type, a partial or a
 * malformed frame) ends the run and is left to `next()`, which decodes it or says what is wrong with it.
 */
export class PubRunScanner {
  readonly #topics = new StringCache();
  /** The run found by the last `peek`: its topic, frame size, where each body starts in a frame. */
  topic = '';
  frameSize = 0;
  bodyAt = 0;

  /**
   * Whether a PUB frame starts at the decoder's offset, whole; if so `topic`, `frameSize` and `bodyAt`
   * describe the run it starts, and `count` says how long it is.
   */
  peek(decoder: FrameDecoder): boolean {
    const buf = decoder.bytes;
    const view = decoder.view;
    const at = decoder.offset;
    if (buf.length - at < TOPIC_AT) return false;
    const len = view.getUint32(at);
    const size = 4 + len;
    if (len === 0 || len > decoder.maxFrameBytes || buf.length - at < size || view.getUint8(at + 4) !== FrameType.pub) return false;
    const topicBytes = view.getUint16(at + 5);
    const bodyAt = TOPIC_AT + topicBytes;
    if (bodyAt + 16 > size) return false;
    this.topic = this.#topics.read(buf, at + TOPIC_AT, topicBytes);
    this.frameSize = size;
    this.bodyAt = bodyAt;
    return true;
  }

  /** Frames of the run `peek` found, at most `max`: 0 when its first frame is itself not valid. */
  count(decoder: FrameDecoder, max: number): number {
    const buf = decoder.bytes;
    const view = decoder.view;
    const at = decoder.offset;
    const end = buf.length;
    const size = this.frameSize;
    const bodyAt = this.bodyAt;
    const topicBytes = bodyAt - TOPIC_AT;
    let n = 0;
    for (let p = at; n < max && end - p >= size; p += size, n++) {
      if (view.getUint32(p) !== size - 4 || view.getUint8(p + 4) !== FrameType.pub || view.getUint16(p + 5) !== topicBytes) break;
      if (n > 0 && !sameBytes(buf, at + TOPIC_AT, p + TOPIC_AT, topicBytes)) break;
      const seq = view.getFloat64(p + bodyAt);
      if (!Number.isInteger(seq) || seq < 0 || !Number.isFinite(view.getFloat64(p + bodyAt + 8))) break;
    }
    return n;
  }
}

function sameBytes(buf: Buffer, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (buf[a + i] !== buf[b + i]) return false;
  return true;
}
