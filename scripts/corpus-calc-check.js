#!/usr/bin/env node
'use strict';
/**
 * The bad-input corpus's accepted inputs, built and opened in LibreOffice (`npm run test:calc` runs
 * this after the formula check). Every workbook `bcf build` writes for them must open with the same
 * number of rows on every sheet as were written: a character XML can't carry once made LibreOffice
 * drop a year sheet from 35 rows to 8 while reporting nothing.
 *
 *   node scripts/corpus-calc-check.js [--no-build] [--keep]
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parse } = require('csv-parse/sync');

const ROOT = path.resolve(__dirname, '..');
const { TEST_DAY } = require(path.join(ROOT, 'test/support/testDay'));
const { buildCli } = require('./support/buildCli');
const args = process.argv.slice(2);
const SOFFICE = '/usr/bin/soffice';

function lastRowsWritten(xlsx) {
  const { unzip } = require(path.join(ROOT, 'test/corpus/zipBytes'));
  const parts = new Map(unzip(fs.readFileSync(xlsx)).map((e) => [e.name, e.data.toString('utf8')]));
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  const rows = new Map();
  for (const [, name, id] of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target =
      new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    const xml = parts.get(`xl/${target[1].replace(/^\/?xl\//, '')}`);
    // The last row with a value, a formula or inline text: what a CSV of the sheet runs to.
    let last = 0;
    for (const [, r, body] of xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g))
      if (/<(v|f|is)>/.test(body)) last = Number(r);
    rows.set(name.replace(/&amp;/g, '&').replace(/&apos;/g, "'"), last);
  }
  return rows;
}

function rowsInLibreOffice(xlsx, outDir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-lo-profile-'));
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      outDir,
      xlsx,
    ],
    { stdio: 'ignore', timeout: 300_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  const base = path.basename(xlsx, '.xlsx');
  const rows = new Map();
  for (const file of fs.readdirSync(outDir)) {
    if (!file.startsWith(`${base}-`) || !file.endsWith('.csv')) continue;
    // Records, not lines: a cell with a line break (the risk log's mitigations) is one quoted field.
    const records = parse(fs.readFileSync(path.join(outDir, file), 'utf8'), { relax_column_count: true });
    while (records.length && records[records.length - 1].every((v) => v === '')) records.pop();
    rows.set(file.slice(base.length + 1, -4), records.length);
  }
  return rows;
}

async function main() {
  if (!fs.existsSync(SOFFICE)) {
    console.log(`${SOFFICE} not found: LibreOffice is needed for this check (CI installs libreoffice-calc-nogui).`);
    process.exit(1);
  }
  if (!args.includes('--no-build')) buildCli();
  const dist = (p) => require(path.join(ROOT, 'dist/node/src', p));
  const { main: bcf } = dist('cli/main');
  const { planFromJson } = dist('domain/planJson');
  const { workbookLayout } = dist('workbook/workbookLayout');
  const { planToXlsxBuffer } = dist('adapters/file/xlsxWriter');
  const { writeCorpus } = require(path.join(ROOT, 'test/corpus/badInputs'));
  const barnetJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/barnet-2014-16.json'), 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-corpus-calc-'));
  const cases = await writeCorpus(dir, {
    barnetJson,
    addinWorkbook: await planToXlsxBuffer(workbookLayout(planFromJson(barnetJson).plan, 'all', { today: TEST_DAY })),
  });
  const quiet = { out() {}, err() {} };
  let failures = 0;
  let sheets = 0;
  for (const c of cases.filter((k) => k.output && k.args[0] === 'build')) {
    const code = await bcf(c.args, quiet);
    if (code !== 0) {
      console.log(`${c.name}: bcf build exited ${code}`);
      failures++;
      continue;
    }
    const written = lastRowsWritten(c.output);
    const opened = rowsInLibreOffice(c.output, path.join(dir, 'csv'));
    for (const [sheet, rows] of written) {
      sheets++;
      const got = opened.get(sheet.replace(/[/\\:*?"<>|]/g, '_'));
      if (got !== rows) {
        failures++;
        console.log(`${c.name}: sheet "${sheet}" has ${rows} rows written, LibreOffice shows ${got ?? 'no sheet'}`);
      }
    }
  }
  console.log(
    `${failures ? 'FAILED' : 'OK'}: ${sheets} sheets of the corpus's built workbooks opened in LibreOffice${failures ? `, ${failures} differences` : ' with the rows written'}.`,
  );
  if (!args.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
