import type { Renderer } from './registry.js';
/** Escaped for XML text and attribute values alike. */
export declare function escapeXml(text: string): string;
/**
 * junit.xml, for CI systems that read JUnit reports. It fails exactly what the exit code fails: one test
 * case per threshold (failed when the threshold failed); one per matrix cell (failed only when a threshold
 * charged to it failed, skipped when it did not run; its verdict, counts and failures in properties and
 * system-out either way); and one for the run (an error when it was interrupted or its journal cut off).
 */
export declare const renderJunit: Renderer;
