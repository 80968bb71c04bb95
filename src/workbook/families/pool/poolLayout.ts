import { computePoolYear, poolPartnerIds, poolSchemes, type Pool, emptyPool } from '../../../domain/pool';
import type { Plan } from '../../../domain/plan';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan, type SheetPlan, type TablePlan, type ValidationPlan } from '../../sheetPlan';
import { inputNote, legendRow } from '../shared/inputLegend';
import { blockBody, BLOCKS, regionRows, ROOM_TO_GROW, SHEET_SPECS, type BlockSpec } from '../shared/blocks';
import { POOL_SHEETS, SHARING_RULES } from './names';
import type { SchemesGeometry } from '../assumptions/schemesLayout';
import { abs, col, H, partnerRows, rel, sourceRows, type Years } from './poolShares';

type Row = (CellPlan | null)[];

/** Where the Pool sheet keeps each year's summary figures, for the Checks sheet's formulas. */
export interface PoolGeometry {
  contributed(year: string): string; // "Pool!$B$30"
  allocated(year: string): string;
  /** A column of the contributions table, its room to grow included: "Pool!$D$5:$D$12". */
  contributions(c: number): string;
  /** A formula adding the partners' shares of a year's variance (1 when they share all of it). */
  shares(year: string): string;
}

/** A sheet grows block by block (blocks.ts): header, body (with room to grow), blank row; each block's first body row is known before it is written. */
class Blocks {
  readonly rows: Row[];
  readonly tables: TablePlan[] = [];
  constructor(rows: Row[]) {
    this.rows = rows;
  }
  get next(): number {
    return this.rows.length + 1; // the first body row of the next block
  }
  add(spec: BlockSpec, items: Row[], spare: Row = []): number {
    this.tables.push({
      name: spec.id,
      row: this.rows.length,
      column: 0,
      columns: spec.headers,
      rowCount: spec.grows ? items.length + ROOM_TO_GROW : items.length,
    });
    this.rows.push(spec.headers.map((h) => text(h, 'header')));
    const first = this.rows.length;
    this.rows.push(...blockBody(SHEET_SPECS.pool, spec, items, spare));
    if (!spec.grows) this.rows.push([]);
    return first;
  }
}

/** "$A$5:$A$9" for a block of `count` rows (one row when empty, so the formulas stay valid). */
const span = (first: number, count: number) => (c: number) =>
  `${abs(c, first)}:${abs(c, first + Math.max(count, 1) - 1)}`;

/**
 * The Pool sheet the HWB Finance Group keeps: contributions by partner and funding source, the
 * sharing rule, how each year's allocation is phased over its quarters, each pool scheme's
 * allocation (its cost on the Schemes sheet) with the spend entered quarter by quarter, and, as
 * formulas, the variance to date against the phased allocation and the forecast year-end outturn
 * by scheme, by year, by partner and by source, all shared under the one rule.
 */
export function poolLayout(plan: Plan, schemes: SchemesGeometry): { sheet: SheetPlan; geometry: PoolGeometry } {
  const pool: Pool = plan.pool ?? emptyPool();
  const b = new Blocks(poolHeadRows(plan));
  const contributions = pool.contributions;
  const { cFirst, cRange } = addContributions(b, contributions);
  const { ruleRow, fRange } = addSharingRule(b, plan, pool);

  const list = plan.years.map((y) => ({ year: y.label, figures: computePoolYear(plan, y.label) }));
  const phasingFirst = b.next;
  const spendCount = list.reduce((n) => n + poolSchemes(plan).length, 0);
  const spendFirst = phasingFirst + list.length + 2; // the phasing rows, a blank row, the spend header
  const summaryFirst = spendFirst + spendCount + 2;
  const years: Years = {
    list,
    phasingRow: new Map(list.map((y, k) => [y.year, phasingFirst + k])),
    summaryRow: new Map(list.map((y, k) => [y.year, summaryFirst + k])),
  };
  const sRange = span(spendFirst, spendCount);
  b.add(BLOCKS.phasing, phasingRows(pool, years));
  b.add(BLOCKS.spend, spendRows(plan, schemes, pool, years, spendFirst));
  b.add(BLOCKS.summary, summaryRows(years, cRange, sRange));
  const sourcesFirst = b.next;
  const cRows = regionRows(SHEET_SPECS.pool, BLOCKS.contributions, contributions.length);
  const partnersFirst = sourcesFirst + cRows + 2;
  const rule = { cell: abs(1, ruleRow), fRange };
  const summaryRange = span(summaryFirst, list.length);
  const ctx = { cFirst, cRows, cRange, rule, summary: summaryRange };
  b.add(BLOCKS.sources, sourceRows(plan, ctx, sourcesFirst));
  b.add(BLOCKS.poolPartners, partnerRows(years, partnersFirst, cRange, rule));

  return {
    sheet: {
      name: POOL_SHEETS.pool,
      rows: b.rows,
      tables: b.tables,
      validations: poolValidations(ruleRow, phasingFirst, list.length, spendFirst, spendCount),
      columnWidths: [14, 22, 44, 16, 16, 16, 16, 16, 16, 16, 16, 16],
      tabColor: 'BF8F00',
    },
    geometry: { ...poolGeometry(years, rule), contributions: (c) => `${POOL_SHEETS.pool}!${cRange(c)}` },
  };
}

