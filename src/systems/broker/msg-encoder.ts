import { encodeMsg } from './protocol.js';

/**
 * Bytes of one slab: as much as a subscriber's writer sends at once (outlet.ts, 64 KB), so a batch of
 * consecutive frames is mostly one buffer: one write to the socket and one iovec, not eight (as with 8 KB
 * slabs, where a 64 KB batch cost eight stream writes per subscriber). A queued frame keeps its slab
 * alive: what a slow subscriber's queue pins is its frames plus at most a slab at each end.
 */
const SLAB_BYTES = 64 * 1024;
/** Frames above this size get a buffer of their own rather than wasting the rest of a slab. */
export const MAX_SLAB_FRAME = SLAB_BYTES / 4;

/**
 * The part of a MSG frame's body that names its topic and its publisher (type, topic, publisher id):
 * the same for every message one publisher sends to one topic, so it is encoded once and copied.
 */
export function msgPrefix(topic: string, publisherId: string): Buffer {
  const probe = encodeMsg(topic, publisherId, 0, 0, new Uint8Array(0));
  return Buffer.from(probe.subarray(4, probe.length - 16));
}

/**
 * Encodes the broker's MSG frames, byte for byte what `encodeMsg` gives, at a cost it can pay for every
 * publication: the topic and publisher come as a ready prefix (`msgPrefix`), and frames are written one
 * after the other into shared slabs. A frame is a view of its slab, never written again once handed out,
 * so the frames of consecutive publications (of any publisher) are adjacent in memory and a
 * subscriber's writer can send a run of them as one buffer without copying (outlet.ts).
 */
export class MsgEncoder {
  #slab: Buffer = Buffer.alloc(0);
  /** The slab's numbers are written through a DataView, without Buffer's argument checks. */
  #view: DataView = new DataView(new ArrayBuffer(0));
  #at = 0;
  /** The last frame encoded: `size` bytes at `at` in `slab`. */
  slab: Buffer = this.#slab;
  at = 0;
  size = 0;

  /** Encodes one MSG frame; `slab`, `at` and `size` then say where it is. */
  encode(prefix: Buffer, seq: number, scheduledAt: number, payload: Uint8Array): void {
    const size = 4 + prefix.length + 16 + payload.length;
    let buf: Buffer;
    let view: DataView;
    let at: number;
    if (size > MAX_SLAB_FRAME) {
      buf = Buffer.allocUnsafeSlow(size);
      view = new DataView(buf.buffer, buf.byteOffset, size);
      at = 0;
    } else {
      if (this.#at + size > this.#slab.length) {
        this.#slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
        this.#view = new DataView(this.#slab.buffer, this.#slab.byteOffset, SLAB_BYTES);
        this.#at = 0;
      }
      buf = this.#slab;
      view = this.#view;
      at = this.#at;
      this.#at += size;
    }
    view.setUint32(at, size - 4);
    buf.set(prefix, at + 4);
    const p = at + 4 + prefix.length;
    view.setFloat64(p, seq);
    view.setFloat64(p + 8, scheduledAt);
    buf.set(payload, p + 16);
    this.slab = buf;
    this.at = at;
    this.size = size;
  }

  /**
   * Encodes MSG frames for `count` PUB frames of `pubSize` bytes each, one after the other at `src[at]`,
   * read in place: the MSG frame of each is its length, `prefix`, and the PUB frame's bytes from
   * `bodyAt` on (seq, scheduled time, payload). Encodes as many as fit in one slab (at least one, in a
   * fresh slab if need be) and returns how many; `slab`, `at` and `size` then say where the first is (the
   * others follow it, `size` bytes each). Frames above MAX_SLAB_FRAME go through `encode`.
   */
  encodeRun(prefix: Buffer, src: Buffer, at: number, pubSize: number, bodyAt: number, count: number): number {
    const body = pubSize - bodyAt;
    const size = 4 + prefix.length + body;
    if (size > MAX_SLAB_FRAME) throw new RangeError(`msg encoder: a frame of ${size} bytes does not go in a run`);
    if (this.#at + size > this.#slab.length) {
      this.#slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.#view = new DataView(this.#slab.buffer, this.#slab.byteOffset, SLAB_BYTES);
      this.#at = 0;
    }
    const n = Math.min(count, Math.floor((this.#slab.length - this.#at) / size));
    const slab = this.#slab;
    const view = this.#view;
    const first = this.#at;
    // One copy of all n PUB frames, placed at the end of the n MSG frames' space (a MSG frame is `grow`
    // bytes longer); then each body moves down to its place within the slab (copyWithin: no view to make,
    // unlike a copy per frame from `src`), in order, so no body is overwritten before it has moved.
    const grow = size - pubSize;
    src.copy(slab, first + n * grow, at, at + n * pubSize);
    let to = first;
    let from = first + n * grow + bodyAt;
    for (let k = 0; k < n; k++) {
      const bodyTo = to + 4 + prefix.length;
      if (bodyTo !== from) slab.copyWithin(bodyTo, from, from + body);
      view.setUint32(to, size - 4);
      slab.set(prefix, to + 4);
      to += size;
      from += pubSize;
    }
    this.#at = to;
    this.slab = slab;
    this.at = first;
    this.size = size;
    return n;
  }
}
