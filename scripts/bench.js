#!/usr/bin/env node
'use strict';
// npm run bench: speed and size figures, printed (targets are in the README, not asserted here).
// Needs the compiled modules (npm run build:cli, which `npm run bench` runs first).
const path = require('path');
const fs = require('fs');
const { performance } = require('perf_hooks');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const { TEST_DAY } = require(path.join(root, 'test/support/testDay'));
const dist = (p) => require(path.join(root, 'dist/node/src', p));
const { planFromJson } = dist('domain/planJson');
const { workbookLayout } = dist('workbook/workbookLayout');
const { planToXlsxBuffer } = dist('adapters/file/xlsxWriter');
const { randomPlanJson } = require(path.join(root, 'test/support/randomPlanJson'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, runs) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    samples.push(performance.now() - t);
  }
  return { ms: median(samples), result };
}

function planOf(schemes) {
  return planFromJson(randomPlanJson(schemes, { schemes, years: ['2014/15', '2015/16'] })).plan;
}

function row(cells, widths) {
  return cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
}

/** One size in a fresh process, so the heap left by a previous size doesn't weigh on the next. */
async function measureLayout(scope, n) {
  const plan = planOf(n);
  const runs = n >= 10000 ? 5 : n >= 1000 ? 15 : 31;
  for (let i = 0; i < 5; i++) workbookLayout(plan, scope, { today: TEST_DAY }); // warm up the JIT (optimised code takes a few runs)
  const { ms, result } = time(() => workbookLayout(plan, scope, { today: TEST_DAY }), runs);
  const cells = result.sheets.reduce((a, s) => a + s.rows.reduce((b, r) => b + r.filter(Boolean).length, 0), 0);
  const bytes = (await planToXlsxBuffer(result)).length;
  return { ms, cells, bytes };
}

