export {};
//# sourceMappingURL=sink-state.js.map