/**
 * The placeholders of a process target's config template, arguments and environment: `{{sink.url}}` and
 * the like, filled per instance with the addresses duress gives it. Nothing else of a template language:
 * a real program's config has its own syntax, and only these values differ between instances.
 */
/** Every placeholder, with what it is replaced by (the README's table is made from the same words). */
export declare const PLACEHOLDERS: {
    readonly id: "the instance's id, c<cell>s<slot>g<generation>: unique within the run";
    readonly slot: "the instance's slot in its cell, from 0";
    readonly dir: "the instance's own working folder (absolute)";
    readonly config: "the rendered config file (absolute path)";
    readonly 'input.host': "the address the program listens on for its input (input via tcp or http)";
    readonly 'input.port': "the port the program listens on for its input (input via tcp or http)";
    readonly 'input.file': "the file duress appends the records to (input via file); rotated by renaming to <file>.1";
    readonly 'sink.url': "the sink's origin through the instance's own proxy route (http://127.0.0.1:41234)";
    readonly 'sink.host': "the sink's host through the route: its address, or its DNS name with system.dns";
    readonly 'sink.address': "the route's IP address (127.0.0.1, or the instance's own with system.loopback)";
    readonly 'sink.port': "the route's port";
    readonly 'sink.channel': "the instance's name at the sink: its CloudWatch log stream (the same for every generation of the slot)";
    readonly 'sink.tls': "on when the sink serves HTTPS, else off";
    readonly 'sink.caFile': "the sink's CA certificate (PEM file) when it serves HTTPS, else empty";
    readonly 'dns.host': "duress's DNS fault server's address (needs system.dns: true)";
    readonly 'dns.port': "duress's DNS fault server's port (needs system.dns: true)";
};
export type Placeholder = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<Placeholder, string>;
/** The placeholders `text` names, known or not. */
export declare function placeholdersIn(text: string): string[];
/** Why `text` cannot be rendered (an unknown placeholder, with the known ones), or undefined. */
export declare function templateProblem(text: string, allowed?: (name: Placeholder) => string | undefined): string | undefined;
/** `text` with every placeholder replaced (the schema has refused unknown ones). */
export declare function renderTemplate(text: string, values: PlaceholderValues): string;
