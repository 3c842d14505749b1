import { existsSync } from 'node:fs';

/**
 * `system.resolvConf`: a program that cannot be told of a resolver (most read /etc/resolv.conf and nothing
 * else) still resolves through duress's DNS fault server. It runs in a mount namespace of its own
 * (`unshare -m`) in which a resolv.conf from its instance's folder is bind-mounted over /etc/resolv.conf;
 * that file names the cell's DNS server, which then listens on port 53 (resolv.conf names no port) of an
 * address of its own, 127.53.x.y, so cells side by side do not meet. Runs side by side on one machine (two
 * CI jobs) do not meet either: an address another server already holds on port 53 (EADDRINUSE) is passed
 * over for the next, and the resolv.conf names the one the cell's server took. Linux only, as root (a
 * mount namespace and port 53 need it), with util-linux's unshare and mount.
 *
 * The program keeps its process id through it all (unshare, then sh, exec the next), so setpriv's
 * parent-death signal, the process group and the pid file still hold.
 */

const UNSHARE = ['/usr/bin/unshare', '/bin/unshare'].find((f) => existsSync(f));
const MOUNT = ['/usr/bin/mount', '/bin/mount'].find((f) => existsSync(f));

/** Why programs cannot get a resolv.conf of their own on this machine, or undefined when they can. */
export function mountNamespaceProblem(): string | undefined {
  if (process.platform !== 'linux') return `mount namespaces are Linux's, and this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'a mount namespace and a DNS server on port 53 need root, and duress does not run as root';
  if (UNSHARE === undefined || MOUNT === undefined) return "util-linux's unshare and mount are not installed (Debian: apt-get install util-linux mount)";
  return undefined;
}

/**
 * How many addresses a cell's DNS server tries, from its own on, before it gives up: room for every cell of
 * four runs of the largest matrix (256 cells) at once. A bind attempt costs well under a millisecond.
 */
export const DNS_ADDRESSES_TRIED = 1024;

/** The n-th address of 127.53.x.y, every byte in 1..254. */
function namespaceAddress(n: number): string {
  return `127.53.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`;
}

/**
 * Where cell `cell`'s DNS server listens for its programs: port 53 of 127.53.x.y, its own address first
 * (the cell's number), then the next ones, for an address another run's server holds already.
 */
export function namespaceDnsAddress(cell: number): { host: string; port: number; fallbackHosts: string[] } {
  return { host: namespaceAddress(cell), port: 53, fallbackHosts: Array.from({ length: DNS_ADDRESSES_TRIED - 1 }, (_, k) => namespaceAddress(cell + 1 + k)) };
}

/** The resolv.conf a program is given: duress's DNS server alone. */
export function resolvConfText(dnsHost: string): string {
  return `# duress: this instance's names are resolved by duress's DNS fault server\nnameserver ${dnsHost}\n`;
}

/** What to run so that `command args` sees `resolvConf` as its /etc/resolv.conf (in a mount namespace of its own). */
export function inOwnResolvConf(command: string, args: readonly string[], resolvConf: string): [file: string, args: string[]] {
  if (UNSHARE === undefined || MOUNT === undefined) throw new Error(mountNamespaceProblem());
  // sh -c SCRIPT $0 $@: the bind mount is private to the namespace (--propagation private), then the program replaces sh.
  return [UNSHARE, ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', `${MOUNT} --bind "$0" /etc/resolv.conf && exec "$@"`, resolvConf, command, ...args]];
}
