import type Decimal from 'decimal.js';
import { financialYear } from '../../../domain/financialYear';
import { unitCostName, type Plan, type Scheme } from '../../../domain/plan';
import { computeSchemeTable, groupSchemes, NEL, type SchemeLine, type SchemeTable } from '../../../domain/schemeTable';
import { columnLetter } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan, type SheetPlan } from '../../sheetPlan';
import { YES, yearSheetName } from '../assumptions/names';
import type { SchemesGeometry } from '../assumptions/schemesLayout';
import { inputNote, legendRow } from '../shared/inputLegend';

export const NA = 'n/a';

type Row = (CellPlan | null)[];

/**
 * A year's figures, or none when the sheet is laid out for its formulas alone (the audit compares
 * formulas and labels, so it skips the decimal.js table; each cached result is then blank).
 */
interface YearFigures {
  readonly year: string;
  readonly table: SchemeTable | undefined;
}

/** A percentage column's total: 100% of something, 0 of nothing, blank without figures. */
function oneUnlessZero(total: Decimal | undefined): number | null {
  return total ? (total.isZero() ? 0 : 1) : null;
}

/**
 * A year's sheet: the plan's "Cost and impact of schemes on NEL admissions" table (Tables 3/4,
 * 11/12) and, below it, Annex 1's table of every benefit with its total saving. Every figure is a
 * formula over the Schemes sheet and the unit-cost names; the cached results are the decimal.js
 * figures, so a viewer that doesn't recalculate still shows the right number.
 */
export function yearSheetLayout(
  plan: Plan,
  year: string,
  geometry: SchemesGeometry,
  { formulasOnly = false }: { readonly formulasOnly?: boolean } = {},
): SheetPlan {
  const table: YearFigures = { year, table: formulasOnly ? undefined : computeSchemeTable(plan, year) };
  const fy = financialYear(year);
  const rows: Row[] = [
    [text(`Cost and impact of schemes on NEL admissions, April ${fy.startYear} – March ${fy.startYear + 1}`, 'title')],
    [
      text(
        inputNote(
          `the pool as the plan states it (below the table), compared with the schemes' costs. Saving = reduced admissions × ${unitCostName(NEL)} (Assumptions sheet); % of BCF pool counts pool schemes only.`,
        ),
        'note',
      ),
    ],
    legendRow(),
  ];
  nelTable(rows, plan, table, geometry);
  rows.push([], []);
  rows.push([
    text(`Contribution of schemes to every BCF benefit, April ${fy.startYear} – March ${fy.startYear + 1}`, 'title'),
  ]);
  rows.push([
    text(
      `Total saving = each reduction × its unit cost (${plan.unitCosts.map((u) => unitCostName(u.id)).join(', ')}).`,
      'note',
    ),
  ]);
  rows.push([]);
  benefitTable(rows, plan, table, geometry);
  return {
    name: yearSheetName(year),
    rows,
    columnWidths: [8, 8, 44, 16, 12, 14, 16, 12, ...plan.unitCosts.slice(1).map(() => 14), 16, 16],
    freeze: { rows: 4, columns: 0 },
    tabColor: '548235',
  };
}

/** Columns of the NEL table: A Tier, B Ref, C Scheme, D Cost, E % pool, F NEL, G Saving, H % change, I Note. */
function nelTable(rows: Row[], plan: Plan, { year, table }: YearFigures, g: SchemesGeometry): void {
  const header = rows.length;
  rows.push(
    [
      'Tier',
      'Sch ref',
      'Scheme',
      'Cost (£)',
      '% of BCF pool',
      'No. reduced NEL adm.',
      'Saving (£)',
      '% change NEL adm.',
      'Pool',
    ].map((h) => text(h, 'header')),
  );
  const layoutRows = groupedRows(plan, rows.length);
  const total = layoutRows.totalRow;
  for (const item of layoutRows.items) {
    if (item.kind === 'group') {
      rows.push([text(item.group.tiers, 'group'), text(item.group.number, 'group'), text(item.group.name, 'group')]);
      continue;
    }
    const scheme = plan.schemes[item.index];
    rows.push(nelSchemeRow(scheme, table?.lines[item.index], year, g, item.index, rows.length, total));
  }
  const sum = columnSum(header + 1, total - 1);
  rows.push([
    text('Total', 'total'),
    null,
    text('BCF pool (schemes marked In BCF pool)', 'total'),
    formula(
      `SUMIF(${g.columnRange(g.inPoolColumn)},"${YES}",${g.columnRange(g.costColumn(year))})`,
      table?.poolTotal ?? null,
      FORMAT.pounds,
      'total',
    ),
    sum('E', oneUnlessZero(table?.poolTotal), FORMAT.percent),
    sum('F', table?.countTotals[NEL] ?? null, FORMAT.count),
    sum('G', table?.savingTotals[NEL] ?? null, FORMAT.pounds),
    sum('H', oneUnlessZero(table?.countTotals[NEL]), FORMAT.percent),
  ]);
  rows.push([
    null,
    null,
    text('Cost of schemes outside the pool', 'note'),
    layoutRows.items.some((item) => item.kind === 'scheme')
      ? formula(`SUM(D${header + 2}:D${total})-${at('D', total)}`, table?.costOutsidePool ?? null, FORMAT.pounds)
      : num(0, FORMAT.pounds), // no schemes, so nothing outside the pool
  ]);
  const statedPool = plan.years.find((y) => y.label === year)?.statedPool;
  if (statedPool) statedPoolRows(rows, table, statedPool, total);
}

