// Registers every built-in toxic under its Toxiproxy wire name.
import './noop.js';
import './latency.js';
import './bandwidth.js';
import './slow-close.js';
import './timeout.js';
import './reset-peer.js';
import './slicer.js';
import './limit-data.js';
import './silent.js';
