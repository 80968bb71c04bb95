'use strict';
// Office adapter figures for npm run bench: round trips, largest request and total bytes when the
// whole workbook is written through Microsoft's real Excel client (test/support/officeRecorder.js),
// for Barnet and for synthetic plans. Needs the compiled modules (npm run build:cli).
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const dist = (p) => require(path.join(root, 'dist/node/src', p));
const { planFromJson } = dist('domain/planJson');
const { workbookLayout } = dist('workbook/workbookLayout');
const { OfficeWorkbook } = dist('adapters/office/officeWorkbook');
const { loadExcel, FakeWorkbook, isCleanupOnly } = require(path.join(root, 'test/support/officeRecorder'));
const { randomPlanJson } = require(path.join(root, 'test/support/randomPlanJson'));

async function measure(label, workbook) {
  const book = new FakeWorkbook();
  const office = loadExcel();
  // Apply small requests (the state read) to the synthetic workbook; answer big writes without storing them.
  office.setResponder((body, call) => (call.bodyBytes > 100000 ? { Results: [] } : book.respond(body, call)));
  const start = performance.now();
  await new OfficeWorkbook(office.Excel).apply(workbook);
  const ms = performance.now() - start;
  const work = office.calls.filter((c) => !isCleanupOnly(c));
  const sizes = work.map((c) => c.bodyBytes);
  const cells = workbook.sheets.reduce((a, s) => a + s.rows.reduce((b, r) => b + r.filter(Boolean).length, 0), 0);
  console.log(
    [label.padEnd(34), String(workbook.sheets.length).padStart(6), String(cells).padStart(9), String(work.length).padStart(6),
      (Math.max(...sizes) / 1e6).toFixed(2).padStart(9),
      (sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(2).padStart(9), ms.toFixed(0).padStart(8)].join('  '),
  );
}

const withoutCards = (wb) => ({ ...wb, sheets: wb.sheets.filter((s) => !/^Card /.test(s.name)) });

async function bench() {
  console.log(['workbook'.padEnd(34), 'sheets', '    cells', 'trips', 'max MB', 'total MB', '      ms'].join('  '));
  const barnet = workbookLayout(planFromJson(require(path.join(root, 'examples/barnet-2014-16.json'))).plan);
  const plan = (n) => workbookLayout(planFromJson(randomPlanJson(n, { schemes: n, years: ['2014/15', '2015/16'] })).plan);
  await measure('Barnet (8 schemes)', barnet);
  await measure('Barnet without card sheets', withoutCards(barnet));
  const thousand = plan(1000);
  await measure('1,000 schemes without card sheets', withoutCards(thousand));
  await measure('1,000 schemes', thousand);
  console.log('Trips: round trips with work in them (Excel.run adds a clean-up request when it kept references). Target: 2 while a workbook fits in one 4 MB request; every request under 5,000,000 bytes.\n');
}

module.exports = { bench };
if (require.main === module) bench().catch((e) => { console.error(e); process.exit(1); });
