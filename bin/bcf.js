#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it through the "prepare" script).
const { main } = require('../dist/node/src/cli/main.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
