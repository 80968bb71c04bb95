// What pastedLines.ts reads from lines pasted one per cell, and pastedHeading.ts splits the heading of.

export interface Line {
  /** The row the line is read in: its last; the rows it was pieced from, top down. */
  readonly row: number;
  readonly rows: readonly number[];
  readonly label: string;
  /** The line's figures as written, left to right; undefined where a short line has none. */
  readonly figures: readonly (string | undefined)[];
  /** The sheet row each figure was pasted in (a figure broken onto a line of its own has its own row). */
  readonly figureRows: readonly number[];
}

/** Text read from the sheet, and the rows it came from: the last is where it is read. */
export interface Text {
  readonly row: number;
  readonly rows: readonly number[];
  readonly text: string;
}

/** A run of pasted lines under one heading line, all in the same column. */
export interface Run {
  readonly column: number;
  readonly headerRow: number;
  readonly headerRows: readonly number[];
  readonly header: string;
  /** Words-only lines just above the heading line, top down: the heading may be wrapped over them. */
  readonly above: readonly Text[];
  readonly lines: readonly Line[];
  /** Words-only lines among the lines of figures, or just above them (group headings such as "Tier 2"). */
  readonly labelRows: readonly Text[];
  readonly figureCount: number;
}
