/**
 * The part of a MSG frame's body that names its topic and its publisher (type, topic, publisher id):
 * the same for every message one publisher sends to one topic, so it is encoded once and copied.
 */
export declare function msgPrefix(topic: string, publisherId: string): Buffer;
/**
 * Encodes the broker's MSG frames, byte for byte what `encodeMsg` gives, at a cost it can pay for every
 * publication: the topic and publisher come as a ready prefix (`msgPrefix`), and frames are written one
 * after the other into shared slabs. A frame is a view of its slab, never written again once handed out,
 * so the frames of consecutive publications (of any publisher) are adjacent in memory and a
 * subscriber's writer can send a run of them as one buffer without copying (outlet.ts).
 */
export declare class MsgEncoder {
    #private;
    /** The last frame encoded: `size` bytes at `at` in `slab`. */
    slab: Buffer;
    at: number;
    size: number;
    /** Encodes one MSG frame; `slab`, `at` and `size` then say where it is. */
    encode(prefix: Buffer, seq: number, scheduledAt: number, payload: Uint8Array): void;
}
