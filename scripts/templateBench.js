#!/usr/bin/env node
'use strict';
// Planning templates at the scale of England: 150 boards' templates of 80 expenditure lines each
// (12,000 lines), made by the template corpus in every version's layout, then imported, audited and
// rolled up. Prints figures; targets are in the README. Needs dist/node (npm run build:cli).
const path = require('path');
const fs = require('fs');
const os = require('os');
const { performance } = require('perf_hooks');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const dist = (p) => require(path.join(root, 'dist/node/src', p));
const BOARDS = Number(process.env.TEMPLATE_BOARDS || 150);
const LINES = 80;

function cli(args) {
  const t = performance.now();
  let code = 0;
  try {
    execFileSync(process.execPath, [path.join(root, 'bin/bcf.js'), ...args], { stdio: 'pipe', maxBuffer: 1 << 28 });
  } catch (e) {
    code = e.status;
  }
  return { ms: performance.now() - t, code };
}

async function bench() {
  const { makeTemplate, toXlsx, VERSIONS } = require(path.join(root, 'test/support/templateCorpus'));
  const { loadSnapshot } = dist('adapters/file/planFiles');
  const { importTemplate } = dist('workbook/template/templateImport');
  const { auditWorkbook } = dist('workbook/audit/auditWorkbook');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-template-bench-'));
  try {
    const versions = Object.keys(VERSIONS);
    const files = [];
    let bytes = 0;
    const t0 = performance.now();
    for (let i = 0; i < BOARDS; i++) {
      const file = path.join(dir, `board-${String(i).padStart(3, '0')}.xlsx`);
      const buffer = await toXlsx(makeTemplate({ version: versions[i % versions.length], lines: LINES, seed: i + 1 }));
      fs.writeFileSync(file, buffer);
      bytes += buffer.length;
      files.push(file);
    }
    console.log(
      `  ${BOARDS} templates of ${LINES} lines (${versions.length} versions' layouts, ${(bytes / 1048576).toFixed(1)} MB) made in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    let lines = 0;
    let findings = 0;
    let readMs = 0;
    let importMs = 0;
    let auditMs = 0;
    for (const file of files) {
      let t = performance.now();
      const snapshot = await loadSnapshot(file);
      readMs += performance.now() - t;
      t = performance.now();
      lines += importTemplate(snapshot)?.plan.expenditure?.length ?? 0;
      importMs += performance.now() - t;
      t = performance.now();
      findings += auditWorkbook(snapshot).findings.length;
      auditMs += performance.now() - t;
    }
    const per = (ms) => `${(ms / 1000).toFixed(2)} s (${(ms / BOARDS).toFixed(1)} ms a board)`;
    console.log(
      `  in process: reading the files ${per(readMs)}; import ${per(importMs)}: ${lines.toLocaleString('en-GB')} lines`,
    );
    console.log(
      `  in process: audit ${per(auditMs)}: ${findings} findings (the corpus makes clean copies: 0 expected)`,
    );
    const one = cli(['import', files[0], '-o', path.join(dir, 'one.json')]);
    const audit = cli(['audit', files[0]]);
    console.log(
      `  one template as a new CLI process: import ${one.ms.toFixed(0)} ms (exit ${one.code}), audit ${audit.ms.toFixed(0)} ms (exit ${audit.code})`,
    );
    const rollup = cli(['rollup', ...files, '--json']);
    console.log(
      `  bcf rollup of all ${BOARDS} (${lines.toLocaleString('en-GB')} lines) as one CLI process: ${(rollup.ms / 1000).toFixed(2)} s (exit ${rollup.code}). Target: under 60 s.`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { bench };

if (require.main === module)
  bench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
