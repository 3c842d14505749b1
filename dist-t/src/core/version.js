import { createRequire } from 'node:module';
const pkg = createRequire(import.meta.url)('../../../package.json');
/** duress's own version, from package.json (dist/src/core/version.js sits three folders below it). */
export const VERSION = pkg.version;
//# sourceMappingURL=version.js.map