export {};
//# sourceMappingURL=protocol-types.js.map