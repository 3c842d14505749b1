import type { Renderer } from './registry.js';
/**
 * report.md: the stability matrix as a GitHub table, ready to paste into a pull request (and appended to
 * GITHUB_STEP_SUMMARY in CI), then latency, delivery, failures, thresholds and the run's facts.
 */
export declare const renderMarkdown: Renderer;
