/**
 * Faults as a scenario declares them, after loading: every duration in scenario ms, every size in bytes.
 * What each kind adds to these common fields is its descriptor's business (src/faults/fault-kind.ts); the
 * YAML form is composed from the registered kinds in src/scenario/fault-schema.ts; when and where each
 * fault happens is decided by buildTimeline (timeline.ts) from these specs and the run's seed.
 */
export {};
//# sourceMappingURL=fault-spec.js.map