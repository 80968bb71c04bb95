#!/usr/bin/env node
'use strict';
/**
 * Formula parity in LibreOffice Calc (`npm run test:calc`; CI installs LibreOffice).
 *
 * Builds workbooks with the project's own code (planFromJson -> workbookLayout -> writeWorkbook),
 * has LibreOffice recalculate every formula from scratch (scripts/libreoffice-recalc.py, Python
 * UNO, calculateAll()) and checks that every formula cell of every sheet in the WorkbookPlan comes
 * out at the `result` the layout computed in decimal.js, plus the figures the Barnet plan publishes.
 *
 * The files carry cached values, so a viewer that never recalculated would "agree" trivially. Two
 * of the workbooks are therefore edited after they are built (a unit cost, a scheme's cost and
 * pool flag changed with ExcelJS, cached values left stale) and must come out at the figures of
 * the edited plan: that only happens if Calc really recalculated.
 *
 *   node scripts/libreoffice-check.js [--no-build] [--keep] [--schemes N] [--seed S]
 *
 * --no-build  skip compiling src to dist/node first (it is done by default so the check never runs
 *             yesterday's code); --keep leaves the temporary folder with the workbooks in place.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const { TEST_DAY } = require(path.join(ROOT, 'test/support/testDay'));
const { buildCli } = require('./support/buildCli');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const SCHEMES = option('--schemes', 300);
const SEED = option('--seed', 20140401);
const SOFFICE = '/usr/bin/soffice';
const PYTHON = '/usr/bin/python3';
const MAX_REPORTED = 40; // failures printed per workbook; the count is always printed

const INSTALL_HINT = [
  'LibreOffice Calc and Python UNO are needed for this check (CI installs them):',
  '  sudo apt-get update && sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno',
  'They are Debian packages; python3-uno only works with /usr/bin/python3.',
].join('\n');

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function checkTools() {
  if (!fs.existsSync(SOFFICE)) return `${SOFFICE} not found.`;
  const probe = spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `${PYTHON} can't import uno (python3-uno missing?).`;
  return null;
}

/** The project's own modules, compiled; required lazily so `--no-build` can fail clearly. */
function load() {
  const dist = (p) => path.join(ROOT, 'dist/node/src', p);
  if (!fs.existsSync(dist('workbook/workbookLayout.js'))) {
    throw new Error('dist/node is missing: run `npm run build:cli` (or drop --no-build).');
  }
  return {
    planFromJson: require(dist('domain/planJson')).planFromJson,
    planToJson: require(dist('domain/planJson')).planToJson,
    emptyPlan: require(dist('domain/newPlan')).emptyPlan,
    workbookLayout: require(dist('workbook/workbookLayout')).workbookLayout,
    writeWorkbook: require(dist('adapters/file/planFiles')).writeWorkbook,
    schemesGeometry: require(dist('workbook/families/assumptions/schemesLayout')).schemesGeometry,
    names: require(dist('workbook/families/assumptions/names')),
    unitCostName: require(dist('domain/plan')).unitCostName,
    ExcelJS: require(require.resolve('exceljs', { paths: [ROOT] })),
    randomPlanJson: require(path.join(ROOT, 'test/support/randomPlanJson')).randomPlanJson,
    randomJointPlanJson: require(path.join(ROOT, 'test/support/randomJointFunding')).randomJointPlanJson,
    parity: require(path.join(ROOT, 'test/support/cachedResults')),
    parseAddress: require(dist('workbook/a1')).parseAddress,
    registerHeaderRow: require(dist('workbook/families/jointFunding/register')).REGISTER_HEADER_ROW,
    trackJson: require(dist('cli/trackJson')).trackJson,
  };
}

