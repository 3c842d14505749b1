import { type BenchResult } from './bench-util.js';
/**
 * The longer version of test/integration/engine/calibration.test.ts: hours to failure against kills of
 * known mean, on real runs. 4 forwarder instances at speed 1000, one killed at a time on an exponential
 * timeline of mean 400 s, so each instance's true mean time to failure is 4 × 400 s = 1600 s (0.444 h);
 * SEEDS runs (default 40) of 20,000 s of scenario time (20 s of wall time each), about 50 kills each,
 * 2 at a time. Targets: the 95% lower bound below the true mean in at least 90% of runs; the pooled
 * estimate within 10% of it; results exposure equal to the sum of the journaled instance lifetimes and
 * to the live figure, to within one heartbeat; no lifetime that ends before it starts; no failure but kills.
 */
export declare function benchKillCalibration(): Promise<BenchResult>;
