import fs from 'fs';
import path from 'path';
import Decimal from 'decimal.js';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { jointSummary } from '../src/domain/jointFundingSummary';
import { planFromJson } from '../src/domain/planJson';
import type { Plan } from '../src/domain/plan';
import { summaryJson } from '../src/cli/joint';
import { trackJson } from '../src/cli/trackJson';
import { withIcbContributions } from '../src/workbook/jointFundingCommands';
import { BLOCKS } from '../src/workbook/families/shared/blocks';
import { JOINT_SHEETS, REGISTER_INPUTS } from '../src/workbook/families/jointFunding/names';
import { POOL_SHEETS } from '../src/workbook/families/pool/names';
import { readPlan } from '../src/workbook/families/planReader';
import type { Scalar } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { TEST_DAY } from './support/testDay';

/**
 * Money a finance lead can reconcile: the joint-funding and pool figures of a plan whose register
 * has a panel split with no decision date and a share typed to three decimals, with a package
 * typed in the register's next free row and a contribution from a partner not on the Assumptions
 * sheet typed by hand. The sheet (HyperFormula), the CLI (bcf joint / bcf track --json on the
 * workbook read back) and the recomputation below must agree to the penny.
 *
 * The recomputation is written apart from src/domain: its own decimal.js, its own rounding, from
 * the plan file's JSON and the cells typed, so a rule wrong in the product is not wrong here too.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Json = Record<string, any>;

const YEAR = '2023/24';
const FIRST = Date.UTC(2023, 3, 1) / 86_400_000;
const LAST = Date.UTC(2024, 2, 31) / 86_400_000;
const serial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const pence = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

function exampleJson(): Json {
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'joint-funding.json'), 'utf8'));
  json.jointFunding.packages.push(
    // As exports give it: a panel's share, no decision date.
    {
      ref: 'JF-NODATE',
      person: 'EBC-900001',
      basis: 'Care Act',
      icb: 'North Riverside ICB',
      start: '2023-06-01',
      weeklyCost: 1843.21,
      split: { method: 'Panel', icbPercent: 41.5 },
    },
    {
      ref: 'JF-THIRDS',
      person: 'EBC-900002',
      basis: 's117',
      icb: 'Southvale ICB',
      start: '2023-01-09',
      weeklyCost: 1517.05,
      split: { method: 'Fixed', icbPercent: 33.333 },
    },
  );
  json.pool.spend = [
    { scheme: '1a', year: YEAR, quarter: 1, amount: 101234 },
    { scheme: '2a', year: YEAR, quarter: 1, amount: 470000 },
    { scheme: '3a', year: YEAR, quarter: 1, amount: 880500 },
    { scheme: '1a', year: YEAR, quarter: 2, amount: 99000 },
    { scheme: '2a', year: YEAR, quarter: 2, amount: 481250.5 },
    { scheme: '3a', year: YEAR, quarter: 2, amount: 930000 },
  ];
  // Money from a partner the Assumptions sheet doesn't list.
  json.pool.contributions.push({ year: YEAR, partner: 'LEISURE', source: 'Leisure trust grant', amount: 125000 });
  return json;
}

/** Typed in the register's next free row: a panel's 33.333% with no decision date. */
const TYPED_PACKAGE = {
  ref: 'JF-TYPED',
  person: 'EBC-900003',
  basis: 'Care Act',
  icb: 'Southvale ICB',
  start: '2023-09-04',
  weeklyCost: 987.65,
  split: { method: 'Panel', icbPercent: 33.333 },
};
/** Typed in the contributions table's next free row, by a partner not on the Assumptions sheet. */
const TYPED_CONTRIBUTION = { year: YEAR, partner: 'HOSPICE', source: 'Hospice partnership', amount: 40000 };

// The recomputation ---------------------------------------------------------------------------------

function icbPercentOf(pkg: Json, rules: Json[]): { health: Decimal; all: Decimal } {
  const split = pkg.split ?? { method: 'default' };
  if (split.method === 'Time to task') {
    const minutes = (kind: string) =>
      split.tasks
        .filter((t: Json) => kind === '' || t.kind === kind)
        .reduce((a: Decimal, t: Json) => a.plus(t.minutes), new D(0));
    return { health: minutes('health'), all: minutes('') };
  }
  if (split.method === '50:50') return { health: new D(50), all: new D(100) };
  if (split.method === 'Fixed' || split.method === 'Panel') return { health: new D(split.icbPercent), all: new D(100) };
  const rule = rules.find((r) => r.icb.toLowerCase() === pkg.icb.toLowerCase())!;
  return { health: new D(rule.split === '50:50' ? 50 : rule.icbPercent), all: new D(100) };
}

