import { unitCostName, type Plan } from '../../domain/plan';
import { cellAddress } from '../a1';
import { num, text } from '../grid';
import { FORMAT, type CellPlan, type DefinedNamePlan, type SheetPlan, type TablePlan } from '../sheetPlan';
import { HEADERS, SHEET } from './names';
import { inputNote, legendRow } from './inputLegend';

/**
 * The Assumptions sheet: the plan's identity, its years and stated pools, the unit costs (each a
 * defined name such as UnitCost_NEL, so no formula ever carries a unit cost as a literal) and the
 * NEL targets. Every block is an Excel table a commissioner edits in place.
 */
export function assumptionsLayout(plan: Plan): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const rows: (CellPlan | null)[][] = [
    [text(`${plan.title || `${plan.board} Better Care Fund plan`}: assumptions`, 'title')],
    [text(inputNote('commissioners keep the plan here and on the Schemes sheet; every table in this workbook is calculated from them.'), 'note')],
    legendRow(),
  ];
  const tables: TablePlan[] = [];
  const names: DefinedNamePlan[] = [];

  const block = (name: string, headers: readonly string[], body: (CellPlan | null)[][]) => {
    tables.push({ name, row: rows.length, column: 0, columns: headers, rowCount: body.length });
    rows.push(headers.map((h) => text(h, 'header')));
    rows.push(...body);
    rows.push([]);
    return rows.length - body.length - 1; // first body row
  };

  block('PlanInfo', HEADERS.plan, [
    [text('Health and Wellbeing Board'), text(plan.board, 'input')],
    [text('Title'), text(plan.title, 'input')],
  ]);
  block('Partners', HEADERS.partners, plan.partners.map((p) => [text(p.id, 'input'), text(p.name, 'input'), text(p.kind, 'input')]));
  block(
    'Years',
    HEADERS.years,
    plan.years.map((y) => [
      text(y.label, 'input'),
      y.statedPool ? num(y.statedPool, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds },
      y.minimumPool ? num(y.minimumPool, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds },
    ]),
  );
  const firstUnitRow = block(
    'UnitCosts',
    HEADERS.unitCosts,
    plan.unitCosts.map((u) => [text(u.id, 'input'), text(u.benefit, 'input'), text(u.shortLabel, 'input'), num(u.value, FORMAT.pence, 'input'), text(u.unit, 'input'), text(u.source, 'input')]),
  );
  plan.unitCosts.forEach((u, i) => {
    names.push({ name: unitCostName(u.id), sheet: SHEET.assumptions, cell: cellAddress(firstUnitRow + i, 3, true), comment: `${u.benefit}: £ ${u.unit}` });
  });
  block(
    'Targets',
    HEADERS.targets,
    plan.targets.map((t) => [
      text(t.year, 'input'),
      num(t.baseline, FORMAT.count, 'input'),
      num(t.target, FORMAT.count, 'input'),
      t.statedAtRisk ? num(t.statedAtRisk, FORMAT.pounds, 'input') : { style: 'input', format: FORMAT.pounds },
    ]),
  );

  return {
    sheet: { name: SHEET.assumptions, rows, tables, columnWidths: [28, 44, 18, 16, 26, 80], tabColor: '1F4E79' },
    names,
  };
}
