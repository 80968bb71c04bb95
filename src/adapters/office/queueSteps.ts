import { sheetRef } from '../../workbook/a1';
import type { CellStyle, ChartPlan, SheetPlan, ValidationPlan } from '../../workbook/sheetPlan';
import { CELL_LOOKS } from './cellLooks';
import { columnsAddress, type WriteStep } from '../../workbook/write/writeSteps';

/**
 * Write steps (data, see writeSteps.ts) as the Office.js calls that do them. Nothing is sent here:
 * the calls queue on the request context until the adapter syncs a request-sized batch.
 */
/** One step as Office.js calls, queued on the request context for the next sync. */
export function queueStep(context: Excel.RequestContext, sheets: Map<string, Excel.Worksheet>, step: WriteStep): void {
  const workbook = context.workbook;
  const sheetOf = (name: string) => {
    let sheet = sheets.get(name);
    if (!sheet) sheets.set(name, (sheet = workbook.worksheets.getItem(name)));
    return sheet;
  };
  switch (step.kind) {
    case 'addSheet':
      sheets.set(step.sheet, workbook.worksheets.add(step.sheet));
      return;
    case 'deleteSheet':
      sheetOf(step.sheet).delete();
      sheets.delete(step.sheet);
      return;
    case 'visibility':
      sheetOf(step.sheet).visibility = 'VeryHidden' as Excel.SheetVisibility;
      return;
    case 'copyFrom':
      sheetOf(step.sheet)
        .getRange(step.address)
        .copyFrom(sheetRef(step.from, step.address), 'All' as Excel.RangeCopyType);
      return;
    case 'unlistTable':
      // Keeps the cells (cleared next) and frees the name for the table written in its place.
      workbook.tables.getItem(step.table).convertToRange();
      return;
    case 'clearSheet':
      return queueClearSheet(sheetOf(step.sheet));
    case 'name':
      return queueName(workbook, step);
    case 'cells':
      sheetOf(step.sheet).getRangeByIndexes(
        step.row,
        step.column,
        step.formulas.length,
        step.formulas[0].length,
      ).formulas = step.formulas;
      return;
    case 'formats':
      sheetOf(step.sheet).getRangeByIndexes(
        step.row,
        step.column,
        step.formats.length,
        step.formats[0].length,
      ).numberFormat = step.formats;
      return;
    case 'styles':
      return queueStyles(sheetOf(step.sheet), step.style, step.addresses);
    case 'validation':
      return queueValidation(sheetOf(step.sheet), step.validation);
    case 'sheetLook':
      return queueSheetLook(sheetOf(step.sheet), step.plan);
    case 'deleteChart':
      sheetOf(step.sheet).charts.getItem(step.chart).delete();
      return;
    case 'chart':
      return queueChart(sheetOf(step.sheet), step.chart);
    case 'table':
      return queueTable(sheetOf(step.sheet), step);
  }
}

function queueClearSheet(sheet: Excel.Worksheet): void {
  // Sheets the add-in generates are rebuilt whole, so rows left from a longer plan don't linger.
  const used = sheet.getUsedRange();
  used.clear();
  used.dataValidation.clear();
  sheet.freezePanes.unfreeze();
}

function queueName(workbook: Excel.Workbook, step: Extract<WriteStep, { kind: 'name' }>): void {
  const reference = `=${sheetRef(step.name.sheet, step.name.cell)}`;
  if (step.exists) {
    const item = workbook.names.getItem(step.name.name);
    item.formula = reference;
    item.comment = step.name.comment;
  } else {
    workbook.names.add(step.name.name, reference, step.name.comment);
  }
}

function queueTable(sheet: Excel.Worksheet, step: Extract<WriteStep, { kind: 'table' }>): void {
  const table = sheet.tables.add(sheet.getRange(step.address), true);
  table.name = step.table.name;
  table.style = 'TableStyleLight9';
}

function queueStyles(sheet: Excel.Worksheet, style: CellStyle, addresses: readonly string[]): void {
  const look = CELL_LOOKS[style];
  const format = sheet.getRanges(addresses.join(',')).format;
  if (look.fill) format.fill.color = look.fill;
  if (look.bold !== undefined) format.font.bold = look.bold;
  if (look.italic !== undefined) format.font.italic = look.italic;
  if (look.size !== undefined) format.font.size = look.size;
  if (look.color) format.font.color = look.color;
  if (look.wrap !== undefined) format.wrapText = look.wrap;
  if (look.vertical) format.verticalAlignment = look.vertical;
  if (look.borderTop) format.borders.getItem('EdgeTop').style = look.borderTop;
  if (look.borderBottom) format.borders.getItem('EdgeBottom').style = look.borderBottom;
}

function queueValidation(sheet: Excel.Worksheet, v: ValidationPlan): void {
  const validation = sheet.getRange(v.range).dataValidation;
  validation.clear();
  validation.ignoreBlanks = true;
  if (v.kind === 'list') {
    validation.rule = { list: { inCellDropDown: true, source: v.source ? `=${v.source}` : (v.list ?? []).join(',') } };
  } else {
    const rule = { formula1: v.min ?? 0, operator: 'GreaterThanOrEqualTo' as const };
    validation.rule = v.kind === 'whole' ? { wholeNumber: rule } : { decimal: rule };
  }
  validation.errorAlert = { message: v.message, showAlert: true, style: 'Stop', title: 'BCF planner' };
}

function queueSheetLook(sheet: Excel.Worksheet, plan: Pick<SheetPlan, 'columnWidths' | 'freeze' | 'tabColor'>): void {
  const widths = plan.columnWidths ?? [];
  for (let first = 0; first < widths.length;) {
    let last = first;
    while (last + 1 < widths.length && widths[last + 1] === widths[first]) last++;
    sheet.getRange(columnsAddress(first, last)).format.columnWidth = columnWidthPoints(widths[first]);
    first = last + 1;
  }
  const freeze = plan.freeze;
  if (freeze && freeze.rows > 0 && freeze.columns > 0)
    sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
  else if (freeze && freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze && freeze.columns > 0) sheet.freezePanes.freezeColumns(freeze.columns);
  if (plan.tabColor) sheet.tabColor = `#${plan.tabColor}`;
}

/** A line chart over ranges already written: the first series creates it, the rest are added. */
function queueChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  const chart = sheet.charts.add('Line', sheet.getRange(plan.series[0].range), 'Columns');
  chart.title.text = plan.title;
  chart.setPosition(plan.anchor);
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i > 0) series.setValues(sheet.getRange(s.range));
    series.name = s.name;
    series.setXAxisValues(sheet.getRange(plan.categories));
  });
}

/** Excel column widths are set in points; plans give them in characters of the default font (7 px + 5 px padding). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
