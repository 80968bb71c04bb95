'use strict';
// Workbooks laid out like NHS England's Better Care Fund planning templates, for made-up Health and
// Wellbeing Boards, each with an exact manifest: the lines a correct reader imports, the totals by
// year and source, the income by source, and every seeded fault with the cell where a correct audit
// reports it (rule ids as in the audit). Figures are worked out with decimal.js from the final lines;
// a fault breaks exactly one cell (or one plan fact) and lists any cells whose checks it may also trip.
//
// Versions (test/support/templateCorpus/versions.js holds the words):
// - 2015-16 (Part 2): "Cover"; "Funding sources" with one row per organisation ("London Borough of X"
//   -> additionalLa, "NHS X CCG" -> nhsMinimum, one or two CCGs) and "BCF Total", columns "Gross
//   Contribution 2014/15 (£)" (one copy "(£000)", figures in thousands); "Expenditure plan": Scheme Name,
//   Area of Spend, Commissioner ("Local Authority"/"CCG"), Provider, Source of Funding ("Local
//   Authority"/"CCG"), 2014/15 and 2015/16 Expenditure (£), New/Existing; no Scheme ID; no blocks.
//   "Benefits plan": text and counts, no money.
// - 2017-19: "3. Income" / "4. Expenditure", two years, 14 columns from Scheme ID to New/ Existing Scheme.
// - 2019-20: "4. Income" / "5. Expenditure", one year (from the title), Sub Types, "Expenditure (£)".
// - 2021-22, 2022-23: one year, Planned Outputs and Planned Output Unit Estimate / Units; 2022-23 adds
//   Brief Description of Scheme and says ICB (or NHS) where 2021-22 says CCG.
// - 2023-25: "5. Income" / "6a. Expenditure", two years, outputs per year, discharge funds.
// - 2025-26: one year, Local Authority Better Care Grant, no iBCF.
// From 2017-19 the expenditure sheet has above its header: title, board, a Running Balances block
// (Source of funding | Income | Expenditure | Balance, per year side by side or stacked; Total row),
// a Required Spend block (OOH and ASC rows; Minimum Required Spend | Planned Spend | Under Spend) and,
// in most copies, checklist rows ("Link to Scheme Type description", "Checklist"/"Sheet complete",
// "Column complete:" with Yes/No over each column). The Income sheet has a row per source (DFG and
// the minimum NHS contribution split by council / CCG / ICB with a "Total DFG" / "Total Minimum ..."
// row in some copies; additional contributions with a "Please specify / comments" column and "N/A"),
// and a "Total" or "Total BCF Pooled Budget" row.
// Variations, drawn per copy from its seed: renamed sheets; blank column A; blank rows above; merged
// title; a units row under the header (£ / % / No.); summary cells as formulas with cached results or
// pasted values; money as numbers ("£"#,##0, £#,##0.00, #,##0.00, #,##0) or, in pasted copies, some
// line cells as text "£1,234.56"; % NHS / % LA as 0.6 formatted 0% or as 60; "N/A" in % cells of
// non-joint lines; zero amounts blank or 0; Scheme IDs as numbers or "S01"; a blank column inside the
// table; lines grouped by source with "Sub-total DFG" / "DFG subtotal" rows; a Total row under the
// lines ("Total" / "TOTAL" / "Total expenditure"); a "Total (£)" column across the years; "New/Existing
// Scheme" for "New/ Existing Scheme"; trailing formatted empty rows; extra sheets (Guidance, Metrics
// with non-money numbers, Planning Requirements with Y/N).
// `templateCorpus()` returns the specs; `makeTemplate({...})` makes one; `toXlsx(spec)` writes it.
const { VERSIONS } = require('./templateCorpus/versions');
const { makePlan, expectedOf, D, Decimal } = require('./templateCorpus/plan');
const { Grid, addr, layIncome, layExpenditure } = require('./templateCorpus/sheets');
const { rng } = require('./randomPlanJson');

const BOARDS = [
  'Ashbury Vale',
  'Kestrel Downs',
  'Marram Coast',
  'Oldmere',
  'Penfold',
  'Wrenbridge',
  'Thistleford',
  'Corvid Heath',
];
const PLAN_RULES = [
  'duplicate-id',
  'discharge-type',
  'joint-percent',
  'unreadable-input',
  'source-overspent',
  'minimum-spend',
];
const CELL_RULES = ['column-total', 'subtotal', 'row-total', 'running-balance', 'required-spend'];

