import { cloudWatchSinkKind } from './cloudwatch/kind.js';
import { httpSinkKind } from './http/kind.js';
import { tcpSinkKind } from './tcp/kind.js';
import { httpTargetSinkKind } from './http-target/kind.js';
import { sinkKinds } from './registry.js';

/** The sinks duress ships with: one registration line each. The first one is a scenario's default sink. */
sinkKinds.register(cloudWatchSinkKind);
sinkKinds.register(httpSinkKind);
sinkKinds.register(tcpSinkKind);
sinkKinds.register(httpTargetSinkKind);
