'use strict';
/**
 * Compiles src to dist/node (what `npm run build:cli` does) before a check that runs the compiled
 * modules, so each check run alone on a fresh clone tests the current source. CI builds once and
 * sets BCF_CLI_BUILT=1, and its later checks skip the rebuild (about 40 s each here).
 *
 *   node scripts/support/buildCli.js       (or require it and call buildCli())
 */
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');

function buildCli() {
  if (process.env.BCF_CLI_BUILT === '1') return;
  const started = Date.now();
  try {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', path.join(ROOT, 'tsconfig.cli.json')],
      { cwd: ROOT, stdio: 'inherit' },
    );
  } catch {
    console.error('Compiling src (tsc -p tsconfig.cli.json) failed: see the errors above. Nothing was checked.');
    process.exit(1);
  }
  console.log(`Compiled src to dist/node in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

module.exports = { buildCli };
if (require.main === module) buildCli();
