/** A cell of the grid, zero-based. */
export interface Cell {
  readonly row: number;
  readonly column: number;
}

/** What the formula bar and the sheet tabs need of the grid (WorkbookView's useGrid gives it). */
export interface GridControls {
  readonly sheet: string;
  readonly names: readonly string[];
  readonly selection: Cell;
  readonly anchor: Cell;
  contents(row: number, column: number): string;
  selectRange(from: Cell, to: Cell): void;
  commit(text: string, move?: [number, number], refocusGrid?: boolean): void;
  showSheet(name: string): void;
}

/** A selected block of cells, zero-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}
