import type { BaseStopped, SinkAccess, WorkerBaseData } from '../isolation/worker-protocol.js';
import type { SinkWriterHeartbeat } from '../sink-writer-cell.js';
import type { ProcessConfig } from './schema.js';

/** A process instance's start data (worker.ts): the engine's fields, the sink's access, the config and its route's address. */
export interface ProcessWorkerData extends WorkerBaseData, SinkAccess {
  system: ProcessConfig;
  /** The instance's slot in its cell ({{slot}}). */
  slot: number;
  /** The IP address the instance's route listens on ({{sink.address}}) and its input is offered on. */
  address: string;
}

/** How the program ended by itself: its exit code or signal, and the last lines of its standard error. */
export interface ProgramExit {
  code: number | null;
  signal: string | null;
  /** The last `stderrLines` lines of its standard error. */
  stderr: string[];
}

/** The instance's numbers, with every heartbeat (the worker's own health is added: WorkerHealthSample). */
export interface ProcessHeartbeat extends SinkWriterHeartbeat {
  /** The program's process id (its process group's too); 0 before it was started. */
  pid: number;
  /** Set once the program ended by itself (a crash, whatever the code: it was not asked to). */
  exited: ProgramExit | null;
  /** Why the program could not take its input (it never opened it within startTimeout) and its last lines of stderr, or null. */
  startProblem: { reason: string; stderr: string[] } | null;
  /** The instance's working folder (removed by the main thread after a failure, unless system.workDir keeps it). */
  dir: string;
  /** The program took a record at least once. */
  inputOpen: boolean;
  /** The load is over: no record is due after those owed now. */
  inputEnded: boolean;
  /** Records due and not yet taken by the program's input (back-pressure, now). */
  owed: number;
  /** Wall ms, in total, during which records were owed and the input did not take them (it blocked or refused). */
  blockedMs: number;
  /** Times the input refused records (connection refused or reset, an HTTP answer other than 2xx). */
  refusals: number;
  /** The program's resident set (VmRSS in /proc/<pid>/status), bytes; NaN when it cannot be read. */
  rss: number;
}

/** What happened when the program was asked to stop. */
export interface ShutdownOutcome {
  /** Wall ms it took to exit after SIGTERM, or null when it ignored SIGTERM for the grace period (then SIGKILL). */
  exitedAfterMs: number | null;
  graceMs: number;
  code: number | null;
  signal: string | null;
  /** With a kill: the last lines of its standard error. */
  stderr: string[];
}

/** The answer to `stop`. */
export interface ProcessStopped extends BaseStopped {
  /** Records the program took: the delivery accounting is of these. */
  generated: number;
  /**
   * Records due that the program's input never took (back-pressure to the end): seqs [from, to). They never
   * reached the program, so they are not in its delivery accounting; the cell counts them (`recordsNotTaken`).
   */
  notTaken: { from: number; to: number };
  /** Null when the program had already ended (a crash, seen by the watchdog) or never started. */
  shutdown: ShutdownOutcome | null;
  blockedMs: number;
  refusals: number;
}