/** A plan's JSON with some inputs changed, and the addresses (sheet, A1) of the cells that hold them. */
function edited(
  m,
  json,
  { unitCost, value, schemeIndex, year, cost, inPool, reportingQuarter, jointPackages, contribution },
) {
  const copy = JSON.parse(JSON.stringify(json));
  const { plan } = m.planFromJson(json);
  const layout = m.workbookLayout(plan, 'all', { today: TEST_DAY });
  const edits = [];
  if (unitCost) {
    copy.unitCosts.find((u) => u.id === unitCost).value = value;
    const name = layout.names.find((n) => n.name === m.unitCostName(unitCost));
    edits.push({ sheet: name.sheet, cell: name.cell.replace(/\$/g, ''), value });
  }
  if (reportingQuarter !== undefined) {
    // Typed as a person would, case and spacing as given; the JSON plan holds the same text.
    copy.cards.asAt = reportingQuarter;
    const name = layout.names.find((n) => n.name === 'Tracker_AsAt');
    edits.push({ sheet: name.sheet, cell: name.cell.replace(/\$/g, ''), value: reportingQuarter });
  }
  if (schemeIndex !== undefined) {
    const g = m.schemesGeometry(plan);
    const row = g.firstRow + schemeIndex + 1;
    const scheme = copy.schemes[schemeIndex];
    if (cost !== undefined) {
      scheme.years[year] = { benefits: {}, ...scheme.years[year], cost };
      edits.push({ sheet: m.names.SHEET.schemes, cell: `${g.costColumn(year)}${row}`, value: cost });
    }
    if (inPool !== undefined) {
      scheme.inPool = inPool;
      edits.push({
        sheet: m.names.SHEET.schemes,
        cell: `${g.inPoolColumn}${row}`,
        value: inPool ? m.names.YES : m.names.NO,
      });
    }
  }
  for (const pkg of jointPackages || []) edits.push(...typedPackage(m, copy, pkg));
  if (contribution) edits.push(...typedContribution(layout, copy, contribution));
  return { json: copy, edits };
}

/**
 * A package typed in the register's next free row (columns A to J, as a person types them), and
 * added to the plan's JSON: the summary's live totals must count it with no rebuild. A panel's
 * split may come without its decision date, as exports give it.
 */
function typedPackage(m, copy, pkg) {
  const packages = copy.jointFunding.packages;
  const row = m.registerHeaderRow + 1 + packages.length + 1; // 1-based
  const serial = (iso) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
  const cells = [pkg.ref, pkg.person, 's117 aftercare', pkg.icb, serial(pkg.start), null, pkg.weeklyCost];
  cells.push(pkg.split.method === 'Panel' ? 'Panel' : 'Fixed share', pkg.split.icbPercent);
  packages.push(pkg);
  return cells.flatMap((value, c) =>
    value === null ? [] : [{ sheet: 'Joint register', cell: `${String.fromCharCode(65 + c)}${row}`, value }],
  );
}

/** A contribution typed by hand in the Pool's next free contributions row, and added to the plan's JSON. */
function typedContribution(layout, copy, c) {
  const pool = layout.sheets.find((s) => s.name === 'Pool');
  const header = pool.rows.findIndex((r) => r[0] && r[0].value === 'Pool year');
  const row = header + 2 + copy.pool.contributions.length; // 1-based
  copy.pool.contributions.push(c);
  return [c.year, c.partner, c.source, c.amount].map((value, k) => ({
    sheet: 'Pool',
    cell: `${String.fromCharCode(65 + k)}${row}`,
    value,
  }));
}

/**
 * The Pool's by-source table as Calc calculated it after a contribution was typed by hand (the sheet
 * keeps its shape, so it is read where the built workbook has it), against bcf track --json of the
 * plan with the line: each line's part of the pool and of the forecast variance, the new one included.
 */
