'use strict';
// A corpus of scheme tables typed the ways commissioners type them, for made-up councils: each
// workbook is generated from schemes whose true figures are worked out exactly (decimal.js), laid
// out in its own way (text or numbers with formats, £ or £000s or £m, one or two header rows,
// units rows, totals above or below, labelled or not, sub-totals, tables side by side or stacked,
// year groups, schemes as columns, notes stating the unit cost...), and given a few seeded faults.
// Every workbook records its faults (cell and the figure it should show) and its correct cells.
// `corpus()` returns the specs; `toXlsx(spec)` writes one with ExcelJS (in memory: no files kept).
const Decimal = require('decimal.js').clone({ precision: 40, rounding: 4 /* ROUND_HALF_UP */ });
const { rng } = require('./randomPlanJson');

const D = (v) => new Decimal(v);
const NAMED_UNITS = { nel: 2004, ch: 10000, reab: 3831, dtoc: 265 };

const SCHEME_NAMES = [
  'Falls prevention and response',
  'Integrated discharge team',
  'Community rapid response',
  'Carers support and breaks',
  'Home first reablement',
  'Care home in-reach',
  'Frailty virtual ward',
  'Disabled Facilities Grant',
  'Social prescribing',
  'Dementia navigators',
  'Telecare and assistive technology',
  'Step-down beds',
  'Hospital to home',
  'Mental health crisis cafe',
  'Multidisciplinary team meetings',
  'Protecting social care',
  'Care Act duties',
  'Intermediate care',
  'Trusted assessor',
  'End of life care',
];
const TYPES = ['Prevention', 'Community based', 'Residential', 'Discharge', 'Enablers'];
const GROUPS = ['Prevention', 'Assessment and care planning', 'Intensive support', 'Enablers'];

/** Schemes of a made-up council: cost per year, pool membership, benefit counts. */
function councilSchemes(seed, count, { outOfPool = 1, years = ['2024/25'], multi = false, negative = false } = {}) {
  const rand = rng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const schemes = [];
  for (let i = 0; i < count; i++) {
    const group = GROUPS[Math.min(GROUPS.length - 1, Math.floor((i * GROUPS.length) / count))];
    const byYear = {};
    for (const y of years) {
      const benefits = i % 4 !== 3;
      byYear[y] = {
        cost: D(int(20, 4000) * 1000 + int(0, 999)),
        nel: benefits ? D(int(3, 400)) : D(0),
        ch: multi && i % 3 === 0 ? D(int(2, 20)) : D(0),
        dtoc: multi && i % 3 === 1 ? D(int(50, 400)) : D(0),
      };
    }
    schemes.push({
      ref: `${Math.floor(i / 3) + 1}${'abc'[i % 3]}`,
      name: SCHEME_NAMES[(seed * 7 + i) % SCHEME_NAMES.length],
      type: TYPES[i % TYPES.length],
      group,
      inPool: i >= outOfPool,
      commissioner: i % 2 ? 'ICB' : 'Council',
      provider: ['NHS community trust', 'Council', 'Voluntary sector', 'Acute trust'][i % 4],
      source: i % 2 ? 'NHS minimum contribution' : 'iBCF',
      years: byYear,
    });
  }
  if (negative) schemes[schemes.length - 1].years[years[0]].cost = D(-int(10, 90) * 1000);
  return schemes;
}

/** The true figures of a year's table: shares, savings, % change, totals. */
function yearFigures(schemes, year, unit = NAMED_UNITS.nel) {
  const rows = schemes.map((s) => ({ s, ...s.years[year] }));
  const pool = rows.filter((r) => r.s.inPool).reduce((a, r) => a.plus(r.cost), D(0));
  const all = rows.reduce((a, r) => a.plus(r.cost), D(0));
  const nelTotal = rows.reduce((a, r) => a.plus(r.nel), D(0));
  for (const r of rows) {
    r.share = r.s.inPool ? r.cost.dividedBy(pool) : null;
    r.saving = r.nel.times(unit);
    r.change = r.nel.dividedBy(nelTotal);
    r.totalSaving = r.nel.times(NAMED_UNITS.nel).plus(r.ch.times(NAMED_UNITS.ch)).plus(r.dtoc.times(NAMED_UNITS.dtoc));
  }
  const total = (k) => rows.reduce((a, r) => a.plus(r[k]), D(0));
  return {
    rows,
    pool,
    all,
    totals: {
      cost: pool,
      allCost: all,
      nel: nelTotal,
      saving: total('saving'),
      ch: total('ch'),
      dtoc: total('dtoc'),
      totalSaving: total('totalSaving'),
      share: D(1),
      change: D(1),
    },
  };
}

// ---- how a figure is shown ----------------------------------------------------------------