function poolHeadRows(plan: Plan): Row[] {
  return [
    [text(`${plan.board} BCF pooled budget`, 'title')],
    [
      text(
        inputNote(
          'finance leads type the contributions, the sharing rule, how each year’s allocation is phased and the spend for each quarter; allocations are the scheme costs on the Schemes sheet.',
        ),
        'note',
      ),
    ],
    legendRow(),
  ];
}

function addContributions(
  b: Blocks,
  contributions: Pool['contributions'],
): { cFirst: number; cRange: (c: number) => string } {
  const cFirst = b.add(
    BLOCKS.contributions,
    contributions.map((c) => [
      text(c.year, 'input'),
      text(c.partner, 'input'),
      text(c.source, 'input'),
      num(c.amount, FORMAT.pounds, 'input'),
    ]),
    [{ style: 'input' }, { style: 'input' }, { style: 'input' }, { style: 'input', format: FORMAT.pounds }],
  );
  // Sums over contributions cover the rows people may type under the last one.
  const cRange = span(cFirst, regionRows(SHEET_SPECS.pool, BLOCKS.contributions, contributions.length));
  return { cFirst, cRange };
}

/** The sharing rule's row and the fixed shares under it (blank for a partner without one). */
function addSharingRule(b: Blocks, plan: Plan, pool: Pool): { ruleRow: number; fRange: (c: number) => string } {
  b.rows.push(BLOCKS.sharingRule.headers.map((h) => text(h, 'header')));
  const ruleRow = b.rows.length;
  b.rows.push([
    text('Rule'),
    text(pool.sharing.kind === 'fixed' ? SHARING_RULES.fixed : SHARING_RULES.contributions, 'input'),
  ]);
  b.rows.push([
    text(
      `"${SHARING_RULES.contributions}" shares by what each partner put in that year (a partner who put in nothing carries nothing); "${SHARING_RULES.fixed}" uses the shares below. Every table on this sheet shares the forecast variance this one way.`,
      'note',
    ),
  ]);
  b.rows.push([]);
  const fixed = pool.sharing.kind === 'fixed' ? pool.sharing.shares : [];
  const fixedRows = poolPartnerIds(plan).map((id) => ({
    partner: id,
    percent: fixed.find((s) => s.partner === id)?.percent,
  }));
  const fFirst = b.add(
    BLOCKS.fixedShares,
    fixedRows.map((f) => [
      text(f.partner, 'input'),
      f.percent ? num(f.percent, '0.00', 'input') : { style: 'input', format: '0.00' },
    ]),
  );
  return { ruleRow, fRange: span(fFirst, fixedRows.length) };
}

function poolValidations(
  ruleRow: number,
  phasingFirst: number,
  yearCount: number,
  spendFirst: number,
  spendCount: number,
): ValidationPlan[] {
  return [
    {
      range: `B${ruleRow + 1}`,
      kind: 'list',
      list: [SHARING_RULES.contributions, SHARING_RULES.fixed],
      message: `Choose "${SHARING_RULES.contributions}" or "${SHARING_RULES.fixed}".`,
    },
    ...(yearCount
      ? [
          {
            range: `B${phasingFirst + 1}:E${phasingFirst + yearCount}`,
            kind: 'decimal' as const,
            min: 0,
            message:
              'The share of the year’s allocation planned for the quarter, e.g. 25%; leave the year blank to phase it evenly.',
          },
        ]
      : []),
    ...(spendCount
      ? [
          {
            range: `D${spendFirst + 1}:G${spendFirst + spendCount}`,
            kind: 'decimal' as const,
            min: 0,
            message: 'Enter the amount spent in the quarter, 0 or more.',
          },
        ]
      : []),
  ];
}

function poolGeometry(
  years: Years,
  rule: { cell: string; fRange: (c: number) => string },
): Omit<PoolGeometry, 'contributions'> {
  const summary = (c: number, year: string) => `${POOL_SHEETS.pool}!${abs(c, years.summaryRow.get(year)!)}`;
  const contributed = (year: string) => summary(col(H.summary, 'Contributed (£)'), year);
  return {
    contributed,
    allocated: (year) => summary(col(H.summary, 'Allocated (£)'), year),
    // Every contributor carries its part in proportion, typed by hand or not, so only a fixed split can fall short.
    shares: (year) =>
      `IF(${POOL_SHEETS.pool}!${rule.cell}="${SHARING_RULES.fixed}",SUM(${POOL_SHEETS.pool}!${rule.fRange(1)})/100,IF(${contributed(year)}=0,0,1))`,
  };
}

