import { cloudWatchSinkKind } from './cloudwatch/kind.js';
import { sinkKinds } from './registry.js';
/** The sinks duress ships with: one registration line each. The first one is a scenario's default sink. */
sinkKinds.register(cloudWatchSinkKind);
//# sourceMappingURL=builtin.js.map