/** "D7", or "$D$7" with absRow, for the zero-based sheet row `row`. */
function at(col: string, row: number, absRow = false): string {
  return `${absRow ? '$' : ''}${col}${absRow ? '$' : ''}${row + 1}`;
}

/** Scheme `i`'s row of the NEL table, at zero-based sheet row `r`; `total` is the total row's. */
function nelSchemeRow(
  scheme: Scheme,
  line: SchemeLine | undefined,
  year: string,
  g: SchemesGeometry,
  i: number,
  r: number,
  total: number,
): Row {
  const inPool = `${g.cell(g.inPoolColumn, i)}="${YES}"`;
  return [
    null,
    formula(g.cell('A', i), scheme.ref),
    formula(g.cell('D', i), scheme.name),
    formula(g.cell(g.costColumn(year), i), line?.cost ?? null, FORMAT.pounds),
    formula(
      `IF(${inPool},IF(${at('D', total, true)}=0,"${NA}",${at('D', r)}/${at('D', total, true)}),"${NA}")`,
      line ? (line.shareOfPool ?? NA) : null,
      FORMAT.percent,
    ),
    formula(g.cell(g.benefitColumn(year, NEL), i), line?.counts[NEL] ?? null, FORMAT.countOrBlank),
    formula(`${at('F', r)}*${unitCostName(NEL)}`, line?.savings[NEL] ?? null, FORMAT.poundsOrBlank),
    formula(
      `IF(${at('F', total, true)}=0,"${NA}",${at('F', r)}/${at('F', total, true)})`,
      line ? (line.shareOfNel ?? NA) : null,
      FORMAT.percentOrBlank,
    ),
    formula(`IF(${inPool},"","Not BCF pool")`, scheme.inPool ? '' : 'Not BCF pool'),
  ];
}

/** The pool the plan states, under the table, and whether the schemes add up to it. */
function statedPoolRows(rows: Row[], table: SchemeTable | undefined, statedPool: Decimal, total: number): void {
  const stated = rows.length;
  rows.push([null, null, text('Pool as stated in the plan', 'note'), num(statedPool, FORMAT.pounds, 'input')]);
  const differs = table ? !statedPool.equals(table.poolTotal) : undefined;
  rows.push([
    null,
    null,
    text('Difference (calculated less stated)', 'note'),
    formula(`${at('D', total)}-${at('D', stated)}`, table?.poolTotal.minus(statedPool) ?? null, FORMAT.pounds),
    formula(
      `IF(${at('D', total)}=${at('D', stated)},"Agrees","Check: the stated pool differs from the schemes")`,
      differs === undefined ? null : differs ? 'Check: the stated pool differs from the schemes' : 'Agrees',
      undefined,
      differs ? 'warning' : 'note',
    ),
  ]);
}

