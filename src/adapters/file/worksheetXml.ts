import { cellAddress, columnIndex } from '../../workbook/a1';
import type { Scalar } from '../../workbook/sheetPlan';
import type { SheetSnapshot } from '../../workbook/snapshot';
import { attribute, attributeIn, decodeXml, isNameEnd, isSpace, itemText, startTags } from './xmlText';
import { shiftFormula } from './sharedFormula';
import { EXCEL_LIMITS } from '../../domain/excelLimits';
import { CellFormats } from './cellFormats';
import { READ_LIMITS } from './readLimits';
import { requireComplete } from './xlsxParts';
import { UnreadableXlsx, NotForLeanReader } from './zipEntries';

/** What a worksheet's cells need from the rest of the workbook. */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  /** Cells read so far in the workbook, against READ_LIMITS.cells, and places their rows take, against gridPlaces. */
  cells: number;
  places: number;
  /** Indexes of the cell styles whose number format shows a date (as ExcelJS decides it). */
  readonly dateStyles: ReadonlySet<number>;
  /** The number format of each cell style, null for General. */
  readonly styleFormats: readonly (string | null)[];
  readonly date1904: boolean;
  /** Decoded formulas and texts, shared by every sheet of the workbook. */
  readonly formulas: TextCache;
  readonly texts: TextCache;
}

/**
 * Texts already decoded, by their XML. A plan's card sheets repeat the same formulas sheet after
 * sheet: sharing one string per distinct text keeps 800,000 cells from becoming 800,000 strings
 * for the collector to copy (measured faster than remembering the last text at each cell).
 */
export class TextCache {
  private readonly texts = new Map<string, string>();

  constructor(private readonly decode: (raw: string) => string) {}

  read(xml: string, from: number, to: number): string {
    const raw = xml.slice(from, to);
    let text = this.texts.get(raw);
    if (text === undefined) {
      // A slice shares the sheet's text, so kept as it is it would keep the whole sheet's XML alive
      // (65 MB of a large plan's, for the collector to copy): the cache keeps copies of its own.
      const own = detached(raw);
      this.texts.set(own, (text = detached(this.decode(own))));
    }
    return text;
  }
}

/** The same text in a string of its own: neither a slice of a longer one nor a chain of joined pieces. */
function detached(text: string): string {
  // Joining flattens both parts into a new string, and the slice of it that drops the extra space shares only that.
  return `${text} `.slice(0, -1);
}

/**
 * The values and formulas of one worksheet part (xl/worksheets/sheetN.xml), read the way ExcelJS
 * reads them, so either reader gives the same snapshot: numbers in a date format become ISO dates,
 * errors their text, rich text its plain text, and the cells of a merged range the value of its
 * top-left cell.
 */
export function worksheetSnapshot(name: string, xml: string, context: CellContext): SheetSnapshot {
  // Looked for only when <sheetData is not there: a search of the whole sheet for each of 1,000 sheets otherwise.
  const start = xml.indexOf('<sheetData');
  if (start < 0 && xml.indexOf(':sheetData') >= 0) throw new NotForLeanReader('namespace-prefixed worksheet');
  requireComplete(xml, 'worksheet', `of sheet "${name}"`);
  const selfClosed = start >= 0 && xml.charCodeAt(xml.indexOf('>', start) - 1) === SLASH;
  const end = start < 0 || selfClosed ? -1 : xml.indexOf('</sheetData>', start);
  if (start >= 0 && !selfClosed && end < 0)
    throw new UnreadableXlsx(`sheet "${name}" is cut short (its cells stop before the end), so the file is damaged`);
  const grid = new CellGrid(context);
  if (end > 0) {
    new CellScanner(name, xml, context, grid).scan(start, end);
    mergeRanges(name, xml, end, grid);
  }
  return grid.snapshotSheet(name);
}

/**
 * Rows of values and formulas, grown as cells arrive; gaps stay holes until fillHoles. Cells right
 * of READ_LIMITS.columns are counted, not kept; the places rows take count against gridPlaces.
 */
