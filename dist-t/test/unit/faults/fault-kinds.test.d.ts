import '../../../src/scenario/fault-kinds.js';
