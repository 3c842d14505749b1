import { setLongTimeout, sleepLong } from '../../src/core/long-timer.js';
/**
 * A clock whose `now()` moves only when a test says so (`advance`), for deterministic token buckets.
 * Timers still run on real time at speed 1, so a latency or window of N scenario ms takes N wall ms.
 */
export class ManualClock {
    speed = 1;
    #now;
    constructor(start = Date.now()) {
        this.#now = start;
    }
    now() {
        return this.#now;
    }
    advance(ms) {
        this.#now += ms;
    }
    toWall(scenarioMs) {
        return scenarioMs;
    }
    toScenario(wallMs) {
        return wallMs;
    }
    setTimeout(fn, scenarioMs) {
        return setLongTimeout(fn, scenarioMs);
    }
    setInterval(fn, scenarioMs) {
        return setInterval(fn, Math.max(1, scenarioMs));
    }
    sleep(scenarioMs, signal) {
        return sleepLong(scenarioMs, signal);
    }
}
//# sourceMappingURL=sink-manual-clock.js.map