export class CellGrid {
  readonly values: Scalar[][] = [];
  readonly formulas: (string | null)[][] = [];
  readonly formats = new CellFormats();
  leftOut = 0;
  readonly hiddenRows = new Set<number>();

  constructor(private readonly budget: { places: number }) {}

  put(row: number, column: number, value: Scalar, formula: string | null, format: string | null = null): void {
    if (column >= READ_LIMITS.columns) {
      this.leftOut++;
      return;
    }
    const values = (this.values[row] ??= []);
    if (column >= values.length) {
      this.budget.places += column + 1 - values.length;
      if (this.budget.places > READ_LIMITS.gridPlaces) {
        throw new UnreadableXlsx(
          `its cells are spread over more than ${READ_LIMITS.gridPlaces.toLocaleString('en-GB')} places of the grid (a value far to the right in many rows), more than bcf reads`,
        );
      }
    }
    values[column] = value;
    (this.formulas[row] ??= [])[column] = formula;
    if (format !== null) this.formats.set(row, column, format);
  }

  get(row: number, column: number): { value: Scalar | undefined; formula: string | null; format: string | null } {
    return {
      value: this.values[row]?.[column],
      formula: this.formulas[row]?.[column] ?? null,
      format: this.formats.get(row, column),
    };
  }

  /**
   * The grid as a snapshot sheet: holes filled, and number formats where any cell has one. The
   * formats are laid out as a grid only when something reads them (the audit of typed tables):
   * the audit of a workbook the add-in made never does, and a full third grid for every card sheet
   * was 120,000 arrays for the collector to copy.
   */
  snapshotSheet(name: string): SheetSnapshot {
    const { values, formulas } = fillHoles(this.values, this.formulas);
    const sheet: { -readonly [K in keyof SheetSnapshot]: SheetSnapshot[K] } = { name, values, formulas };
    if (this.leftOut) sheet.leftOut = this.leftOut;
    if (this.hiddenRows.size) sheet.hiddenRows = [...this.hiddenRows].sort((a, b) => a - b);
    const formats = this.formats;
    if (!formats.size) return sheet;
    let grid: (string | null)[][] | undefined;
    Object.defineProperty(sheet, 'numberFormats', { enumerable: true, get: () => (grid ??= formats.grid(values)) });
    return sheet;
  }
}

/**
 * Blanks for the gaps between cells, so readers can index a sheet's rows and columns (rows are at
 * most READ_LIMITS.columns wide, and their places are budgeted as cells arrive). Rows with no cells
 * get an empty array within the first denseRows; further gaps stay holes (undefined, read as
 * blank): a cell at row 1,048,576 doesn't make a million arrays. Both readers use this, so the lean
 * reader and ExcelJS give the same snapshot.
 */
export function fillHoles(
  values: Scalar[][],
  formulas: (string | null)[][],
): { values: Scalar[][]; formulas: (string | null)[][] } {
  for (let r = 0; r < values.length; r++) {
    if (values[r] === undefined && r >= READ_LIMITS.denseRows) continue;
    // Copies of exactly their length: a row grown cell by cell keeps room for half as many cells
    // again, 25 of the 62 MB a 1,000-scheme plan's snapshot held for the collector to copy.
    const rowValues = (values[r] = values[r]?.slice() ?? []);
    const rowFormulas = (formulas[r] = formulas[r]?.slice() ?? []);
    for (let c = 0; c < rowValues.length; c++) {
      if (rowValues[c] === undefined) rowValues[c] = null;
      if (rowFormulas[c] === undefined) rowFormulas[c] = null;
    }
  }
  return { values, formulas };
}

