import type { Clock } from '../../core/clock.js';
import type { Address } from './broker.js';
import { type SlotState } from './framed-connection.js';
import { type Frame } from './protocol.js';
export interface ClientConnectionOptions {
    /** Unique among the broker's clients; publishers' ids travel in every MSG. */
    id: string;
    /** Role bits (Role.publish | Role.subscribe). */
    roles: number;
    /** Where to connect: the broker itself, or a proxy route in front of it. */
    address: Address;
    clock: Clock;
    /** Sync-ack mode with this many slots per pool; must match the broker's mode. */
    syncAck?: {
        slots: number;
    } | undefined;
    /** Scenario ms to connect and be welcomed (default 10 s). */
    connectTimeoutMs?: number;
    writeHighWater?: number;
    /** Credit window of a subscribing client, in bytes of MSG frames (default 64 KiB); see protocol.ts. */
    creditWindow?: number;
}
type MsgFrame = Extract<Frame, {
    type: 'msg';
}>;
/**
 * A client's connection to the broker, shared by the publisher and/or subscriber that use it (a peer
 * publishes and subscribes over one connection). Handles the handshake and subscriptions, and hands
 * messages, acknowledgements and writability to its users.
 */
export declare class ClientConnection {
    #private;
    readonly id: string;
    /** Set by a subscriber: a MSG arrived; call `release` once it is handled. */
    onMessage: ((frame: MsgFrame, release: () => void) => void) | undefined;
    /** Set by a publisher: messages it owes and cannot send yet (for slot states). */
    pendingSend: (() => number) | undefined;
    constructor(options: ClientConnectionOptions);
    get closed(): boolean;
    /** Why the connection closed (the broker's ERROR message when it sent one). */
    get closeReason(): string | undefined;
    get syncAck(): boolean;
    /** Connects and completes the handshake; calling it again returns the same promise. */
    connect(): Promise<void>;
    /** Subscribes to the topics; resolves when the broker has confirmed every one. */
    subscribe(topics: string[]): Promise<void>;
    /** True when a PUB can be sent now (send slot free, socket not backed up). */
    canPublish(): boolean;
    publish(frame: Buffer): void;
    onWritable(fn: () => void): void;
    onClosed(fn: (reason: string) => void): void;
    setReadGate(gate: () => boolean): void;
    kick(): void;
    slotState(): SlotState | undefined;
    close(): void;
}
export {};
