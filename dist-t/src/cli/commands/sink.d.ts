interface SinkArgs {
    kind: 'cloudwatch';
    host: string;
    port: number;
    'sequence-tokens': 'enforced' | 'ignored';
    'stream-rate': number | undefined;
    'stream-burst': number;
    'max-event-size': number | undefined;
    'idle-timeout': number;
    latency: number;
    tls: boolean;
    'ca-out': string | undefined;
    'tls-name': string[] | undefined;
    'keep-events': number;
    'request-budget': number;
    'max-request': number;
}
export declare const sinkCommand: import("../command.js").DuressCommand<SinkArgs, SinkArgs>;
export {};
