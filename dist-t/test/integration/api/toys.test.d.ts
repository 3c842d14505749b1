import '../../fixtures/toys/toy-toxic.js';
import '../../fixtures/toys/toy-sink.js';
import '../../fixtures/toys/toy-kind.js';
