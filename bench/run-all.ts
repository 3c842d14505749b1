import { benchBrokerFanout } from './broker-fanout.js';
import { benchBrokerMemory } from './broker-memory.js';
import { benchHttpLoad } from './http-load.js';
import { benchLedgerMemory } from './ledger-memory.js';
import { benchForwarderMemory } from './forwarder-memory.js';
import { benchForwarderThroughput } from './forwarder-throughput.js';
import { benchKillCalibration } from './kill-calibration.js';
import { benchKillStress } from './kill-stress.js';
import { benchCompression } from './compression.js';
import { benchProcessFeed } from './process-feed.js';
import { benchProxyThroughput } from './proxy-throughput.js';
import { benchRealBrokerFanout } from './real-broker-fanout.js';
import { benchSoakRate } from './soak-rate.js';
import type { BenchResult } from './bench-util.js';

/**
 * `npm run bench`: every benchmark, one after the other (this machine has 2 cores; running them side by
 * side would measure each other). Each compares duress with a peer or a limit measured in the same run.
 * `npm run bench -- NAME` runs only the named ones.
 */
const benches: Record<string, () => Promise<BenchResult>> = {
  'broker-fanout': benchBrokerFanout,
  'broker-memory': benchBrokerMemory,
  'forwarder-memory': benchForwarderMemory,
  'forwarder-throughput': benchForwarderThroughput,
  'http-load': benchHttpLoad,
  'kill-calibration': benchKillCalibration,
  'kill-stress': benchKillStress,
  compression: benchCompression,
  'ledger-memory': benchLedgerMemory,
  'process-feed': benchProcessFeed,
  'proxy-throughput': benchProxyThroughput,
  'real-broker-fanout': benchRealBrokerFanout,
  'soak-rate': benchSoakRate,
};

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`\n== ${name}\n`);
  results.push(await run());
}
process.stdout.write('\n');
for (const r of results) process.stdout.write(`${r.pass ? 'met   ' : 'MISSED'} ${r.name} ${JSON.stringify(r.metrics)}\n`);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
