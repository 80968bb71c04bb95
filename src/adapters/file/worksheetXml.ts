import { columnIndex } from '../../workbook/a1';
import type { Scalar } from '../../workbook/sheetPlan';
import type { SheetSnapshot } from '../../workbook/snapshot';
import { attribute, attributeIn, decodeXml, itemText, startTags } from './xmlText';
import { NotForLeanReader } from './zipEntries';

/** What a worksheet's cells need from the rest of the workbook. */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  /** Indexes of the cell styles whose number format shows a date (as ExcelJS decides it). */
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

interface Cell {
  value: Scalar;
  formula: string | null;
}

/**
 * The values and formulas of one worksheet part (xl/worksheets/sheetN.xml), read the way ExcelJS
 * reads them, so either reader gives the same snapshot: numbers in a date format become ISO dates,
 * errors their text, rich text its plain text, and the cells of a merged range the value of its
 * top-left cell.
 */
export function worksheetSnapshot(name: string, xml: string, context: CellContext): SheetSnapshot {
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const put = (row: number, column: number, cell: Cell) => {
    (values[row] ??= [])[column] = cell.value;
    (formulas[row] ??= [])[column] = cell.formula;
  };
  const start = xml.indexOf('<sheetData');
  const end = start < 0 ? -1 : xml.indexOf('</sheetData>', start);
  if (start < 0 && xml.indexOf(':sheetData') >= 0) throw new NotForLeanReader('namespace-prefixed worksheet');
  if (end > 0) readCells(xml, start, end, context, put);
  if (end > 0) mergeRanges(xml, end, values, formulas);
  for (let r = 0; r < values.length; r++) {
    const rowValues = (values[r] ??= []);
    const rowFormulas = (formulas[r] ??= []);
    for (let c = 0; c < rowValues.length; c++) {
      if (rowValues[c] === undefined) rowValues[c] = null;
      if (rowFormulas[c] === undefined) rowFormulas[c] = null;
    }
  }
  return { name, values, formulas };
}

function readCells(xml: string, start: number, end: number, context: CellContext, put: (row: number, column: number, cell: Cell) => void): void {
  let row = -1;
  let column = -1;
  let at = xml.indexOf('<', start + 1);
  while (at >= 0 && at < end) {
    const tagEnd = xml.indexOf('>', at);
    const kind = xml.charCodeAt(at + 1);
    if (kind === 114 /* r */ && xml.startsWith('row', at + 1) && isNameEnd(xml.charCodeAt(at + 4))) {
      const r = attributeIn(xml, at, tagEnd, 'r');
      row = r === undefined ? row + 1 : Number(r) - 1;
      column = -1;
      at = xml.indexOf('<', tagEnd);
      continue;
    }
    if (kind === 99 /* c */ && isNameEnd(xml.charCodeAt(at + 2))) {
      const ref = attributeIn(xml, at, tagEnd, 'r');
      if (ref === undefined) column++;
      else {
        const address = cellRef(ref);
        row = address.row;
        column = address.column;
      }
      if (xml.charCodeAt(tagEnd - 1) === 47) {
        at = xml.indexOf('<', tagEnd);
        continue;
      }
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0) throw new Error(`cell ${ref ?? ''} is not closed`);
      const cell = readCell(xml, at, tagEnd, close, context);
      if (cell) put(row, column, cell);
      at = xml.indexOf('<', close + 4);
      continue;
    }
    at = xml.indexOf('<', tagEnd);
  }
}

