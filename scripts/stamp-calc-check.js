'use strict';
// The registry's content stamp (src/workbook/sheetStamp.ts) computed by LibreOffice from the formula
// the add-in writes, against what the Excel double of the adapter's tests computes
// (test/support/officeRecorder.js): a Barnet card sheet's cells, and the same cells after each kind of
// edit the stamp is meant to notice. Needs the compiled modules (npm run build:cli) and LibreOffice.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const ExcelJS = require('exceljs');

const root = path.join(__dirname, '..');
const { TEST_DAY } = require(path.join(root, 'test/support/testDay'));
const dist = (p) => require(path.join(root, 'dist/node/src', p));
const { stampFormula, stampRange } = dist('workbook/sheetStamp');
const { workbookLayout } = dist('workbook/workbookLayout');
const { planFromJson } = dist('domain/planJson');
const { FakeWorkbook } = require(path.join(root, 'test/support/officeRecorder'));

/** A card sheet's cells as values (formulas' cached results), as the stamp sees them in a calculated workbook. */
function cardCells() {
  const plan = planFromJson(require(path.join(root, 'examples/barnet-2014-16.json'))).plan;
  const sheet = workbookLayout(plan, 'all', { today: TEST_DAY }).sheets.find((s) => s.name.startsWith('Card '));
  return {
    name: sheet.name,
    plan: sheet,
    rows: sheet.rows.map((row) => row.map((c) => (c ? (c.formula ? (c.result ?? null) : (c.value ?? null)) : null))),
  };
}

function variants(rows) {
  const copy = () => rows.map((r) => [...r]);
  const at = (pred) => {
    for (let r = 0; r < rows.length; r++) for (let c = 0; c < rows[r].length; c++) if (pred(rows[r][c])) return [r, c];
    throw new Error('no such cell');
  };
  const [nr, nc] = at((v) => typeof v === 'number' && v > 100);
  const [tr, tc] = at((v) => typeof v === 'string' && v.length > 3);
  return [
    ['as built', copy()],
    ['a figure changed by a penny', copy().map((r, i) => (i === nr ? r.map((v, j) => (j === nc ? v + 0.01 : v)) : r))],
    ['a text of another length', copy().map((r, i) => (i === tr ? r.map((v, j) => (j === tc ? `${v}!` : v)) : r))],
    ['a row typed below', [...copy(), [], ['A new barrier']]],
    ['a row inserted above', [[], ...copy()]],
  ];
}

async function main() {
  const card = cardCells();
  const { rows: height, columns } = stampRange(card.plan);
  const cases = variants(card.rows);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-stamp-'));
  const wb = new ExcelJS.Workbook();
  const registry = wb.addWorksheet('Registry');
  cases.forEach(([, rows], i) => {
    const name = `${card.name} v${i}`;
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    registry.getCell(i + 1, 1).value = { formula: stampFormula(name, height, columns).slice(1) };
  });
  const file = path.join(work, 'stamps.xlsx');
  await wb.xlsx.writeFile(file);
  const out = path.join(work, 'calc.json');
  const run = spawnSync(
    '/usr/bin/python3',
    [path.join(__dirname, 'libreoffice-recalc.py'), out, path.join(work, 'profile'), file],
    {
      encoding: 'utf8',
      timeout: 5 * 60 * 1000,
    },
  );
  if (run.error || run.status !== 0) throw new Error(`LibreOffice failed: ${run.stdout}${run.stderr}`);
  const calc = JSON.parse(fs.readFileSync(out, 'utf8')).books[0].sheets.find((s) => s.name === 'Registry').values;
  let failures = 0;
  const base = { calc: calc[0][0] };
  cases.forEach(([label, rows], i) => {
    const name = `${card.name} v${i}`;
    const book = new FakeWorkbook({
      sheets: {
        [name]: rows.map((row) => row.map((v) => (typeof v === 'string' ? `'${v}` : v))),
        Registry: [[stampFormula(name, height, columns)]],
      },
    });
    const double = book.calculated(book.cell('Registry', 'A1'));
    const lo = calc[i][0];
    if (i === 0) base.double = double;
    const agree = typeof lo === 'number' && Math.abs(lo - double) <= Math.abs(lo) * 1e-12;
    const noticed = i === 0 || (lo !== base.calc && double !== base.double);
    if (!agree || !noticed) failures++;
    console.log(
      `  ${label.padEnd(30)} LibreOffice ${String(lo).padStart(20)}  double ${String(double).padStart(20)}  ${agree ? 'agree' : 'DIFFER'}${i ? (noticed ? ', change noticed' : ', change NOT noticed') : ''}`,
    );
  });
  console.log(
    `Content stamps: ${cases.length} sheets of ${card.name} (${height} x ${columns} cells), ${failures} failures.`,
  );
  fs.rmSync(work, { recursive: true, force: true });
  if (failures) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