const grouped = (d, dp) => {
  const [w, f] = d.abs().toFixed(dp).split('.');
  return `${w.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
};

/**
 * A figure as a cell: `show` says how it is typed. Money is shown at `scale` (1, 1e3, 1e6).
 * pct: 'points' (4.03), 'sign' ("4.03%"), 'fraction' (0.0403 formatted 0.00%), 'general' (0.0403 as typed).
 */
function cellFor(value, show) {
  const scale = show.money ? show.scale || 1 : 1;
  let shown = value.dividedBy(scale);
  if (show.pct === 'points' || show.pct === 'sign') shown = shown.times(100);
  const dp = show.dp ?? 0;
  const rounded = shown.toDecimalPlaces(dp);
  if (show.text) {
    let t = grouped(rounded, dp);
    if (show.pound) t = `£${t}`;
    if (show.pct === 'sign') t += '%';
    if (rounded.isNegative()) t = show.brackets ? `(${t})` : `-${t}`;
    return { v: t, shown: rounded };
  }
  if (show.pct === 'fraction')
    return { v: value.toNumber(), fmt: `0.${'0'.repeat(dp)}%`, shown: value.times(100).toDecimalPlaces(dp) };
  const fmtNumber = dp ? `#,##0.${'0'.repeat(dp)}` : '#,##0';
  const fmt = show.pound
    ? `"£"${fmtNumber};("£"${fmtNumber})`
    : show.brackets
      ? `${fmtNumber};(${fmtNumber})`
      : show.fmt || fmtNumber;
  // Typed in £000s or as rounded percentages: the cell holds the rounded figure. Pounds: the exact one.
  const stored = scale !== 1 || show.pct ? rounded : value;
  return { v: stored.toNumber(), fmt, shown: rounded };
}

/** A wrong figure for a fault: off by more than any rounding, or by one in the last place where nothing is rounded. */
function wrongFigure(shown, show, rand, exact) {
  const dp = show.dp ?? 0;
  const step = D(1).dividedBy(D(10).pow(dp));
  const small = exact && rand() < 0.5;
  const bump = small
    ? step
    : Decimal.max(
        step.times(3 + Math.floor(rand() * 6)),
        shown
          .abs()
          .times(0.02 + rand() * 0.05)
          .toDecimalPlaces(dp),
      ).plus(step.times(Math.floor(rand() * 10)));
  return rand() < 0.5 ? shown.plus(bump) : shown.minus(bump);
}

function wrongCell(shown, show, rand, exact) {
  const wrong = wrongFigure(shown, show, rand, exact);
  const dp = show.dp ?? 0;
  if (show.text) {
    let t = grouped(wrong, dp);
    if (show.pound) t = `£${t}`;
    if (show.pct === 'sign') t += '%';
    if (wrong.isNegative()) t = show.brackets ? `(${t})` : `-${t}`;
    return { v: t };
  }
  if (show.pct === 'fraction') return { v: wrong.dividedBy(100).toNumber(), fmt: `0.${'0'.repeat(dp)}%` };
  return { v: wrong.toNumber(), fmt: show.fmt || (dp ? `#,##0.${'0'.repeat(dp)}` : '#,##0') };
}

// ---- sheets ---------------------------------------------------------------------------

class SheetGrid {
  constructor(name) {
    this.name = name;
    this.cells = new Map(); // "r,c" -> {v, fmt}
    this.merges = [];
    this.figures = []; // {r, c, shown, show, derived, exact}
  }
  put(r, c, v, fmt) {
    if (v !== null && v !== undefined && v !== '') this.cells.set(`${r},${c}`, { v, fmt });
  }
  figure(r, c, value, show, derived, exact = true) {
    const cell = cellFor(value, show);
    this.put(r, c, cell.v, cell.fmt);
    this.figures.push({ r, c, shown: cell.shown, show, derived, exact });
  }
}

const addr = (r, c) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
};

/**
 * Lays out one year's table at (r0, c0). `cols` lists what each column shows: a label key
 * (ref, name, type, group, inPool, commissioner, provider, source) or a figure key (cost, share,
 * nel, saving, change, ch, dtoc, totalSaving) with its heading and how it is shown.
 */
