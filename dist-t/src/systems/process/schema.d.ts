import { z } from 'zod';
/** How duress hands the records to the program, and the formats each way takes. */
export declare const INPUT_WAYS: {
    /** duress connects to the program's TCP port and writes one record per line. */
    readonly tcp: readonly ["lines", "syslog"];
    /** duress POSTs batches to the program's HTTP endpoint. */
    readonly http: readonly ["ndjson", "json"];
    /** duress appends lines to a file the program tails, and rotates it. */
    readonly file: readonly ["lines", "syslog"];
    /** duress writes lines to the program's standard input. */
    readonly stdin: readonly ["lines", "syslog"];
};
export type InputWay = keyof typeof INPUT_WAYS;
export type InputFormat = (typeof INPUT_WAYS)[InputWay][number];
/** Where `command` is, or why it cannot be run: a path (with a `/`) from the scenario's folder, else a name on PATH. */
export declare function findCommand(command: string): {
    file: string;
} | {
    problem: string;
};
/**
 * `system: { kind: process, command, args, env, config, input, … }`: a real program as the system under
 * test (kind.ts). Every path is read from the scenario file's folder and checked here, before any run.
 */
export declare const processSchema: z.ZodObject<{
    kind: z.ZodLiteral<"process">;
    command: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    args: z.ZodDefault<z.ZodArray<z.ZodString>>;
    env: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodString>>;
    config: z.ZodOptional<z.ZodPipe<z.ZodObject<{
        file: z.ZodDefault<z.ZodString>;
        template: z.ZodOptional<z.ZodString>;
        templateFile: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>;
    }, z.core.$strict>, z.ZodTransform<{
        file: string;
        text: string;
    }, {
        file: string;
        template?: string | undefined;
        templateFile?: string | undefined;
    }>>>;
    input: z.ZodPipe<z.ZodObject<{
        via: z.ZodEnum<{
            tcp: "tcp";
            http: "http";
            file: "file";
            stdin: "stdin";
        }>;
        format: z.ZodOptional<z.ZodEnum<{
            lines: "lines";
            json: "json";
            syslog: "syslog";
            ndjson: "ndjson";
        }>>;
        rate: z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>;
        recordSize: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        port: z.ZodDefault<z.ZodInt>;
        path: z.ZodDefault<z.ZodString>;
        rotate: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        batch: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>, z.ZodTransform<{
        format: InputFormat;
        via: "tcp" | "http" | "file" | "stdin";
        rate: number;
        recordSize: number;
        port: number;
        path: string;
        rotate: number;
        batch: number;
    }, {
        via: "tcp" | "http" | "file" | "stdin";
        rate: number;
        recordSize: number;
        port: number;
        path: string;
        rotate: number;
        batch: number;
        format?: "lines" | "json" | "syslog" | "ndjson" | undefined;
    }>>;
    sink: z.ZodDefault<z.ZodString>;
    loopback: z.ZodDefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodBoolean, z.ZodEnum<{
        on: "on";
        off: "off";
        yes: "yes";
        no: "no";
    }>]>, z.ZodTransform<boolean, boolean | "on" | "off" | "yes" | "no">>>;
    routePort: z.ZodDefault<z.ZodInt>;
    dns: z.ZodDefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodBoolean, z.ZodEnum<{
        on: "on";
        off: "off";
        yes: "yes";
        no: "no";
    }>]>, z.ZodTransform<boolean, boolean | "on" | "off" | "yes" | "no">>>;
    shutdownGrace: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    startTimeout: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    workDir: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>;
    stderrLines: z.ZodDefault<z.ZodInt>;
}, z.core.$strict>;
export type ProcessConfig = z.output<typeof processSchema>;
