export { createHttpSink, channelOf, type HttpSink, type HttpSinkOptions } from './server.js';
export type { HttpSinkConfig } from './schema.js';
export type { HttpSinkCounters, HttpOutcome } from './counters.js';
export { decodeBody, splitItems, MalformedBody, type BodyFormat, type DecodedBody } from './body.js';
