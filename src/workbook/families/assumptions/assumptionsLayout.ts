import { EXCEL_LIMITS, fitText } from '../../../domain/excelLimits';
import { unitCostName, type Plan } from '../../../domain/plan';
import { cellAddress } from '../../a1';
import { num, text } from '../../grid';
import { FORMAT, type CellPlan, type DefinedNamePlan, type SheetPlan, type TablePlan } from '../../sheetPlan';
import { blockBody, BLOCKS, ROOM_TO_GROW, SHEET_SPECS, type BlockSpec } from '../shared/blocks';
import { inputNote, legendRow } from '../shared/inputLegend';
import { SHEET } from './names';

/**
 * The Assumptions sheet: the plan's identity, its years and stated pools, the unit costs (each a
 * defined name such as UnitCost_NEL, so no formula ever carries a unit cost as a literal) and the
 * NEL targets. Every block is an Excel table a commissioner edits in place.
 */
export function assumptionsLayout(plan: Plan): { sheet: SheetPlan; names: DefinedNamePlan[] } {
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
  block(
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
  block(
    BLOCKS.targets,
    plan.targets.map((t) => [
      text(t.year, 'input'),
      num(t.baseline, FORMAT.count, 'input'),
      num(t.target, FORMAT.count, 'input'),
      t.statedAtRisk ? num(t.statedAtRisk, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds },
    ]),
    inputs(undefined, FORMAT.count, FORMAT.count, FORMAT.pounds),
  );

  return {
    sheet: { name: SHEET.assumptions, rows, tables, columnWidths: [28, 44, 18, 16, 26, 80], tabColor: '1F4E79' },
    names,
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
