export {};
//# sourceMappingURL=fault-kind.js.map