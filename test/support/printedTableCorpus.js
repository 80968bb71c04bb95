'use strict';
// Scheme tables as they come pasted from PDFs and older sheets (every figure text) or typed
// (numbers with formats), of the kinds the audit used to get wrong: tiers of sub-totals, a % of
// pool or % change whose denominator is stated elsewhere (or only implied), row totals across
// years, savings rounded as people round them or priced at a local tariff, and figures in £m.
// The true figures are worked out here with decimal.js, independently of the audit's code; each
// table records its seeded faults (cell, the figure it should show, how close that figure must
// be) so a test can score the audit cell by cell. `printedCorpus()` returns the specs;
// `toXlsx(spec)` writes one with ExcelJS in memory.
const Decimal = require('decimal.js').clone({ precision: 40, rounding: 4 /* ROUND_HALF_UP */ });
const { rng } = require('./randomPlanJson');
const { toXlsx } = require('./schemeTableCorpus');

const D = (v) => new Decimal(v);
const NATIONAL_NEL = 2004;
const NAMES = [
  'Falls prevention',
  'Integrated discharge team',
  'Community rapid response',
  'Carers support',
  'Home first reablement',
  'Care home in-reach',
  'Frailty virtual ward',
  'Social prescribing',
  'Dementia navigators',
  'Telecare',
  'Step-down beds',
  'Hospital to home',
  'Crisis cafe',
  'Trusted assessor',
  'End of life care',
];
const THEMES = ['Prevention and self-care', 'Assessment and care planning', 'Intensive support', 'Enablers'];