function sourcesAgainstTrack(m, book, base, read) {
  const json = m.trackJson(m.planFromJson(book.json).plan);
  const pool = base.layout.sheets.find((s) => s.name === 'Pool');
  const header = pool.rows.findIndex((r) => r[0] && r[0].value === 'Source year');
  const failures = [];
  const recalculated = [];
  let checked = 0;
  for (const year of json.pool.years) {
    for (const line of year.sources) {
      let found = false;
      for (let r = header + 1; r < pool.rows.length && read('Pool', r, 0).value; r++) {
        const at = (c) => read('Pool', r, c).value;
        if (at(0) !== year.year || at(1) !== line.partner || at(2) !== line.source) continue;
        found = true;
        checked++;
        for (const [c, want] of [
          [4, line.shareOfPool],
          [5, line.varianceShare],
        ]) {
          // A cell whose cached value in the built file was another figure proves Calc recalculated it.
          const cached = pool.rows[r][c] && pool.rows[r][c].result;
          if (typeof cached !== 'number' || Math.abs(cached - Number(want)) >= 0.005)
            recalculated.push(`Pool!${r},${c}`);
          if (typeof at(c) !== 'number' || Math.abs(at(c) - Number(want)) >= 0.005)
            failures.push({
              where: `Pool by source ${year.year} ${line.partner} ${line.source}`,
              message: `LibreOffice ${JSON.stringify(at(c))}, bcf track --json ${want}`,
            });
        }
      }
      if (!found)
        failures.push({ where: `Pool by source ${year.year} ${line.partner} ${line.source}`, message: 'no row' });
    }
  }
  return { checked, failures, recalculated };
}

/**
 * The layout without the blank rows it adds at the end of a sheet beyond the workbook's: a row typed
 * in a block's room to grow leaves the workbook one blank row short of a fresh layout, not reshaped.
 */
function withoutNewRoom(before, after) {
  const sheets = after.sheets.map((sheet) => {
    const old = before.sheets.find((s) => s.name === sheet.name);
    const extra = old ? sheet.rows.slice(old.rows.length) : [];
    const blank = extra.every((row) => row.every((cell) => !cell || cell.formula || cell.value == null));
    return extra.length && blank ? { ...sheet, rows: sheet.rows.slice(0, old.rows.length) } : sheet;
  });
  return { ...after, sheets };
}

/** Types into a built workbook with ExcelJS, leaving every formula's cached value as it was (stale). */
/** The layout with each edited cell's literal set to the text typed there. */
function withTyped(m, layout, edits) {
  const sheets = layout.sheets.map((sheet) => {
    const mine = edits.filter((e) => e.sheet === sheet.name && typeof e.value === 'string' && e.value !== '');
    if (!mine.length) return sheet;
    const rows = sheet.rows.map((row) => [...row]);
    for (const e of mine) {
      const { row, column } = m.parseAddress(e.cell);
      const cell = rows[row]?.[column];
      if (cell && cell.formula === undefined) rows[row][column] = { ...cell, value: e.value };
    }
    return { ...sheet, rows };
  });
  return { ...layout, sheets };
}

async function editWorkbook(m, from, to, edits) {
  const workbook = new m.ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  for (const e of edits) workbook.getWorksheet(e.sheet).getCell(e.cell).value = e.value;
  await workbook.xlsx.writeFile(to);
}

/** Every cell of "A1:C3" ranges, as "row,column" keys. */
function cellsOf(ranges, m) {
  const cells = new Set();
  for (const range of ranges) {
    const [from, to = from] = range
      .replace(/\$/g, '')
      .split(':')
      .map((a) => m.parseAddress(a));
    for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) cells.add(`${r},${c}`);
  }
  return cells;
}

/** Each chart the layout draws is in the file as Calc opened it, reading the cells it should. */
function chartChecks(layout, calcBook, m) {
  const failures = [];
  let checked = 0;
  for (const sheet of layout.sheets) {
    const calcSheet = calcBook.sheets.find((s) => s.name === sheet.name);
    const planned = sheet.charts ?? [];
    const found = calcSheet?.charts ?? [];
    if (found.length !== planned.length) {
      failures.push({
        where: sheet.name,
        message: `${planned.length} chart(s) in the layout, ${found.length} in the file as Calc opened it`,
      });
      continue;
    }
    planned.forEach((chart, i) => {
      const read = cellsOf(found[i].ranges, m);
      const wanted = [chart.categories, ...chart.series.map((s) => s.range)];
      const missing = wanted.filter((range) => [...cellsOf([range], m)].some((cell) => !read.has(cell)));
      if (missing.length)
        failures.push({
          where: `${sheet.name} chart ${i + 1}`,
          message: `Calc's chart reads ${found[i].ranges.join(', ')}, not ${missing.join(', ')}`,
        });
      checked++;
    });
  }
  return { checked, failures };
}

