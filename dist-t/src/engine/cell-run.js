export {};
//# sourceMappingURL=cell-run.js.map