/** The scenario's system, which the test expects to be a forwarder. */
export function forwarderOf(s) {
    if (s.system.kind !== 'forwarder')
        throw new Error(`expected a forwarder scenario, got system.kind ${s.system.kind}`);
    return s.system;
}
//# sourceMappingURL=forwarder-of.js.map