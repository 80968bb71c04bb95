/**
 * The number formats of one sheet's cells, kept as numbers (row, column and which format) in one
 * growing typed array rather than an array per row: a plan's card sheets format half their 860,000
 * cells, and typed arrays are nothing for the collector to trace. Laid out as a grid on demand.
 */
export class CellFormats {
  private cells = new Int32Array(3 * 64);
  private count = 0;
  private readonly codes: string[] = [];
  private readonly codeIndex = new Map<string, number>();
  /** Each cell's latest format by row * 2^16 + column, built for the first lookup of a single cell. */
  private byCell: Map<number, number> | undefined;

  get size(): number {
    return this.count;
  }

  /** The cell's format from now on; a later format for the same cell replaces it. */
  set(row: number, column: number, code: string): void {
    let index = this.codeIndex.get(code);
    if (index === undefined) {
      index = this.codes.push(code) - 1;
      this.codeIndex.set(code, index);
    }
    if (3 * (this.count + 1) > this.cells.length) {
      const grown = new Int32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    const at = 3 * this.count++;
    this.cells[at] = row;
    this.cells[at + 1] = column;
    this.cells[at + 2] = index;
    this.byCell?.set(key(row, column), index);
  }

  get(row: number, column: number): string | null {
    if (!this.byCell) {
      this.byCell = new Map();
      for (let i = 0; i < this.count; i++)
        this.byCell.set(key(this.cells[3 * i], this.cells[3 * i + 1]), this.cells[3 * i + 2]);
    }
    const index = this.byCell.get(key(row, column));
    return index === undefined ? null : this.codes[index];
  }

  /** The formats as rows shaped like the sheet's values (null for General), holes where it has holes. */
  grid(values: readonly (readonly unknown[] | undefined)[]): (string | null)[][] {
    const grid = values.map((row) => (row === undefined ? row : new Array<string | null>(row.length).fill(null)));
    for (let i = 0; i < this.count; i++) {
      const row = grid[this.cells[3 * i]];
      const column = this.cells[3 * i + 1];
      if (row && column < row.length) row[column] = this.codes[this.cells[3 * i + 2]];
    }
    return grid as (string | null)[][];
  }
}

/** Columns are read up to READ_LIMITS.columns (1,024), far below 2^16; rows up to Excel's 2^20. */
const key = (row: number, column: number) => row * 65_536 + column;
