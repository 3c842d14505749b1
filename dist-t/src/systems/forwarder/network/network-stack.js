export class NetworkError extends Error {
    kind;
    constructor(kind, message, cause) {
        super(message, cause === undefined ? undefined : { cause });
        this.name = 'NetworkError';
        this.kind = kind;
    }
}
//# sourceMappingURL=network-stack.js.map