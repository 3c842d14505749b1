/**
 * The parts of src/, lowest first (ARCHITECTURE.md explains each). A part may import from parts in
 * earlier rows and from itself; parts in one row are siblings and never import each other. The import-graph
 * test turns this table into dependency-cruiser rules, so it is the one place the layering is written down.
 */
export declare const LAYERS: readonly (readonly string[])[];
/** The part a path under src/ belongs to: its first folder, or the file's name for a file directly in src/. */
export declare function partOf(srcPath: string): string | undefined;
