export { createCloudWatchSink } from './server.js';
export { CLOUDWATCH_OPS } from './operations.js';
//# sourceMappingURL=index.js.map