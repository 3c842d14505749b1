import { ApiErrors } from './api/errors.js';
import { decodeStruct, toJValue } from './go-json.js';
import { applyAttributes, copyToxic, createToxic } from './toxic.js';
import { ToxicWrapper } from './toxic-wrapper.js';
import './toxics/index.js';
import { SerialLock } from './serial-lock.js';
const WRAPPER = {
    name: 'ToxicWrapper',
    fields: [
        { key: 'attributes', kind: 'object', goType: 'toxics.NoopToxic' },
        { key: 'name', kind: 'string' },
        { key: 'type', kind: 'string' },
        { key: 'stream', kind: 'string' },
        { key: 'toxicity', kind: 'float32' },
    ],
};
const UPDATE_TYPE = 'struct { Attributes interface {} "json:\\"attributes\\""; Toxicity float32 "json:\\"toxicity\\"" }';
function parseDirection(stream) {
    const s = stream.toLowerCase();
    return s === 'upstream' || s === 'downstream' ? s : undefined;
}
/**
 * A proxy's toxics: one chain per direction (a hidden noop heads each chain inside every link) and the live
 * links they apply to. Changes reach every existing connection of the direction, as in Toxiproxy's
 * ToxicCollection; changes are serialised, and each waits until every link has taken it.
 */
export class ToxicCollection {
    #chain = { upstream: [], downstream: [] };
    #links = new Set();
    #lock = new SerialLock();
    /** Every toxic, upstream chain first, then downstream, each in the order added. */
    list() {
        return [...this.#chain.upstream, ...this.#chain.downstream];
    }
    get(name) {
        return this.list().find((t) => t.name === name);
    }
    /** The direction's chain, for a link that starts now. */
    chain(direction) {
        return this.#chain[direction];
    }
    addLink(link) {
        this.#links.add(link);
    }
    removeLink(link) {
        this.#links.delete(link);
    }
    add(input) {
        return this.addJson(toJValue(input));
    }
    /** Toxiproxy's AddToxicJson: decode, check stream, name, type and uniqueness, then attributes. */
    addJson(body) {
        return this.#lock.run(async () => {
            const decoded = decodeStruct(body, WRAPPER, 'toxics.ToxicWrapper');
            if (decoded.error !== undefined)
                throw ApiErrors.badRequestBody(decoded.error);
            const v = decoded.values;
            const stream = v.get('stream') ?? 'downstream';
            const direction = parseDirection(stream);
            if (!direction)
                throw ApiErrors.invalidStream();
            const type = v.get('type') ?? '';
            const name = v.get('name') || `${type}_${stream}`;
            const toxic = createToxic(type);
            if (!toxic)
                throw ApiErrors.invalidToxicType();
            if (this.get(name))
                throw ApiErrors.toxicAlreadyExists();
            const attrs = v.get('attributes');
            if (attrs) {
                const err = applyAttributes(toxic, attrs);
                if (err !== undefined)
                    throw ApiErrors.badRequestBody(err);
            }
            const toxicity = v.get('toxicity');
            const wrapper = new ToxicWrapper({ name, type, stream, direction, toxicity: toxicity ?? 1, toxic });
            this.#chain[direction].push(wrapper);
            await this.#eachLink(direction, (l) => l.addToxic(wrapper));
            return wrapper;
        });
    }
    update(name, input) {
        return this.updateJson(name, toJValue(input));
    }
    /** Toxiproxy's UpdateToxicJson: only `attributes` (merged) and `toxicity` are read. */
    updateJson(name, body) {
        return this.#lock.run(async () => {
            const wrapper = this.get(name);
            if (!wrapper)
                throw ApiErrors.toxicNotFound();
            const updated = copyToxic(wrapper.type, wrapper.toxic);
            if (!updated)
                throw ApiErrors.invalidToxicType();
            const struct = {
                name: '',
                fields: [
                    { key: 'attributes', kind: 'object', goType: `toxics.${updated.schema.goName}` },
                    { key: 'toxicity', kind: 'float32' },
                ],
            };
            const decoded = decodeStruct(body, struct, UPDATE_TYPE);
            if (decoded.error !== undefined)
                throw ApiErrors.badRequestBody(decoded.error);
            const attrs = decoded.values.get('attributes');
            if (attrs) {
                const err = applyAttributes(updated, attrs);
                if (err !== undefined)
                    throw ApiErrors.badRequestBody(err);
            }
            const toxicity = decoded.values.get('toxicity');
            wrapper.toxic = updated;
            if (toxicity !== undefined)
                wrapper.toxicity = toxicity;
            await this.#eachLink(wrapper.direction, (l) => l.updateToxic(wrapper));
            return wrapper;
        });
    }
    remove(name) {
        return this.#lock.run(async () => {
            const wrapper = this.get(name);
            if (!wrapper)
                throw ApiErrors.toxicNotFound();
            await this.#removeWrapper(wrapper);
        });
    }
    /** Removes every toxic (POST /reset). */
    reset() {
        return this.#lock.run(async () => {
            for (const w of this.list())
                await this.#removeWrapper(w);
        });
    }
    async #removeWrapper(wrapper) {
        const chain = this.#chain[wrapper.direction];
        chain.splice(chain.indexOf(wrapper), 1);
        await this.#eachLink(wrapper.direction, (l) => l.removeToxic(wrapper));
    }
    async #eachLink(direction, fn) {
        const links = [...this.#links].filter((l) => l.direction === direction);
        await Promise.all(links.map(fn));
    }
}
//# sourceMappingURL=toxic-collection.js.map