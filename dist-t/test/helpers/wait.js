/** Polls `cond` every 5 ms until it holds; throws after `timeoutMs` naming what was awaited. */
export async function waitFor(cond, timeoutMs, what) {
    const deadline = performance.now() + timeoutMs;
    while (!cond()) {
        if (performance.now() > deadline)
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 5));
    }
}
/** The `code` of the error a promise rejects with, or `resolved`. */
export async function errorCode(promise) {
    try {
        await promise;
    }
    catch (err) {
        return String(err.code);
    }
    return 'resolved';
}
//# sourceMappingURL=wait.js.map