/**
 * Runs async operations one after another, in call order: what Toxiproxy does with a mutex around each
 * change to a proxy or a toxic chain. A failed operation does not block the ones after it.
 */
export class SerialLock {
    #tail = Promise.resolve();
    run(fn) {
        const p = this.#tail.then(fn);
        this.#tail = p.then(() => undefined, () => undefined);
        return p;
    }
}
//# sourceMappingURL=serial-lock.js.map