const enum CellType {
  Number,
  SharedString,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

const LT = 60;
const MAX_MERGED_CELLS = 100_000;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;

/**
 * One pass over <sheetData>. A large plan's sheets hold 800,000 cells, so a cell is read in place:
 * its attributes in one sweep of its start tag, then its children in the order the schema fixes
 * (<f>, <v>, <is>), with no search that could run past the cell's end.
 */
class CellScanner {
  private row = -1;
  private column = -1;
  private type = CellType.Number;
  private style = -1;
  /** The first cell of each shared formula on the sheet, by its number. */
  private readonly shared = new Map<string, { text: string; row: number; column: number }>();

  constructor(
    private readonly sheet: string,
    private readonly xml: string,
    private readonly context: CellContext,
    private readonly grid: CellGrid,
  ) {}

  scan(start: number, end: number): void {
    const xml = this.xml;
    let at = xml.indexOf('<', start + 1);
    while (at >= 0 && at < end) {
      const tagEnd = xml.indexOf('>', at);
      if (tagEnd < 0) throw new UnreadableXlsx('a sheet is cut short');
      const kind = xml.charCodeAt(at + 1);
      if (kind === 99 /* c */ && isNameEnd(xml.charCodeAt(at + 2))) {
        at = this.cell(at, tagEnd);
        continue;
      }
      if (kind === 114 /* r */ && xml.startsWith('row', at + 1) && isNameEnd(xml.charCodeAt(at + 4))) {
        const r = attributeIn(xml, at, tagEnd, 'r');
        this.row = r === undefined ? this.row + 1 : Number(r) - 1;
        this.column = -1;
        if (!(this.row >= 0 && this.row < EXCEL_LIMITS.rows)) throw beyondGrid(this.sheet, `row ${r ?? this.row + 1}`);
        const hidden = attributeIn(xml, at, tagEnd, 'hidden');
        if (hidden === '1' || hidden === 'true') this.grid.hiddenRows.add(this.row);
      }
      at = xml.indexOf('<', tagEnd);
    }
  }

  /** Reads the cell whose start tag runs from open to tagEnd; returns where the next tag starts. */
  private cell(open: number, tagEnd: number): number {
    const xml = this.xml;
    this.type = CellType.Number;
    this.style = -1;
    const hadRef = this.cellAttributes(open + 2, tagEnd);
    if (!hadRef) this.column++;
    if (this.column >= EXCEL_LIMITS.columns || this.row < 0)
      throw beyondGrid(this.sheet, `a cell after column XFD in row ${this.row + 1}`);
    if (++this.context.cells > READ_LIMITS.cells)
      throw new UnreadableXlsx(
        `it has more than ${READ_LIMITS.cells.toLocaleString('en-GB')} cells, more than bcf reads`,
      );
    if (xml.charCodeAt(tagEnd - 1) === SLASH) return xml.indexOf('<', tagEnd);
    let at = skipSpace(xml, tagEnd + 1);
    let formula: string | null = null;
    if (isChild(xml, at, 'f')) {
      const fEnd = xml.indexOf('>', at);
      formula = this.formula(at, fEnd);
      at = skipSpace(xml, xml.charCodeAt(fEnd - 1) === SLASH ? fEnd + 1 : xml.indexOf('</f>', fEnd) + 4);
    }
    // The <v>'s text as positions in the sheet: most values become a number or a shared string
    // without their text ever being copied out.
    let vFrom = -1;
    let vTo = -1;
    if (isChild(xml, at, 'v')) {
      const vEnd = xml.indexOf('>', at);
      vFrom = vEnd + 1;
      if (xml.charCodeAt(vEnd - 1) === SLASH) {
        vTo = vFrom;
        at = skipSpace(xml, vEnd + 1);
      } else {
        vTo = xml.indexOf('</v>', vEnd);
        at = skipSpace(xml, vTo + 4);
      }
    }
    let inline: string | undefined;
    if (isChild(xml, at, 'is')) {
      const close = xml.indexOf('</is>', at);
      inline = itemText(xml.slice(at, close));
      at = close + 5;
    }
    const close = xml.indexOf('</c>', at);
    if (close < 0) throw new UnreadableXlsx('a cell is not closed');
    const format = this.style >= 0 ? (this.context.styleFormats[this.style] ?? null) : null;
    if (formula !== null)
      this.grid.put(this.row, this.column, vTo > vFrom ? this.value(vFrom, vTo) : null, formula, format);
    else if ((this.type as CellType) === CellType.Inline) {
      if (inline !== undefined) this.grid.put(this.row, this.column, inline, null, format);
    } else if (vFrom >= 0) this.grid.put(this.row, this.column, this.value(vFrom, vTo), null, format);
    return xml.indexOf('<', close + 4);
  }

  /** Sets row, column, type and style from the start tag's attributes; false when it has no r. */
  private cellAttributes(from: number, to: number): boolean {
    const xml = this.xml;
    let hadRef = false;
    let i = from;
    while (i < to) {
      while (isSpace(xml.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < to && xml.charCodeAt(i) !== EQUALS && !isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== SLASH) i++;
      if (i >= to || xml.charCodeAt(i) === SLASH) break;
      const nameEnd = i;
      while (isSpace(xml.charCodeAt(i)) || xml.charCodeAt(i) === EQUALS) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE)
        throw new NotForLeanReader('a cell attribute without a quoted value');
      const valueStart = i + 1;
      const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", valueStart);
      i = valueEnd + 1;
      if (nameEnd - nameStart !== 1) continue;
      const name = xml.charCodeAt(nameStart);
      if (name === 114 /* r */) {
        this.reference(valueStart, valueEnd);
        hadRef = true;
      } else if (name === 115 /* s */) this.style = digits(xml, valueStart, valueEnd);
      else if (name === 116 /* t */) this.type = cellTypeAt(xml, valueStart, valueEnd);
    }
    return hadRef;
  }

  /** "B12" read in place as zero-based row and column. */
  private reference(from: number, to: number): void {
    const xml = this.xml;
    let column = 0;
    let i = from;
    for (let code = xml.charCodeAt(i); i < to && code >= 65 && code <= 90; code = xml.charCodeAt(++i))
      column = column * 26 + code - 64;
    let row = 0;
    for (let code = xml.charCodeAt(i); i < to && code >= 48 && code <= 57; code = xml.charCodeAt(++i))
      row = row * 10 + code - 48;
    if (i !== to || column === 0 || row === 0)
      throw new UnreadableXlsx(
        `sheet "${this.sheet}" has a cell reference "${xml.slice(from, Math.min(to, from + 24))}" that is not one, so the file is damaged`,
      );
    if (column > EXCEL_LIMITS.columns || row > EXCEL_LIMITS.rows)
      throw beyondGrid(this.sheet, `cell ${xml.slice(from, Math.min(to, from + 24))}`);
    this.row = row - 1;
    this.column = column - 1;
  }

  /**
   * "=..." from an <f> element starting at open. Excel saves formulas filled down or across as
   * one shared formula: its first cell has the text, the others only its number (si), and get
   * the first cell's text moved by their distance from it.
   */
  private formula(open: number, tagEnd: number): string {
    const xml = this.xml;
    const empty = xml.charCodeAt(tagEnd - 1) === SLASH || xml.startsWith('</f>', tagEnd + 1);
    const kind = tagEnd > open + 2 ? attributeIn(xml, open, tagEnd, 't') : undefined;
    if (kind === 'dataTable') throw new NotForLeanReader('data table formulas');
    if (kind === 'shared') {
      const si = attributeIn(xml, open, tagEnd, 'si') ?? '';
      if (empty) {
        const first = this.shared.get(si);
        if (!first) throw new NotForLeanReader(`shared formula ${si} used before its first cell`);
        return `=${shiftFormula(first.text, this.row - first.row, this.column - first.column)}`;
      }
      const formula = this.context.formulas.read(xml, tagEnd + 1, xml.indexOf('</f>', tagEnd));
      this.shared.set(si, { text: formula.slice(1), row: this.row, column: this.column });
      return formula;
    }
    if (empty) throw new NotForLeanReader('a formula element without text');
    return this.context.formulas.read(xml, tagEnd + 1, xml.indexOf('</f>', tagEnd));
  }

  /** The value a <v> whose text runs from..to stands for, by the cell's type. */
  private value(from: number, to: number): Scalar {
    const xml = this.xml;
    switch (this.type) {
      case CellType.SharedString: {
        const index = digits(xml, from, to);
        const value = this.context.sharedStrings[index];
        if (value === undefined)
          throw new UnreadableXlsx(
            `a cell points at shared string ${xml.slice(from, to)}, which the workbook doesn't have`,
          );
        return value;
      }
      case CellType.Str:
      case CellType.Inline:
      case CellType.Error:
        return this.context.texts.read(xml, from, to);
      case CellType.Bool:
        return parseInt(xml.slice(from, to), 10) !== 0;
      case CellType.Date:
        return isoDate(new Date(decodeXml(xml.slice(from, to))));
      default: {
        // Most figures of a plan are whole numbers: read in place, without a string for parseFloat.
        const whole = to - from <= 15 ? digits(xml, from, to) : -1;
        const n = whole >= 0 ? whole : parseFloat(xml.slice(from, to));
        // Excel writes only numbers here: anything else ("abc") would otherwise be read as NaN and pass as a blank.
        if (Number.isNaN(n) && xml.slice(from, to).trim() !== '')
          throw new UnreadableXlsx(
            `damaged: cell ${cellAddress(this.row, this.column)} of sheet "${this.sheet}" holds "${xml.slice(from, Math.min(to, from + 20))}" where a number should be`,
          );
        if (Number.isNaN(n)) return null;
        return this.style >= 0 && this.context.dateStyles.has(this.style)
          ? isoDate(excelDate(n, this.context.date1904))
          : n;
      }
    }
  }
}

/** A whole number written from..to; -1 when there is anything else there. */
function digits(xml: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    n = n * 10 + code - 48;
  }
  return n;
}

