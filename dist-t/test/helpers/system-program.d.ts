import type { TestContext } from 'node:test';
/** The programs from Debian's packages that tests drive, where they live and which package brings them. */
export declare const SYSTEM_PROGRAMS: {
    readonly chromium: {
        readonly path: string;
        readonly pkg: "chromium";
    };
    readonly 'syslog-ng': {
        readonly path: "/usr/sbin/syslog-ng";
        readonly pkg: "syslog-ng-core";
    };
    readonly 'redis-server': {
        readonly path: "/usr/bin/redis-server";
        readonly pkg: "redis-server";
    };
    readonly 'nats-server': {
        readonly path: "/usr/sbin/nats-server";
        readonly pkg: "nats-server";
    };
    readonly mosquitto: {
        readonly path: "/usr/sbin/mosquitto";
        readonly pkg: "mosquitto";
    };
};
export type SystemProgram = keyof typeof SYSTEM_PROGRAMS;
/**
 * The path of a program a test needs. When it is missing, the test is skipped with a message that names the
 * Debian package (and `undefined` is returned: the caller returns at once); with `CI` set a missing program
 * fails the test instead, so CI never skips silently. `npm test` installs the packages first
 * (scripts/ensure-system-packages.mjs) and `.ci/run` installs them with apt-get.
 */
export declare function systemProgram(t: TestContext, program: SystemProgram): string | undefined;