/** Columns: A Ref, B Scheme, C Cost, D % pool, E NEL, F % change NEL, then one per other unit cost, then Total saving. */
function benefitTable(rows: Row[], plan: Plan, { year, table }: YearFigures, g: SchemesGeometry): void {
  const others = plan.unitCosts.filter((u) => u.id !== NEL);
  const header = rows.length;
  rows.push(
    [
      'Sch ref',
      'Scheme',
      'Cost (£)',
      '% of BCF pool',
      `No. reduced ${shortLabel(plan, NEL)}`,
      '% change NEL adm.',
      ...others.map((u) => u.benefit),
      'Total saving (£)',
    ].map((h) => text(h, 'header')),
  );
  const totalRow = header + 1 + plan.schemes.length;
  const countColumn = (unitIndex: number) => columnLetter(6 + unitIndex); // G onwards for the other unit costs
  const savingColumn = columnLetter(6 + others.length);
  plan.schemes.forEach((scheme, i) => {
    const line = table?.lines[i];
    const r = rows.length;
    const inPool = `${g.cell(g.inPoolColumn, i)}="${YES}"`;
    const savingTerms = [
      `${at('E', r)}*${unitCostName(NEL)}`,
      ...others.map((u, k) => `${at(countColumn(k), r)}*${unitCostName(u.id)}`),
    ];
    rows.push([
      formula(g.cell('A', i), scheme.ref),
      formula(g.cell('D', i), scheme.name),
      formula(g.cell(g.costColumn(year), i), line?.cost ?? null, FORMAT.pounds),
      formula(
        `IF(${inPool},IF(${at('C', totalRow, true)}=0,"${NA}",${at('C', r)}/${at('C', totalRow, true)}),"${NA}")`,
        line ? (line.shareOfPool ?? NA) : null,
        FORMAT.percent,
      ),
      formula(g.cell(g.benefitColumn(year, NEL), i), line?.counts[NEL] ?? null, FORMAT.countOrBlank),
      formula(
        `IF(${at('E', totalRow, true)}=0,"${NA}",${at('E', r)}/${at('E', totalRow, true)})`,
        line ? (line.shareOfNel ?? NA) : null,
        FORMAT.percentOrBlank,
      ),
      ...others.map((u) =>
        formula(g.cell(g.benefitColumn(year, u.id), i), line?.counts[u.id] ?? null, FORMAT.countOrBlank),
      ),
      formula(savingTerms.join('+'), line?.totalSaving ?? null, FORMAT.poundsOrBlank),
    ]);
  });
  const totalOf = columnSum(header + 1, totalRow - 1);
  rows.push([
    text('Total', 'total'),
    text('BCF pool', 'total'),
    formula(
      `SUMIF(${g.columnRange(g.inPoolColumn)},"${YES}",${g.columnRange(g.costColumn(year))})`,
      table?.poolTotal ?? null,
      FORMAT.pounds,
      'total',
    ),
    totalOf('D', oneUnlessZero(table?.poolTotal), FORMAT.percent),
    totalOf('E', table?.countTotals[NEL] ?? null, FORMAT.count),
    totalOf('F', oneUnlessZero(table?.countTotals[NEL]), FORMAT.percent),
    ...others.map((u, k) => totalOf(countColumn(k), table?.countTotals[u.id] ?? null, FORMAT.count)),
    totalOf(savingColumn, table?.totalSaving ?? null, FORMAT.pounds),
  ]);
}

/**
 * A total row's SUM over the rows from `first` to `last` (zero-based). A table with no rows has
 * nothing to add: its total is 0, never a SUM whose range would reach the total's own cell.
 */
function columnSum(first: number, last: number) {
  return (col: string, value: Decimal | number | null, format: string): CellPlan =>
    last < first
      ? num(value ?? 0, format, 'total') // no rows: the total is 0 with or without figures
      : formula(`SUM(${col}${first + 1}:${col}${last + 1})`, value, format, 'total');
}

function shortLabel(plan: Plan, id: string): string {
  return plan.unitCosts.find((u) => u.id === id)?.shortLabel ?? id;
}

type LayoutItem = { kind: 'group'; group: ReturnType<typeof groupSchemes>[number] } | { kind: 'scheme'; index: number };

/** Group headings interleaved with schemes, and where the total row will land. */
function groupedRows(plan: Plan, firstRow: number): { items: LayoutItem[]; totalRow: number } {
  const items: LayoutItem[] = [];
  let index = 0;
  for (const group of groupSchemes(plan.schemes)) {
    items.push({ kind: 'group', group });
    for (let k = 0; k < group.schemes.length; k++) items.push({ kind: 'scheme', index: index++ });
  }
  return { items, totalRow: firstRow + items.length };
}
