'use strict';
// Lays a plan out as the template's Income and Expenditure sheets (with the Running Balances and
// Required Spend blocks above the expenditure header), recording where every figure went: the
// cells a fault may break and the cells the plan-level faults point at.
const { VERSIONS, INCOME_LABEL } = require('./versions');
const { D, sum } = require('./plan');

class Grid {
  constructor(name) {
    this.name = name;
    this.cells = new Map(); // "r,c" -> {v, fmt}
    this.merges = [];
  }
  put(r, c, v, fmt) {
    if (v !== null && v !== undefined && v !== '') this.cells.set(`${r},${c}`, { v, fmt });
  }
  /** An empty cell with a format: what a template's formatted, unused rows hold. */
  blank(r, c, fmt) {
    this.cells.set(`${r},${c}`, { v: null, fmt });
  }
  get(r, c) {
    return this.cells.get(`${r},${c}`);
  }
}

const addr = (r, c) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
};
const ref = (g, r, c) => `'${g.name}'!${addr(r, c)}`;

/** "£1,234" or "£1,234.56": money typed as text. */
function moneyText(d) {
  const [w, f] = d.abs().toFixed(2).split('.');
  const grouped = w.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${d.isNegative() ? '-' : ''}£${grouped}${f === '00' ? '' : `.${f}`}`;
}

/** Writes a money figure: a number with the copy's format, text, or a formula with its cached result. */
function putMoney(g, r, c, d, look, { formula = null, text = false, scale = 1 } = {}) {
  const shown = d.dividedBy(scale);
  if (text) return g.put(r, c, moneyText(shown));
  const n = shown.toNumber();
  // ExcelJS drops a cached result of 0 (it writes the formula alone): such cells are written as pasted 0s.
  g.put(r, c, formula && look.formulas && n !== 0 ? { formula, result: n } : n, look.moneyFmt);
}

const yearHead = (y, style) => (style === 'dash' ? y.replace('/', '-') : y);

// ---- Income ---------------------------------------------------------------------------------

const ORG = {
  la: (b) => [`${b} Council`, `${b} District Council`, `Borough of ${b} North`],
  nhs: (b, org) => [`NHS ${b} ${org}`, `NHS ${b} and District ${org}`],
};

/** Splits an amount into `parts` whole-pound pieces (the last keeps any pence). */
function split(d, parts, rand) {
  const out = [];
  let left = d;
  for (let i = 0; i < parts - 1; i++) {
    const piece = d.times((0.25 + rand() * 0.5) / parts).floor();
    out.push(piece);
    left = left.minus(piece);
  }
  out.push(left);
  return out;
}

/** The Income sheet: per source rows (some split by organisation with a total), comments, and a Total row. */
function layIncome(plan, look, rand, board) {
  const v = VERSIONS[plan.version];
  const g = new Grid(look.incomeSheet);
  const c0 = look.col0;
  const years = plan.years;
  const scale = look.thousands ? 1000 : 1;
  const srcCells = {};
  const cands = [];
  let r = 0;
  g.put(r, c0, plan.version === '2015-16' ? 'Funding sources' : 'Income');
  if (look.titleMerged) g.merges.push([r, c0, r, c0 + years.length + 1]);
  r++;
  g.put(r, c0, 'Selected Health and Wellbeing Board:');
  g.put(r, c0 + 1, board);
  r += 2 + look.padTop;
  const unit = look.thousands ? '(£000)' : '(£)';
  const head =
    plan.version === '2015-16'
      ? years.map((y) => `Gross Contribution ${y} ${unit}`)
      : years.length === 1
        ? [look.incomeHead === 'named' ? 'Contribution (£)' : 'Amount (£)']
        : years.map((y) =>
            look.incomeHead === 'named' ? `Contribution ${yearHead(y, 'dash')} (£)` : yearHead(y, 'dash'),
          );
  g.put(r, c0, plan.version === '2015-16' ? 'Organisation' : 'Funding source');
  head.forEach((h, k) => g.put(r, c0 + 1 + k, h));
  const cComment = c0 + 1 + years.length;
  g.put(r, cComment, plan.version === '2015-16' ? 'Notes' : 'Please specify / comments');
  const headRow = r;
  r++;
  const totalsRows = [];
  const row = (label, amounts, comment, rule) => {
    g.put(r, c0, label);
    amounts.forEach((d, k) => {
      if (d === 'N/A') g.put(r, c0 + 1 + k, 'N/A');
      else if (d !== null) putMoney(g, r, c0 + 1 + k, d, look, { scale, formula: rule ? rule(k) : null });
    });
    if (comment) g.put(r, cComment, comment);
    return r++;
  };
  const amountRange = (k, a, b) => `SUM(${addr(a, c0 + 1 + k)}:${addr(b, c0 + 1 + k)})`;
  for (const src of plan.sources) {
    const inc = plan.income[src];
    const word = typeof v.sources[src] === 'string' ? v.sources[src] : look.sourceWords[src];
    const isZero = inc.every((d) => d.isZero());
    let orgs = 1;
    if (plan.version === '2015-16') orgs = src === 'nhsMinimum' && look.twoCcgs ? 2 : 1;
    else if ((src === 'dfg' && look.perOrgDfg) || (src === 'nhsMinimum' && look.perOrgNhs)) orgs = 2 + (rand() < 0.4);
    else if (src.startsWith('additional') && !isZero && look.perOrgAdditional) orgs = 2;
    const label = src === 'nhsMinimum' || src === 'additionalNhs' ? word : INCOME_LABEL[src];
    if (plan.version === '2015-16') {
      const names = src === 'nhsMinimum' ? ORG.nhs(board, 'CCG') : [`London Borough of ${board}`];
      const pieces = inc.map((d) => split(d, orgs, rand));
      let last;
      for (let o = 0; o < orgs; o++)
        last = row(
          names[o],
          pieces.map((p) => p[o]),
          null,
        );
      if (orgs === 1) srcCells[src] = years.map((_, k) => ({ r: last, c: c0 + 1 + k }));
      totalsRows.push(...Array.from({ length: orgs }, (_, o) => last - orgs + 1 + o));
      continue;
    }
    if (orgs === 1) {
      const zeroShown = look.naIncome && src.startsWith('additional') ? 'N/A' : null;
      const amounts = inc.map((d) => (d.isZero() && zeroShown ? zeroShown : d.isZero() && look.blankZeros ? null : d));
      const at = row(label, amounts, src.startsWith('additional') ? (isZero ? 'N/A' : 'Public health grant') : null);
      srcCells[src] = years.map((_, k) => ({ r: at, c: c0 + 1 + k }));
      totalsRows.push(at);
      continue;
    }
    g.put(r++, c0, label);
    const names = src === 'dfg' || src === 'additionalLa' ? ORG.la(board) : ORG.nhs(board, v.nhsOrg);
    const pieces = inc.map((d) => split(d, orgs, rand));
    const first = r;
    for (let o = 0; o < orgs; o++)
      row(
        names[o],
        pieces.map((p) => p[o]),
        src.startsWith('additional') ? ['Public health grant', 'Section 256'][o] : null,
      );
    const totalLabel = src === 'dfg' ? 'Total DFG' : `Total ${label}`;
    const at = row(totalLabel, inc, null, (k) => amountRange(k, first, r - 1));
    srcCells[src] = years.map((_, k) => ({ r: at, c: c0 + 1 + k }));
    years.forEach((_, k) =>
      cands.push({ rule: 'subtotal', g, r: at, c: c0 + 1 + k, value: inc[k], scale, src, k, kind: 'income' }),
    );
    totalsRows.push(at);
  }
  const totalAt = r;
  const total = years.map((_, k) => sum(plan.sources.map((s) => plan.income[s][k])));
  row(plan.version === '2015-16' ? 'BCF Total' : look.incomeTotalLabel, total, null, (k) =>
    totalsRows.map((x) => addr(x, c0 + 1 + k)).join('+'),
  );
  years.forEach((_, k) =>
    cands.push({ rule: 'column-total', g, r: totalAt, c: c0 + 1 + k, value: total[k], scale, kind: 'income' }),
  );
  for (const cand of cands)
    if (cand.rule === 'subtotal') cand.also = [{ g, r: totalAt, c: cand.c, rule: 'column-total' }];
  return { g, srcCells, cands, headRow, scale };
}

// ---- Expenditure ----------------------------------------------------------------------------

/** The expenditure columns of this copy: the version's, plus a Total (£) column or a blank column. */
function columnsOf(plan, look) {
  let cols = VERSIONS[plan.version].cols.map(([key, head]) => ({ key, head }));
  if (look.statusHead) cols = cols.map((c) => (c.key === 'status' ? { ...c, head: look.statusHead } : c));
  if (look.totalCol) {
    const last = cols.findIndex((c) => c.key === `spend:${plan.years.length - 1}`);
    cols.splice(last + 1, 0, { key: 'total', head: 'Total (£)' });
  }
  if (look.blankCol) cols.splice(look.blankCol, 0, { key: 'blank', head: null });
  return cols;
}

/** The Running Balances block; returns the cells of each source/year (income, expenditure, balance). */
function layBalances(g, r, plan, look, at, incomeRefs) {
  const v = VERSIONS[plan.version];
  const c0 = look.col0;
  const years = plan.years;
  const cells = {};
  const cands = [];
  const style = plan.version === '2017-19' ? 'slash' : 'dash';
  g.put(r++, c0, 'Running Balances');
  const stacked = years.length > 1 && look.balancesLayout === 'stacked';
  const groups = stacked ? years.map((_, k) => [k]) : [years.map((_, k) => k)];
  for (const ks of groups) {
    if (stacked) g.put(r++, c0, yearHead(years[ks[0]], style));
    g.put(r, c0, 'Source of funding');
    ks.forEach((k, j) =>
      ['Income', 'Expenditure', 'Balance'].forEach((h, i) =>
        g.put(r, c0 + 1 + 3 * j + i, ks.length > 1 ? `${h} ${yearHead(years[k], style)}` : h),
      ),
    );
    r++;
    const first = r;
    for (const src of plan.sources) {
      g.put(r, c0, typeof v.sources[src] === 'string' ? v.sources[src] : look.sourceWords[src]);
      ks.forEach((k, j) => {
        const c = c0 + 1 + 3 * j;
        const inc = plan.income[src][k];
        const exp = plan.spend[src][k];
        const ic = incomeRefs.srcCells[src][k];
        putMoney(g, r, c, inc, look, { formula: ref(incomeRefs.g, ic.r, ic.c) });
        putMoney(g, r, c + 1, exp, look, { formula: at.sumif(src, k) });
        putMoney(g, r, c + 2, inc.minus(exp), look, { formula: `${addr(r, c)}-${addr(r, c + 1)}` });
        (cells[src] = cells[src] || [])[k] = {
          income: { r, c },
          expenditure: { r, c: c + 1 },
          balance: { r, c: c + 2 },
        };
      });
      r++;
    }
    g.put(r, c0, 'Total');
    ks.forEach((k, j) => {
      const totals = [
        sum(plan.sources.map((s) => plan.income[s][k])),
        plan.total[k],
        sum(plan.sources.map((s) => plan.income[s][k])).minus(plan.total[k]),
      ];
      totals.forEach((d, i) => {
        const c = c0 + 1 + 3 * j + i;
        putMoney(g, r, c, d, look, { formula: `SUM(${addr(first, c)}:${addr(r - 1, c)})` });
        cands.push({ rule: 'column-total', g, r, c, value: d, sign: 'up', kind: 'balances' });
      });
      for (const src of plan.sources) {
        const cell = cells[src][k];
        const incomeRef = incomeRefs.srcCells[src][k];
        ['income', 'expenditure', 'balance'].forEach((what, i) => {
          const value = [plan.income[src][k], plan.spend[src][k], plan.income[src][k].minus(plan.spend[src][k])][i];
          if (what === 'expenditure' && value.isZero()) return;
          const also = [{ g, r, c: c0 + 1 + 3 * j + i, rule: 'column-total' }];
          if (what !== 'balance') also.push({ g, ...cell.balance, rule: 'running-balance' });
          if (what === 'income') also.push({ g: incomeRefs.g, ...incomeRef, rule: 'running-balance' });
          cands.push({
            rule: 'running-balance',
            g,
            ...cell[what],
            value,
            sign: what === 'expenditure' ? 'down' : 'up',
            src,
            k,
            also,
            kind: 'balances',
          });
        });
      }
    });
    r += 2;
  }
  return { r, cells, cands };
}

/** The Required Spend block: minimum, planned and under spend for OOH and ASC. */
function layRequired(g, r, plan, look) {
  const c0 = look.col0;
  const years = plan.years;
  const nhs = ['2017-19', '2019-20', '2021-22'].includes(plan.version) ? 'CCG' : 'ICB';
  const labels = {
    ooh: `NHS Commissioned Out of Hospital spend from the minimum ${nhs} allocation`,
    asc: `Adult Social Care services spend from the minimum ${nhs} allocations`,
  };
  const cells = years.map(() => ({}));
  const cands = [];
  g.put(r++, c0, 'Required Spend');
  const stacked = years.length > 1 && look.balancesLayout === 'stacked';
  const groups = stacked ? years.map((_, k) => [k]) : [years.map((_, k) => k)];
  for (const ks of groups) {
    if (stacked) g.put(r++, c0, yearHead(years[ks[0]], 'dash'));
    ks.forEach((k, j) =>
      ['Minimum Required Spend', 'Planned Spend', 'Under Spend'].forEach((h, i) =>
        g.put(r, c0 + 1 + 3 * j + i, ks.length > 1 ? `${h} ${yearHead(years[k], 'dash')}` : h),
      ),
    );
    r++;
    for (const row of ['ooh', 'asc']) {
      g.put(r, c0, labels[row]);
      ks.forEach((k, j) => {
        const c = c0 + 1 + 3 * j;
        const f = plan.required[k][row];
        putMoney(g, r, c, f.minimum, look);
        putMoney(g, r, c + 1, f.planned, look);
        putMoney(g, r, c + 2, f.under, look, { formula: `MAX(0,${addr(r, c)}-${addr(r, c + 1)})` });
        cells[k][row] = { minimum: { r, c }, planned: { r, c: c + 1 }, under: { r, c: c + 2 } };
        cands.push({
          rule: 'required-spend',
          g,
          r,
          c: c + 1,
          value: f.planned,
          sign: 'up',
          also: [{ g, r, c: c + 2, rule: 'required-spend' }],
          kind: 'required',
        });
      });
      r++;
    }
    r += 1;
  }
  return { r, cells, cands };
}

/** The expenditure sheet: title, blocks, checklist, header (and units row), lines, sub-totals, total. */
function layExpenditure(plan, look, incomeRefs, board, title) {
  const g = new Grid(look.expenditureSheet);
  const c0 = look.col0;
  const cols = columnsOf(plan, look);
  const col = (key) => {
    const i = cols.findIndex((c) => c.key === key);
    return i < 0 ? -1 : c0 + i;
  };
  const years = plan.years;
  const v = VERSIONS[plan.version];
  const word = (src) => (typeof v.sources[src] === 'string' ? v.sources[src] : look.sourceWords[src]);
  let r = 0;
  g.put(r, c0, look.sheetTitle ? title : 'Expenditure');
  if (look.titleMerged) g.merges.push([r, c0, r, c0 + 5]);
  r++;
  g.put(r, c0, 'Selected Health and Wellbeing Board:');
  g.put(r, c0 + 2, board);
  r += 2 + look.padTop;
  let cands = [];
  let balances = null;
  let required = null;
  const at = {
    first: 0,
    last: 0,
    sumif: (src, k) => {
      const s = col('source');
      const e = col(`spend:${k}`);
      return `SUMIF(${addr(at.first, s)}:${addr(at.last, s)},"${word(src)}",${addr(at.first, e)}:${addr(at.last, e)})`;
    },
  };
  if (v.block) {
    // First pass on a scratch grid to learn the height; then lay for real with the line rows known.
    const scratch = new Grid('scratch');
    const h1 = layBalances(scratch, r, plan, look, { sumif: () => '' }, incomeRefs).r;
    const h2 = layRequired(scratch, h1, plan, look).r;
    const headerRow = h2 + (look.checklist ? 3 : 0);
    at.first = headerRow + 1 + (look.unitsRow ? 1 : 0);
    const nSub = look.subtotals ? new Set(plan.lines.map((l) => l.source)).size : 0;
    at.last = at.first + plan.lines.length + nSub - 1;
    balances = layBalances(g, r, plan, look, at, incomeRefs);
    required = layRequired(g, balances.r, plan, look);
    cands = [...balances.cands, ...required.cands];
    r = required.r;
    if (look.checklist) {
      g.put(r, c0, 'Link to Scheme Type description');
      r++;
      g.put(r, c0, 'Checklist');
      g.put(r, c0 + 2, 'Sheet complete');
      g.put(r, c0 + 3, look.incomplete ? 'No' : 'Yes');
      r++;
      g.put(r, c0, 'Column complete:');
      cols.forEach((c, i) => {
        if (c.key !== 'blank' && i > 0) g.put(r, c0 + i, look.incomplete && c.key === 'units' ? 'No' : 'Yes');
      });
    } else r -= 1;
    r++;
  } else {
    at.first = r + 1 + (look.unitsRow ? 1 : 0);
  }
  const headerRow = r;
  cols.forEach((c, i) => g.put(r, c0 + i, c.head));
  r++;
  if (look.unitsRow) {
    cols.forEach((c, i) => {
      const u =
        c.key.startsWith('spend') || c.key === 'total'
          ? '£'
          : c.key.endsWith('Pct')
            ? '%'
            : c.key.startsWith('outputs')
              ? 'No.'
              : null;
      g.put(r, c0 + i, u);
    });
    r++;
  }
  const lineCells = [];
  const spendKeys = [...years.map((_, k) => `spend:${k}`), ...(look.totalCol ? ['total'] : [])];
  const figureOf = (l, key) =>
    key === 'total' ? sum(l.spend.map((d) => d || D(0))) : l.spend[Number(key.split(':')[1])];
  const subtotalRows = [];
  let groupFirst = r;
  let groupCands = [];
  plan.lines.forEach((l, n) => {
    lineCells.push({ row: r, col });
    const put = (key, value, fmt) => col(key) >= 0 && g.put(r, col(key), value, fmt);
    put('id', look.idStyle === 'number' ? Number(l.id) : l.id);
    put('name', l.name);
    put('desc', l.desc);
    put('type', l.type);
    put('subType', l.subType);
    put('typeOther', l.typeOther);
    years.forEach((_, k) => put(`outputs:${k}`, l.outputs[k], '#,##0'));
    put('units', l.units);
    put('area', l.area);
    put('areaOther', l.areaOther);
    put('commissioner', look.commWords[l.commissioner]);
    const pct = (p) => (look.pctStyle === 'fraction' ? Number(p) / 100 : Number(p));
    const pctFmt = look.pctStyle === 'fraction' ? '0%' : '0';
    if (l.nhsPercent !== null) {
      put('nhsPct', pct(l.nhsPercent), pctFmt);
      put('laPct', pct(l.laPercent), pctFmt);
    } else if (look.naInPct) {
      put('nhsPct', 'N/A');
      put('laPct', 'N/A');
    }
    put('provider', l.provider);
    put('source', word(l.source));
    years.forEach((_, k) => {
      const c = col(`spend:${k}`);
      if (l.spend[k] === null) return g.put(r, c, l.spendText[k]);
      if (l.spend[k].isZero() && look.blankZeros) return;
      putMoney(g, r, c, l.spend[k], look, { text: look.textMoney && (n * 7 + k) % 5 === 2 });
    });
    if (look.totalCol) {
      const c = col('total');
      const value = figureOf(l, 'total');
      putMoney(g, r, c, value, look, { formula: years.map((_, k) => addr(r, col(`spend:${k}`))).join('+') });
      const cand = { rule: 'row-total', g, r, c, value, kind: 'lines', also: [] };
      cands.push(cand);
      groupCands.push(cand);
    }
    put('status', l.status === 'new' ? 'New' : 'Existing');
    r++;
    const next = plan.lines[n + 1];
    if (look.subtotals && (!next || next.source !== l.source)) {
      const label = look.subtotalLabel
        .replace('{src}', word(l.source))
        .replace('{short}', l.source === 'dfg' ? 'DFG' : word(l.source));
      g.put(r, col('name'), label);
      const group = plan.lines.filter((x) => x.source === l.source);
      for (const key of spendKeys) {
        const c = col(key);
        const value = sum(group.map((x) => figureOf(x, key) || D(0)));
        putMoney(g, r, c, value, look, { formula: `SUM(${addr(groupFirst, c)}:${addr(r - 1, c)})` });
        const also = key !== 'total' && look.totalCol ? [{ g, r, c: col('total'), rule: 'row-total' }] : [];
        cands.push({ rule: 'subtotal', g, r, c, value, kind: 'lines', src: l.source, also });
      }
      if (look.totalCol) for (const cand of groupCands) cand.also.push({ g, r, c: col('total'), rule: 'subtotal' });
      groupCands = [];
      subtotalRows.push(r);
      r++;
      groupFirst = r;
    }
  });
  if (look.totalRow) {
    g.put(r, col(look.totalLabelKey), look.totalLabel);
    for (const key of spendKeys) {
      const c = col(key);
      const value = key === 'total' ? sum(plan.total) : plan.total[Number(key.split(':')[1])];
      const formula = subtotalRows.length
        ? subtotalRows.map((x) => addr(x, c)).join('+')
        : `SUM(${addr(at.first, c)}:${addr(r - 1, c)})`;
      putMoney(g, r, c, value, look, { formula });
      const also = [];
      if (key !== 'total' && look.totalCol) also.push({ g, r, c: col('total'), rule: 'row-total' });
      cands.push({ rule: 'column-total', g, r, c, value, also, kind: 'lines' });
      for (const cand of cands)
        if ((cand.rule === 'subtotal' || cand.rule === 'row-total') && cand.c === c && cand.g === g)
          cand.also.push({ g, r, c, rule: 'column-total' });
    }
    r++;
  }
  for (let i = 0; i < look.trailingBlank; i++) for (const key of spendKeys) g.blank(r + i, col(key), look.moneyFmt);
  return { g, lineCells, col, balances, required, cands, headerRow };
}

module.exports = { Grid, addr, layIncome, layExpenditure, moneyText };