/** Per year the four quarters' shares of the allocation (blank: a quarter each) and the share phased to the quarters reported. */
function phasingRows(pool: Pool, years: Years): Row[] {
  return years.list.map(({ year, figures }) => {
    const r = years.phasingRow.get(year)!;
    const typed = pool.phasing?.[year] ?? [];
    const reported = abs(col(H.summary, 'Quarters reported'), years.summaryRow.get(year)!);
    const quarters = [1, 2, 3, 4].map((q) => `IF(${reported}>=${q},N(${rel(q, r)}),0)`).join('+');
    return [
      text(year),
      ...[0, 1, 2, 3].map((q) =>
        typed[q] ? num(typed[q]!, FORMAT.percent, 'input') : { style: 'input' as const, format: FORMAT.percent },
      ),
      formula(`IF(COUNT(${rel(1, r)}:${rel(4, r)})=0,${reported}/4,${quarters})`, figures.phasedToDate, FORMAT.percent),
    ];
  });
}

/** One row per pool scheme per year: allocation, the spend typed by quarter, and against the phased allocation. */
function spendRows(plan: Plan, g: SchemesGeometry, pool: Pool, years: Years, first: number): Row[] {
  const schemeIndex = new Map(plan.schemes.map((s, i) => [s, i]));
  const entered = new Set(pool.spend.map((s) => `${s.year}|${s.quarter}|${s.scheme.toLowerCase()}`));
  const rows: Row[] = [];
  const c = (h: (typeof H.spend)[number], r: number) => rel(col(H.spend, h), r);
  for (const { year, figures } of years.list) {
    const phased = abs(col(H.phasing, 'Phased to date'), years.phasingRow.get(year)!);
    // computePoolYear lists the pool schemes in the same order as poolSchemes.
    poolSchemes(plan, year).forEach((scheme, k) => {
      const i = schemeIndex.get(scheme)!;
      const r = first + rows.length;
      const line = figures.schemes[k];
      rows.push([
        formula(g.cell('A', i), scheme.ref, FORMAT.text),
        text(year),
        formula(
          `IF(${g.cell(g.inPoolColumn, i)}="Yes",${g.cell(g.costColumn(year), i)},0)`,
          line.allocation,
          FORMAT.pounds,
        ),
        ...line.spendByQuarter.map((q, n) =>
          entered.has(`${year}|${n + 1}|${scheme.ref.toLowerCase()}`)
            ? num(q, FORMAT.pounds, 'input')
            : { style: 'input' as const, format: FORMAT.pounds },
        ),
        formula(`SUM(${c('Q1 spend (£)', r)}:${c('Q4 spend (£)', r)})`, line.spend, FORMAT.pounds),
        // spend to date less the allocation phased to the quarters reported
        formula(`${c('Spend to date (£)', r)}-${c('Allocation (£)', r)}*${phased}`, line.variance, FORMAT.pounds),
      ]);
    });
  }
  return rows;
}

/** Per year: what was put in and allocated, the quarters reported (the latest with any spend typed), and the year against its allocation. */
function summaryRows(years: Years, cRange: (c: number) => string, sRange: (c: number) => string): Row[] {
  const s = (h: (typeof H.spend)[number]) => sRange(col(H.spend, h));
  return years.list.map(({ year, figures }) => {
    const r = years.summaryRow.get(year)!;
    const yearCell = abs(0, r);
    const sumOf = (h: (typeof H.spend)[number]) => `SUMIF(${s('Spend year')},${yearCell},${s(h)})`;
    const reported = ['Q4', 'Q3', 'Q2', 'Q1'].reduceRight(
      (inner, q, k) =>
        `IF(COUNTIFS(${s('Spend year')},${yearCell},${s(`${q} spend (£)` as (typeof H.spend)[number])},"<>")>0,${4 - k},${inner})`,
      '0',
    );
    const c = (h: (typeof H.summary)[number]) => rel(col(H.summary, h), r);
    return [
      text(year),
      formula(`SUMIF(${cRange(0)},${yearCell},${cRange(3)})`, figures.contributed, FORMAT.pounds),
      formula(sumOf('Allocation (£)'), figures.allocated, FORMAT.pounds),
      formula(reported, figures.quartersReported, FORMAT.count),
      formula(
        `${c('Allocated (£)')}*${abs(col(H.phasing, 'Phased to date'), years.phasingRow.get(year)!)}`,
        figures.allocatedToDate,
        FORMAT.pounds,
      ),
      formula(sumOf('Spend to date (£)'), figures.spent, FORMAT.pounds),
      formula(`${c('Spent to date (£)')}-${c('Allocation to date (£)')}`, figures.variance, FORMAT.pounds),
      formula(
        `${c('Spent to date (£)')}+(${c('Allocated (£)')}-${c('Allocation to date (£)')})*IF(${c('Allocation to date (£)')}=0,1,${c('Spent to date (£)')}/${c('Allocation to date (£)')})`,
        figures.forecastOutturn,
        FORMAT.pounds,
      ),
      formula(`${c('Forecast outturn (£)')}-${c('Allocated (£)')}`, figures.forecastVariance, FORMAT.pounds),
      formula(
        `${c('Contributed (£)')}-${c('Allocated (£)')}`,
        figures.contributed.minus(figures.allocated),
        FORMAT.pounds,
      ),
      ...figures.spendByQuarter.map((q, n) =>
        formula(sumOf(`Q${n + 1} spend (£)` as (typeof H.spend)[number]), q, FORMAT.pounds),
      ),
    ];
  });
}
