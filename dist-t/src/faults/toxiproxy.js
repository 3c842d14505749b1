/**
 * The embedded Toxiproxy-compatible fault proxy: the HTTP API server, the proxy collection behind it (also
 * usable directly, in-process), and the extension points: a toxic (registerToxicKind: its implementation
 * and its scenario fault kind, in one call) and any other fault kind (registerFaultKind).
 */
export { createToxiproxyServer } from './api/server.js';
export { ApiErrors, ToxiproxyApiError } from './api/errors.js';
export { ProxyCollection } from './proxy-collection.js';
export { Proxy } from './proxy.js';
export { ToxicWrapper } from './toxic-wrapper.js';
export { INTERRUPTED, TIMED_OUT, createToxic, registerToxic, toxicTypes, } from './toxic.js';
export { registerToxicKind, toxicAttributes } from './toxic-kind.js';
export { faultKind, faultKinds, registerFaultKind } from './fault-kinds.js';
//# sourceMappingURL=toxiproxy.js.map