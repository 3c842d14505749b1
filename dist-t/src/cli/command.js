/** Helps commands keep their argument types while going into the heterogeneous command list. */
export function defineCommand(cmd) {
    return cmd;
}
//# sourceMappingURL=command.js.map