#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it through the "prepare" script).
const { main } = require('../dist/node/src/cli/main.js');

// Output piped into a command that stops reading (bcf audit big.xlsx | head) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
