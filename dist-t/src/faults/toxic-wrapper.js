import { attributeEntries, isBuffered } from './toxic.js';
/** A toxic as a proxy holds it: the instance plus its name, type, stream and toxicity (Toxiproxy's ToxicWrapper). */
export class ToxicWrapper {
    name;
    type;
    stream;
    direction;
    /** A float32, as in Toxiproxy. */
    toxicity;
    toxic;
    constructor(opts) {
        this.name = opts.name;
        this.type = opts.type;
        this.stream = opts.stream;
        this.direction = opts.direction;
        this.toxicity = Math.fround(opts.toxicity);
        this.toxic = opts.toxic;
    }
    /** Chunks that may queue in front of this toxic beyond the default. */
    get bufferSize() {
        return isBuffered(this.toxic) ? Math.max(0, this.toxic.bufferSize()) : 0;
    }
    toJSON() {
        return {
            attributes: Object.fromEntries(attributeEntries(this.toxic)),
            name: this.name,
            type: this.type,
            stream: this.stream,
            toxicity: this.toxicity,
        };
    }
}
//# sourceMappingURL=toxic-wrapper.js.map