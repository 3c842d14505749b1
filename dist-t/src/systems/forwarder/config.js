/** `system: { kind: forwarder }` after loading and defaults (schema.ts): what the forwarder's instances run. */
export {};
//# sourceMappingURL=config.js.map