/** Each ICB's share of its packages in the year, and the council's, to the penny per package. */
function recomputeJoint(jf: Json): { icb: Map<string, Decimal>; council: Decimal } {
  const icb = new Map<string, Decimal>();
  let council = new D(0);
  for (const pkg of jf.packages) {
    const { health, all } = icbPercentOf(pkg, jf.rules);
    const cost = new D(pkg.weeklyCost);
    const icbWeekly = pence(cost.times(health).dividedBy(all));
    const from = Math.max(toDays(pkg.start), FIRST);
    const to = Math.min(pkg.end ? toDays(pkg.end) : LAST, LAST);
    const days = Math.max(0, to - from + 1);
    icb.set(pkg.icb, (icb.get(pkg.icb) ?? new D(0)).plus(pence(icbWeekly.times(days).dividedBy(7))));
    council = council.plus(pence(cost.minus(icbWeekly).times(days).dividedBy(7)));
  }
  return { icb, council };
}

/** The pool's year: forecast variance at the run rate, shared in proportion to every contribution. */
function recomputePool(json: Json) {
  const lines = json.pool.contributions.filter((c: Json) => c.year === YEAR);
  const contributed = lines.reduce((a: Decimal, c: Json) => a.plus(c.amount), new D(0));
  const allocation = json.schemes
    .filter((s: Json) => s.inPool)
    .reduce((a: Decimal, s: Json) => a.plus(s.years[YEAR]?.cost ?? 0), new D(0));
  const spend = json.pool.spend.filter((s: Json) => s.year === YEAR);
  const quarters = Math.max(0, ...spend.map((s: Json) => s.quarter));
  const byQuarter = [1, 2, 3, 4].map((q) =>
    spend.filter((s: Json) => s.quarter === q).reduce((a: Decimal, s: Json) => a.plus(s.amount), new D(0)),
  );
  const spent = byQuarter.reduce((a, b) => a.plus(b), new D(0));
  const toDate = allocation.times(quarters).dividedBy(4);
  const outturn = spent.plus(allocation.minus(toDate).times(spent.dividedBy(toDate)));
  const forecastVariance = outturn.minus(allocation);
  const sources = lines.map((c: Json) => ({
    partner: c.partner as string,
    source: c.source as string,
    variance: new D(c.amount).dividedBy(contributed).times(forecastVariance),
  }));
  return { contributed, byQuarter, forecastVariance, sources };
}

// The workbook ---------------------------------------------------------------------------------------

function builtWithPaneLines(json: Json): { wb: MemoryWorkbook; plan: Plan } {
  const read = planFromJson(json);
  const jf = read.plan.jointFunding!;
  const withLines = withIcbContributions(read.plan, jf.asAt!, YEAR);
  if ('error' in withLines) throw new Error(withLines.error);
  const wb = new MemoryWorkbook();
  wb.applySync(workbookLayout(withLines.plan, 'tables', { today: TEST_DAY }));
  return { wb, plan: withLines.plan };
}

const values = (wb: MemoryWorkbook, sheet: string) => wb.snapshot([sheet]).sheets[0].values;

/** The first row under a block's header whose first `width` cells are blank: where a person types next. */
function nextFreeRow(wb: MemoryWorkbook, sheet: string, header: string, width: number): number {
  const rows = values(wb, sheet);
  const h = rows.findIndex((r) => r[0] === header);
  let r = h + 1;
  while (rows[r] && rows[r].slice(0, width).some((v) => v !== null && v !== '')) r++;
  return r;
}

function type(wb: MemoryWorkbook, sheet: string, row: number, cells: readonly Scalar[]): void {
  cells.forEach((v, c) => wb.setCell(sheet, row, c, v));
}

function typeBoth(wb: MemoryWorkbook): void {
  const p = TYPED_PACKAGE;
  type(
    wb,
    JOINT_SHEETS.register,
    nextFreeRow(wb, JOINT_SHEETS.register, BLOCKS.jointRegister.headers[0], REGISTER_INPUTS),
    [p.ref, p.person, p.basis, p.icb, serial(p.start), null, p.weeklyCost, p.split.method, p.split.icbPercent, null],
  );
  const c = TYPED_CONTRIBUTION;
  type(wb, POOL_SHEETS.pool, nextFreeRow(wb, POOL_SHEETS.pool, BLOCKS.contributions.headers[0], 4), [
    c.year,
    c.partner,
    c.source,
    c.amount,
  ]);
}

const rowOf = (rows: readonly (readonly Scalar[])[], label: string) =>
  rows.find((r) => typeof r[0] === 'string' && r[0].startsWith(label))!;

const penny = (got: unknown, want: Decimal) => {
  expect(typeof got === 'number' || typeof got === 'string').toBe(true);
  expect(new D(got as number).minus(want).abs().toNumber()).toBeLessThan(0.005);
};