async function layoutBench(scope, title, sizes) {
  const widths = [8, 22, 12, 14, 12];
  console.log(title + ', median of runs');
  console.log(row(['schemes', 'compute+layout (ms)', 'ms/scheme', 'xlsx (KB)', 'cells'], widths));
  let previous;
  for (const n of sizes) {
    const out = execFileSync(process.execPath, [__filename, '--layout', scope, String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const { ms, cells, bytes } = JSON.parse(out);
    console.log(row([n, ms.toFixed(1), (ms / n).toFixed(4), (bytes / 1024).toFixed(0), cells], widths));
    if (previous) console.log(`${' '.repeat(10)}growth x${(ms / previous).toFixed(1)} for x10 schemes (linear is x10)`);
    previous = ms;
  }
  if (scope === 'tables') console.log('Target: 1,000 schemes under 100 ms, growth no worse than linear.');
  console.log('');
}

/**
 * `bcf build --tables` as a user runs it, in a fresh process: wall time and peak memory (maxRSS), so
 * growth with the number of schemes shows (it should be linear, and 20,000 schemes must finish).
 */
function buildBench(sizes) {
  const os = require('os');
  const widths = [8, 12, 14, 12];
  console.log('bcf build --tables (a new process each), wall time and peak memory');
  console.log(row(['schemes', 'time (s)', 'peak RSS (MB)', 'xlsx (KB)'], widths));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-build-bench-'));
  try {
    for (const n of sizes) {
      const plan = path.join(dir, `plan${n}.json`);
      const out = path.join(dir, `plan${n}.xlsx`);
      fs.writeFileSync(plan, JSON.stringify(randomPlanJson(n, { schemes: n, years: ['2014/15', '2015/16'] })));
      const probe = `const {main}=require(${JSON.stringify(path.join(root, 'dist/node/src/cli/main.js'))});const t=Date.now();main(['build',${JSON.stringify(plan)},'-o',${JSON.stringify(out)},'--tables'],{out(){},err(){}}).then((code)=>{process.stdout.write(JSON.stringify({code,s:(Date.now()-t)/1000,rss:process.resourceUsage().maxRSS/1024}))})`;
      const result = JSON.parse(
        execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8', maxBuffer: 1 << 20 }),
      );
      const size = result.code === 0 ? (fs.statSync(out).size / 1024).toFixed(0) : `exit ${result.code}`;
      console.log(row([n, result.s.toFixed(1), result.rss.toFixed(0), size], widths));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
}

/** A probe run in a new process: its output is one JSON line. */
function probe(code) {
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

/**
 * `bcf build` of a whole workbook (a Benefit Card sheet per scheme) beside its floor, each in a new
 * process: the time to write the same laid-out cells with bcf's writer and with ExcelJS's own
 * (compressed, as it writes by default, without charts), and peak memory (maxRSS) of each.
 */
function buildWithCardsBench(n) {
  const os = require('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-build-bench-'));
  const src = (p) => JSON.stringify(path.join(root, 'dist/node/src', p));
  try {
    const plan = path.join(dir, `plan${n}.json`);
    const out = path.join(dir, `plan${n}.xlsx`);
    fs.writeFileSync(plan, JSON.stringify(randomPlanJson(n, { schemes: n, years: ['2014/15', '2015/16'] })));
    const cli = probe(
      `const {main}=require(${src('cli/main.js')});const t=Date.now();main(['build',${JSON.stringify(plan)},'-o',${JSON.stringify(out)}],{out(){},err(){}}).then((code)=>{process.stdout.write(JSON.stringify({code,s:(Date.now()-t)/1000,rss:process.resourceUsage().maxRSS/1024}))})`,
    );
    const write = (writer) =>
      probe(
        `const fs=require('fs');const {planFromJson}=require(${src('domain/planJson.js')});const {workbookLayout}=require(${src('workbook/workbookLayout.js')});` +
          `const {writableWorkbook}=require(${src('workbook/writableWorkbook.js')});const {planToXlsxBuffer}=require(${src('adapters/file/xlsxWriter.js')});const {planToExcelJs}=require(${src('adapters/file/excelJsWorkbook.js')});` +
          `const layout=workbookLayout(planFromJson(JSON.parse(fs.readFileSync(${JSON.stringify(plan)},'utf8'))).plan,'all', { today: ${TEST_DAY} });const t=Date.now();` +
          `(${writer === 'bcf' ? 'planToXlsxBuffer(layout)' : 'planToExcelJs(writableWorkbook(layout).plan).xlsx.writeBuffer()'}).then((b)=>{process.stdout.write(JSON.stringify({s:(Date.now()-t)/1000,rss:process.resourceUsage().maxRSS/1024,bytes:b.byteLength}))})`,
      );
    const bcf = write('bcf');
    const floor = write('exceljs');
    const widths = [44, 10, 15, 11];
    console.log(`bcf build of ${n} schemes with their Benefit Cards, beside ExcelJS's own write (a new process each)`);
    console.log(row(['', 'time (s)', 'peak RSS (MB)', 'xlsx (KB)'], widths));
    const size = cli.code === 0 ? (fs.statSync(out).size / 1024).toFixed(0) : `exit ${cli.code}`;
    console.log(row(['bcf build, whole command', cli.s.toFixed(1), cli.rss.toFixed(0), size], widths));
    console.log(
      row(['bcf writer, the file alone', bcf.s.toFixed(1), bcf.rss.toFixed(0), (bcf.bytes / 1024).toFixed(0)], widths),
    );
    console.log(
      row(
        [
          'floor: ExcelJS writes the same cells',
          floor.s.toFixed(1),
          floor.rss.toFixed(0),
          (floor.bytes / 1024).toFixed(0),
        ],
        widths,
      ),
    );
    console.log(
      `  bcf build is x${(cli.s / floor.s).toFixed(2)} the floor, its writer x${(bcf.s / floor.s).toFixed(2)}. Target: build within x1.2, under 700 MB.`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
}

async function main() {
  const sizes = [10, 100, 1000, 10000];
  for (const [scope, title] of [
    [
      'tables',
      'Compute and lay out the scheme tables (Assumptions, Schemes, Investments, a sheet per year, pool, checks, risk log)',
    ],
    ['all', 'Compute and lay out the whole workbook, with a Benefit Card sheet for every scheme that has benefits'],
  ]) {
    // A card sheet per scheme makes the whole workbook about 40 times bigger; 10,000 cards is not a plan anyone has.
    await layoutBench(scope, title, scope === 'all' ? sizes.slice(0, 3) : sizes);
  }

  buildWithCardsBench(1000);
  buildBench([5000, 10000, 20000]);

  for (const [label, file] of [
    ['Office adapter round trips', 'officeBench.js'],
    ['Task pane bundle', 'bundle-size.js'],
    ['Audit', 'auditBench.js'],
    ['Planning templates, 150 boards', 'templateBench.js'],
  ]) {
    const script = path.join(__dirname, file);
    if (!fs.existsSync(script)) {
      console.log(`${label}: ${file} is missing`);
      continue;
    }
    console.log(`${label}:`);
    const mod = require(script);
    await mod.bench();
  }
}

const layoutAt = process.argv.indexOf('--layout');
const buildAt = process.argv.indexOf('--build'); // node scripts/bench.js --build 5000 20000: that table alone
const cardsAt = process.argv.indexOf('--cards'); // node scripts/bench.js --cards 1000: bcf build with cards beside ExcelJS
if (buildAt > 0) buildBench(process.argv.slice(buildAt + 1).map(Number));
else if (cardsAt > 0) buildWithCardsBench(Number(process.argv[cardsAt + 1] ?? 1000));
else
  (layoutAt > 0
    ? measureLayout(process.argv[layoutAt + 1], Number(process.argv[layoutAt + 2])).then((r) =>
        process.stdout.write(JSON.stringify(r)),
      )
    : main()
  ).catch((e) => {
    console.error(e);
    process.exit(1);
  });
