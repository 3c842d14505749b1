/**
 * Calibration of hours to failure against a failure process of known mean, run for real: a forwarder
 * cell of `instances` instances in worker threads, and a `kill` fault `every: ~mean` (a Poisson process of
 * rate 1/mean on the cell), each occurrence killing one instance chosen uniformly (the default for kill).
 *
 * The truth: each slot is killed at rate 1/(instances × mean), so each instance's time to failure is
 * exponential with mean `instances × mean`. A kill that lands on a slot while its instance is being
 * replaced finds nothing to kill; that time is not running time either, and the kill process has no
 * memory, so failures per running hour keep the rate 1/(instances × mean): the true mean time to failure
 * stays `instances × mean` whatever the renewals cost. Kills happen only during the load; the drain is 0 so
 * that running time without kills (the stop) is a heartbeat or so.
 */
export interface KillCalibration {
    instances: number;
    /** Mean gap of the kill process on the cell, scenario ms. */
    meanGapMs: number;
    durationMs: number;
    speed: number;
}
/** One run's figures: the product's (results) and those read from the journal by the calibration itself. */
export interface KillCalibrationRun {
    seed: number;
    /** From results. */
    exposureHours: number;
    failures: number;
    estimate: number;
    lower: number;
    /** Sum over instances of their journaled lifetimes (instance-end minus instance-start), scenario ms. */
    lifetimesMs: number;
    /** The live figure: the cell's running time in its last interval, written after every instance stopped. */
    liveExposureMs: number;
    /** Kills journaled as the failures they caused; failures of any other kind (there should be none). */
    kills: number;
    otherFailures: number;
    /** Instances whose journaled lifetime ends before it starts (there should be none). */
    backwards: number;
}
/** The true mean time to failure of one instance, scenario hours. */
export declare function trueMeanHours(c: KillCalibration): number;
/** One heartbeat in scenario ms: how far results, lifetimes and the live figure may disagree. */
export declare function heartbeatMs(c: KillCalibration): number;
export declare function killCalibrationRun(c: KillCalibration, seed: number): Promise<KillCalibrationRun>;
/** Runs `seeds` with at most `parallel` cells at a time (each its own seed, so the runs are independent). */
export declare function killCalibrationRuns(c: KillCalibration, seeds: number[], parallel: number): Promise<KillCalibrationRun[]>;
/** What the calibration asks of a set of runs; each check with its figures, for the message or the bench's table. */
export interface KillCalibrationVerdict {
    runs: number;
    covered: number;
    coverage: number;
    pooledEstimate: number;
    trueMean: number;
    pooledError: number;
    totalKills: number;
    worstExposureGapMs: number;
    worstLiveGapMs: number;
    backwards: number;
    otherFailures: number;
}
export declare function judgeKillCalibration(c: KillCalibration, runs: readonly KillCalibrationRun[]): KillCalibrationVerdict;
