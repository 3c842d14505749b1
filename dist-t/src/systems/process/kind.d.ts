import type { SystemKind } from '../system-kind.js';
import { type ProcessSpawnData } from './cell.js';
import type { ProcessHeartbeat, ProcessStopped } from './messages.js';
import { type ProcessConfig } from './schema.js';
import type { ProcessWatch } from './watch.js';
/**
 * `system: { kind: process, command, args, … }`: a real program (a Fluent Bit or syslog-ng build, your own
 * service) as the system under test. Each instance is one child process, owned by its own worker thread
 * (worker.ts), in a working folder of its own with its config rendered from a template; duress feeds it
 * records at the scenario's rate (TCP lines, HTTP POSTs, a tailed file or its standard input) and it posts
 * them to the cell's sink through its own proxy route (the one link, `sink`), so toxics and sink faults
 * each hit one instance; `kill` sends it SIGKILL and `pause` SIGSTOP, then SIGCONT. It runs on wall time,
 * so the clock cannot be scaled. DNS faults reach it only when it resolves through duress's DNS server
 * (`dns: true` and a resolver it is told of in its config).
 */
export declare const processKind: SystemKind<ProcessConfig, ProcessHeartbeat, ProcessStopped, ProcessSpawnData, ProcessWatch>;