function chooseLook(version, rand, faults, over = {}) {
  const v = VERSIONS[version];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const twoYear = v.years.length > 1;
  const formulas = chance(0.5);
  const look = {
    expenditureSheet: chance(0.7) ? v.expenditure[0] : pick(v.expenditure.slice(1)),
    incomeSheet: chance(0.75) ? v.income[0] : pick(v.income.slice(1).concat(v.income[0])),
    col0: pick([0, 1, 1]),
    padTop: int(0, 2),
    titleMerged: chance(0.5),
    sheetTitle: chance(0.5),
    unitsRow: chance(0.3),
    formulas,
    textMoney: !formulas && chance(0.5),
    moneyFmt: pick(['"£"#,##0', '£#,##0.00', '#,##0.00', '#,##0']),
    pctStyle: pick(['fraction', 'points']),
    naInPct: chance(0.4),
    subtotals: faults.includes('subtotal') || chance(0.2),
    subtotalLabel: pick(['Sub-total {short}', '{short} subtotal']),
    totalRow: chance(0.5),
    totalLabel: pick(['Total', 'TOTAL', 'Total expenditure']),
    totalLabelKey: 'name',
    totalCol: twoYear && (faults.includes('row-total') || chance(0.3)),
    balancesLayout: pick(['side', 'stacked']),
    trailingBlank: int(0, 25),
    blankCol: chance(0.2) ? int(2, 4) : 0,
    perOrgDfg: chance(0.4),
    perOrgNhs: chance(0.3),
    perOrgAdditional: chance(0.3),
    thousands: false,
    twoCcgs: version === '2015-16' && chance(0.5),
    idStyle: pick(['number', 'code']),
    checklist: chance(0.8),
    incomplete: chance(0.2),
    incomeHead: pick(['plain', 'named']),
    incomeTotalLabel: pick(['Total', 'Total BCF Pooled Budget']),
    naIncome: chance(0.5),
    blankZeros: chance(0.3),
    statusHead: version !== '2015-16' && chance(0.3) ? 'New/Existing Scheme' : null,
    commWords: pick(v.commissioner),
    sourceWords: Object.fromEntries(Object.entries(v.sources).map(([k, w]) => [k, Array.isArray(w) ? pick(w) : w])),
    ...over,
  };
  if (faults.includes('subtotal') && !v.block) look.subtotals = true;
  if (look.subtotals) look.totalLabelKey = 'name';
  return look;
}

/** A wrong figure for a broken cell: off by 1-9% (at least £1, or £1,000 from zero), in the given direction. */
function wrongValue(cand, rand) {
  const scale = cand.scale || 1;
  const shown = cand.value.dividedBy(scale);
  let bump = Decimal.max(
    D(1),
    shown
      .abs()
      .times(0.01 + rand() * 0.08)
      .toDecimalPlaces(0),
  );
  if (shown.isZero()) bump = D(1000 / scale + Math.floor(rand() * 9) * 100);
  if (cand.sign === 'down') return shown.minus(Decimal.min(bump, shown.dividedBy(2).floor()).plus(shown.gt(1) ? 0 : 0));
  const up = cand.sign === 'up' || rand() < 0.5;
  return up ? shown.plus(bump) : shown.minus(bump);
}

const cellOf = (g, r, c) => ({ sheet: g.name, cell: addr(r, c) });

/** Breaks one cell per cell-level fault, away from the rows and columns of the other faults. */
function seedCellFaults(cands, faults, marks, rand, look) {
  const taken = marks.filter((m) => m.at).map((m) => m.at);
  const clash = (cand) => taken.some((t) => t.g === cand.g && (t.r === cand.r || t.c === cand.c));
  const out = [];
  const overspent = marks.find((m) => m.rule === 'source-overspent');
  for (const rule of faults.filter((f) => CELL_RULES.includes(f))) {
    const options = cands.filter(
      (c) =>
        c.rule === rule &&
        !clash(c) &&
        !(overspent && c.src === overspent.src && c.k === overspent.k) &&
        !(c.value.isZero() && c.sign === 'down'),
    );
    if (!options.length) throw new Error(`no cell for a ${rule} fault`);
    const cand = options[Math.floor(rand() * options.length)];
    const wrong = wrongValue(cand, rand);
    cand.g.cells.set(`${cand.r},${cand.c}`, { v: wrong.toNumber(), fmt: look.moneyFmt });
    taken.push(cand);
    out.push({
      ...cellOf(cand.g, cand.r, cand.c),
      rule,
      correct: cand.value.toFixed(2),
      ...(cand.scale && cand.scale !== 1 ? { unit: '£000' } : {}),
      note: `shows ${wrong.toString()} (${cand.kind})`,
      mayAlsoFlag: (cand.also || []).map((a) => ({ ...cellOf(a.g, a.r, a.c), rule: a.rule })),
    });
  }
  return out;
}