/** What a year sheet's tables hold, found by their headers (not by fixed positions). */
function yearTables(layout, sheetName) {
  const sheet = layout.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [];
  const text = (cell) => (cell && typeof cell.value === 'string' ? cell.value : undefined);
  const tables = [];
  sheet.rows.forEach((row, r) => {
    if (!row.some((cell) => cell && cell.style === 'header')) return;
    const columns = new Map(row.map((cell, c) => [text(cell), c]));
    let total = r + 1;
    while (total < sheet.rows.length && text(sheet.rows[total][0]) !== 'Total') total += 1;
    tables.push({ header: r, total, columns });
  });
  return tables;
}

function recalculate(books, work) {
  const out = path.join(work, 'calc.json');
  const profile = path.join(work, 'lo-profile');
  const started = Date.now();
  const run = spawnSync(
    PYTHON,
    [path.join(__dirname, 'libreoffice-recalc.py'), out, profile, ...books.map((b) => b.file)],
    { encoding: 'utf8', timeout: 10 * 60 * 1000 },
  );
  if (run.error || run.status !== 0) {
    throw new Error(
      `LibreOffice recalculation failed (${run.error ? run.error.message : `exit ${run.status}`}):\n${run.stdout}${run.stderr}`,
    );
  }
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  result.wallMs = Date.now() - started;
  return result;
}

function reader(calcBook, parity) {
  const sheets = new Map(calcBook.sheets.map((s) => [s.name, s]));
  return (sheetName, row, column) => {
    const sheet = sheets.get(sheetName);
    if (!sheet) return undefined;
    const value = sheet.values[row] === undefined ? undefined : sheet.values[row][column];
    const formula = sheet.formulas[row] && sheet.formulas[row][column];
    const error = sheet.errors[`${parity.columnLetter(column)}${row + 1}`];
    return { value, error, isFormula: Boolean(formula) };
  };
}

/** The Benefits Summary's reporting quarter and total row, as Calc calculated them, against `bcf track --json` of the same plan. */
function summaryAgainstTrack(m, book, read) {
  const json = m.trackJson(m.planFromJson(book.json).plan);
  const sheet = book.layout.sheets.find((s) => s.name === 'Benefits Summary');
  const totalRow = sheet.rows.findIndex((r) => r[0] && r[0].value === 'Total');
  const asAtRow = sheet.rows.findIndex((r) => r[0] && r[0].value === 'As at');
  const header = sheet.rows.findIndex((r) => r[0] && r[0].value === 'Ref' && r[0].style === 'header');
  const column = (prefix) => sheet.rows[header].findIndex((c) => c && String(c.value).startsWith(prefix));
  const failures = [];
  const expect = (what, got, want) => {
    if (typeof want === 'number' ? typeof got !== 'number' || Math.abs(got - want) >= 0.005 : got !== want)
      failures.push({
        where: `Benefits Summary ${what}`,
        message: `LibreOffice ${JSON.stringify(got)}, bcf track --json ${JSON.stringify(want)}`,
      });
  };
  const planned = read('Benefits Summary', totalRow, column('Planned since')).value;
  const realised = read('Benefits Summary', totalRow, column('Realised since')).value;
  expect('as at', read('Benefits Summary', asAtRow, 1).value, json.reportingQuarter.shown);
  expect('planned total', planned, Number(json.totals.plannedToDate));
  expect('realised total', realised, Number(json.totals.realisedToDate));
  expect(
    'variance total',
    read('Benefits Summary', totalRow, column('Variance (£)')).value,
    Number(json.totals.variance),
  );
  return { failures, shown: json.reportingQuarter.shown, planned, realised };
}

