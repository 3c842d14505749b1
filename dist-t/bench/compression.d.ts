import { type BenchResult } from './bench-util.js';
/**
 * How far soak time compresses on this machine without false failures: the patch and no-patch cells of
 * scenarios/cloudwatch-stability.yaml (keepalive on, its faults included), side by side, at each of
 * SETTINGS for WALL_SECONDS of wall time. A setting passes when the patch cell has no failure, the
 * harness lag stayed within its bound (no harness trouble: lag × speed under half the hang window, no
 * latency figure it could have distorted) and delivery accounting is exact (nothing lost, every record
 * delivered, dropped or undrained). The search stops at the first setting that fails. Reported: the
 * highest passing instance-hours per wall-hour of the patch cell (target >= 3,000), and the no-patch cell
 * must still fail at that setting (compression must not hide real failures). Wall time is noisy on a
 * shared machine; resident memory per instance is printed for each setting.
 */
export declare function benchCompression(): Promise<BenchResult>;