describe('joint funding and the pool reconcile: sheet, CLI and an independent recomputation', () => {
  const json = exampleJson();
  const { wb, plan } = builtWithPaneLines(json);
  typeBoth(wb);
  const read = readPlan(wb.snapshot());
  const asTyped: Json = JSON.parse(JSON.stringify(json));
  asTyped.jointFunding.packages.push(TYPED_PACKAGE);
  asTyped.pool.contributions = [
    ...plan.pool!.contributions.map((c) => ({ ...c, amount: c.amount.toNumber() })),
    TYPED_CONTRIBUTION,
  ];
  const joint = recomputeJoint(asTyped.jointFunding);
  const pool = recomputePool(asTyped);
  const paneLines = new Map(
    plan.pool!.contributions.filter((c) => c.source.startsWith('Joint funding')).map((c) => [c.source, c.amount]),
  );

  test('the workbook reads back with both typed rows, the panel splits with no date as warnings only', () => {
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = read.problems.filter((p) => p.severity === 'warning' && /Panel decision date/.test(p.message));
    expect(warnings.length).toBeGreaterThanOrEqual(2); // JF-NODATE and the typed one
    expect(read.plan.jointFunding!.packages.map((p) => p.ref)).toEqual(
      expect.arrayContaining(['JF-NODATE', 'JF-THIRDS', 'JF-TYPED']),
    );
    expect(read.plan.pool!.contributions.map((c) => c.partner)).toContain('HOSPICE');
  });

  test('the ICBs’ shares in the year: sheet = bcf joint = recomputed, to the penny', () => {
    const jf = read.plan.jointFunding!;
    const cli = summaryJson(jointSummary(jf.packages, jf.rules, jf.asAt!, YEAR), { problems: [] });
    const sheet = values(wb, JOINT_SHEETS.summary);
    const icbTotal = [...joint.icb.values()].reduce((a, b) => a.plus(b), new D(0));
    expect(cli.annual.icb).toBe(icbTotal.toFixed(2));
    expect(cli.annual.council).toBe(joint.council.toFixed(2));
    penny(rowOf(sheet, 'Cost in the financial year')[3], icbTotal);
    penny(rowOf(sheet, 'Cost in the financial year')[2], joint.council);
    for (const g of cli.byIcb) expect(g.annual.icb).toBe(joint.icb.get(g.icb)!.toFixed(2));
  });

  test('the reconciliation with the pool’s ICB lines: sheet = bcf track --json = recomputed', () => {
    const cli = trackJson(read.plan).pool.years.find((y) => y.year === YEAR)!.jointFunding!;
    const sheet = values(wb, JOINT_SHEETS.summary);
    for (const [icb, share] of joint.icb) {
      const line = paneLines.get(`Joint funding of care packages: ${icb}`)!;
      const mine = cli.icbs.find((x) => x.icb === icb)!;
      expect([mine.register, mine.pool, mine.difference]).toEqual([
        share.toFixed(2),
        line.toFixed(2),
        share.minus(line).toFixed(2),
      ]);
      const row = sheet.find(
        (r) => r[0] === icb && typeof r[1] === 'string' && r[1] !== '' && r.length >= 5 && typeof r[4] === 'number',
      )!;
      penny(row[2], share);
      penny(row[3], new D(line.toString()));
      penny(row[4], share.minus(line.toString()));
    }
    // Only the package typed after the pane added the lines is not in the pool yet.
    expect(cli.difference).not.toBe('0.00');
  });

  test('the pool: every contributor carries its share of the variance, quarterly spend, in the sheet and bcf track --json', () => {
    const cli = trackJson(read.plan).pool.years.find((y) => y.year === YEAR)!;
    expect(cli.contributed).toBe(pool.contributed.toString());
    expect(cli.spendByQuarter).toEqual(pool.byQuarter.map((q) => q.toString()));
    expect(new D(cli.forecastVariance!).minus(pool.forecastVariance).abs().toNumber()).toBeLessThan(1e-20);
    expect(cli.sources.map((s) => [s.partner, s.source])).toEqual(pool.sources.map((s: Json) => [s.partner, s.source]));
    cli.sources.forEach((s, k) =>
      expect(new D(s.varianceShare!).minus(pool.sources[k].variance).abs().toNumber()).toBeLessThan(1e-20),
    );
    const carried = cli.partners.reduce((a, p) => a.plus(p.varianceShare!), new D(0));
    expect(carried.minus(pool.forecastVariance).abs().toNumber()).toBeLessThan(1e-20);
    expect(cli.partners.filter((p) => !p.onAssumptions).map((p) => p.partner)).toEqual(['LEISURE', 'HOSPICE']);

    const sheet = values(wb, POOL_SHEETS.pool);
    const sourceRows = sheet.filter((r) => r[0] === YEAR && typeof r[2] === 'string' && typeof r[5] === 'number');
    for (const s of pool.sources) {
      const row = sourceRows.find((r) => r[1] === s.partner && r[2] === s.source)!;
      expect(row).toBeDefined();
      penny(row[5], s.variance);
    }
    const header = sheet.findIndex((r) => r[0] === BLOCKS.summary.headers[0]);
    const summary = sheet.slice(header).find((r) => r[0] === YEAR)!;
    const q1 = BLOCKS.summary.headers.indexOf('Q1 spent (£)');
    pool.byQuarter.forEach((q, n) => penny(summary[q1 + n], q));
    penny(summary[BLOCKS.summary.headers.indexOf('Contributed (£)')], pool.contributed);
  });
});
