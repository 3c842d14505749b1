/** Records held by the forwarder, in generation order; a chunk is the unit the scheduler flushes and retries. */
export interface Chunk {
  readonly id: number;
  seqs: number[];
  timestamps: number[];
  messages: string[];
  bytes: number;
  /** Flush attempts that ended in a retry so far. */
  retries: number;
  /** Every message is known to need no JSON escaping (the generator's own); false makes the output escape them. */
  jsonSafe: boolean;
  /** The output's serialized form, made once when the chunk is ready and kept for retries (see CloudWatchOutput.prepare). */
  prepared?: { from: number; to: number; events: string }[];
}

export function newChunk(id: number, jsonSafe = false): Chunk {
  return { id, seqs: [], timestamps: [], messages: [], bytes: 0, retries: 0, jsonSafe };
}
