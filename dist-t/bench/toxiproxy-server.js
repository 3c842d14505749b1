import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
/**
 * A real Toxiproxy server for side-by-side benchmarks: the binary named by TOXIPROXY_SERVER, or
 * `toxiproxy-server` on the PATH (it can be built from github.com/Shopify/toxiproxy with Debian's Go
 * packages). Absent: the benchmark runs without it and says so.
 */
export function findToxiproxyServer() {
    const named = process.env.TOXIPROXY_SERVER;
    const candidates = named ? [named] : (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'toxiproxy-server'));
    return candidates.find((file) => {
        try {
            accessSync(file, constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    });
}
function freePort() {
    return new Promise((resolve, reject) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = s.address();
            s.close(() => resolve(port));
        });
        s.once('error', reject);
    });
}
/** Starts `binary` on loopback and makes one proxy per upstream port, without toxics. */
export async function startRealToxiproxy(binary, upstreams) {
    const apiPort = await freePort();
    const child = spawn(binary, ['-host', '127.0.0.1', '-port', String(apiPort)], { stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'error' } });
    const stop = async () => {
        if (child.exitCode !== null)
            return;
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
    };
    const api = `http://127.0.0.1:${apiPort}`;
    try {
        let version = '';
        for (let i = 0; i < 100 && !version; i++) {
            try {
                version = (await (await fetch(`${api}/version`)).json()).version;
            }
            catch {
                await new Promise((r) => setTimeout(r, 50));
            }
        }
        if (!version)
            throw new Error(`${binary} did not answer on ${api} within 5 s`);
        const ports = [];
        for (const [i, up] of upstreams.entries()) {
            const listen = `127.0.0.1:${await freePort()}`;
            const res = await fetch(`${api}/proxies`, { method: 'POST', body: JSON.stringify({ name: `bench${i}`, listen, upstream: `127.0.0.1:${up}` }) });
            if (res.status !== 201)
                throw new Error(`creating a proxy on ${binary}: HTTP ${res.status} ${await res.text()}`);
            ports.push(Number(listen.slice(listen.lastIndexOf(':') + 1)));
        }
        return { version, ports, stop };
    }
    catch (err) {
        await stop();
        throw err;
    }
}
//# sourceMappingURL=toxiproxy-server.js.map