import { z } from 'zod';
import { duration, flag, size } from '../../core/fields.js';

/** `sink: { kind: tcp }`, with every default applied. */
export interface TcpSinkConfig {
  kind: 'tcp';
  /** A connection's first line `hello <channel>` names its channel (duress's own writers send it). */
  hello: boolean;
  /** Idle connections are closed after this (scenario ms); 0 never. */
  idleTimeout: number;
  /** Longest line; a longer one is cut there, counted, and its rest skipped up to the next newline. */
  maxLine: number;
  /** Serve TLS with a certificate made at start (its CA in SinkEndpoint.ca and .caFile). */
  tls: boolean;
}

export const tcpSinkSchema = z.strictObject({
  kind: z.literal('tcp').describe('A TCP line sink: newline-delimited text, every line searched for records (syslog over TCP, a forwarder’s tcp output).'),
  hello: flag()
    .prefault(false)
    .describe('A connection’s first line `hello <channel>` names the instance it comes from, so sink faults hit only the instances they name. Without it (a real program sends no such line) sink faults act on every connection.'),
  idleTimeout: duration().prefault(0).describe('Idle connections are closed by the sink after this; 0 never.'),
  maxLine: size({ positive: true }).prefault('1MB').describe('Longest line: a longer one is cut there and counted.'),
  tls: flag().prefault(false).describe('Serve TLS with a certificate made at start; its CA is handed to the instances (as PEM and as a file).'),
}) satisfies z.ZodType<TcpSinkConfig, unknown>;
