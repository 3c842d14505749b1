import net from 'node:net';
import type { Clock } from '../../core/clock.js';
import type { Address } from './broker.js';
import { FramedConnection, type SlotState } from './framed-connection.js';
import { encodeCredit, encodeHello, encodeSub, type Frame } from './protocol.js';

export interface ClientConnectionOptions {
  /** Unique among the broker's clients; publishers' ids travel in every MSG. */
  id: string;
  /** Role bits (Role.publish | Role.subscribe). */
  roles: number;
  /** Where to connect: the broker itself, or a proxy route in front of it. */
  address: Address;
  clock: Clock;
  /** Sync-ack mode with this many slots per pool; must match the broker's mode. */
  syncAck?: { slots: number } | undefined;
  /** Scenario ms to connect and be welcomed (default 10 s). */
  connectTimeoutMs?: number;
  writeHighWater?: number;
  /** Credit window of a subscribing client, in bytes of MSG frames (default 64 KiB); see protocol.ts. */
  creditWindow?: number;
}

const DEFAULT_CREDIT_WINDOW = 64 * 1024;

type MsgFrame = Extract<Frame, { type: 'msg' }>;

/**
 * A client's connection to the broker, shared by the publisher and/or subscriber that use it (a peer
 * publishes and subscribes over one connection). Handles the handshake and subscriptions, and hands
 * messages, acknowledgements and writability to its users.
 */
export class ClientConnection {
  readonly id: string;
  readonly #o: ClientConnectionOptions;
  #conn: FramedConnection<null> | undefined;
  #connecting: Promise<void> | undefined;
  #welcomed: (() => void) | undefined;
  #failConnect: ((e: Error) => void) | undefined;
  readonly #pendingSubs = new Map<string, () => void>();
  #closeReason: string | undefined;
  #errorMessage: string | undefined;
  /** Set by a subscriber: a MSG arrived; call `release` once it is handled. */
  onMessage: ((frame: MsgFrame, release: () => void) => void) | undefined;
  /** Set by a publisher: messages it owes and cannot send yet (for slot states). */
  pendingSend: (() => number) | undefined;
  readonly #writable: (() => void)[] = [];
  readonly #closedListeners: ((reason: string) => void)[] = [];
  #creditGranted = false;
  #consumed = 0;

  constructor(options: ClientConnectionOptions) {
    this.id = options.id;
    this.#o = options;
  }

  get closed(): boolean {
    return this.#closeReason !== undefined;
  }

  /** Why the connection closed (the broker's ERROR message when it sent one). */
  get closeReason(): string | undefined {
    return this.#closeReason;
  }

  get syncAck(): boolean {
    return this.#conn?.syncAck ?? false;
  }

  /** Connects and completes the handshake; calling it again returns the same promise. */
  connect(): Promise<void> {
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  /** Subscribes to the topics; resolves when the broker has confirmed every one. */
  async subscribe(topics: string[]): Promise<void> {
    const conn = this.#need();
    const confirmed = topics.map(
      (topic) =>
        new Promise<void>((resolve, reject) => {
          this.#pendingSubs.set(topic, resolve);
          this.#closedListeners.push((reason) => reject(new Error(`${this.id}: closed before SUBACK ${topic}: ${reason}`)));
        }),
    );
    for (const topic of topics) conn.sendControl(encodeSub(topic));
    if (!this.#creditGranted) {
      this.#creditGranted = true;
      conn.sendControl(encodeCredit(this.#window));
    }
    await Promise.all(confirmed);
  }

  /** True when a PUB can be sent now (send slot free, socket not backed up). */
  canPublish(): boolean {
    return !!this.#conn && this.#conn.canSendData();
  }

  publish(frame: Buffer): void {
    this.#need().sendData(frame, null);
  }

  onWritable(fn: () => void): void {
    this.#writable.push(fn);
  }

  onClosed(fn: (reason: string) => void): void {
    this.#closedListeners.push(fn);
  }

  setReadGate(gate: () => boolean): void {
    this.#need().setReadGate(gate);
  }

  kick(): void {
    this.#conn?.kick();
  }

  slotState(): SlotState | undefined {
    return this.#conn?.syncAck && !this.closed ? this.#conn.slotState() : undefined;
  }

  close(): void {
    this.#conn?.destroy('closed by the client');
    if (!this.#conn) this.#closeReason ??= 'closed by the client';
  }

  get #window(): number {
    return this.#o.creditWindow ?? DEFAULT_CREDIT_WINDOW;
  }

  /** Returns credit for what has been read, a quarter window at a time. */
  #read(bytes: number): void {
    this.#consumed += bytes;
    if (this.#consumed >= this.#window / 4) {
      this.#conn?.sendControl(encodeCredit(this.#consumed));
      this.#consumed = 0;
    }
  }

  #need(): FramedConnection<null> {
    if (!this.#conn) throw new Error(`${this.id}: not connected`);
    return this.#conn;
  }

  async #connect(): Promise<void> {
    const { address, clock, syncAck } = this.#o;
    const socket = net.connect({ host: address.host, port: address.port });
    const conn = new FramedConnection<null>({
      socket,
      clock,
      name: this.id,
      ...(this.#o.writeHighWater === undefined ? {} : { writeHighWater: this.#o.writeHighWater }),
      onData: (frame, release) => {
        if (frame.type !== 'msg') {
          conn.fail('PUB frame from the broker');
          return;
        }
        this.#read(frame.size);
        if (this.onMessage) this.onMessage(frame, release);
        else release();
      },
      onControl: (frame) => this.#control(frame),
      onWritable: () => {
        for (const fn of this.#writable) fn();
      },
      pendingSend: () => this.pendingSend?.() ?? 0,
      onClose: (reason) => {
        this.#closeReason = this.#errorMessage ?? reason;
        this.#failConnect?.(new Error(`${this.id}: connection to ${address.host}:${address.port} closed: ${this.#closeReason}`));
        for (const fn of this.#closedListeners) fn(this.#closeReason);
      },
    });
    this.#conn = conn;
    const welcomed = new Promise<void>((resolve, reject) => {
      this.#welcomed = resolve;
      this.#failConnect = reject;
    });
    const timeoutMs = this.#o.connectTimeoutMs ?? 10_000;
    const timer = clock.setTimeout(() => {
      this.#failConnect?.(new Error(`${this.id}: not welcomed by ${address.host}:${address.port} within ${timeoutMs} ms`));
      conn.destroy('connect timeout');
    }, timeoutMs);
    try {
      conn.sendControl(encodeHello(this.#o.roles, syncAck?.slots ?? 0, this.id));
      await welcomed;
    } finally {
      timer.clear();
      this.#failConnect = undefined;
    }
  }

  #control(frame: Exclude<Frame, { type: 'pub' | 'msg' | 'ack' }>): void {
    switch (frame.type) {
      case 'welcome':
        if ((frame.slots > 0) !== !!this.#o.syncAck) {
          this.#conn?.fail('sync-ack mismatch with the broker');
          return;
        }
        if (this.#o.syncAck) this.#conn?.enableSyncAck(this.#o.syncAck.slots);
        this.#welcomed?.();
        return;
      case 'suback': {
        const done = this.#pendingSubs.get(frame.topic);
        this.#pendingSubs.delete(frame.topic);
        done?.();
        return;
      }
      case 'error':
        this.#errorMessage = frame.message;
        return;
      default:
        this.#conn?.fail(`unexpected ${frame.type.toUpperCase()} frame from the broker`);
    }
  }
}
