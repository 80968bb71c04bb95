import type { Plan } from '../../../domain/plan';
import { columnLetter } from '../../a1';
import { num, text } from '../../grid';
import { FORMAT, type CellPlan, type SheetPlan } from '../../sheetPlan';
import { blockBody, BLOCKS, regionRows, SHEET_SPECS } from '../shared/blocks';
import { benefitHeader, costHeader, HEADERS, NO, SHEET, YES } from './names';
import { inputNote, legendRow } from '../shared/inputLegend';

/** Where each input sits on the Schemes sheet, so the year tables can point their formulas at it. */
export interface SchemesGeometry {
  readonly headerRow: number;
  readonly firstRow: number; // zero-based row of the first scheme
  readonly count: number;
  readonly inPoolColumn: string; // "F"
  costColumn(year: string): string;
  benefitColumn(year: string, unitId: string): string;
  cell(column: string, schemeIndex: number): string; // "Schemes!G5"
  /** The whole column: schemes typed under the table are in it, whatever their number ("Schemes!$G:$G"). */
  columnRange(column: string): string;
}

export const SCHEMES_HEADER_ROW = 3;

export function schemesGeometry(plan: Plan): SchemesGeometry {
  const fixed = HEADERS.schemes.length;
  const perYear = 1 + plan.unitCosts.length;
  // Worked out once: the year tables ask for these columns on every row of every table.
  const costColumns = new Map<string, string>();
  const benefitColumns = new Map<string, string>();
  plan.years.forEach((year, y) => {
    costColumns.set(year.label, columnLetter(fixed + y * perYear));
    plan.unitCosts.forEach((unit, u) =>
      benefitColumns.set(`${year.label}|${unit.id}`, columnLetter(fixed + y * perYear + 1 + u)),
    );
  });
  const firstRow = SCHEMES_HEADER_ROW + 1;
  const count = plan.schemes.length;
  return {
    headerRow: SCHEMES_HEADER_ROW,
    firstRow,
    count,
    inPoolColumn: columnLetter(fixed - 1),
    costColumn: (year) => {
      const column = costColumns.get(year);
      if (!column) throw new RangeError(`${year} is not one of the plan's years`);
      return column;
    },
    benefitColumn: (year, unitId) => {
      const column = benefitColumns.get(`${year}|${unitId}`);
      if (!column) throw new RangeError(`${unitId} in ${year} is not a unit cost and year of the plan`);
      return column;
    },
    cell: (column, i) => `${SHEET.schemes}!$${column}${firstRow + i + 1}`,
    columnRange: (column) => `${SHEET.schemes}!$${column}:$${column}`,
  };
}

/** The Schemes sheet: one row per scheme, the only place costs and expected benefits are typed. */
export function schemesLayout(plan: Plan, geometry: SchemesGeometry): SheetPlan {
  const headers: string[] = [...HEADERS.schemes];
  for (const year of plan.years) {
    headers.push(costHeader(year.label));
    for (const unit of plan.unitCosts) headers.push(benefitHeader(year.label, unit.id));
  }
  const body: (CellPlan | null)[][] = plan.schemes.map((s) => {
    const row: (CellPlan | null)[] = [
      text(s.ref, 'input'),
      text(s.group, 'input'),
      text(s.tiers, 'input'),
      text(s.name, 'input'),
      text(s.description, 'input'),
      text(s.inPool ? YES : NO, 'input'),
    ];
    for (const year of plan.years) {
      const entry = s.years[year.label];
      row.push(entry ? num(entry.cost, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds });
      for (const unit of plan.unitCosts) {
        const count = entry?.benefits[unit.id];
        row.push(count ? num(count, FORMAT.count, 'input') : { style: 'input', format: FORMAT.count });
      }
    }
    return row;
  });
  const spare: CellPlan[] = headers.map((_, i) =>
    i < HEADERS.schemes.length
      ? { style: 'input' }
      : {
          style: 'input',
          format: (i - HEADERS.schemes.length) % (1 + plan.unitCosts.length) === 0 ? FORMAT.pounds : FORMAT.count,
        },
  );
  const legend: (CellPlan | null)[] = headers.map((_, i) => {
    if (i < HEADERS.schemes.length) return legendRow()[i] ?? null;
    const unit = plan.unitCosts[((i - HEADERS.schemes.length) % (1 + plan.unitCosts.length)) - 1];
    return unit ? text(unit.benefit, 'note') : text('£ per year', 'note');
  });
  const lastRow = geometry.firstRow + regionRows(SHEET_SPECS.schemes, BLOCKS.schemes, plan.schemes.length);
  const numeric = headers.slice(HEADERS.schemes.length).map((_, i) => columnLetter(HEADERS.schemes.length + i));
  return {
    name: SHEET.schemes,
    rows: [
      [text(`${plan.board} BCF schemes: costs and expected benefits`, 'title')],
      [text(inputNote('type costs in pounds and expected reductions as counts; "In BCF pool" is Yes or No.'), 'note')],
      legend,
      headers.map((h) => text(h, 'header')),
      ...blockBody(SHEET_SPECS.schemes, BLOCKS.schemes, body, spare),
    ],
    tables: [
      {
        name: BLOCKS.schemes.id,
        row: SCHEMES_HEADER_ROW,
        column: 0,
        columns: headers,
        rowCount: regionRows(SHEET_SPECS.schemes, BLOCKS.schemes, plan.schemes.length),
      },
    ],
    validations: [
      {
        range: `${geometry.inPoolColumn}${geometry.firstRow + 1}:${geometry.inPoolColumn}${lastRow}`,
        kind: 'list',
        list: [YES, NO],
        message: 'Choose Yes if the scheme is paid from the BCF pool, No if not.',
      },
      ...numeric.map((c) => ({
        range: `${c}${geometry.firstRow + 1}:${c}${lastRow}`,
        kind: 'decimal' as const,
        min: 0,
        message: 'Enter an amount of 0 or more.',
      })),
    ],
    freeze: { rows: SCHEMES_HEADER_ROW + 1, columns: 1 },
    columnWidths: [6, 30, 8, 40, 50, 10, ...numeric.map(() => 14)],
    tabColor: '2E75B6',
  };
}
