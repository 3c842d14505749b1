import { goFloat32, goJsonString } from '../go-json.js';
import type { Proxy, ProxyJson } from '../proxy.js';
import type { ToxicJson } from '../toxic-wrapper.js';

/** Toxiproxy's JSON, byte for byte as Go's json.Marshal writes it (no trailing newline). */

export function renderToxic(t: ToxicJson): string {
  const attrs = Object.entries(t.attributes)
    .map(([k, v]) => `${goJsonString(k)}:${String(v)}`)
    .join(',');
  return (
    `{"attributes":{${attrs}},"name":${goJsonString(t.name)},"type":${goJsonString(t.type)},` +
    `"stream":${goJsonString(t.stream)},"toxicity":${goFloat32(t.toxicity)}}`
  );
}

export function renderToxics(list: readonly ToxicJson[]): string {
  return `[${list.map(renderToxic).join(',')}]`;
}

export function renderProxy(p: ProxyJson): string {
  return (
    `{"name":${goJsonString(p.name)},"listen":${goJsonString(p.listen)},"upstream":${goJsonString(p.upstream)},` +
    `"enabled":${p.enabled},"Logger":{},"toxics":${renderToxics(p.toxics)}}`
  );
}

/** GET /proxies: a JSON object keyed by name; Go sorts map keys. */
export function renderProxyMap(proxies: readonly Proxy[]): string {
  const sorted = [...proxies].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `{${sorted.map((p) => `${goJsonString(p.name)}:${renderProxy(p.toJSON())}`).join(',')}}`;
}

/** `{"error","status"}` for http.Error (the caller adds the newline). */
export function renderError(message: string, status: number): string {
  return `{"error":${goJsonString(message)},"status":${status}}`;
}

/** POST /populate: `{"proxies":[…]}`, or with `error` and `status` first; an empty list is `null`, as Go's nil slice. */
export function renderPopulate(proxies: readonly ProxyJson[], error?: { message: string; status: number }): string {
  const list = proxies.length === 0 ? 'null' : `[${proxies.map(renderProxy).join(',')}]`;
  const head = error ? `"error":${goJsonString(error.message)},"status":${error.status},` : '';
  return `{${head}"proxies":${list}}`;
}
