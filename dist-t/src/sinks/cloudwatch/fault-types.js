export {};
//# sourceMappingURL=fault-types.js.map