import { EXCEL_LIMITS, fitText } from '../../../domain/excelLimits';
import { unitCostName, type Plan } from '../../../domain/plan';
import { cellAddress } from '../../a1';
import { num, text } from '../../grid';
import { FORMAT, type CellPlan, type DefinedNamePlan, type SheetPlan, type TablePlan } from '../../sheetPlan';
import { blockBody, BLOCKS, ROOM_TO_GROW, SHEET_SPECS, type BlockSpec } from '../shared/blocks';
import { inputNote, legendRow } from '../shared/inputLegend';
import { trackerSettingsBlock } from '../cards/trackerSettings';
import { SHEET } from './names';
import { signOffRoleRows } from './signOffRoles';

/** Where the inputs other sheets' formulas read sit on the Assumptions sheet ("Assumptions!$B$12"). */
export interface AssumptionsGeometry {
  statedPool(year: string): string;
  minimumPool(year: string): string;
  /** A year's row of the NEL targets; undefined for a year with no target. */
  target(year: string): { baseline: string; target: string; atRisk: string } | undefined;
}

export interface AssumptionsLayout {
  readonly sheet: SheetPlan;
  /** The unit costs' names (UnitCost_NEL) and the tracker settings' (Tolerance_Green...). */
  readonly names: DefinedNamePlan[];
  readonly geometry: AssumptionsGeometry;
}

/**
 * The Assumptions sheet, in one pass: the plan's identity, its years and stated pools, the unit
 * costs (each a defined name such as UnitCost_NEL, so no formula ever carries a unit cost as a
 * literal), the NEL targets, the Benefit Cards' tracker settings and who signs a card off. Every
 * block is an Excel table a commissioner edits in place.
 */
export function assumptionsLayout(plan: Plan): AssumptionsLayout {
  const rows = assumptionsHeadRows(plan);
  const tables: TablePlan[] = [];
  const block = blockAdder(rows, tables);

  block(BLOCKS.planInfo, [
    [text('Health and Wellbeing Board'), text(plan.board, 'input')],
    [text('Title'), text(plan.title, 'input')],
  ]);
  block(
    BLOCKS.partners,
    plan.partners.map((p) => [text(p.id, 'input'), text(p.name, 'input'), text(p.kind, 'input')]),
    inputs(undefined, undefined, undefined),
  );
  const firstYear = block(
    BLOCKS.years,
    plan.years.map((y) => [
      text(y.label, 'input'),
      y.statedPool ? num(y.statedPool, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds },
      y.minimumPool ? num(y.minimumPool, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds },
    ]),
    inputs(undefined, FORMAT.pounds, FORMAT.pounds),
  );
  const firstUnitRow = block(
    BLOCKS.unitCosts,
    plan.unitCosts.map((u) => [
      text(u.id, 'input'),
      text(u.benefit, 'input'),
      text(u.shortLabel, 'input'),
      num(u.value, FORMAT.pence, 'input'),
      text(u.unit, 'input'),
      text(u.source, 'input'),
    ]),
    inputs(undefined, undefined, undefined, FORMAT.pence, undefined, undefined),
  );
  const names = unitCostNames(plan, firstUnitRow);
  const firstTarget = block(
    BLOCKS.targets,
    plan.targets.map((t) => [
      text(t.year, 'input'),
      num(t.baseline, FORMAT.count, 'input'),
      num(t.target, FORMAT.count, 'input'),
      t.statedAtRisk ? num(t.statedAtRisk, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds },
    ]),
    inputs(undefined, FORMAT.count, FORMAT.count, FORMAT.pounds),
  );

  // The tracker settings and sign-off roles come after the tables, a blank row before each.
  if (rows[rows.length - 1].length) rows.push([]);
  const tracker = trackerSettingsBlock(plan, rows.length);
  rows.push(...tracker.rows);
  if (rows[rows.length - 1].length) rows.push([]);
  rows.push(...signOffRoleRows(plan));

  return {
    sheet: {
      name: SHEET.assumptions,
      rows,
      tables,
      validations: tracker.validations,
      columnWidths: [28, 44, 18, 16, 26, 80],
      tabColor: '1F4E79',
    },
    names: [...names, ...tracker.names],
    geometry: assumptionsGeometry(plan, firstYear, firstTarget),
  };
}

/** The geometry from the first rows (zero-based) of the years and targets blocks. */
function assumptionsGeometry(plan: Plan, firstYear: number, firstTarget: number): AssumptionsGeometry {
  const at = (column: string, row: number) => `${SHEET.assumptions}!$${column}$${row + 1}`;
  const yearRow = (label: string) => firstYear + plan.years.findIndex((y) => y.label === label);
  return {
    statedPool: (year) => at('B', yearRow(year)),
    minimumPool: (year) => at('C', yearRow(year)),
    target: (year) => {
      const i = plan.targets.findIndex((t) => t.year === year);
      if (i < 0) return undefined;
      const row = firstTarget + i;
      return { baseline: at('B', row), target: at('C', row), atRisk: at('D', row) };
    },
  };
}

function assumptionsHeadRows(plan: Plan): (CellPlan | null)[][] {
  return [
    [text(`${plan.title || `${plan.board} Better Care Fund plan`}: assumptions`, 'title')],
    [
      text(
        inputNote(
          'commissioners keep the plan here and on the Schemes sheet; every table in this workbook is calculated from them.',
        ),
        'note',
      ),
    ],
    legendRow(),
  ];
}

/** Appends a block (header, rows, spare rows) and its table to the sheet; returns the zero-based row of its first item. */
function blockAdder(rows: (CellPlan | null)[][], tables: TablePlan[]) {
  // A growing block's spare rows are blank inputs in the formats of its columns.
  return (spec: BlockSpec, items: (CellPlan | null)[][], spare: (CellPlan | null)[] = []) => {
    const body = blockBody(SHEET_SPECS.assumptions, spec, items, spare);
    const first = rows.length + 1;
    tables.push({
      name: spec.id,
      row: rows.length,
      column: 0,
      columns: spec.headers,
      rowCount: spec.grows ? items.length + ROOM_TO_GROW : items.length,
    });
    rows.push(spec.headers.map((h) => text(h, 'header')));
    rows.push(...body);
    if (!spec.grows) rows.push([]);
    return first;
  };
}

function inputs(...formats: (string | undefined)[]): CellPlan[] {
  return formats.map((format) => (format ? { style: 'input', format } : { style: 'input' }));
}

/** Each unit cost's defined name (UnitCost_NEL...), pointing at its value in the block starting at `firstUnitRow`. */
function unitCostNames(plan: Plan, firstUnitRow: number): DefinedNamePlan[] {
  return plan.unitCosts.map((u, i) => ({
    name: unitCostName(u.id),
    sheet: SHEET.assumptions,
    cell: cellAddress(firstUnitRow + i, 3, true),
    comment: fitText(`${u.benefit}: £ ${u.unit}`, EXCEL_LIMITS.nameComment),
  }));
}
