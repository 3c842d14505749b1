export { createTcpSink, type TcpSink, type TcpSinkCounters, type TcpSinkOptions } from './server.js';
export type { TcpSinkConfig } from './schema.js';
export { LineSplitter } from './line-splitter.js';
