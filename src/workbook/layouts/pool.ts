import { computePoolYear, poolSchemes, type Pool, emptyPool } from '../../domain/pool';
import type { Plan } from '../../domain/plan';
import { columnLetter } from '../a1';
import { formula, num, text } from '../grid';
import { FORMAT, type CellPlan, type SheetPlan, type TablePlan } from '../sheetPlan';
import { blockBody, BLOCKS, regionRows, ROOM_TO_GROW, SHEET_SPECS, type BlockSpec } from './blocks';
import { POOL_SHEETS, SHARING_RULES } from './poolNames';
import { schemesGeometry } from './schemes';

type Row = (CellPlan | null)[];

/** Where the Pool sheet keeps each year's summary figures, for the Checks sheet's formulas. */
export interface PoolGeometry {
  contributed(year: string): string; // "Pool!$B$30"
  allocated(year: string): string;
}

const abs = (col: number, row: number) => `$${columnLetter(col)}$${row + 1}`;
const rel = (col: number, row: number) => `${columnLetter(col)}${row + 1}`;

/**
 * The Pool sheet the HWB Finance Group keeps: contributions by partner and funding source, the
 * sharing rule, each pool scheme's allocation (its cost on the Schemes sheet) with the spend
 * entered quarter by quarter, and, as formulas, the variance by scheme, by source and by partner.
 */
