import { open, stat } from 'node:fs/promises';

/** At most this much of the log is read per call, so that a server logging fast cannot hold a poll for long. */
const MAX_READ_BYTES = 1 << 20;

/**
 * Follows the log file of a server duress did not start (`address` mode, the server on this machine): each
 * `read` hands over the whole lines appended since the last one, from where the file ended when it was
 * opened. A file cut short (rotated, truncated) is read again from its start. A server duress starts logs
 * to its stdout instead (ServerProcess's `onLine`).
 */
export class LogFollower {
  readonly path: string;
  #offset: number;
  #partial = '';

  private constructor(path: string, offset: number) {
    this.path = path;
    this.#offset = offset;
  }

  /** Follows `path` from its current end; undefined when it cannot be read (another machine's path, no permission). */
  static async open(path: string): Promise<LogFollower | undefined> {
    try {
      const handle = await open(path, 'r');
      const { size } = await handle.stat();
      await handle.close();
      return new LogFollower(path, size);
    } catch {
      return undefined;
    }
  }

  /** Calls `onLine` for every whole line appended since the last read. A read that fails (the file gone for a moment) reads nothing. */
  async read(onLine: (line: string) => void): Promise<void> {
    try {
      const { size } = await stat(this.path);
      if (size < this.#offset) [this.#offset, this.#partial] = [0, ''];
      if (size === this.#offset) return;
      const handle = await open(this.path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(Math.min(MAX_READ_BYTES, size - this.#offset));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.#offset);
        this.#offset += bytesRead;
        const lines = (this.#partial + buffer.toString('utf8', 0, bytesRead)).split('\n');
        this.#partial = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      } finally {
        await handle.close();
      }
    } catch {
      // Not there this time (being rotated): the next poll reads on.
    }
  }
}
