/**
 * Runs async operations one after another, in call order: what Toxiproxy does with a mutex around each
 * change to a proxy or a toxic chain. A failed operation does not block the ones after it.
 */
export declare class SerialLock {
    #private;
    run<T>(fn: () => Promise<T>): Promise<T>;
}
