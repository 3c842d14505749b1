/** Strings longer than this (in bytes) are decoded each time and never cached. */
const MAX_CACHED_BYTES = 64;
/** Distinct strings kept; the most recently added first. */
const ENTRIES = 8;
/**
 * The last few short UTF-8 strings a frame decoder read, with their bytes. Every data frame carries its
 * topic (and a MSG its publisher's id), the same few strings over and over: comparing a handful of bytes
 * is far cheaper than decoding a new string for every frame, and the frame then holds the same string
 * object as the last one did. A string that is not cached is decoded as usual, so the result is always
 * what `buf.toString('utf8', at, at + n)` gives.
 */
export class StringCache {
    #bytes = [];
    #strings = [];
    #next = 0;
    /** The UTF-8 string in `buf[at, at + n)`. */
    read(buf, at, n) {
        if (n > MAX_CACHED_BYTES)
            return buf.toString('utf8', at, at + n);
        const keys = this.#bytes;
        for (let i = 0; i < keys.length; i++) {
            const k = keys[i];
            if (k.length === n && sameBytes(k, buf, at))
                return this.#strings[i];
        }
        const s = buf.toString('utf8', at, at + n);
        // Round-robin replacement: a copy of the bytes, since `buf` is a network chunk that moves on.
        const slot = this.#next;
        this.#next = (slot + 1) % ENTRIES;
        keys[slot] = Buffer.from(buf.subarray(at, at + n));
        this.#strings[slot] = s;
        return s;
    }
}
function sameBytes(key, buf, at) {
    for (let i = 0; i < key.length; i++)
        if (key[i] !== buf[at + i])
            return false;
    return true;
}
//# sourceMappingURL=string-cache.js.map