/** The cell each plan-level fault points at. */
function placeMarks(marks, income, exp) {
  for (const m of marks) {
    if (m.line !== undefined) {
      const key = m.key === 'nhsPct' ? 'nhsPct' : m.key;
      m.at = { g: exp.g, r: exp.lineCells[m.line].row, c: exp.col(key) };
    } else if (m.rule === 'source-overspent')
      m.at = exp.balances
        ? { g: exp.g, ...exp.balances.cells[m.src][m.k].balance }
        : { g: income.g, ...income.srcCells[m.src][m.k] };
    else if (m.rule === 'minimum-spend') m.at = { g: exp.g, ...exp.required.cells[m.k][m.row].planned };
  }
}

function extraSheets(version, board, rand, title) {
  const v = VERSIONS[version];
  const sheets = [];
  const cover = new Grid(v.cover);
  cover.put(0, 1, title);
  cover.merges.push([0, 1, 0, 5]);
  [
    ['Health and Wellbeing Board:', board],
    ['Completed by:', 'A. N. Officer'],
    ['E-mail:', 'bcf.officer@example.org'],
    ['Contact number:', '01632 960000'],
    [
      'Has this report been signed off by (or on behalf of) the HWB at the time of submission?',
      rand() < 0.7 ? 'Yes' : 'No',
    ],
  ].forEach(([a, b], i) => {
    cover.put(2 + i, 1, a);
    cover.put(2 + i, 3, b);
  });
  for (const name of v.others) {
    const g = new Grid(name);
    if (/Guidance/.test(name)) {
      g.put(0, 0, 'Guidance');
      g.put(2, 0, 'Cells open for input have a yellow background; pre-populated cells are grey.');
      g.put(3, 0, 'The Running Balances show income less planned expenditure for each source of funding.');
      g.put(4, 0, 'Enter each scheme once per source of funding; schemes funded from two sources take two lines.');
    } else if (/Metrics/.test(name)) {
      g.put(0, 0, 'Metrics');
      ['Metric', 'Q1 Plan', 'Q2 Plan', 'Q3 Plan', 'Q4 Plan', 'Rationale'].forEach((h, c) => g.put(2, c, h));
      [
        ['Avoidable admissions (indicator value)', 210.4, 198.2, 225.9, 201.7, 'Falls and frailty work'],
        ['Discharge to usual place of residence (%)', 0.921, 0.925, 0.918, 0.93, 'Home first'],
        ['Residential admissions (rate per 100,000)', 512, 512, 512, 512, 'Flat trajectory'],
        ['Reablement (% at home 91 days after discharge)', 0.84, 0.84, 0.85, 0.85, 'Stable'],
      ].forEach((row, i) =>
        row.forEach((x, c) => g.put(3 + i, c, x, typeof x === 'number' && x < 1 ? '0.0%' : undefined)),
      );
    } else if (/Planning Requirements|Benefits/.test(name) && version !== '2015-16') {
      g.put(0, 0, 'Planning Requirements');
      ['Theme', 'Code', 'Planning Requirement', 'Planning requirement met? (Y/N)'].forEach((h, c) => g.put(2, c, h));
      [
        'NC1: Jointly agreed plan',
        'NC2: Social Care Maintenance',
        'NC3: NHS commissioned Out of Hospital Services',
        'Agreed expenditure plan',
      ].forEach((t, i) => {
        g.put(3 + i, 0, t);
        g.put(3 + i, 1, `PR${i + 1}`);
        g.put(3 + i, 2, 'Is the plan signed off and does it meet the requirement?');
        g.put(3 + i, 3, rand() < 0.85 ? 'Y' : 'N');
      });
    } else {
      g.put(0, 0, 'Benefits plan');
      ['Benefit', 'Measure', 'Baseline', 'Target', 'Frequency'].forEach((h, c) => g.put(2, c, h));
      [
        ['Fewer non-elective admissions', 'Admissions per year', 21450, 20860, 'Monthly'],
        ['Fewer delayed transfers of care', 'Delayed days per 100,000', 356, 320, 'Monthly'],
        ['More people at home 91 days after reablement', 'Percentage', 81.5, 84, 'Annual'],
      ].forEach((row, i) => row.forEach((x, c) => g.put(3 + i, c, x)));
    }
    sheets.push(g);
  }
  return { cover, others: sheets };
}

/**
 * One workbook of `version` with `lines` lines and the given faults (rule ids; repeats allowed).
 * `look` overrides any variation (see chooseLook).
 */