/** The t attribute's value, read in place: s, str, inlineStr, b, e, d or n. */
function cellTypeAt(xml: string, from: number, to: number): CellType {
  const first = xml.charCodeAt(from);
  const length = to - from;
  if (first === 115 /* s */)
    return length === 1
      ? CellType.SharedString
      : length === 3 && xml.startsWith('str', from)
        ? CellType.Str
        : CellType.Number;
  if (length === 1)
    return first === 98
      ? CellType.Bool
      : first === 101
        ? CellType.Error
        : first === 100
          ? CellType.Date
          : CellType.Number;
  return length === 9 && xml.startsWith('inlineStr', from) ? CellType.Inline : CellType.Number;
}

function isChild(xml: string, at: number, name: string): boolean {
  return xml.charCodeAt(at) === LT && xml.startsWith(name, at + 1) && isNameEnd(xml.charCodeAt(at + 1 + name.length));
}

function skipSpace(xml: string, at: number): number {
  while (isSpace(xml.charCodeAt(at))) at++;
  return at;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

function isoDate(date: Date): Scalar {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** A reference outside A1:XFD1048576: no spreadsheet program writes one, so the file is damaged. */
function beyondGrid(sheet: string, what: string): UnreadableXlsx {
  return new UnreadableXlsx(
    `sheet "${sheet}" has ${what}, beyond Excel's last cell XFD1048576, so the file is damaged`,
  );
}

/** Every cell of a merged range shows its top-left cell's value (ExcelJS gives them that value too). */
function mergeRanges(sheet: string, xml: string, from: number, grid: CellGrid): void {
  let copied = 0;
  for (const tag of startTags(xml, 'mergeCell', from)) {
    const ref = attribute(tag, 'ref');
    const match = ref && /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!match) continue;
    const top = Number(match[2]) - 1;
    const left = columnIndex(match[1]);
    const bottom = Number(match[4]) - 1;
    const right = columnIndex(match[3]);
    if (bottom >= EXCEL_LIMITS.rows || right >= EXCEL_LIMITS.columns || match[1].length > 3 || match[3].length > 3)
      throw beyondGrid(sheet, `a merged range ${ref}`);
    // A range merged over whole rows or columns would be millions of copies of one value (and
    // ExcelJS would never finish); its other cells stay blank instead, as do those of any merges
    // beyond the sheet's budget.
    const size = (bottom - top + 1) * (right - left + 1);
    if (size > MAX_MERGED_CELLS || size <= 0 || copied + size > READ_LIMITS.mergedCells) continue;
    copied += size;
    const { value, formula, format } = grid.get(top, left);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r !== top || c !== left) grid.put(r, c, value ?? null, formula, format);
      }
    }
  }
}
