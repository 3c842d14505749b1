import '../../../src/faults/toxics/index.js';
