#!/usr/bin/env node
'use strict';
// npm run validate [-- path/to/manifest.xml]: offline checks first (scripts/manifestChecks.js: well-formed
// XML, required elements, resids, icon files and sizes, HTTPS only, ReadWriteDocument only), then
// Microsoft's online validator through office-addin-manifest with a short timeout. When that service
// can't be reached the step reports "skipped: offline" and does not fail the run.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { checkManifest } = require('./manifestChecks');

const ONLINE_TIMEOUT_MS = 30_000;

function online(manifest) {
  const cli = path.join(__dirname, '..', 'node_modules', 'office-addin-manifest', 'cli.js');
  if (!fs.existsSync(cli)) return { status: 'skipped', detail: 'office-addin-manifest is not installed' };
  const run = spawnSync(process.execPath, [cli, 'validate', manifest], {
    encoding: 'utf8',
    timeout: ONLINE_TIMEOUT_MS,
  });
  const output = `${run.stdout || ''}${run.stderr || ''}`;
  // The CLI exits 0 even when validation fails or the service is unreachable: read what it says.
  if (run.error && run.error.code === 'ETIMEDOUT')
    return { status: 'skipped', detail: `no answer in ${ONLINE_TIMEOUT_MS / 1000} s` };
  if (/The manifest is valid/i.test(output)) return { status: 'passed', detail: output.trim() };
  if (/The manifest is not valid/i.test(output)) return { status: 'failed', detail: output.trim() };
  // This install's office-addin-manifest can fail to load at all (a missing ajv module): not a manifest problem.
  if (/Cannot find module|ERR_REQUIRE_ESM|ERR_MODULE_NOT_FOUND/.test(output)) {
    return {
      status: 'skipped',
      detail: `office-addin-manifest could not start: ${(/Cannot find module '[^']+'|ERR_\w+/.exec(output) || [''])[0]}`,
    };
  }
  if (
    /ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|network|fetch failed|Unable to contact|getaddrinfo|socket/i.test(
      output,
    )
  ) {
    return { status: 'skipped', detail: output.trim().split('\n').slice(-1)[0] };
  }
  return { status: 'skipped', detail: `unrecognised answer: ${output.trim().slice(0, 300)}` };
}

function main() {
  const manifest = process.argv[2] || path.join(__dirname, '..', 'manifest.xml');
  const problems = checkManifest(fs.readFileSync(manifest, 'utf8'));
  if (problems.length > 0) {
    console.error(`${manifest}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(
    `${path.relative(process.cwd(), manifest)}: offline checks passed (well-formed, required elements, resids, icons, HTTPS, ReadWriteDocument).`,
  );
  if (process.env.SKIP_ONLINE_VALIDATION) {
    console.log('Microsoft validator: skipped (SKIP_ONLINE_VALIDATION is set)');
    return;
  }
  const result = online(manifest);
  if (result.status === 'skipped')
    console.log(`Microsoft validator: skipped: offline or unavailable (${result.detail})`);
  else if (result.status === 'passed') console.log('Microsoft validator: passed');
  else {
    console.error(`Microsoft validator: failed\n${result.detail}`);
    process.exit(1);
  }
}

main();
