/** duress's own version, from package.json (dist/src/core/version.js sits three folders below it). */
export declare const VERSION: string;
