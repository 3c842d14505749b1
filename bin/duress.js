#!/usr/bin/env node
// The built CLI lives in dist/; `npm install` builds it (the `prepare` script).
const { main } = await import('../dist/src/cli/main.js');
await main(process.argv.slice(2));
