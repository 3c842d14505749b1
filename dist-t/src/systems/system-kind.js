export {};
//# sourceMappingURL=system-kind.js.map