export function poolLayout(plan: Plan): { sheet: SheetPlan; geometry: PoolGeometry } {
  const pool: Pool = plan.pool ?? emptyPool();
  const g = schemesGeometry(plan);
  const rows: Row[] = [
    [text(`${plan.board} BCF pooled budget`, 'title')],
    [text('Finance leads type contributions and the spend for each quarter (yellow cells); allocations are the scheme costs on the Schemes sheet; everything else is calculated.', 'note')],
    [],
  ];
  const tables: TablePlan[] = [];
  const block = (spec: BlockSpec, items: Row[], spare: Row = []) => {
    tables.push({ name: spec.id, row: rows.length, column: 0, columns: spec.headers, rowCount: spec.grows ? items.length + ROOM_TO_GROW : items.length });
    rows.push(spec.headers.map((h) => text(h, 'header')));
    const first = rows.length;
    rows.push(...blockBody(SHEET_SPECS.pool, spec, items, spare));
    if (!spec.grows) rows.push([]);
    return first;
  };

  const contributions = pool.contributions;
  const cFirst = block(
    BLOCKS.contributions,
    contributions.map((c) => [text(c.year, 'input'), text(c.partner, 'input'), text(c.source, 'input'), num(c.amount, FORMAT.pounds, 'input')]),
    [{ style: 'input' }, { style: 'input' }, { style: 'input' }, { style: 'input', format: FORMAT.pounds }],
  );
  // Sums over contributions cover the rows people may type under the last one.
  const cRange = (col: number) => `${abs(col, cFirst)}:${abs(col, cFirst + regionRows(SHEET_SPECS.pool, BLOCKS.contributions, contributions.length) - 1)}`;

  rows.push(BLOCKS.sharingRule.headers.map((h) => text(h, 'header')));
  const ruleRow = rows.length;
  rows.push([text('Rule'), text(pool.sharing.kind === 'fixed' ? SHARING_RULES.fixed : SHARING_RULES.contributions, 'input')]);
  rows.push([text(`"${SHARING_RULES.contributions}" shares by what each partner put in that year; "${SHARING_RULES.fixed}" uses the shares below.`, 'note')]);
  rows.push([]);
  const ruleCell = abs(1, ruleRow);
  const fixed = pool.sharing.kind === 'fixed' ? pool.sharing.shares : [];
  const fixedPartners = plan.partners.map((p) => ({ partner: p.id, percent: fixed.find((s) => s.partner === p.id)?.percent }));
  const fFirst = block(
    BLOCKS.fixedShares,
    fixedPartners.map((f) => [text(f.partner, 'input'), f.percent ? num(f.percent, '0.00', 'input') : { style: 'input', format: '0.00' }]),
  );
  const fRange = (col: number) => `${abs(col, fFirst)}:${abs(col, fFirst + Math.max(fixedPartners.length, 1) - 1)}`;

  // Allocation and spend: one row per pool scheme per year.
  const years = plan.years.map((y) => ({ year: y.label, figures: computePoolYear(plan, y.label) }));
  const spendRows: Row[] = [];
  const sFirst = rows.length + 1;
  const schemeIndex = new Map(plan.schemes.map((s, i) => [s, i]));
  const entered = new Set(pool.spend.map((s) => `${s.year}|${s.quarter}|${s.scheme.toLowerCase()}`));
  for (const { year, figures } of years) {
    // computePoolYear lists the pool schemes in the same order as poolSchemes.
    poolSchemes(plan, year).forEach((scheme, k) => {
      const i = schemeIndex.get(scheme)!;
      const r = sFirst + spendRows.length;
      const line = figures.schemes[k];
      spendRows.push([
        formula(g.cell('A', i), scheme.ref, FORMAT.text),
        text(year),
        formula(`IF(${g.cell(g.inPoolColumn, i)}="Yes",${g.cell(g.costColumn(year), i)},0)`, line.allocation, FORMAT.pounds),
        ...line.spendByQuarter.map((q, n) => (entered.has(`${year}|${n + 1}|${scheme.ref.toLowerCase()}`) ? num(q, FORMAT.pounds, 'input') : { style: 'input' as const, format: FORMAT.pounds })),
        formula(`SUM(${rel(3, r)}:${rel(6, r)})`, line.spend, FORMAT.pounds),
        formula(`${rel(7, r)}-${rel(2, r)}`, line.variance, FORMAT.pounds),
      ]);
    });
  }
  block(BLOCKS.spend, spendRows);
  const sRange = (col: number) => `${abs(col, sFirst)}:${abs(col, sFirst + Math.max(spendRows.length, 1) - 1)}`;

  const sumFirst = rows.length + 1;
  const summaryRow = new Map(years.map((y, k) => [y.year, sumFirst + k]));
  block(
    BLOCKS.summary,
    years.map(({ year, figures }, k) => {
      const r = sumFirst + k;
      const yearCell = abs(0, r);
      return [
        text(year),
        formula(`SUMIF(${cRange(0)},${yearCell},${cRange(3)})`, figures.contributed, FORMAT.pounds),
        formula(`SUMIF(${sRange(1)},${yearCell},${sRange(2)})`, figures.allocated, FORMAT.pounds),
        formula(`SUMIF(${sRange(1)},${yearCell},${sRange(7)})`, figures.spent, FORMAT.pounds),
        formula(`SUMIF(${sRange(1)},${yearCell},${sRange(8)})`, figures.variance, FORMAT.pounds),
        formula(`${rel(1, r)}-${rel(2, r)}`, figures.contributed.minus(figures.allocated), FORMAT.pounds),
      ];
    }),
  );

  const srcFirst = rows.length + 1;
  const sourceRows: Row[] = [];
  for (const { year, figures } of years) {
    // computePoolYear lists a year's sources in the order of the contributions table.
    const indices = contributions.flatMap((x, i) => (x.year === year ? [i] : []));
    figures.sources.forEach((s, k) => {
      const r = srcFirst + sourceRows.length;
      const c = indices[k];
      const yr = summaryRow.get(year)!;
      sourceRows.push([
        formula(abs(0, cFirst + c), s.year, FORMAT.text),
        formula(abs(1, cFirst + c), s.partner, FORMAT.text),
        formula(abs(2, cFirst + c), s.source, FORMAT.text),
        formula(abs(3, cFirst + c), s.amount, FORMAT.pounds),
        formula(`IF(${abs(1, yr)}=0,0,${rel(3, r)}/${abs(1, yr)})`, s.share, FORMAT.percent),
        formula(`${rel(4, r)}*${abs(4, yr)}`, s.variance, FORMAT.pounds),
      ]);
    });
  }
  block(BLOCKS.sources, sourceRows);

  const pFirst = rows.length + 1;
  const partnerRows: Row[] = [];
  for (const { year, figures } of years) {
    figures.partners.forEach((p) => {
      const r = pFirst + partnerRows.length;
      const yr = summaryRow.get(year)!;
      partnerRows.push([
        text(year),
        text(p.partner),
        formula(`SUMIFS(${cRange(3)},${cRange(0)},${rel(0, r)},${cRange(1)},${rel(1, r)})`, p.contributed, FORMAT.pounds),
        formula(`IF(${ruleCell}="${SHARING_RULES.fixed}",SUMIF(${fRange(0)},${rel(1, r)},${fRange(1)})/100,IF(${abs(1, yr)}=0,0,${rel(2, r)}/${abs(1, yr)}))`, p.share, FORMAT.percent),
        formula(`${rel(3, r)}*${abs(4, yr)}`, p.varianceShare, FORMAT.pounds),
      ]);
    });
  }
  block(BLOCKS.poolPartners, partnerRows);

  return {
    sheet: {
      name: POOL_SHEETS.pool,
      rows,
      tables,
      validations: [
        { range: `B${ruleRow + 1}`, kind: 'list', list: [SHARING_RULES.contributions, SHARING_RULES.fixed], message: `Choose "${SHARING_RULES.contributions}" or "${SHARING_RULES.fixed}".` },
        ...(spendRows.length ? [{ range: `D${sFirst + 1}:G${sFirst + spendRows.length}`, kind: 'decimal' as const, min: 0, message: 'Enter the amount spent in the quarter, 0 or more.' }] : []),
      ],
      columnWidths: [14, 22, 44, 16, 16, 16, 16, 16, 16],
      tabColor: 'BF8F00',
    },
    geometry: {
      contributed: (year) => `${POOL_SHEETS.pool}!${abs(1, summaryRow.get(year)!)}`,
      allocated: (year) => `${POOL_SHEETS.pool}!${abs(2, summaryRow.get(year)!)}`,
    },
  };
}