/** Cells Calc shows as errors anywhere in the workbook, whether or not the plan put a formula there. */
function allErrors(calcBook) {
  return calcBook.sheets.flatMap((s) =>
    Object.entries(s.errors).map(([cell, error]) => ({
      where: `${s.name}!${cell}`,
      message: `LibreOffice shows ${error}`,
    })),
  );
}

/** The Barnet plan's published figures, read from what LibreOffice calculated. */
function publishedChecks(m, layout, read, expected) {
  const failures = [];
  let checked = 0;
  const at = (sheetName, row, column, label, want, roundTo) => {
    checked += 1;
    const got = read(sheetName, row, column);
    const value = got && got.value;
    const where = `${sheetName}!${m.parity.columnLetter(column)}${row + 1}`;
    const ok =
      typeof value === 'number' &&
      (roundTo === 'percent'
        ? Math.round(value * 10000) / 100 === want
        : Math.abs(value - want) < m.parity.MONEY_TOLERANCE);
    if (!ok)
      failures.push({
        where,
        message: `${label}: LibreOffice ${JSON.stringify(value)}, published ${want}${roundTo === 'percent' ? '%' : ''}`,
      });
  };
  for (const [year, figures] of Object.entries(expected)) {
    const sheetName = m.names.yearSheetName(year);
    const [nel, annex] = yearTables(layout, sheetName);
    if (!nel || !annex) {
      failures.push({ where: sheetName, message: 'could not find the NEL and Annex 1 tables on this sheet' });
      continue;
    }
    at(sheetName, nel.total, nel.columns.get('Cost (£)'), `${year} pool total`, figures.pool);
    at(sheetName, nel.total, nel.columns.get('No. reduced NEL adm.'), `${year} NEL reduction total`, figures.nel);
    at(sheetName, nel.total, nel.columns.get('Saving (£)'), `${year} NEL saving total`, figures.nelSaving);
    at(sheetName, annex.total, annex.columns.get('Cost (£)'), `${year} Annex 1 pool total`, figures.pool);
    at(
      sheetName,
      annex.total,
      annex.columns.get('Total saving (£)'),
      `${year} Annex 1 total saving`,
      figures.totalSaving,
    );
    for (const [ref, percent] of Object.entries(figures.shares || {})) {
      for (const table of [nel, annex]) {
        const refColumn = table.columns.get('Sch ref');
        let row = -1;
        for (let r = table.header + 1; r < table.total; r += 1) {
          const got = read(sheetName, r, refColumn);
          if (got && got.value === ref) row = r;
        }
        if (row < 0)
          failures.push({
            where: sheetName,
            message: `scheme ${ref} not found in the table below row ${table.header + 1}`,
          });
        else
          at(
            sheetName,
            row,
            table.columns.get('% of BCF pool'),
            `${year} ${ref} % of BCF pool (rounded to 2 places)`,
            percent,
            'percent',
          );
      }
    }
  }
  return { checked, failures };
}

/** The FOI answer's figures for the ICB (£31,848.11 a week, £1,656,101.72 a year), as LibreOffice calculated them. */
function jointChecks(layout, read, m) {
  const sheet = layout.sheets.find((s) => s.name === 'Joint funding');
  const failures = [];
  const want = [
    ['Weekly cost on the as-at date', 3, 31848.11],
    ['Full year (weekly x 52)', 3, 1656101.72],
    ["The ICB's contribution for a year", 1, 1656101.72],
    ['Packages active on the as-at date', 1, 39],
  ];
  for (const [label, column, value] of want) {
    const r = sheet
      ? sheet.rows.findIndex((row) => row[0] && typeof row[0].value === 'string' && row[0].value.startsWith(label))
      : -1;
    const got = r >= 0 ? read(sheet.name, r, column) : undefined;
    if (!got || typeof got.value !== 'number' || Math.abs(got.value - value) >= m.parity.MONEY_TOLERANCE) {
      failures.push({
        where: `Joint funding "${label}"`,
        message: `LibreOffice ${JSON.stringify(got && got.value)}, the FOI answer ${value}`,
      });
    }
  }
  return { checked: want.length, failures };
}

