/**
 * Registers every built-in fault kind: the toxics and down, the DNS faults, the CloudWatch sink's faults,
 * the instance faults (the registry lists them by family in that order, whatever the import order).
 * Anything that reads the fault-kind registry for scenarios imports this first; a user's kinds register
 * after these.
 */
import '../faults/toxics/index.js';
import '../faults/dns-fault-kinds.js';
import '../sinks/shared/fault-kinds.js';
import '../faults/instance-fault-kinds.js';
