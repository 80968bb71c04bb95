#!/usr/bin/env node
'use strict';
/**
 * Runs every case of the bad-input corpus (test/corpus/badInputs.js) as its own `bcf` process and
 * prints the slowest and the largest, against issue 12's limits: answered within 10 s using under
 * 1 GB. `npm test` runs the same cases in one process (exit codes and messages); only separate
 * processes show each case's own peak memory (`/usr/bin/time -f %M`, Linux).
 *   node scripts/corpus-limits.js [--top 8]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const { TEST_DAY } = require(path.join(ROOT, 'test/support/testDay'));
const dist = (p) => require(path.join(ROOT, 'dist/node/src', p));
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 8;

async function main() {
  const { writeCorpus } = require(path.join(ROOT, 'test/corpus/badInputs'));
  const barnetJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/barnet-2014-16.json'), 'utf8'));
  const { planFromJson } = dist('domain/planJson');
  const { workbookLayout } = dist('workbook/workbookLayout');
  const { planToXlsxBuffer } = dist('adapters/file/xlsxWriter');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-corpus-limits-'));
  const addinWorkbook = await planToXlsxBuffer(
    workbookLayout(planFromJson(barnetJson).plan, 'all', { today: TEST_DAY }),
  );
  const cases = await writeCorpus(dir, { barnetJson, addinWorkbook });
  const runs = cases.map((c) => {
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', '%e %M', process.execPath, path.join(ROOT, 'bin/bcf.js'), ...c.args],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const [seconds, kilobytes] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
    return { name: c.name, exit: run.status, expected: c.exit, seconds, megabytes: kilobytes / 1024 };
  });
  const show = (r) =>
    `  ${r.name.padEnd(40)} ${r.seconds.toFixed(2).padStart(6)} s ${r.megabytes.toFixed(0).padStart(6)} MB  exit ${r.exit}`;
  console.log(`${runs.length} cases, each a new bcf process.`);
  console.log(
    `Slowest:\n${[...runs]
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, top)
      .map(show)
      .join('\n')}`,
  );
  console.log(
    `Most memory:\n${[...runs]
      .sort((a, b) => b.megabytes - a.megabytes)
      .slice(0, top)
      .map(show)
      .join('\n')}`,
  );
  const over = runs.filter((r) => r.seconds > 10 || r.megabytes > 1024);
  const wrong = runs.filter((r) => r.exit !== r.expected);
  console.log(
    `Over 10 s or 1 GB: ${over.length}. Exit code other than expected: ${wrong.length}${wrong.length ? ` (${wrong.map((r) => r.name).join(', ')})` : ''}.`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = over.length || wrong.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