async function main() {
  const started = Date.now();
  const missing = checkTools();
  if (missing) {
    console.error(`${missing}\n${INSTALL_HINT}`);
    process.exit(1);
  }
  if (!args.includes('--no-build')) buildCli();
  const m = load();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-calc-'));
  try {
    // 1. The workbooks and, for each, the layout whose cached results are the expected values.
    const barnetJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/barnet-2014-16.json'), 'utf8'));
    const randomJson = m.randomPlanJson(SEED, { schemes: SCHEMES });
    const layoutOf = (json) => m.workbookLayout(m.planFromJson(json).plan, 'all', { today: TEST_DAY });
    const books = [];
    const add = async (label, json) => {
      const file = path.join(work, `${label}.xlsx`);
      const layout = layoutOf(json);
      await m.writeWorkbook(file, layout);
      books.push({ label, file, layout, json });
      return books[books.length - 1];
    };
    const addEdited = async (label, base, change) => {
      const { json, edits } = edited(m, base.json, change);
      const file = path.join(work, `${label}.xlsx`);
      await editWorkbook(m, base.file, file, edits);
      const full = withoutNewRoom(base.layout, layoutOf(json));
      const { stale, reshaped } = m.parity.staleCells(base.layout, full);
      // A sheet whose rows depend on the edited inputs can't follow an edit made in the workbook;
      // it is reported, and left out of this workbook's comparison (the fresh builds cover it).
      // A typed cell holds what was typed (" 2015/16  q2 "), while the plan read from it holds the tidied text.
      const layout = withTyped(m, { ...full, sheets: full.sheets.filter((s) => !reshaped.includes(s.name)) }, edits);
      books.push({ label, file, layout, json, edits, stale, reshaped });
    };
    const buildStarted = Date.now();
    const barnet = await add('barnet', barnetJson);
    await addEdited('barnet-nel-2500', barnet, { unitCost: 'NEL', value: 2500 });
    // The reporting quarter typed in lower case with odd spacing, and left blank: the Benefits Summary
    // LibreOffice calculates must give bcf track --json's totals for each.
    // Typed over a workbook built with the quarter blank, so its cached values are stale and only a real recalculation gives Q2's figures.
    await addEdited('barnet-quarter-blank', barnet, { reportingQuarter: '' });
    const blankBuilt = await add('barnet-quarter-blank-built', {
      ...barnetJson,
      cards: { ...barnetJson.cards, asAt: '' },
    });
    await addEdited('barnet-quarter-lower-case', blankBuilt, { reportingQuarter: ' 2015/16  q2 ' });
    // The template's Income and Expenditure sheets (SUMIFS over whole columns, running balances, required spend).
    await add(
      'expenditure-2023-25',
      JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/expenditure-2023-25.json'), 'utf8')),
    );
    const random = await add(`random-${SCHEMES}-seed-${SEED}`, randomJson);
    const secondUnit = randomJson.unitCosts[1].id;
    const flip = randomJson.schemes.findIndex((s, i) => i > 5 && s.inPool && s.years[randomJson.years[0].label]);
    await addEdited(`random-edited`, random, {
      unitCost: secondUnit,
      value: 1234.56,
      schemeIndex: flip,
      year: randomJson.years[0].label,
      cost: 4321.09,
      inPool: false,
    });
    // Many years and unit costs: the Schemes sheet runs to column BH, past the single letters.
    const wideYears = ['2016/17', '2017/18', '2018/19', '2019/20', '2020/21', '2021/22'];
    await add(
      `wide-6-years-9-unit-costs`,
      m.randomPlanJson(SEED + 1, { schemes: 40, years: wideYears, extraUnits: 8 }),
    );
    // Joint funding: the example council's register, and random registers of every split method.
    const jointBook = await add(
      'joint-funding',
      JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/joint-funding.json'), 'utf8')),
    );
    // Four packages typed one under another (past the three spare rows the register once kept), the
    // last a panel's 33.333% with no decision date; and a contribution from a partner not on the
    // Assumptions sheet typed by hand, with spend so there is a variance to share.
    const icb = jointBook.json.jointFunding.packages[0].icb;
    const typed = (k, weeklyCost, split) => ({
      ref: `JF-TYPED-${k}`,
      person: `EBC-TYPED-${k}`,
      basis: 's117',
      icb,
      start: '2022-05-19',
      weeklyCost,
      split,
    });
    await addEdited('joint-funding-typed', jointBook, {
      jointPackages: [
        typed(1, 1234.57, { method: 'Fixed', icbPercent: 37.5 }),
        typed(2, 800.01, { method: 'Fixed', icbPercent: 12.5 }),
        typed(3, 455.55, { method: 'Fixed', icbPercent: 50 }),
        typed(4, 1517.05, { method: 'Panel', icbPercent: 33.333 }),
      ],
    });
    const spent = JSON.parse(JSON.stringify(jointBook.json));
    spent.pool.spend = [
      { scheme: '1a', year: '2023/24', quarter: 1, amount: 101234 },
      { scheme: '2a', year: '2023/24', quarter: 1, amount: 470000 },
      { scheme: '3a', year: '2023/24', quarter: 2, amount: 1930000 },
    ];
    spent.pool.contributions.push({
      year: '2023/24',
      partner: 'LEISURE',
      source: 'Leisure trust grant',
      amount: 125000,
    });
    const spentBook = await add('joint-funding-pool', spent);
    await addEdited('joint-funding-contributor', spentBook, {
      contribution: { year: '2023/24', partner: 'HOSPICE', source: 'Hospice partnership', amount: 40000 },
    });
    for (const seed of [SEED, SEED + 7, SEED + 13]) await add(`joint-random-${seed}`, m.randomJointPlanJson(seed, 80));
    // A new plan with nothing in it yet: no total may reach its own cell (#CYCLE! in HyperFormula, Err:522 here).
    await add('empty-plan', m.planToJson(m.emptyPlan('Barnet', '2025/26')));
    console.log(`Built ${books.length} workbooks in ${work} in ${elapsed(buildStarted)}.`);

    // 2. LibreOffice recalculates them all in one session.
    const calc = recalculate(books, work);
    console.log(
      `LibreOffice: started in ${calc.startMs} ms; ${calc.books.map((b, i) => `${books[i].label} loaded in ${b.loadMs} ms, recalculated in ${b.calcMs} ms`).join('; ')}; ${calc.wallMs} ms in all.`,
    );

    // 3. Compare.
    let failed = 0;
    let comparedFormulas = 0;
    const warnings = [];
    for (const [i, book] of books.entries()) {
      const calcBook = calc.books[i];
      const read = reader(calcBook, m.parity);
      const { formulas, literals, failures } = m.parity.compareWithCachedResults(book.layout, read);
      const known = new Set(failures.map((f) => f.where));
      failures.push(...allErrors(calcBook).filter((f) => !known.has(f.where)));
      const notes = [];
      if (book.label === 'barnet') {
        const published = publishedChecks(m, book.layout, read, {
          '2014/15': { pool: 6634000, nel: 635, nelSaving: 1272540, totalSaving: 1544011, shares: { '2c': 3.48 } },
          '2015/16': { pool: 23412000, nel: 1021, nelSaving: 2046084, totalSaving: 2353506, shares: { '2b': 5.52 } },
        });
        failures.push(...published.failures);
        notes.push(`${published.checked} published figures`);
      }
      if (book.label === 'barnet-nel-2500') {
        // The published reductions at the new unit cost, independently of the layout's arithmetic.
        const published = publishedChecks(m, book.layout, read, {
          '2014/15': { pool: 6634000, nel: 635, nelSaving: 635 * 2500, totalSaving: 1544011 + 635 * (2500 - 2004) },
          '2015/16': { pool: 23412000, nel: 1021, nelSaving: 1021 * 2500, totalSaving: 2353506 + 1021 * (2500 - 2004) },
        });
        failures.push(...published.failures);
        notes.push(`${published.checked} published figures at £2,500`);
      }
      if (book.label.startsWith('barnet')) {
        const tracked = summaryAgainstTrack(m, book, read);
        failures.push(...tracked.failures);
        notes.push(
          `Benefits Summary totals as bcf track --json (${tracked.shown}: planned ${tracked.planned}, realised ${tracked.realised})`,
        );
      }
      if (book.label === 'joint-funding-contributor') {
        const sources = sourcesAgainstTrack(
          m,
          book,
          books.find((b) => b.label === 'joint-funding-pool'),
          read,
        );
        failures.push(...sources.failures);
        notes.push(`${sources.checked} by-source lines as bcf track --json, the hand-typed one included`);
        // The sheets the typed line reshapes aren't compared cell by cell; the by-source figures are the proof.
        book.stale = [...book.stale, ...sources.recalculated];
      }
      if (book.label === 'joint-funding') {
        const published = jointChecks(book.layout, read, m);
        failures.push(...published.failures);
        notes.push(`${published.checked} FOI figures`);
      }
      if (!book.edits) {
        // Workbooks edited through ExcelJS lose their charts (it writes none), so only the others.
        const charts = chartChecks(book.layout, calcBook, m);
        failures.push(...charts.failures);
        notes.push(`${charts.checked} charts`);
      }
      if (book.stale) {
        // Proof of recalculation: the file's cached values for these cells are the old plan's.
        if (book.stale.length === 0)
          failures.push({ where: book.label, message: 'the edit left no cached value stale, so it proves nothing' });
        const staleWrong = book.stale.filter((where) => known.has(where)).length;
        notes.push(
          `${book.stale.length} stale cached values, ${book.stale.length - staleWrong} recalculated correctly; Calc replaced ${calcBook.changedByRecalc} values on recalculation`,
        );
        if (calcBook.changedByRecalc === 0) notes.push('Calc had recalculated on load already');
        if (book.reshaped.length) {
          warnings.push(
            `${book.label}: ${book.reshaped.join(', ')} changed shape after ${book.edits.map((e) => `${e.sheet}!${e.cell} := ${JSON.stringify(e.value)}`).join(', ')}; ` +
              'their rows are laid out from those inputs rather than calculated from them, so a workbook edited this way shows them out of date until rebuilt (not compared here)',
          );
        }
      }
      comparedFormulas += formulas;
      const status = failures.length ? `FAIL (${failures.length})` : 'ok';
      console.log(
        `${status.padEnd(9)} ${book.label}: ${formulas} formula cells and ${literals} literal cells on ${book.layout.sheets.length} sheets${notes.length ? `; ${notes.join('; ')}` : ''}`,
      );
      for (const f of failures.slice(0, MAX_REPORTED)) console.log(`    ${f.where}: ${f.message}`);
      if (failures.length > MAX_REPORTED) console.log(`    ... and ${failures.length - MAX_REPORTED} more`);
      failed += failures.length;
    }
    for (const w of warnings) console.log(`WARNING   ${w}`);
    console.log(
      `${failed ? 'FAILED' : 'Passed'}: ${comparedFormulas} formula cells compared with LibreOffice Calc across ${books.length} workbooks, ${failed} failures, in ${elapsed(started)}.`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    if (args.includes('--keep') || process.exitCode) console.log(`Workbooks kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