function makeTemplate({ version, lines = 20, seed = 1, faults = [], look: over = {}, name = null }) {
  const v = VERSIONS[version];
  if (!v) throw new Error(`unknown version ${version}`);
  for (const f of faults) if (!PLAN_RULES.includes(f) && !CELL_RULES.includes(f)) throw new Error(`unknown rule ${f}`);
  if (faults.includes('row-total') && v.years.length < 2) throw new Error('row-total needs a two-year version');
  const rand = rng(seed * 7919 + 17);
  const look = chooseLook(version, rand, faults, over);
  if (faults.includes('source-overspent') && version === '2015-16' && over.twoCcgs === undefined) look.twoCcgs = false;
  const board = BOARDS[seed % BOARDS.length];
  const title = v.title;
  const plan = makePlan({ version, n: Math.max(lines, 4), seed, rand, look, faults });
  const income = layIncome(plan, look, rand, board);
  const exp = layExpenditure(plan, look, income, board, title);
  if (exp.balances)
    for (const cand of income.cands)
      if (cand.rule === 'subtotal')
        cand.also.push({ g: exp.g, ...exp.balances.cells[cand.src][cand.k].income, rule: 'running-balance' });
  placeMarks(plan.marks, income, exp);
  const cellFaults = seedCellFaults([...income.cands, ...exp.cands], faults, plan.marks, rand, look);
  const planFaults = plan.marks.map((m) => ({
    ...cellOf(m.at.g, m.at.r, m.at.c),
    rule: m.rule,
    correct: null,
    note: m.note,
    mayAlsoFlag: [],
  }));
  const { cover, others } = extraSheets(version, board, rand, title);
  const order =
    version === '2015-16'
      ? [cover, income.g, exp.g, ...others]
      : [
          ...others.filter((g) => /Guidance/.test(g.name)),
          cover,
          income.g,
          exp.g,
          ...others.filter((g) => !/Guidance/.test(g.name)),
        ];
  return {
    name: name || `v${version}-${faults.length ? faults.join('+') : 'clean'}-${seed}`,
    version,
    board,
    title,
    years: v.years,
    sheets: { expenditure: exp.g.name, income: income.g.name },
    headerRow: exp.headerRow + 1,
    expected: expectedOf(plan),
    faults: [...planFaults, ...cellFaults],
    look,
    grids: order,
  };
}

/** The corpus: per version at least one clean copy and two or more faulty ones. */
const PLANS = {
  '2015-16': [[], [], ['column-total'], ['row-total', 'source-overspent'], ['unreadable-input']],
  '2017-19': [[], ['running-balance'], ['joint-percent', 'subtotal'], ['duplicate-id', 'required-spend']],
  '2019-20': [[], ['minimum-spend'], ['column-total', 'unreadable-input'], ['running-balance', 'joint-percent']],
  '2021-22': [[], ['source-overspent'], ['subtotal', 'duplicate-id'], ['required-spend']],
  '2022-23': [[], ['required-spend'], ['column-total', 'joint-percent'], ['running-balance']],
  '2023-25': [
    [],
    [],
    ['discharge-type'],
    ['row-total', 'running-balance'],
    ['source-overspent', 'duplicate-id'],
    ['minimum-spend', 'unreadable-input', 'column-total'],
  ],
  '2025-26': [
    [],
    ['subtotal'],
    ['required-spend', 'source-overspent'],
    ['joint-percent'],
    ['duplicate-id', 'unreadable-input'],
  ],
};

function templateCorpus() {
  const specs = [];
  let i = 0;
  for (const [version, list] of Object.entries(PLANS)) {
    let clean = 0;
    let faulty = 0;
    for (const faults of list) {
      i++;
      const look = {};
      if (version === '2015-16' && i === 1) look.thousands = true;
      const n = faults.length ? ++faulty : ++clean;
      const name = `v${version}-${faults.length ? 'faulty' : 'clean'}-${String(n).padStart(2, '0')}`;
      specs.push(makeTemplate({ version, lines: 8 + ((i * 5) % 23), seed: 300 + i * 13, faults, look, name }));
    }
  }
  return specs;
}

/** The manifest of a spec: plain JSON, without the sheets. */
function manifestOf(spec) {
  const { grids, look, ...rest } = spec;
  return JSON.parse(JSON.stringify(rest));
}

/** The workbook as ExcelJS writes it: values, formulas with cached results, number formats, merges. */
async function toXlsx(spec) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const g of spec.grids) {
    const ws = wb.addWorksheet(g.name);
    for (const [key, cell] of g.cells) {
      const [r, c] = key.split(',').map(Number);
      const target = ws.getCell(r + 1, c + 1);
      if (cell.v !== null) target.value = cell.v;
      if (cell.fmt) target.numFmt = cell.fmt;
    }
    for (const [r1, c1, r2, c2] of g.merges) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

module.exports = { templateCorpus, makeTemplate, toXlsx, manifestOf, VERSIONS };
