import { cellAddress, columnLetter } from '../a1';
import type { Scalar } from '../sheetPlan';
import type { SheetSnapshot } from '../snapshot';
import { TableGrid } from './tableGrid';

/** A line of a pasted table as read: the rows it was pieced from, its label and figures, and each figure's row. */
export interface GridLine {
  /** The row the line is read in: its last. */
  readonly row: number;
  /** The rows it was pieced from, top down. */
  readonly rows: readonly number[];
  readonly label: string;
  /** The line's figures as written, left to right; undefined (or '', a cell left empty) where it has none. */
  readonly figures: readonly (string | undefined)[];
  /** The sheet row each figure was pasted in (a figure broken onto a line of its own has its own row). */
  readonly figureRows: readonly number[];
}

/** Text read from the sheet, and the rows it came from: the last is where it is read. */
export interface PastedText {
  readonly row: number;
  readonly rows: readonly number[];
  readonly text: string;
}

/** A pasted table as read: where its lines are, its heading split into one heading per figure. */
export interface GridRun {
  readonly column: number;
  /** The row the heading is read in, and every row it was read from (a heading wrapped over lines). */
  readonly headerRow: number;
  readonly headerRows: readonly number[];
  readonly label: string;
  readonly headings: readonly string[];
  readonly lines: readonly GridLine[];
  /** Lines of words among the lines (group headings), read in their last row. */
  readonly labelRows: readonly PastedText[];
}

/**
 * A sheet whose pasted lines are split into cells: the label in the line's own cell, each figure
 * in a cell to its right. The blank lines and the broken pieces of a line between a table's
 * lines are left out of the grid (a PDF reader gives blank cells as blank lines, and a blank row
 * would end a table), so grid rows are not the sheet's: every address is the sheet's own, a
 * figure's that of the cell it was pasted in.
 */
export class PastedLinesGrid extends TableGrid {
  /** Lines of words among the lines of figures: group headings, since names broken over lines are already joined. */
  private readonly groupRows = new Set<number>();
  private readonly lineAt = new Map<number, { column: number; labelRow: number; figureRows?: readonly number[] }>();
  private readonly sheetRow: readonly number[];
  private readonly gridRow: ReadonlyMap<number, number>;

  constructor(sheet: SheetSnapshot, runs: readonly GridRun[]) {
    const kept = keptRows(sheet, runs);
    const gridRow = new Map(kept.map((r, i) => [r, i]));
    super(splitSheet(sheet, runs, kept, gridRow));
    this.sheetRow = kept;
    this.gridRow = gridRow;
    for (const run of runs) {
      for (const r of run.headerRows) this.lineAt.set(gridRow.get(r)!, { column: run.column, labelRow: r });
      for (const l of run.labelRows) {
        this.lineAt.set(gridRow.get(l.row)!, { column: run.column, labelRow: l.rows[0] });
        this.groupRows.add(gridRow.get(l.row)!);
      }
      for (const l of run.lines)
        this.lineAt.set(gridRow.get(l.row)!, { column: run.column, labelRow: l.rows[0], figureRows: l.figureRows });
    }
  }

  /** The grid row of a sheet row of the table (its heading's, a line's). */
  rowOf(sheetRow: number): number | undefined {
    return this.gridRow.get(sheetRow);
  }

  override mayContinueName(r: number): boolean {
    return !this.groupRows.has(r);
  }

  /** Every figure of a line is in the cell it was pasted in; its label in the line's first cell. */
  override address(r: number, c: number): string {
    const line = this.lineAt.get(r);
    if (!line || c < line.column) return cellAddress(this.sheetRow[r], c);
    if (c === line.column || !line.figureRows) return cellAddress(line.labelRow, line.column);
    return cellAddress(line.figureRows[c - line.column - 1] ?? this.sheetRow[r], line.column);
  }

  override figureInCell(r: number, c: number): string | undefined {
    const line = this.lineAt.get(r);
    if (!line?.figureRows || c <= line.column) return undefined;
    const k = c - line.column - 1;
    const own = line.figureRows[k];
    // Which figure of its own cell: a line broken over cells has a few in each.
    const nth = line.figureRows.slice(0, k + 1).filter((row) => row === own).length;
    return `${this.address(r, c)} holds the line as pasted; this is its ${ordinal(nth)} figure, ${this.shown(r, c)}`;
  }

  override columnName(c: number, headerRow: number): string {
    const line = this.lineAt.get(headerRow);
    if (!line) return super.columnName(c, headerRow);
    return c > line.column ? `${columnLetter(line.column)}, figure ${c - line.column}` : columnLetter(line.column);
  }
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The sheet's rows but the blank lines and broken pieces between each table's heading and its last line. */
function keptRows(sheet: SheetSnapshot, runs: readonly GridRun[]): number[] {
  const dropped = new Set<number>();
  for (const run of runs) {
    const read = new Set([...run.lines.map((l) => l.row), ...run.labelRows.map((l) => l.row)]);
    const last = run.lines[run.lines.length - 1].row;
    for (let r = run.headerRow + 1; r <= last; r++) if (!read.has(r)) dropped.add(r);
  }
  return sheet.values.map((_, r) => r).filter((r) => !dropped.has(r));
}

function splitSheet(
  sheet: SheetSnapshot,
  runs: readonly GridRun[],
  kept: readonly number[],
  gridRow: ReadonlyMap<number, number>,
): SheetSnapshot {
  const values = kept.map((r) => [...(sheet.values[r] ?? [])]);
  const put = (sheetRow: number, c: number, v: Scalar) => {
    const row = values[gridRow.get(sheetRow)!];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  for (const run of runs) {
    const c0 = run.column;
    // A heading wrapped over lines is read on its lowest line; the lines above are part of it, not titles.
    for (const r of run.headerRows) if (r !== run.headerRow) put(r, c0, null);
    put(run.headerRow, c0, run.label || null);
    run.headings.forEach((h, k) => put(run.headerRow, c0 + 1 + k, h));
    for (const l of run.labelRows) put(l.row, c0, l.text);
    for (const line of run.lines) {
      put(line.row, c0, line.label || null);
      line.figures.forEach((f, k) => put(line.row, c0 + 1 + k, f || null));
    }
  }
  const hidden = new Set(sheet.hiddenRows ?? []);
  return {
    name: sheet.name,
    values,
    numberFormats: sheet.numberFormats && kept.map((r) => sheet.numberFormats![r] ?? []),
    hiddenRows: kept.flatMap((r, i) => (hidden.has(r) ? [i] : [])),
  };
}
