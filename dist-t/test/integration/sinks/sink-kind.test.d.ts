import '../../../src/sinks/builtin.js';
