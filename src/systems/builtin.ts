import { brokerKind } from './broker/kind.js';
import { forwarderKind } from './forwarder/kind.js';
import { httpKind } from './http/kind.js';
import { moduleKind } from './module/kind.js';
import { processKind } from './process/kind.js';
import { systemKinds } from './registry.js';

/** The systems duress ships with: one registration line each. */
systemKinds.register(forwarderKind);
systemKinds.register(brokerKind);
systemKinds.register(moduleKind);
systemKinds.register(processKind);
systemKinds.register(httpKind);