function col(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const addr = (r, c) => `${col(c)}${r + 1}`;
const grouped = (d, dp = 0) => {
  const [i, f] = d.abs().toFixed(dp).split('.');
  return `${d.isNegative() ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
};

/** How one table prints its figures: pasted text, or numbers with Excel formats. */
function printer(pasted) {
  return {
    pounds: (d) => (pasted ? `£${grouped(d)}` : { v: d.toNumber(), fmt: '"£"#,##0' }),
    count: (d) => (pasted ? grouped(d) : { v: d.toNumber(), fmt: '#,##0' }),
    // A share as a fraction, shown to 2 places of a per cent.
    pct: (d) => (pasted ? `${grouped(d.times(100), 2)}%` : { v: d.toNumber(), fmt: '0.00%' }),
    millions: (d) => (pasted ? `£${grouped(d.dividedBy(1e6), 2)}m` : { v: d.dividedBy(1e6).toNumber(), fmt: '0.00' }),
  };
}

/** A wrong figure a person might print: two adjacent different digits swapped. */
function swapped(d, rand) {
  const s = d.abs().toFixed(0);
  const spots = [];
  for (let i = 0; i + 1 < s.length; i++) if (s[i] !== s[i + 1]) spots.push(i);
  if (!spots.length) return d.plus(1000);
  const i = spots[Math.floor(rand() * spots.length)];
  return D(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
}

function schemes(seed, count) {
  const rand = rng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  return Array.from({ length: count }, (_, i) => ({
    ref: `S${i + 1}`,
    name: NAMES[(seed * 5 + i) % NAMES.length],
    cost: D(int(40, 2500) * 1000 + int(1, 999)),
    cost2: D(int(40, 2500) * 1000 + int(1, 999)),
    nel: D(int(5, 300)),
  }));
}

class Sheet {
  constructor(name) {
    this.name = name;
    this.cells = new Map();
  }
  put(r, c, v) {
    if (v !== undefined && v !== null && v !== '') this.cells.set(`${r},${c}`, typeof v === 'object' ? v : { v });
  }
  row(r, values, from = 0) {
    values.forEach((v, k) => this.put(r, from + k, v));
  }
}

function spec(kind, name, pasted, sheets, faults) {
  return { kind, name: `${kind}: ${name} (${pasted ? 'pasted' : 'typed'})`, pasted, sheets, faults };
}

/** Schemes under theme headings, a sub-total per theme and a grand total. */
function tiersTable(seed, pasted, fault) {
  const rand = rng(seed * 31);
  const p = printer(pasted);
  const list = schemes(seed, 9 + (seed % 3));
  const groups = [0, 1, 2].map((g) => list.filter((_, i) => i % 3 === g));
  const pool = list.reduce((a, s) => a.plus(s.cost), D(0));
  const sh = new Sheet('Schemes by theme');
  sh.row(0, ['Table 4: BCF schemes by theme, 2015/16']);
  sh.row(2, ['Ref', 'Scheme', 'Cost (£)', '% of pool', 'Reduced NEL admissions', 'Saving (£)']);
  const faults = [];
  let r = 3;
  const subRows = [];
  // Older sheets print each theme's sub-total on its heading row, above its schemes.
  const onHeading = fault.endsWith('(totals on the theme headings)');
  groups.forEach((g, k) => {
    const heading = r++;
    if (!onHeading) sh.row(heading, [`Theme ${k + 1}`, THEMES[k]]);
    for (const s of g)
      sh.row(r++, [
        s.ref,
        s.name,
        p.pounds(s.cost),
        p.pct(s.cost.dividedBy(pool)),
        p.count(s.nel),
        p.pounds(s.nel.times(NATIONAL_NEL)),
      ]);
    const cost = g.reduce((a, s) => a.plus(s.cost), D(0));
    const nel = g.reduce((a, s) => a.plus(s.nel), D(0));
    let shownCost = cost;
    let shownNel = nel;
    if (fault.startsWith('sub-total leaves out a row') && k === 1) shownCost = cost.minus(g[g.length - 1].cost);
    if (fault.startsWith('sub-total digits swapped') && k === 2) shownCost = swapped(cost, rand);
    if (fault === 'sub-total of counts digits swapped' && k === 0) shownNel = swapped(nel, rand);
    const at = onHeading ? heading : r++;
    if (!shownCost.equals(cost)) faults.push({ sheet: sh.name, cell: addr(at, 2), expected: cost.toNumber() });
    if (!shownNel.equals(nel)) faults.push({ sheet: sh.name, cell: addr(at, 4), expected: nel.toNumber() });
    const label = onHeading ? THEMES[k] : seed % 2 ? `Sub-total ${THEMES[k]}` : `Total for theme ${k + 1}`;
    subRows.push({ r: at, cost: shownCost });
    sh.row(at, [
      onHeading ? `Theme ${k + 1}` : '',
      label,
      p.pounds(shownCost),
      p.pct(cost.dividedBy(pool)),
      p.count(shownNel),
      p.pounds(nel.times(NATIONAL_NEL)),
    ]);
  });
  const nel = list.reduce((a, s) => a.plus(s.nel), D(0));
  let grand = pool;
  // The grand total added up from the sub-totals printed, one of them wrong: only that one is a fault.
  if (fault === 'sub-total digits swapped, grand total from the sub-totals')
    grand = subRows.reduce((a, x) => a.plus(x.cost), D(0));
  if (fault === 'grand total counts a sub-total twice') {
    grand = pool.plus(subRows[1].cost);
    faults.push({ sheet: sh.name, cell: addr(r, 2), expected: pool.toNumber() });
  }
  sh.row(r, ['', 'Grand total', p.pounds(grand), p.pct(D(1)), p.count(nel), p.pounds(nel.times(NATIONAL_NEL))]);
  return spec('tiers of sub-totals', `${fault} ${seed}`, pasted, [sh], faults);
}

/** A % of pool where the pool is the whole BCF, stated in a note, on another sheet, or only implied. */
function statedPoolTable(seed, pasted, where, fault) {
  const rand = rng(seed * 17);
  const p = printer(pasted);
  const list = schemes(seed, 6 + (seed % 4));
  const shown = list.reduce((a, s) => a.plus(s.cost), D(0));
  const pool = shown
    .times(D(2).plus(D(seed % 5).dividedBy(3)))
    .dividedBy(1000)
    .toDecimalPlaces(0)
    .times(1000);
  const sheets = [];
  const sh = new Sheet('NHS-commissioned schemes');
  if (where === 'a note') sh.row(0, [`Schemes commissioned by the CCG, as a share of the £${grouped(pool)} BCF pool`]);
  // Rounded in the note: the shares were worked out from the exact pool, which only the rows imply.
  else if (where === 'a note in £m')
    sh.row(0, [`Schemes commissioned by the CCG, as a share of the £${pool.dividedBy(1e6).toFixed(1)}m BCF pool`]);
  else sh.row(0, ['Schemes commissioned by the CCG']);
  if (where === 'another sheet') {
    const ps = new Sheet('Pool');
    ps.row(0, ['Better Care Fund pooled budget 2015/16']);
    ps.row(2, ['Contribution', 'Amount (£)']);
    ps.row(3, ['CCG minimum contribution', p.pounds(pool.times(0.9).toDecimalPlaces(0))]);
    ps.row(4, ['Disabled Facilities Grant', p.pounds(pool.minus(pool.times(0.9).toDecimalPlaces(0)))]);
    ps.row(5, ['Total BCF pool', p.pounds(pool)]);
    sheets.push(ps);
  }
  sh.row(2, ['Ref', 'Scheme', 'Cost (£)', '% of pool', 'No. reduced NEL adm.']);
  const faults = [];
  list.forEach((s, i) => {
    const r = 3 + i;
    const share = s.cost.dividedBy(pool);
    let printed = share;
    if (fault === 'one share digits swapped' && i === 2)
      printed = swapped(share.times(10000).toDecimalPlaces(0), rand).dividedBy(10000);
    if (fault === 'one share of the rows shown' && i === 3) printed = s.cost.dividedBy(shown);
    if (!printed.toDecimalPlaces(4).equals(share.toDecimalPlaces(4)))
      faults.push({ sheet: sh.name, cell: addr(r, 3), expected: share.times(100).toNumber(), within: 0.011 });
    sh.row(r, [s.ref, s.name, p.pounds(s.cost), p.pct(printed), p.count(s.nel)]);
  });
  const t = 3 + list.length;
  if (seed % 2 === 0)
    sh.row(t, [
      '',
      'Total',
      p.pounds(shown),
      p.pct(shown.dividedBy(pool)),
      p.count(list.reduce((a, s) => a.plus(s.nel), D(0))),
    ]);
  sheets.push(sh);
  return spec('stated denominator', `pool in ${where}, ${fault} ${seed}`, pasted, sheets, faults);
}

/** A % change against a baseline the table doesn't show: stated in a note, or only implied. */
function baselineTable(seed, pasted, stated, fault) {
  const rand = rng(seed * 13);
  const p = printer(pasted);
  const list = schemes(seed, 6 + (seed % 3));
  const baseline = D(18000 + seed * 731);
  const sh = new Sheet('Impact');
  sh.row(0, ['Expected impact on non-elective admissions, 2015/16']);
  if (stated) sh.row(1, [`Baseline: ${grouped(baseline)} non-elective admissions in 2014/15`]);
  // As the add-in's own sheets carry it: a colour key just above the headings.
  if (seed % 2) sh.row(2, ['Legend', 'Input: type here', 'Calculated', 'Needs attention']);
  sh.row(3, ['Ref', 'Scheme', 'Cost (£)', 'Reduced NEL admissions', '% change NEL adm.']);
  const faults = [];
  list.forEach((s, i) => {
    const r = 4 + i;
    const change = s.nel.dividedBy(baseline);
    let printed = change;
    if (fault === 'one change digits swapped' && i === 1)
      printed = swapped(change.times(10000).toDecimalPlaces(0), rand).dividedBy(10000);
    if (fault === 'one change doubled' && i === 4) printed = change.times(2);
    if (!printed.toDecimalPlaces(4).equals(change.toDecimalPlaces(4)))
      faults.push({ sheet: sh.name, cell: addr(r, 4), expected: change.times(100).toNumber(), within: 0.011 });
    sh.row(r, [s.ref, s.name, p.pounds(s.cost), p.count(s.nel), p.pct(printed)]);
  });
  return spec(
    'stated denominator',
    `baseline ${stated ? 'in a note' : 'implied'}, ${fault} ${seed}`,
    pasted,
    [sh],
    faults,
  );
}

/** Two years' costs and a "Total 2015-17" column. */
function rowTotalsTable(seed, pasted, fault) {
  const rand = rng(seed * 7);
  const p = printer(pasted);
  const list = schemes(seed, 7 + (seed % 3));
  const sh = new Sheet('Two-year costs');
  sh.row(0, ['Scheme costs over the two years of the plan']);
  sh.row(2, [
    'Ref',
    'Scheme',
    'Cost 2015/16 (£)',
    'Cost 2016/17 (£)',
    'Total 2015-17 (£)',
    'Reduced NEL adm. 2015-17',
    'Saving 2015-17 (£)',
  ]);
  const faults = [];
  list.forEach((s, i) => {
    const r = 3 + i;
    const total = s.cost.plus(s.cost2);
    let printed = total;
    if (fault === 'row total digits swapped' && i === 2) printed = swapped(total, rand);
    if (fault === 'row total is one year' && i === 5) printed = s.cost2;
    if (!printed.equals(total)) faults.push({ sheet: sh.name, cell: addr(r, 4), expected: total.toNumber() });
    sh.row(r, [
      s.ref,
      s.name,
      p.pounds(s.cost),
      p.pounds(s.cost2),
      p.pounds(printed),
      p.count(s.nel),
      p.pounds(s.nel.times(NATIONAL_NEL)),
    ]);
  });
  const sum = (f) => list.reduce((a, s) => a.plus(f(s)), D(0));
  const r = 3 + list.length;
  sh.row(r, [
    '',
    'Total',
    p.pounds(sum((s) => s.cost)),
    p.pounds(sum((s) => s.cost2)),
    p.pounds(sum((s) => s.cost.plus(s.cost2))),
    p.count(sum((s) => s.nel)),
    p.pounds(sum((s) => s.nel.times(NATIONAL_NEL))),
  ]);
  return spec('row totals across years', `${fault} ${seed}`, pasted, [sh], faults);
}

/** Savings rounded to the nearest £100 or £1,000, at the national cost or a local tariff stated on the sheet. */
function savingsTable(seed, pasted, { nearest, tariff, where }, fault) {
  const p = printer(pasted);
  const list = schemes(seed, 6 + (seed % 4));
  const unit = D(tariff ?? NATIONAL_NEL);
  const round = (d) => d.dividedBy(nearest).toDecimalPlaces(0).times(nearest);
  const sh = new Sheet('Savings');
  sh.row(0, ['Savings from reduced non-elective admissions']);
  const heading = where === 'heading' ? `Saving @ £${grouped(unit)} per admission (£)` : 'Saving (£)';
  let top = 2;
  if (where === 'cell') {
    sh.row(1, ['Local tariff (£ per admission)', '', p.pounds(unit)]);
    top = 3;
  } else if (where === 'note')
    sh.row(1, [
      `Savings at the local tariff of £${grouped(unit)} per admission, rounded to the nearest £${grouped(D(nearest))}`,
    ]);
  sh.row(top, ['Ref', 'Scheme', 'Cost (£)', 'Reduced NEL admissions', heading]);
  const faults = [];
  list.forEach((s, i) => {
    const r = top + 1 + i;
    const saving = round(s.nel.times(unit));
    let printed = saving;
    if (fault === 'one saving at the national cost' && i === 1) printed = round(s.nel.times(NATIONAL_NEL));
    if (fault === 'one saving for a different count' && i === 3) printed = round(s.nel.plus(7).times(unit));
    if (!printed.equals(saving))
      faults.push({ sheet: sh.name, cell: addr(r, 4), expected: s.nel.times(unit).toNumber(), within: nearest / 2 });
    sh.row(r, [s.ref, s.name, p.pounds(s.cost), p.count(s.nel), p.pounds(printed)]);
  });
  const label = `nearest £${nearest}, ${tariff ? `tariff £${tariff} in a ${where}` : 'national cost'}`;
  return spec('savings rounded, local tariff', `${label}, ${fault} ${seed}`, pasted, [sh], faults);
}

/** Costs in £m to two places, with % of pool and a total. */
function millionsTable(seed, pasted, fault) {
  const rand = rng(seed * 3);
  const p = printer(pasted);
  const list = schemes(seed, 6 + (seed % 3)).map((s) => ({
    ...s,
    cost: s.cost.times(4).dividedBy(10000).toDecimalPlaces(0).times(10000),
  }));
  const total = list.reduce((a, s) => a.plus(s.cost), D(0));
  const sh = new Sheet('Summary £m');
  sh.row(0, ['BCF schemes, 2015/16']);
  sh.row(2, ['Ref', 'Scheme', pasted ? 'Cost' : 'Cost (£m)', '% of pool', 'No. reduced NEL adm.']);
  const faults = [];
  list.forEach((s, i) => {
    sh.row(3 + i, [s.ref, s.name, p.millions(s.cost), p.pct(s.cost.dividedBy(total)), p.count(s.nel)]);
  });
  let printed = total;
  if (fault === 'total wrong') printed = total.plus(D(270000 + seed * 10000));
  if (fault === 'total digits swapped') printed = swapped(total.dividedBy(10000), rand).times(10000);
  const r = 3 + list.length;
  if (!printed.equals(total))
    faults.push({
      sheet: sh.name,
      cell: addr(r, 2),
      expected: total.dividedBy(1e6).toNumber(),
      within: 0.005 * list.length + 0.005,
      millions: true,
    });
  sh.row(r, ['', 'Total', p.millions(printed), p.pct(D(1)), p.count(list.reduce((a, s) => a.plus(s.nel), D(0)))]);
  return spec('figures in £m', `${fault} ${seed}`, pasted, [sh], faults);
}

function printedCorpus() {
  const out = [];
  for (const pasted of [true, false]) {
    const s = pasted ? 1 : 2;
    for (const fault of [
      'clean',
      'sub-total leaves out a row',
      'sub-total digits swapped',
      'grand total counts a sub-total twice',
      'sub-total of counts digits swapped',
      'clean (totals on the theme headings)',
      'sub-total leaves out a row (totals on the theme headings)',
    ])
      out.push(tiersTable(s * 10 + out.length, pasted, fault));
    for (const where of ['a note', 'a note in £m', 'another sheet', 'nowhere'])
      for (const fault of ['clean', 'one share digits swapped', 'one share of the rows shown'])
        out.push(statedPoolTable(s * 10 + out.length, pasted, where, fault));
    for (const stated of [true, false])
      for (const fault of ['clean', 'one change digits swapped', 'one change doubled'])
        out.push(baselineTable(s * 10 + out.length, pasted, stated, fault));
    for (const fault of ['clean', 'row total digits swapped', 'row total is one year'])
      out.push(rowTotalsTable(s * 10 + out.length, pasted, fault));
    const savings = [
      { nearest: 1000 },
      { nearest: 100 },
      { nearest: 100, tariff: 1875, where: 'cell' },
      { nearest: 1000, tariff: 1875, where: 'heading' },
      { nearest: 100, tariff: 1790, where: 'note' },
    ];
    for (const how of savings)
      for (const fault of ['clean', 'one saving at the national cost', 'one saving for a different count']) {
        if (!how.tariff && fault === 'one saving at the national cost') continue;
        out.push(savingsTable(s * 10 + out.length, pasted, how, fault));
      }
    for (const fault of ['clean', 'total wrong', 'total digits swapped'])
      out.push(millionsTable(s * 10 + out.length, pasted, fault));
  }
  return out;
}

// The same workbook writer as the scheme-table corpus: values and number formats through ExcelJS.
module.exports = { printedCorpus, toXlsx };
