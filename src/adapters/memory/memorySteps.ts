import type { HyperFormula, RawCellContent } from 'hyperformula';
import { sheetRef } from '../../workbook/a1';
import { parseAddress } from '../../workbook/a1';
import type { CellInput } from '../../workbook/write/cellInput';
import type { WriteStep } from '../../workbook/write/writeSteps';

/**
 * What HyperFormula does not keep of a workbook and the write path needs to know: tables (an
 * inventory of names), charts, very hidden sheets, number formats and the comments of names.
 */
export class MemoryExtras {
  readonly tables = new Map<string, { name: string; sheet: string }>();
  charts: { name: string; sheet: string }[] = [];
  readonly hidden = new Set<string>();
  /** Lower-case sheet -> "row,column" -> number format. */
  readonly formats = new Map<string, Map<string, string>>();
  readonly comments = new Map<string, string>();

  renameSheet(from: string, to: string): void {
    const key = from.toLowerCase();
    for (const t of this.tables.values()) if (t.sheet.toLowerCase() === key) t.sheet = to;
    this.charts = this.charts.map((c) => (c.sheet.toLowerCase() === key ? { ...c, sheet: to } : c));
    if (this.hidden.delete(key)) this.hidden.add(to.toLowerCase());
    const formats = this.formats.get(key);
    this.formats.delete(key);
    if (formats) this.formats.set(to.toLowerCase(), formats);
  }

  format(sheet: string, row: number, column: number): string | null {
    return this.formats.get(sheet.toLowerCase())?.get(`${row},${column}`) ?? null;
  }
}

/**
 * One write step done to a HyperFormula workbook, as Excel does it through Office.js
 * (src/adapters/office/queueSteps.ts): the same steps, so the preview and the tests write as Excel.
 * Looks (styles, widths, validations) are the layout's, kept by the host from the plan.
 */
export function runMemoryStep(hf: HyperFormula, extras: MemoryExtras, step: WriteStep): void {
  const id = () => hf.getSheetId(step.sheet)!;
  switch (step.kind) {
    case 'addSheet':
      hf.addSheet(step.sheet);
      return;
    case 'deleteSheet':
      hf.removeSheet(id());
      extras.formats.delete(step.sheet.toLowerCase());
      extras.hidden.delete(step.sheet.toLowerCase());
      return;
    case 'visibility':
      extras.hidden.add(step.sheet.toLowerCase());
      return;
    case 'clearSheet':
      hf.clearSheet(id());
      extras.formats.delete(step.sheet.toLowerCase());
      return;
    case 'cells':
      return writeInputs(hf, id(), step.row, step.column, step.formulas);
    case 'formats':
      return keepFormats(extras, step.sheet, step.row, step.column, step.formats);
    case 'copyFrom':
      return copyFrom(hf, extras, step.from, step.sheet, step.address);
    case 'name':
      return setName(hf, extras, step);
    case 'table':
      extras.tables.set(step.table.name.toLowerCase(), { name: step.table.name, sheet: step.sheet });
      return;
    case 'unlistTable':
      extras.tables.delete(step.table.toLowerCase());
      return;
    case 'chart':
      extras.charts.push({ name: step.chart.title, sheet: step.sheet });
      return;
    case 'deleteChart':
      extras.charts = extras.charts.filter((c) => !(c.name === step.chart && c.sheet === step.sheet));
      return;
    case 'styles':
    case 'validation':
    case 'sheetLook':
      return;
  }
}

/** A `Range.formulas` array written as Excel would: null leaves a cell as it is, "" empties it. */
function writeInputs(hf: HyperFormula, sheet: number, row: number, column: number, rows: CellInput[][]): void {
  rows.forEach((inputs, r) => {
    let c = 0;
    while (c < inputs.length) {
      if (inputs[c] === null) {
        c++;
        continue;
      }
      const run: RawCellContent[] = [];
      const start = c;
      // An apostrophe marks text for HyperFormula as for Excel: the same entry means the same cell.
      for (; c < inputs.length && inputs[c] !== null; c++) run.push(inputs[c] === '' ? null : inputs[c]);
      hf.setCellContents({ sheet, row: row + r, col: column + start }, [run]);
    }
  });
}

function keepFormats(
  extras: MemoryExtras,
  sheet: string,
  row: number,
  column: number,
  formats: (string | null)[][],
): void {
  const key = sheet.toLowerCase();
  const cells = extras.formats.get(key) ?? extras.formats.set(key, new Map()).get(key)!;
  formats.forEach((codes, r) =>
    codes.forEach((code, c) => {
      if (code !== null) cells.set(`${row + r},${column + c}`, code);
    }),
  );
}

/** A staging sheet's cells and formats onto the same range of another sheet. */
function copyFrom(hf: HyperFormula, extras: MemoryExtras, from: string, to: string, address: string): void {
  const [first, last = first] = address.split(':').map(parseAddress);
  const source = hf.getSheetId(from)!;
  const cells = hf.getRangeSerialized({
    start: { sheet: source, row: first.row, col: first.column },
    end: { sheet: source, row: last.row, col: last.column },
  });
  hf.setCellContents({ sheet: hf.getSheetId(to)!, row: first.row, col: first.column }, cells);
  const formats = extras.formats.get(from.toLowerCase());
  if (formats) extras.formats.set(to.toLowerCase(), new Map(formats));
}

function setName(hf: HyperFormula, extras: MemoryExtras, step: Extract<WriteStep, { kind: 'name' }>): void {
  defineName(hf, step.name.name, `=${sheetRef(step.name.sheet, step.name.cell)}`);
  extras.comments.set(step.name.name.toLowerCase(), step.name.comment);
}

/**
 * Gives the name this expression ("=Assumptions!$C$5"), on one sheet (`scope`, its id) or the whole
 * workbook, whether or not it had one. False for what HyperFormula can't take (an external workbook's cell, say).
 */
export function defineName(hf: HyperFormula, name: string, expression: string, scope?: number): boolean {
  if (hf.isItPossibleToAddNamedExpression(name, expression, scope)) hf.addNamedExpression(name, expression, scope);
  else if (hf.getNamedExpression(name, scope)) hf.changeNamedExpression(name, expression, scope);
  else return false;
  return true;
}
