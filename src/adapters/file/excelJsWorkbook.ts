import ExcelJS from 'exceljs';
import { cellAddress } from '../../workbook/a1';
import type { CellPlan, SheetPlan, WorkbookPlan } from '../../workbook/sheetPlan';
import { CELL_STYLES } from './styles';

/**
 * A workbook plan as an ExcelJS workbook (in memory), formulas with their cached results, without
 * charts. bcf writes its files with xlsxStream; this is the reference its output is tested against
 * and the floor `npm run bench` measures it by (ExcelJS's own write of the same cells).
 */
export function planToExcelJs(plan: WorkbookPlan): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'BCF planner';
  workbook.calcProperties.fullCalcOnLoad = true;
  const styles = new SharedStyles();
  for (const sheet of plan.sheets) writeSheet(workbook, sheet, styles);
  for (const name of plan.names) {
    workbook.definedNames.add(`'${name.sheet.replace(/'/g, "''")}'!${name.cell}`, name.name);
  }
  return workbook;
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan, styles: SharedStyles): void {
  const ws = workbook.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: `FF${plan.tabColor}` } } : undefined,
    state: plan.visibility,
    views: plan.freeze ? [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }] : undefined,
  });
  plan.columnWidths?.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  // Tables first: ExcelJS writes a table's cells itself, and the plain cells below then add formats.
  for (const table of plan.tables ?? []) {
    if (table.rowCount === 0) continue; // an empty table makes Excel "repair" the file
    ws.addTable({
      name: table.name,
      ref: cellAddress(table.row, table.column),
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: table.columns.map((name) => ({ name, filterButton: true })),
      rows: plan.rows
        .slice(table.row + 1, table.row + 1 + table.rowCount)
        .map((row) => table.columns.map((_, c) => literal(row[table.column + c]))),
    });
  }
  plan.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) writeCell(ws.getCell(r + 1, c + 1), cell, styles);
    });
  });
  for (const v of plan.validations ?? []) {
    const rule: ExcelJS.DataValidation =
      v.kind === 'list'
        ? {
            type: 'list',
            allowBlank: true,
            formulae: [v.source ?? `"${(v.list ?? []).join(',')}"`],
            showErrorMessage: true,
            error: v.message,
          }
        : {
            type: v.kind,
            operator: 'greaterThanOrEqual',
            allowBlank: true,
            formulae: [v.min ?? 0],
            showErrorMessage: true,
            error: v.message,
          };
    // ExcelJS has no range-wide validation in its types; it accepts one rule per cell.
    const [from, to] = v.range.split(':');
    const start = ws.getCell(from);
    const end = ws.getCell(to ?? from);
    for (let r = Number(start.row); r <= Number(end.row); r++) {
      for (let c = Number(start.col); c <= Number(end.col); c++) ws.getCell(r, c).dataValidation = rule;
    }
  }
}

function literal(cell: CellPlan | null | undefined): ExcelJS.CellValue {
  if (!cell) return null;
  if (cell.formula)
    return { formula: cell.formula.slice(1), result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
  return cell.value ?? null;
}

function writeCell(target: ExcelJS.Cell, cell: CellPlan, styles: SharedStyles): void {
  // A string value is stored as a shared string: Excel shows "=1+1" typed by a user as text.
  target.value = literal(cell);
  if (cell.format || cell.style) target.style = styles.of(cell.format, cell.style);
}

/**
 * One style object per format and role, shared by every cell that has them. ExcelJS recognises a
 * style object it has seen and reuses its id; a fresh object per cell made it rebuild the XML of
 * the font, fill and border for each of 770,000 cells. Nothing changes a cell's style after this.
 */
class SharedStyles {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  of(format: string | undefined, role: CellPlan['style']): Partial<ExcelJS.Style> {
    const key = `${role ?? ''}|${format ?? ''}`;
    let style = this.styles.get(key);
    if (!style)
      this.styles.set(key, (style = { ...(role ? CELL_STYLES[role] : {}), ...(format ? { numFmt: format } : {}) }));
    return style;
  }
}
