import { cellAddress, columnLetter } from '../a1';
import type { Scalar } from '../sheetPlan';
import type { SheetSnapshot } from '../snapshot';
import { readTypedCell, type TypedCell } from './typedCell';

/**
 * A sheet seen as a grid of typed cells, either as it is or turned on its side, so that a table
 * with its schemes as columns is found and checked by the same code as one with schemes as rows.
 * Addresses are always the sheet's own.
 */
export class TableGrid {
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly typedCells: (TypedCell | undefined)[][] = [];
  private hidden?: Set<number>;

  constructor(
    readonly sheet: SheetSnapshot,
    readonly transposed = false,
  ) {
    const width = sheet.values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
    this.rowCount = transposed ? width : sheet.values.length;
    this.columnCount = transposed ? sheet.values.length : width;
  }

  raw(r: number, c: number): Scalar {
    return (this.transposed ? this.sheet.values[c]?.[r] : this.sheet.values[r]?.[c]) ?? null;
  }

  format(r: number, c: number): string | null {
    const formats = this.sheet.numberFormats;
    return (this.transposed ? formats?.[c]?.[r] : formats?.[r]?.[c]) ?? null;
  }

  typed(r: number, c: number): TypedCell {
    const row = (this.typedCells[r] ??= []);
    return (row[c] ??= readTypedCell(this.raw(r, c), this.format(r, c)));
  }

  /** The cell's text when it holds words (not a figure, not blank). */
  text(r: number, c: number): string {
    const t = this.typed(r, c);
    return t.kind === 'text' ? t.text : '';
  }

  /** A row hidden in the file (rows of the sheet; a column turned on its side is not known hidden). */
  isHidden(r: number): boolean {
    this.hidden ??= new Set(this.transposed ? [] : this.sheet.hiddenRows);
    return this.hidden.has(r);
  }

  isBlank(r: number, c: number): boolean {
    return this.typed(r, c).kind === 'blank';
  }

  /** The cell's content as a person reads it: a figure as shown, text as typed. */
  shown(r: number, c: number): string {
    const t = this.typed(r, c);
    if (t.kind === 'number') return t.shown;
    if (t.kind === 'blank') return '(blank)';
    return t.text;
  }

  address(r: number, c: number): string {
    return this.transposed ? cellAddress(c, r) : cellAddress(r, c);
  }

  /**
   * Which figure of its cell this one is, where a cell holds several (a line pasted from a PDF,
   * pastedLines.ts): said in a finding, whose cell is the whole line's. Undefined for a cell of its own.
   */
  figureInCell(_r: number, _c: number): string | undefined {
    return undefined;
  }

  /**
   * Whether words alone on row `r` may be the rest of a scheme's name on the row above (a name
   * wrapped onto the next row), rather than a heading over the schemes below.
   */
  mayContinueName(_r: number): boolean {
    return true;
  }

  /** How a person finds a column of a table headed in `headerRow`: its letter, or its row number where schemes run across. */
  columnName(c: number, _headerRow: number): string {
    return this.transposed ? String(c + 1) : columnLetter(c);
  }
}
