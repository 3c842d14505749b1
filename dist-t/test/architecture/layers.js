/**
 * The parts of src/, lowest first (ARCHITECTURE.md explains each). A part may import from parts in
 * earlier rows and from itself; parts in one row are siblings and never import each other. The import-graph
 * test turns this table into dependency-cruiser rules, so it is the one place the layering is written down.
 */
export const LAYERS = [
    ['core'], // errors, version, the clock and seeded random, long timers, units
    ['metrics'], // HDR histograms
    ['delivery'], // the record format and delivery accounting (ledger, sequence window)
    ['journal'], // the journal's event schema, writer and reader
    ['stats'], // hours to failure, rate comparison, thresholds
    ['results'], // journal -> results.json, pooled cells
    ['report'], // the report model and its renderers (a registry of formats): pure functions of results
    ['faults'], // toxics, links, proxies, the Toxiproxy API, DNS faults, the fault timeline
    ['sinks'], // mock sinks and their faults
    ['systems'], // the systems under test, each one folder
    ['scenario'], // the scenario schema composed from the registered kinds, YAML loading, the matrix
    ['engine'], // the runner: cells, instances in isolation, the watchdog, the fault layer
    ['api'], // what the CLI and the public API share: load a scenario, run it and write its reports, servers on their own
    ['cli'], // yargs commands
    ['index.ts'], // the public API
];
/** The part a path under src/ belongs to: its first folder, or the file's name for a file directly in src/. */
export function partOf(srcPath) {
    const m = /^src\/([^/]+)/.exec(srcPath);
    return m?.[1];
}
//# sourceMappingURL=layers.js.map