import { type Answer } from './answer.js';
import { type JsonObject } from './request-body.js';
import type { SinkState } from './sink-state.js';
export declare function createLogGroup(body: JsonObject, sink: SinkState, now: number): Answer;
export declare function createLogStream(body: JsonObject, sink: SinkState, now: number): Answer;
export declare function putRetentionPolicy(body: JsonObject, sink: SinkState): Answer;
export declare function deleteRetentionPolicy(body: JsonObject, sink: SinkState): Answer;
export declare function describeLogGroups(body: JsonObject, sink: SinkState): Answer;
export declare function describeLogStreams(body: JsonObject, sink: SinkState): Answer;
