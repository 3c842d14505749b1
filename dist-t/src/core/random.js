/**
 * A small, fast, seedable PRNG (xoshiro128**), so every random choice of a run (fault schedule, jitter,
 * payloads, toxicity rolls) can be repeated from the scenario's seed. Not for cryptography.
 */
export class Random {
    #s0;
    #s1;
    #s2;
    #s3;
    constructor(seed) {
        // splitmix32 spreads any integer seed over the 128-bit state.
        let x = seed >>> 0;
        const next = () => {
            x = (x + 0x9e3779b9) >>> 0;
            let z = x;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.#s0 = next();
        this.#s1 = next();
        this.#s2 = next();
        this.#s3 = next();
    }
    /** Uniform 32-bit unsigned integer. */
    nextUint32() {
        const result = Math.imul(rotl(Math.imul(this.#s1, 5) >>> 0, 7), 9) >>> 0;
        const t = (this.#s1 << 9) >>> 0;
        this.#s2 ^= this.#s0;
        this.#s3 ^= this.#s1;
        this.#s1 ^= this.#s2;
        this.#s0 ^= this.#s3;
        this.#s2 ^= t;
        this.#s3 = rotl(this.#s3, 11);
        return result;
    }
    /** Uniform in [0, 1). */
    next() {
        return this.nextUint32() / 4294967296;
    }
    /** Uniform in [min, max). */
    uniform(min, max) {
        return min + (max - min) * this.next();
    }
    /** Uniform integer in [min, max]. */
    int(min, max) {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    /** Exponentially distributed with the given mean. */
    exponential(mean) {
        return -mean * Math.log(1 - this.next());
    }
    /** A generator for a sub-stream (an instance, a fault) that does not disturb this one's sequence. */
    fork(label) {
        let h = this.nextUint32() ^ 0x811c9dc5;
        const s = String(label);
        for (let i = 0; i < s.length; i++)
            h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
        return new Random(h);
    }
}
function rotl(x, k) {
    return ((x << k) | (x >>> (32 - k))) >>> 0;
}
/** Derives a stable seed for a named sub-stream without consuming from a parent generator. */
export function deriveSeed(seed, ...labels) {
    let h = (seed ^ 0x811c9dc5) >>> 0;
    for (const label of labels) {
        const s = `/${String(label)}`;
        for (let i = 0; i < s.length; i++)
            h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    }
    return h >>> 0;
}
//# sourceMappingURL=random.js.map