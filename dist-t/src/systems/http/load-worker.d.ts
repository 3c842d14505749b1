import { LoadThread } from './load-thread.js';
import type { LoadPart } from './load-tally.js';
/**
 * A worker thread of the HTTP load generator (started by run-load.ts). Protocol on its port:
 * it posts `{ type: 'ready' }`; it receives `{ type: 'start', startEpochMs }` and runs its share from then,
 * posting `{ type: 'progress', progress }` every second and `{ type: 'done', part }` at the end;
 * `{ type: 'stop' }` ends the run early (the part then covers what ran).
 */
export type ToLoadWorker = {
    type: 'start';
    startEpochMs: number;
} | {
    type: 'stop';
};
export type FromLoadWorker = {
    type: 'ready';
} | {
    type: 'progress';
    progress: ReturnType<LoadThread['progress']>;
} | {
    type: 'done';
    part: LoadPart;
};