function layTable(
  grid,
  r0,
  c0,
  {
    schemes,
    year,
    cols,
    unit,
    total = { where: 'below', label: 'Total' },
    subtotals = false,
    unitsRow = null,
    groupRow = null,
    poolNote = false,
  },
) {
  const fig = yearFigures(schemes, year, unit);
  let r = r0;
  if (groupRow) {
    groupRow.forEach((g, i) => grid.put(r, c0 + i, g));
    r++;
  }
  // Percentages are shown as points (4.03) unless the layout says otherwise.
  cols = cols.map((col) =>
    col.show && (col.key === 'share' || col.key === 'change') && !col.show.pct
      ? { ...col, show: { ...col.show, pct: 'points' } }
      : col,
  );
  cols.forEach((col, i) => grid.put(r, c0 + i, col.head));
  r++;
  if (unitsRow) {
    unitsRow.forEach((u, i) => grid.put(r, c0 + i, u));
    r++;
  }
  const labelCol = cols.findIndex((c) => ['ref', 'name'].includes(c.key));
  // Shares of costs typed rounded (£000s, £m) can only be worked out to within their last place.
  const roundedCosts = cols.some((c) => c.key === 'cost' && c.show && c.show.money && (c.show.scale || 1) > 1);
  const markApprox = (k) => {
    if (roundedCosts && k === 'share') grid.figures[grid.figures.length - 1].approx = true;
  };
  const writeTotal = (rows, label, key) => {
    if (labelCol >= 0 && label) grid.put(r, c0 + labelCol, label);
    cols.forEach((col, i) => {
      if (!col.show) return;
      const k = col.key;
      let value;
      // A group's sub-total shows its schemes' share; the table's total, 100.
      if ((k === 'share' || k === 'change') && key === 'subtotal')
        value = rows.reduce((a, x) => a.plus(x[k] ?? D(0)), D(0));
      else if (k === 'share' || k === 'change') value = D(1);
      else if (k === 'cost')
        value = rows
          .filter((x) => x.s.inPool || !cols.some((cc) => cc.key === 'share'))
          .reduce((a, x) => a.plus(x.cost), D(0));
      else value = rows.reduce((a, x) => a.plus(x[k]), D(0));
      if (k === 'cost' && poolNote && !col.show.text) poolNote = false;
      grid.figure(r, c0 + i, value, col.show, key);
      markApprox(k);
      if (k === 'cost' && poolNote) grid.put(r, c0 + i, `${cellFor(value, col.show).v} (BCF Pool)`);
    });
    r++;
  };
  if (total.where === 'above') writeTotal(fig.rows, total.label, 'total');
  let section = [];
  let group = fig.rows[0].s.group;
  fig.rows.forEach((x, n) => {
    cols.forEach((col, i) => {
      const k = col.key;
      if (!col.show) {
        const text = k === 'inPool' ? (x.s.inPool ? 'Yes' : 'No') : x.s[k];
        grid.put(r, c0 + i, text);
        return;
      }
      if (k === 'share' && x.share === null) return grid.put(r, c0 + i, 'n/a');
      if (['nel', 'saving', 'change', 'ch', 'dtoc'].includes(k) && x.nel.isZero() && k !== 'ch' && k !== 'dtoc') return;
      if ((k === 'ch' || k === 'dtoc') && x[k].isZero()) return;
      if (k === 'totalSaving' && x.totalSaving.isZero()) return;
      if (k === 'cost' && !x.s.inPool && col.show.text && cols.some((cc) => cc.key === 'share')) {
        grid.put(r, c0 + i, `${cellFor(x.cost, col.show).v} (Not BCF pool)`);
        grid.figures.push({ r, c: c0 + i, shown: null, show: col.show, derived: false });
        return;
      }
      grid.figure(r, c0 + i, x[k], col.show, ['share', 'saving', 'change', 'totalSaving'].includes(k) ? 'row' : false);
      markApprox(k);
    });
    r++;
    section.push(x);
    const next = fig.rows[n + 1];
    if (subtotals && (!next || next.s.group !== group)) {
      writeTotal(section, `Sub-total ${group}`, 'subtotal');
      section = [];
      if (next) group = next.s.group;
    }
  });
  if (total.where === 'below') writeTotal(fig.rows, total.label, 'total');
  return { lastRow: r - 1, fig };
}

// ---- the workbooks ------------------------------------------------------------------------

const T = (dp = 0, extra = {}) => ({ text: true, dp, ...extra });
const N = (dp = 0, extra = {}) => ({ text: false, dp, ...extra });
const money = (show, scale = 1) => ({ ...show, money: true, scale });

function standardCols(h, s) {
  return [
    { key: 'ref', head: h.ref || 'Ref' },
    { key: 'name', head: h.name || 'Scheme' },
    { key: 'cost', head: h.cost || 'Cost (£)', show: s.cost },
    { key: 'share', head: h.share || '% of BCF pool', show: s.share },
    { key: 'nel', head: h.nel || 'Reduced NEL admissions', show: s.nel || T(0) },
    { key: 'saving', head: h.saving || 'Saving (£)', show: s.saving },
    { key: 'change', head: h.change || '% change NEL admissions', show: s.change },
  ].filter((c) => !c.show || c.show !== 'omit');
}

