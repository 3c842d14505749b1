/** Records held by the forwarder, in generation order; a chunk is the unit the scheduler flushes and retries. */
export interface Chunk {
  readonly id: number;
  seqs: number[];
  timestamps: number[];
  messages: string[];
  bytes: number;
  /** Flush attempts that ended in a retry so far. */
  retries: number;
}

export function newChunk(id: number): Chunk {
  return { id, seqs: [], timestamps: [], messages: [], bytes: 0, retries: 0 };
}
