/**
 * The embedded Toxiproxy-compatible fault proxy: the HTTP API server, the proxy collection behind it (also
 * usable directly, in-process), and the extension points: a toxic (registerToxicKind: its implementation
 * and its scenario fault kind, in one call) and any other fault kind (registerFaultKind).
 */
export { createToxiproxyServer, type ToxiproxyServer, type ToxiproxyServerOptions } from './api/server.js';
export { ApiErrors, ToxiproxyApiError } from './api/errors.js';
export { ProxyCollection, type PopulateOutcome, type ProxyConfig } from './proxy-collection.js';
export { Proxy, type ProxyJson, type ProxyUpdate } from './proxy.js';
export type { ToxicInput, ToxicUpdate } from './toxic-collection.js';
export { ToxicWrapper, type Direction, type ToxicJson } from './toxic-wrapper.js';
export { INTERRUPTED, TIMED_OUT, createToxic, registerToxic, toxicTypes, type Attributes, type AttributeSchema, type BufferedToxic, type Chunk, type CleanupToxic, type EndKind, type ResettingToxic, type StatefulToxic, type Toxic, type ToxicFactory, type ToxicStub, } from './toxic.js';
export { registerToxicKind, toxicAttributes, type AttributeUnit, type ToxicAttribute, type ToxicKindOptions, type ToxicPayload, type ToxicSpecOf } from './toxic-kind.js';
export { faultKind, faultKinds, registerFaultKind } from './fault-kinds.js';
export type { FaultApplication, FaultKind, FaultTargets, LiftFault, SpecOf } from './fault-kind.js';
