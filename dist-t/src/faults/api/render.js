import { goFloat32, goJsonString } from '../go-json.js';
/** Toxiproxy's JSON, byte for byte as Go's json.Marshal writes it (no trailing newline). */
export function renderToxic(t) {
    const attrs = Object.entries(t.attributes)
        .map(([k, v]) => `${goJsonString(k)}:${String(v)}`)
        .join(',');
    return (`{"attributes":{${attrs}},"name":${goJsonString(t.name)},"type":${goJsonString(t.type)},` +
        `"stream":${goJsonString(t.stream)},"toxicity":${goFloat32(t.toxicity)}}`);
}
export function renderToxics(list) {
    return `[${list.map(renderToxic).join(',')}]`;
}
export function renderProxy(p) {
    return (`{"name":${goJsonString(p.name)},"listen":${goJsonString(p.listen)},"upstream":${goJsonString(p.upstream)},` +
        `"enabled":${p.enabled},"Logger":{},"toxics":${renderToxics(p.toxics)}}`);
}
/** GET /proxies: a JSON object keyed by name; Go sorts map keys. */
export function renderProxyMap(proxies) {
    const sorted = [...proxies].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return `{${sorted.map((p) => `${goJsonString(p.name)}:${renderProxy(p.toJSON())}`).join(',')}}`;
}
/** `{"error","status"}` for http.Error (the caller adds the newline). */
export function renderError(message, status) {
    return `{"error":${goJsonString(message)},"status":${status}}`;
}
/** POST /populate: `{"proxies":[…]}`, or with `error` and `status` first; an empty list is `null`, as Go's nil slice. */
export function renderPopulate(proxies, error) {
    const list = proxies.length === 0 ? 'null' : `[${proxies.map(renderProxy).join(',')}]`;
    const head = error ? `"error":${goJsonString(error.message)},"status":${error.status},` : '';
    return `{${head}"proxies":${list}}`;
}
//# sourceMappingURL=render.js.map