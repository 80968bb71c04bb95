import type { CellStyle, SheetPlan } from '../sheetPlan';

/** A block of cells with one style: zero-based first row and column, and its size. */
export interface StyleBlock {
  readonly style: CellStyle;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * The sheet's styled cells as few rectangles as a simple sweep finds: runs of one style along each
 * row, then identical runs on consecutive rows stacked into one block. A scheme table of 1,000
 * input rows is one block, not 16,000 cells, so styling costs a handful of actions per table.
 */
export function styleBlocks(sheet: SheetPlan): StyleBlock[] {
  const blocks: StyleBlock[] = [];
  // Open blocks by "style|column|columns", extended while the next row repeats the same run.
  let open = new Map<string, { style: CellStyle; row: number; column: number; rows: number; columns: number }>();
  sheet.rows.forEach((cells, r) => {
    const next = new Map<string, { style: CellStyle; row: number; column: number; rows: number; columns: number }>();
    let c = 0;
    while (c < cells.length) {
      const style = cells[c]?.style;
      if (!style || isPlain(style)) {
        c++;
        continue;
      }
      let end = c + 1;
      while (end < cells.length && cells[end]?.style === style) end++;
      const key = `${style}|${c}|${end - c}`;
      const previous = open.get(key);
      if (previous && previous.row + previous.rows === r) {
        previous.rows++;
        next.set(key, previous);
        open.delete(key);
      } else {
        next.set(key, { style, row: r, column: c, rows: 1, columns: end - c });
      }
      c = end;
    }
    for (const block of open.values()) blocks.push(block);
    open = next;
  });
  for (const block of open.values()) blocks.push(block);
  return blocks.sort((a, b) => a.row - b.row || a.column - b.column);
}

/** Calculated cells look like any other: no host gives them a look of their own (cellLooks.ts, styles.ts). */
function isPlain(style: CellStyle): boolean {
  return style === 'computed';
}
