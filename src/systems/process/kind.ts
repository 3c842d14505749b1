import type { SystemKind } from '../system-kind.js';
import { loopbackAddress, ProcessCell, type ProcessSpawnData } from './cell.js';
import type { ProcessHeartbeat, ProcessStopped } from './messages.js';
import { namespaceDnsAddress } from './resolv-namespace.js';
import { processSchema, type ProcessConfig } from './schema.js';
import type { ProcessWatch } from './watch.js';

/** Wall ms a worker gets beyond the program's shutdown grace to finish its last batch (2 s at most), close its input (2 s at most) and answer. */
const STOP_MARGIN_WALL_MS = 5000;

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
export const processKind: SystemKind<ProcessConfig, ProcessHeartbeat, ProcessStopped, ProcessSpawnData, ProcessWatch> = {
  name: 'process',
  noun: 'a process',
  schema: processSchema,
  links: (config) => ({
    names: ['sink'],
    defaultLink: 'sink',
    upstream: 'sink',
    dns: config.dns,
    describe: 'a process has one link, sink',
    noDns:
      'a process resolves names with its own resolver, which duress cannot fault: set system.dns: true and point the program at {{dns.host}}:{{dns.port}} ' +
      '(its config must let you name a DNS server), or add system.resolvConf: true (Linux, as root: its own /etc/resolv.conf), and give it {{sink.host}}',
    ...(config.loopback ? { listen: (cell: number, slot: number) => ({ host: loopbackAddress(config, cell, slot), port: config.routePort }) } : {}),
    ...(config.resolvConf ? { dnsListen: namespaceDnsAddress } : {}),
  }),
  sink: (config) => config.sink,
  // Its durations are wall time by nature: the clock cannot be scaled for it (wallClockOnly).
  scaledDurations: () => [],
  recordsPerSecond: (config) => config.input.rate,
  wallClockOnly: () =>
    "a real program runs on the wall clock: its timers, timeouts and retries cannot be made faster, so a scaled clock would squeeze the faults and the load around it and compare nothing real",
  isolation: {
    worker: new URL('./worker.js', import.meta.url),
    minHeapMb: 32,
    stopGraceWallMs: (config) => config.shutdownGrace + STOP_MARGIN_WALL_MS,
  },
  createCell: (context) => new ProcessCell(context),
};