/** "B12" as zero-based row and column, without a regular expression: a large plan has a million of them. */
function cellRef(ref: string): { row: number; column: number } {
  let column = 0;
  let i = 0;
  for (let code = ref.charCodeAt(0); code >= 65 && code <= 90; code = ref.charCodeAt(++i)) column = column * 26 + code - 64;
  const row = Number(ref.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1) throw new Error(`"${ref}" is not a cell address`);
  return { row: row - 1, column: column - 1 };
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** The cell whose start tag is xml[open..tagEnd] and whose </c> is at close. */
function readCell(xml: string, open: number, tagEnd: number, close: number, context: CellContext): Cell | undefined {
  // The cell's content as its own (sliced) string: searching the whole sheet for a <v> a cell
  // doesn't have would run on to the next cell that has one.
  const inner = xml.slice(tagEnd + 1, close);
  const type = attributeIn(xml, open, tagEnd, 't');
  const formula = formulaOf(inner);
  const raw = valueText(inner);
  if (formula !== null) {
    const value = raw === undefined || raw === '' ? null : typed(type, decodeXml(raw), attributeIn(xml, open, tagEnd, 's'), context);
    return { formula, value };
  }
  if (type === 'inlineStr') {
    const is = inner.indexOf('<is');
    return is < 0 ? undefined : { formula: null, value: itemText(inner.slice(is)) };
  }
  if (raw === undefined) return undefined;
  const text = decodeXml(raw);
  if (type === 's') {
    const value = context.sharedStrings[Number(text)];
    if (value === undefined) throw new Error(`cell ${attributeIn(xml, open, tagEnd, 'r') ?? ''} points at shared string ${text}, which the workbook doesn't have`);
    return { formula: null, value };
  }
  return { formula: null, value: typed(type, text, attributeIn(xml, open, tagEnd, 's'), context) };
}

function typed(type: string | undefined, text: string, style: string | undefined, context: CellContext): Scalar {
  switch (type) {
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'e':
      return text;
    case 'd':
      return isoDate(new Date(text));
    default: {
      const n = parseFloat(text);
      if (style !== undefined && context.dateStyles.has(Number(style))) return isoDate(excelDate(n, context.date1904));
      return n;
    }
  }
}

/** "=..." for a cell with a formula of its own; null for a literal. */
function formulaOf(inner: string): string | null {
  const at = childTag(inner, 'f');
  if (at < 0) return null;
  const tagEnd = inner.indexOf('>', at);
  const kind = attributeIn(inner, at, tagEnd, 't');
  // A shared formula's other cells carry no text of their own; ExcelJS works it out from the first.
  if (kind === 'shared' && attributeIn(inner, at, tagEnd, 'ref') === undefined) throw new NotForLeanReader('shared formulas');
  if (kind === 'dataTable') throw new NotForLeanReader('data table formulas');
  if (inner.charCodeAt(tagEnd - 1) === 47) throw new NotForLeanReader('a formula element without text');
  return `=${decodeXml(inner.slice(tagEnd + 1, inner.indexOf('</f>', tagEnd)))}`;
}

/** The raw text of a cell's <v> element; undefined when it has none. */
function valueText(inner: string): string | undefined {
  const at = childTag(inner, 'v');
  if (at < 0) return undefined;
  const tagEnd = inner.indexOf('>', at);
  if (inner.charCodeAt(tagEnd - 1) === 47) return '';
  const close = inner.indexOf('</v>', tagEnd);
  return close < 0 ? undefined : inner.slice(tagEnd + 1, close);
}

/** Where the child element <name ...> starts in a cell's content, or -1. */
function childTag(inner: string, name: string): number {
  const open = `<${name}`;
  let at = inner.indexOf(open);
  while (at >= 0 && !isNameEnd(inner.charCodeAt(at + 2))) at = inner.indexOf(open, at + 2);
  return at;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

function isoDate(date: Date): Scalar {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** Every cell of a merged range shows its top-left cell's value (ExcelJS gives them that value too). */
function mergeRanges(xml: string, from: number, values: Scalar[][], formulas: (string | null)[][]): void {
  for (const tag of startTags(xml, 'mergeCell', from)) {
    const ref = attribute(tag, 'ref');
    const match = ref && /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!match) continue;
    const top = Number(match[2]) - 1;
    const left = columnIndex(match[1]);
    const bottom = Number(match[4]) - 1;
    const right = columnIndex(match[3]);
    const value = values[top]?.[left];
    const formula = formulas[top]?.[left] ?? null;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        (values[r] ??= [])[c] = value ?? null;
        (formulas[r] ??= [])[c] = formula;
      }
    }
  }
}
