import { EventEmitter } from 'node:events';
import { MessageChannel, Worker } from 'node:worker_threads';
import { workerExecArgv } from './worker-exec-argv.js';
/**
 * The main thread's handle on one worker thread that hosts several instances of a kind
 * (src/systems/isolation/shared-worker.ts). Each instance it hosts is an IsolatedInstance talking on a
 * port of its own; the host only starts the worker, hands it instances and says when it ended (which
 * ends every instance it held).
 */
export class WorkerHost extends EventEmitter {
    #worker;
    #ended;
    constructor(options) {
        super();
        const data = { shared: { heartbeatWallMs: options.heartbeatWallMs } };
        const heapLimitMb = options.heapLimitMb;
        this.#worker = new Worker(options.worker, {
            workerData: data,
            execArgv: workerExecArgv(process.execArgv),
            ...(heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: Math.min(16, heapLimitMb) } } : {}),
            stdout: false,
            stderr: false,
        });
        // Every hosted instance listens for `ended`; a large host must not warn about it.
        this.setMaxListeners(0);
        this.#worker.on('error', (error) => this.#end({ kind: 'error', error, outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' }));
        this.#worker.on('exit', (code) => this.#end({ kind: 'exit', code }));
    }
    /** Set once the worker ended: every instance it hosted ended with it. */
    get ended() {
        return this.#ended;
    }
    /** Hands the worker one instance; returns the engine's end of the instance's port. */
    host(data, transfer) {
        const { port1, port2 } = new MessageChannel();
        const message = { t: 'spawn', data, port: port2 };
        this.#worker.postMessage(message, [port2, ...transfer]);
        return port1;
    }
    /** Ends the worker and every instance in it (an instance stuck in a loop holds the whole thread). */
    async terminate() {
        await this.#worker.terminate();
    }
    #end(end) {
        if (this.#ended)
            return;
        this.#ended = end;
        this.emit('ended', end);
    }
}
//# sourceMappingURL=worker-host.js.map