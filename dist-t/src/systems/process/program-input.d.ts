import type { Writable } from 'node:stream';
/**
 * One way records reach a program (schema.ts INPUT_WAYS), as the feeder (feeder.ts) sees it: it hands
 * over one batch at a time when `writable`, and learns whether the program took it. A program that does
 * not take its input makes it not writable (a full socket or pipe: it blocks) or refuses it (an HTTP
 * answer other than 2xx, a refused connection): both are back-pressure, which the feeder measures; the
 * records stay owed and are offered again, never dropped.
 */
export interface ProgramInput {
    /** Resolves once the program can take records (its port accepts a connection), or rejects with why not. */
    open(signal: AbortSignal): Promise<void>;
    /** It can take a batch now. */
    readonly writable: boolean;
    /**
     * Hands a batch over. A stream takes it at once (true; `writable` turns false while its buffer is
     * full); an HTTP POST resolves with whether the program took it. False: refused, offered again later.
     */
    write(bytes: Buffer): boolean | Promise<boolean>;
    /** Times the program refused a batch or dropped the connection. */
    readonly refusals: number;
    /** Ends the input (end of file, a closed connection) and lets go of what it holds. */
    close(): Promise<void>;
    /** Called when it may have turned writable (a full buffer drained, a connection made): the feeder goes on at once. */
    onWritable?: () => void;
}
/** Lines to the program's TCP port; reconnects when it drops the connection. */
export declare class TcpInput implements ProgramInput {
    #private;
    onWritable?: () => void;
    refusals: number;
    constructor(host: string, port: number);
    open(signal: AbortSignal): Promise<void>;
    get writable(): boolean;
    write(bytes: Buffer): boolean;
    close(): Promise<void>;
}
/** Batches POSTed to the program's HTTP endpoint, one request at a time on a kept-alive connection. */
export declare class HttpInput implements ProgramInput {
    #private;
    refusals: number;
    constructor(host: string, port: number, path: string, contentType: string);
    open(signal: AbortSignal): Promise<void>;
    get writable(): boolean;
    write(bytes: Buffer): Promise<boolean>;
    close(): Promise<void>;
}
/**
 * Lines appended to a file the program tails. Rotated as logrotate does it by default: at `rotate` bytes
 * the file is renamed to `<file>.1` (the previous `.1` goes) and a new, empty one is started, so a program
 * that follows the name must notice the rotation. A disk takes everything: no back-pressure here.
 */
export declare class FileInput implements ProgramInput {
    #private;
    /** Rotations so far. */
    rotations: number;
    readonly refusals = 0;
    constructor(file: string, rotate: number);
    open(): Promise<void>;
    get writable(): boolean;
    write(bytes: Buffer): Promise<boolean>;
    close(): Promise<void>;
}
/** Lines written to the program's standard input (a pipe: a program that stops reading fills it, and blocks us). */
export declare class StdinInput implements ProgramInput {
    #private;
    onWritable?: () => void;
    refusals: number;
    constructor(stdin: Writable);
    open(): Promise<void>;
    get writable(): boolean;
    write(bytes: Buffer): boolean;
    close(): Promise<void>;
}
