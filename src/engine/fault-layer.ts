import { Toxiproxy, type Proxy } from 'toxiproxy-node-client';
import { createToxiproxyServer, type ToxiproxyServer } from '../faults/toxiproxy.js';
import { InputError } from '../core/errors.js';
import type { Clock } from '../core/clock.js';
import { Random } from '../core/random.js';

/**
 * Where duress's network faults are driven: the embedded Toxiproxy-compatible server (the default, on
 * loopback, timing toxics on the scenario clock) or a real Toxiproxy server given by URL (which times
 * them in wall time, so toxic durations are sent scaled by the clock speed). Either way duress talks to
 * it through toxiproxy-node-client, as any Toxiproxy user would.
 */
export class FaultLayer {
  readonly client: Toxiproxy;
  /** Divides scenario durations of toxic attributes: 1 for the embedded server, the clock speed for a real one. */
  readonly toxicSpeed: number;
  readonly #server: ToxiproxyServer | undefined;
  readonly #routes: Proxy[] = [];

  private constructor(client: Toxiproxy, toxicSpeed: number, server?: ToxiproxyServer) {
    this.client = client;
    this.toxicSpeed = toxicSpeed;
    this.#server = server;
  }

  static async start(options: { clock: Clock; seed: number; url?: string | undefined }): Promise<FaultLayer> {
    if (options.url) {
      const client = new Toxiproxy(options.url.replace(/\/+$/, ''));
      try {
        await client.getVersion();
      } catch (err) {
        throw new InputError(`cannot reach the Toxiproxy server at ${options.url}: ${err instanceof Error ? err.message : String(err)}`, {
          hint: 'start it (toxiproxy-server) or leave out --toxiproxy to use the embedded one',
        });
      }
      return new FaultLayer(client, options.clock.speed);
    }
    const server = createToxiproxyServer({ host: '127.0.0.1', port: 0, clock: options.clock, random: new Random(options.seed) });
    const { url } = await server.start();
    return new FaultLayer(new Toxiproxy(url), 1, server);
  }

  /**
   * A proxy route on loopback to `upstream` (host:port), listening on `listen` (127.0.0.1 on a free port
   * by default); resolves with the route and its real port.
   */
  async route(name: string, upstream: string, listen = '127.0.0.1:0'): Promise<{ proxy: Proxy; port: number }> {
    const proxy = await this.client.createProxy({ name, listen, upstream });
    this.#routes.push(proxy);
    const port = Number(proxy.listen.slice(proxy.listen.lastIndexOf(':') + 1));
    return { proxy, port };
  }

  /**
   * The in-flight view of route `name` (faults/answer-watch.ts): scenario ms since which it has carried a
   * request its upstream has not answered, null when none; undefined on a real Toxiproxy server, which
   * cannot tell.
   */
  awaitingAnswerSince(name: string): number | null | undefined {
    return this.#server === undefined ? undefined : (this.#server.collection.find(name)?.awaitingAnswerSince() ?? null);
  }

  async stop(): Promise<void> {
    // Routes on a real server are removed; the embedded server goes away with them.
    if (!this.#server) await Promise.allSettled(this.#routes.map((r) => r.remove()));
    await this.#server?.stop();
  }
}