/** Each layout returns sheets (SheetGrid) and the first table's import facts. */
const LAYOUTS = [
  // 1. As a published plan prints it: text figures, a scheme outside the pool, "Total:".
  (seed) => {
    const g = new SheetGrid('Cost and impact');
    const schemes = councilSchemes(seed, 8);
    g.put(0, 0, 'Table 1 – Cost and impact of schemes on NEL admissions, 2024/25');
    layTable(g, 2, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols({}, { cost: money(T(0)), share: T(2), saving: money(T(0)), change: T(2) }),
      total: { where: 'below', label: 'Total:' },
      poolNote: true,
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 2. Numbers with formats: % of pool held as a fraction formatted as %, £ formats, "Grand total".
  (seed) => {
    const g = new SheetGrid('Schemes 2025-26');
    const schemes = councilSchemes(seed, 10, { years: ['2025/26'] });
    layTable(g, 0, 0, {
      schemes,
      year: '2025/26',
      cols: standardCols(
        {
          ref: 'Scheme ID',
          name: 'Scheme name',
          cost: 'Investment',
          share: 'Share of pool',
          saving: 'Estimated saving',
          change: '% change',
        },
        {
          cost: money(N(0, { pound: true })),
          share: { pct: 'fraction', dp: 2 },
          saving: money(N(0, { pound: true })),
          change: { pct: 'fraction', dp: 1 },
        },
      ),
      total: { where: 'below', label: 'Grand total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2025/26', unit: 2004, scale: 1 } };
  },
  // 3. A two-row header with a units row; wrapped headings across rows.
  (seed) => {
    const g = new SheetGrid('BCF');
    const schemes = councilSchemes(seed, 7);
    g.put(0, 0, 'Better Care Fund 2024/25');
    layTable(g, 2, 0, {
      schemes,
      year: '2024/25',
      groupRow: ['Scheme', null, 'Total', '% of', 'Reduction in', 'Estimated', '% reduction'],
      cols: standardCols(
        {
          ref: 'ref',
          name: 'name',
          cost: 'expenditure',
          share: 'pool',
          nel: 'NEL admissions',
          saving: 'saving',
          change: 'NEL',
        },
        { cost: money(N(0)), share: N(2, { pct: 'points' }), saving: money(N(0)), change: N(1, { pct: 'points' }) },
      ),
      unitsRow: [null, null, '£', '%', 'No.', '£', '%'],
      total: { where: 'below', label: 'TOTAL' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 4. In £000s (stated in the headings), typed rounded: totals differ from the rounded rows by rounding.
  (seed) => {
    const g = new SheetGrid('Plan £000s');
    const schemes = councilSchemes(seed, 9, { outOfPool: 0 });
    layTable(g, 1, 1, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        { cost: 'Cost (£000s)', saving: 'Saving (£000s)' },
        { cost: money(N(0), 1e3), share: T(1), saving: money(N(1), 1e3), change: T(1) },
      ),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1e3 } };
  },
  // 5. A note above states the scale and the unit cost: "£000s", "@ £1,490 per admission".
  (seed) => {
    const g = new SheetGrid('Schemes');
    const schemes = councilSchemes(seed, 8);
    g.put(0, 0, "All figures £'000 unless stated");
    g.put(1, 0, 'Savings calculated @ £1,490 per non-elective admission');
    layTable(g, 3, 0, {
      schemes,
      year: '2024/25',
      unit: 1490,
      cols: standardCols(
        { cost: 'Cost', saving: 'Savings' },
        { cost: money(T(1), 1e3), share: T(2), saving: money(T(1), 1e3), change: T(2) },
      ),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 1490, scale: 1e3 } };
  },
  // 6. The unit cost in the saving heading.
  (seed) => {
    const g = new SheetGrid('Impact');
    const schemes = councilSchemes(seed, 6);
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      unit: 1650,
      cols: standardCols(
        { nel: 'Avoided admissions', saving: 'Saving @ £1,650 per admission' },
        {
          cost: money(T(0, { pound: true })),
          share: T(2, { pct: 'sign' }),
          saving: money(T(0, { pound: true })),
          change: T(2, { pct: 'sign' }),
        },
      ),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 1650, scale: 1 } };
  },
  // 7. The total row above the schemes.
  (seed) => {
    const g = new SheetGrid('Summary');
    const schemes = councilSchemes(seed, 7);
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        {},
        { cost: money(N(0)), share: N(2, { pct: 'points' }), saving: money(N(0)), change: N(2, { pct: 'points' }) },
      ),
      total: { where: 'above', label: 'TOTAL' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 8. A total row with no label.
  (seed) => {
    const g = new SheetGrid('Table');
    const schemes = councilSchemes(seed, 6, { outOfPool: 0 });
    layTable(g, 2, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        { name: 'Service' },
        { cost: money(N(0)), share: N(2, { pct: 'points' }), saving: money(N(0)), change: N(2, { pct: 'points' }) },
      ),
      total: { where: 'below', label: null },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 9. Two tables side by side on the same rows, a blank column between them.
  (seed) => {
    const g = new SheetGrid('Two years');
    const schemes = councilSchemes(seed, 6, { years: ['2024/25', '2025/26'] });
    g.put(0, 0, '2024/25');
    g.put(0, 8, '2025/26');
    const s = { cost: money(T(0)), share: T(2), saving: money(T(0)), change: T(2) };
    layTable(g, 1, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols({}, s),
      total: { where: 'below', label: 'Total' },
    });
    layTable(g, 1, 8, {
      schemes,
      year: '2025/26',
      cols: standardCols({}, s),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 10. A second table stacked below the first, with its own title.
  (seed) => {
    const g = new SheetGrid('Stacked');
    const schemes = councilSchemes(seed, 5, { years: ['2024/25', '2025/26'] });
    const s = { cost: money(T(0)), share: T(2), saving: money(T(0)), change: T(2) };
    g.put(0, 0, 'Table A: 2024/25');
    const a = layTable(g, 1, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols({}, s),
      total: { where: 'below', label: 'Total' },
    });
    g.put(a.lastRow + 2, 0, 'Table B: 2025/26');
    layTable(g, a.lastRow + 3, 0, {
      schemes,
      year: '2025/26',
      cols: standardCols({}, s),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 11. Negative figures in brackets: a service decommissioned gives money back.
  (seed) => {
    const g = new SheetGrid('Adjusted');
    const schemes = councilSchemes(seed, 6, { outOfPool: 0, negative: true });
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        {},
        { cost: money(T(0, { brackets: true })), share: T(2, { brackets: true }), saving: money(T(0)), change: T(2) },
      ),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 12. Schemes as columns: the measures down the side.
  (seed) => {
    const g = new SheetGrid('Across');
    const schemes = councilSchemes(seed, 5, { outOfPool: 0 });
    const flat = new SheetGrid('flat');
    layTable(flat, 0, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        {},
        { cost: money(N(0)), share: N(2, { pct: 'points' }), saving: money(N(0)), change: N(2, { pct: 'points' }) },
      ),
      total: { where: 'below', label: 'Total' },
    });
    g.put(0, 0, 'Schemes 2024/25 (one column per scheme)');
    for (const [key, cell] of flat.cells) {
      const [r, c] = key.split(',').map(Number);
      g.put(c + 2, r, cell.v, cell.fmt);
    }
    g.figures = flat.figures.map((f) => ({ ...f, r: f.c + 2, c: f.r }));
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 13. Sub-totals by group and a grand total; group heading rows.
  (seed) => {
    const g = new SheetGrid('By tier');
    const schemes = councilSchemes(seed, 9);
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      subtotals: true,
      cols: standardCols({}, { cost: money(T(0)), share: T(2), saving: money(T(0)), change: T(2) }),
      total: { where: 'below', label: 'Grand Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 14. Several benefits and one total saving at the named unit costs.
  (seed) => {
    const g = new SheetGrid('Benefits');
    const schemes = councilSchemes(seed, 9, { multi: true });
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      cols: [
        { key: 'ref', head: 'Sch Ref' },
        { key: 'cost', head: 'Cost (£)', show: money(T(0)) },
        { key: 'share', head: '% of BCF Pool', show: T(2) },
        { key: 'nel', head: 'No Reduced NEL Adm.', show: T(0) },
        { key: 'change', head: '% Change NEL Adm.', show: T(2) },
        { key: 'ch', head: 'No Reduced Care Home Adm.', show: T(0) },
        { key: 'dtoc', head: 'DTOC (Reduced XS Bed Days)', show: T(0) },
        { key: 'totalSaving', head: 'Total Saving (£)', show: money(T(0)) },
      ],
      total: { where: 'below', label: null },
      poolNote: true,
    });
    return {
      sheets: [g],
      first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1, multi: true, unnamed: true },
    };
  },
  // 15. The national template's words: ID, type, commissioner, provider, source, expenditure.
  (seed) => {
    const g = new SheetGrid('Expenditure');
    const schemes = councilSchemes(seed, 10);
    layTable(g, 3, 1, {
      schemes,
      year: '2024/25',
      cols: [
        { key: 'ref', head: 'Scheme ID' },
        { key: 'name', head: 'Scheme Name' },
        { key: 'type', head: 'Scheme Type' },
        { key: 'commissioner', head: 'Commissioner' },
        { key: 'provider', head: 'Provider' },
        { key: 'source', head: 'Source of Funding' },
        { key: 'inPool', head: 'In BCF pool?' },
        { key: 'cost', head: 'Expenditure (£)', show: money(N(0)) },
        { key: 'share', head: '% of BCF pool', show: { pct: 'fraction', dp: 2 } },
        { key: 'nel', head: 'Reduction in NEL admissions', show: N(0) },
        { key: 'saving', head: 'Savings (£)', show: money(N(0)) },
      ],
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 16. Footnote marks and wrapped headings: "Cost (£)¹", "2b*", line breaks inside headings.
  (seed) => {
    const g = new SheetGrid('Notes');
    const schemes = councilSchemes(seed, 7);
    schemes[2].ref += '*';
    layTable(g, 1, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        {
          cost: 'Cost (£)¹',
          share: '% of BCF\npool',
          nel: 'Reduced NEL\nadmissions²',
          saving: 'Saving\n(£)',
          change: '% Change\nNEL',
        },
        { cost: money(T(0)), share: T(2), saving: money(T(0)), change: T(2) },
      ),
      total: { where: 'below', label: 'Total' },
    });
    g.put(
      g.figures.reduce((m, f) => Math.max(m, f.r), 0) + 2,
      0,
      '¹ Includes carry-forward. * Scheme 3a shared with the neighbouring borough.',
    );
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 17. In £m with two decimals, and sub-totals: an old sheet.
  (seed) => {
    const g = new SheetGrid('Old plan');
    const schemes = councilSchemes(seed, 8, { outOfPool: 0 });
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      subtotals: true,
      cols: standardCols(
        { cost: 'Spend £m' },
        { cost: money(T(2), 1e6), share: T(1), saving: money(T(0)), change: T(1) },
      ),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1e6 } };
  },
  // 18. A scheme table beside a budget table that is not one (Cost, Total, FTE, % change on last year).
  (seed) => {
    const g = new SheetGrid('Budget and BCF');
    const schemes = councilSchemes(seed, 6);
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols({}, { cost: money(T(0)), share: T(2), saving: money(T(0)), change: T(2) }),
      total: { where: 'below', label: 'Total' },
    });
    const b = 14;
    [
      ['Service', 'Budget 2023/24', 'Cost', 'Total', 'FTE', '% change on 2023/24'],
      ['Home care', 1000, 1100, 2150, 12, 4.2],
      ['Day services', 500, 480, 990, 4, -7.1],
      ['Total', 1500, 1580, 3000, 15, 2.3],
    ].forEach((row, i) => row.forEach((v, c) => g.put(b + i, c, v)));
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 19. Two year groups side by side under merged year headings, sharing the scheme columns.
  (seed) => {
    const g = new SheetGrid('Years');
    const years = ['2024/25', '2025/26'];
    const schemes = councilSchemes(seed, 6, { years, outOfPool: 0 });
    const f = years.map((y) => yearFigures(schemes, y));
    g.put(0, 2, '2024/25');
    g.put(0, 6, '2025/26');
    g.merges.push([0, 2, 0, 5], [0, 6, 0, 9]);
    [
      'Ref',
      'Scheme',
      'Cost (£)',
      '% of pool',
      'Reduced NEL admissions',
      'Saving (£)',
      'Cost (£)',
      '% of pool',
      'Reduced NEL admissions',
      'Saving (£)',
    ].forEach((h, c) => g.put(1, c, h));
    const show = { cost: money(N(0)), share: N(2, { pct: 'points' }), nel: N(0), saving: money(N(0)) };
    f[0].rows.forEach((x, i) => {
      g.put(2 + i, 0, x.s.ref);
      g.put(2 + i, 1, x.s.name);
      years.forEach((y, k) => {
        const row = f[k].rows[i];
        ['cost', 'share', 'nel', 'saving'].forEach((key, j) => {
          if ((key === 'nel' || key === 'saving') && row.nel.isZero()) return;
          g.figure(2 + i, 2 + 4 * k + j, row[key], show[key], key === 'share' || key === 'saving' ? 'row' : false);
        });
      });
    });
    const tr = 2 + schemes.length;
    g.put(tr, 1, 'Total');
    years.forEach((y, k) =>
      ['cost', 'share', 'nel', 'saving'].forEach((key, j) =>
        g.figure(tr, 2 + 4 * k + j, key === 'share' ? D(1) : f[k].totals[key], show[key], 'total'),
      ),
    );
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1, bandCols: true } };
  },
  // 20. Quarters under a "Cost (£)" heading with a row total, and a saving per row.
  (seed) => {
    const g = new SheetGrid('Quarterly');
    const schemes = councilSchemes(seed, 6, { outOfPool: 0 });
    const f = yearFigures(schemes, '2024/25');
    g.put(0, 2, 'Cost (£)');
    g.merges.push([0, 2, 0, 6]);
    ['Ref', 'Scheme', 'Q1', 'Q2', 'Q3', 'Q4', 'Total', 'Reduced NEL admissions', 'Saving (£)'].forEach((h, c) =>
      g.put(1, c, h),
    );
    const show = money(N(0));
    f.rows.forEach((x, i) => {
      g.put(2 + i, 0, x.s.ref);
      g.put(2 + i, 1, x.s.name);
      const q = x.cost.dividedToIntegerBy(4);
      [q, q, q, x.cost.minus(q.times(3))].forEach((v, j) => g.figure(2 + i, 2 + j, v, show, false));
      g.figure(2 + i, 6, x.cost, show, 'row');
      if (!x.nel.isZero()) {
        g.figure(2 + i, 7, x.nel, N(0), false);
        g.figure(2 + i, 8, x.saving, show, 'row');
      }
    });
    const tr = 2 + schemes.length;
    g.put(tr, 1, 'Total');
    for (let j = 0; j < 4; j++)
      g.figure(
        tr,
        2 + j,
        f.rows.reduce(
          (a, x) => a.plus(j < 3 ? x.cost.dividedToIntegerBy(4) : x.cost.minus(x.cost.dividedToIntegerBy(4).times(3))),
          D(0),
        ),
        show,
        'total',
      );
    g.figure(tr, 6, f.all, show, 'total');
    g.figure(tr, 7, f.totals.nel, N(0), 'total');
    g.figure(tr, 8, f.totals.saving, show, 'total');
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 21. Percentages typed 6.5 in cells formatted 0.00, and % of pool as text with a % sign.
  (seed) => {
    const g = new SheetGrid('Typed');
    const schemes = councilSchemes(seed, 8);
    layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        { share: 'Pool %', change: '% reduction' },
        {
          cost: money(N(0)),
          share: T(2, { pct: 'sign' }),
          saving: money(N(0)),
          change: N(2, { pct: 'points', fmt: '0.00' }),
        },
      ),
      total: { where: 'below', label: 'Total' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 22. A long table split over two sheets' worth of rows, on a sheet with a title block and notes.
  (seed) => {
    const g = new SheetGrid('Full list');
    const schemes = councilSchemes(seed, 20, { outOfPool: 2 });
    g.put(0, 0, 'Made-up Borough Council and ICB');
    g.put(1, 0, 'Better Care Fund schemes 2024/25');
    layTable(g, 4, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        {
          ref: 'No.',
          name: 'Scheme',
          cost: 'Total cost £',
          share: '% of total BCF pool',
          nel: 'NEL admissions avoided',
          saving: 'Savings (£)',
          change: 'Share of total NEL reduction (%)',
        },
        { cost: money(N(0)), share: N(2, { pct: 'points' }), saving: money(N(0)), change: N(2, { pct: 'points' }) },
      ),
      total: { where: 'below', label: 'Total BCF' },
    });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 23. Pasted from a PDF: everything text, "£ 1,234", "4.03 %", footnote marks, names wrapped onto a second row.
  (seed) => {
    const g = new SheetGrid('Pasted');
    const schemes = councilSchemes(seed, 7);
    const flat = new SheetGrid('flat');
    layTable(flat, 0, 0, {
      schemes,
      year: '2024/25',
      cols: standardCols(
        {
          cost: 'Cost (£) [1]',
          share: '% of BCF Pool',
          nel: 'Reduced NEL Admissions [2]',
          saving: 'Saving (£)',
          change: '% Change NEL',
        },
        {
          cost: money(T(0, { pound: true })),
          share: T(2, { pct: 'sign' }),
          saving: money(T(0, { pound: true })),
          change: T(2, { pct: 'sign' }),
        },
      ),
      total: { where: 'below', label: 'TOTAL' },
    });
    // Every scheme's name breaks after its second word onto a row of its own, as PDF text does.
    let out = 2;
    const rowMap = new Map();
    const maxRow = Math.max(...[...flat.cells.keys()].map((k) => Number(k.split(',')[0])));
    for (let r = 0; r <= maxRow; r++) {
      rowMap.set(r, out);
      const name = flat.cells.get(`${r},1`);
      const words = r > 0 && name && typeof name.v === 'string' && r < maxRow ? name.v.split(' ') : [];
      for (let c = 0; c < 7; c++) {
        const cell = flat.cells.get(`${r},${c}`);
        if (!cell) continue;
        const v = typeof cell.v === 'string' ? cell.v.replace('%', ' %').replace('£', '£ ') : cell.v;
        g.put(out, c, c === 1 && words.length > 2 ? words.slice(0, 2).join(' ') : v, cell.fmt);
      }
      if (words.length > 2) g.put(++out, 1, words.slice(2).join(' '));
      out++;
    }
    g.put(0, 0, 'Table 2: Cost and impact of schemes (extract from the published plan)');
    g.put(out + 1, 0, '[1] 2024/25 prices. [2] Against the 2023/24 baseline.');
    g.figures = flat.figures.map((f) => ({ ...f, r: rowMap.get(f.r) }));
    for (const [key, cell] of [...g.cells])
      if (typeof cell.v === 'string' && /%$/.test(cell.v)) g.cells.set(key, { v: cell.v });
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 24. An old sheet: each group closed by a sub-total row nobody labelled, then a labelled total.
  (seed) => {
    const g = new SheetGrid('2019 sheet');
    const schemes = councilSchemes(seed, 9, { outOfPool: 0 });
    const a = layTable(g, 0, 0, {
      schemes,
      year: '2024/25',
      subtotals: true,
      cols: standardCols(
        {},
        { cost: money(N(0)), share: N(2, { pct: 'points' }), saving: money(N(0)), change: N(2, { pct: 'points' }) },
      ),
      total: { where: 'below', label: 'Total' },
    });
    for (let r = 0; r <= a.lastRow; r++) {
      const label = g.cells.get(`${r},0`);
      if (label && /^Sub-total/.test(label.v)) g.cells.delete(`${r},0`);
    }
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 25. Group heading rows that carry their group's cost, above its schemes.
  (seed) => {
    const g = new SheetGrid('Groups');
    const schemes = councilSchemes(seed, 8, { outOfPool: 0 });
    const f = yearFigures(schemes, '2024/25');
    ['Ref', 'Scheme', 'Cost (£)', 'Reduced NEL admissions', 'Saving (£)'].forEach((h, c) => g.put(0, c, h));
    let r = 1;
    for (const group of GROUPS) {
      const rows = f.rows.filter((x) => x.s.group === group);
      if (!rows.length) continue;
      g.put(r, 1, group);
      g.figure(
        r,
        2,
        rows.reduce((a, x) => a.plus(x.cost), D(0)),
        money(N(0)),
        'subtotal',
      );
      r++;
      for (const x of rows) {
        g.put(r, 0, x.s.ref);
        g.put(r, 1, x.s.name);
        g.figure(r, 2, x.cost, money(N(0)), false);
        if (!x.nel.isZero()) {
          g.figure(r, 3, x.nel, N(0), false);
          g.figure(r, 4, x.saving, money(N(0)), 'row');
        }
        r++;
      }
    }
    g.put(r, 1, 'Total');
    g.figure(r, 2, f.all, money(N(0)), 'total');
    g.figure(r, 3, f.totals.nel, N(0), 'total');
    g.figure(r, 4, f.totals.saving, money(N(0)), 'total');
    // Faults only in the savings and the total: a wrong heading figure would make the whole group ambiguous.
    g.figures = g.figures.map((x) => (x.derived === 'subtotal' ? { ...x, derived: false } : x));
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1 } };
  },
  // 26. A cost per year and a total cost, with one % of pool of the total and a first-year saving.
  (seed) => {
    const g = new SheetGrid('Two-year costs');
    const years = ['2024/25', '2025/26'];
    const schemes = councilSchemes(seed, 7, { years, outOfPool: 0 });
    const f = years.map((y) => yearFigures(schemes, y));
    const totals = schemes.map((s) => s.years[years[0]].cost.plus(s.years[years[1]].cost));
    const grand = totals.reduce((a, b) => a.plus(b), D(0));
    [
      'Ref',
      'Scheme name',
      'Cost 2024/25 (£)',
      'Cost 2025/26 (£)',
      'Total cost (£)',
      '% of pool',
      'Reduced NEL admissions 2024/25',
      'Saving 2024/25 (£)',
    ].forEach((h, c) => g.put(0, c, h));
    f[0].rows.forEach((x, i) => {
      const r = i + 1;
      g.put(r, 0, x.s.ref);
      g.put(r, 1, x.s.name);
      g.figure(r, 2, x.cost, money(N(0)), false);
      g.figure(r, 3, f[1].rows[i].cost, money(N(0)), false);
      g.figure(r, 4, totals[i], money(N(0)), 'row');
      g.figure(r, 5, totals[i].dividedBy(grand), T(2, { pct: 'points' }), 'row');
      if (!x.nel.isZero()) {
        g.figure(r, 6, x.nel, N(0), false);
        g.figure(r, 7, x.saving, money(N(0)), 'row');
      }
    });
    const tr = schemes.length + 1;
    g.put(tr, 1, 'Total');
    [f[0].all, f[1].all, grand].forEach((v, j) => g.figure(tr, 2 + j, v, money(N(0)), 'total'));
    g.figure(tr, 5, D(1), T(2, { pct: 'points' }), 'total');
    g.figure(tr, 6, f[0].totals.nel, N(0), 'total');
    g.figure(tr, 7, f[0].totals.saving, money(N(0)), 'total');
    return { sheets: [g], first: { sheet: g.name, schemes, year: '2024/25', unit: 2004, scale: 1, noPoolShare: true } };
  },
];

/** Seeds faults into derived figures (shares, savings, % change, totals, row totals). */
function seedFaults(sheets, rand, count) {
  const candidates = sheets.flatMap((g) =>
    g.figures.filter((f) => f.derived && f.shown !== null).map((f) => ({ g, f })),
  );
  const faults = [];
  const used = new Set();
  while (faults.length < count && used.size < candidates.length) {
    const i = Math.floor(rand() * candidates.length);
    if (used.has(i)) continue;
    used.add(i);
    const { g, f } = candidates[i];
    // Faults in the same row or column as another would change which cell a person calls wrong.
    if (faults.some((x) => x.g === g && (x.f.r === f.r || x.f.c === f.c))) continue;
    // A % total off by its last place may be its rows' rounded percentages added up, which is no fault.
    const percentTotal = f.derived !== 'row' && f.show.pct;
    const wrong = wrongCell(f.shown, f.show, rand, f.exact && !percentTotal && !(f.show.money && f.show.scale > 1));
    g.cells.set(`${f.r},${f.c}`, { ...g.cells.get(`${f.r},${f.c}`), ...wrong });
    faults.push({ g, f });
  }
  return faults.map(({ g, f }) => ({
    sheet: g.name,
    cell: addr(f.r, f.c),
    expected: f.shown.toString(),
    ...(f.approx
      ? {
          within: D(1)
            .dividedBy(D(10).pow(f.show.dp ?? 0))
            .toString(),
        }
      : {}),
  }));
}

function corpus() {
  return LAYOUTS.map((layout, i) => {
    const seed = 101 + i * 17;
    const { sheets, first } = layout(seed);
    const rand = rng(seed + 5);
    const faults = seedFaults(sheets, rand, 2 + (i % 3));
    const faultCells = new Set(faults.map((f) => `${f.sheet}!${f.cell}`));
    const correct = sheets
      .flatMap((g) => g.figures.map((f) => ({ sheet: g.name, cell: addr(f.r, f.c) })))
      .filter((c) => !faultCells.has(`${c.sheet}!${c.cell}`));
    return { name: `council-${String(i + 1).padStart(2, '0')}`, sheets, faults, correct, first };
  });
}

/** One typed table of `count` schemes as a published plan prints it, with a few faults: for `npm run bench`. */
function largeTypedTable(count) {
  const g = new SheetGrid('Schemes');
  const schemes = councilSchemes(7, count, { outOfPool: 3 });
  g.put(0, 0, `Cost and impact of ${count} schemes, 2024/25`);
  layTable(g, 2, 0, {
    schemes,
    year: '2024/25',
    cols: standardCols({}, { cost: money(T(0)), share: T(2), saving: money(T(0)), change: T(2) }),
    total: { where: 'below', label: 'Total' },
    poolNote: true,
  });
  const faults = seedFaults([g], rng(8), 5);
  return { name: `typed-${count}`, sheets: [g], faults, correct: [], first: null };
}

/** The workbook as ExcelJS writes it: values, number formats, merged headings and hidden rows (0-based). */
async function toXlsx(spec) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const g of spec.sheets) {
    const ws = wb.addWorksheet(g.name);
    for (const [key, cell] of g.cells) {
      const [r, c] = key.split(',').map(Number);
      const target = ws.getCell(r + 1, c + 1);
      target.value = cell.v;
      if (cell.fmt) target.numFmt = cell.fmt;
    }
    for (const [r1, c1, r2, c2] of g.merges ?? []) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
    for (const r of g.hidden ?? []) ws.getRow(r + 1).hidden = true;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

module.exports = { corpus, toXlsx, yearFigures, largeTypedTable, NAMED_UNITS };
