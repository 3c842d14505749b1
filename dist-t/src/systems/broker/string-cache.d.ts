/**
 * The last few short UTF-8 strings a frame decoder read, with their bytes. Every data frame carries its
 * topic (and a MSG its publisher's id), the same few strings over and over: comparing a handful of bytes
 * is far cheaper than decoding a new string for every frame, and the frame then holds the same string
 * object as the last one did. A string that is not cached is decoded as usual, so the result is always
 * what `buf.toString('utf8', at, at + n)` gives.
 */
export declare class StringCache {
    #private;
    /** The UTF-8 string in `buf[at, at + n)`. */
    read(buf: Buffer, at: number, n: number): string;
}
