import { INPUT_LOOK, type CellStyle, type SheetPlan } from '../../workbook/sheetPlan';

/**
 * How each cell role looks in Excel. The same colours as the file adapter's CELL_STYLES
 * (src/adapters/file/styles.ts), kept apart because that one is in ExcelJS terms.
 */
export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly vertical?: 'Center';
  readonly borderTop?: 'Continuous';
  readonly borderBottom?: 'Double';
}

export const CELL_LOOKS: Record<CellStyle, CellLook> = {
  title: { bold: true, size: 14, color: '#1F4E79' },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, color: '#FFFFFF', fill: '#1F4E79', wrap: true, vertical: 'Center' },
  group: { bold: true, fill: '#DDEBF7' },
  total: { bold: true, borderTop: 'Continuous', borderBottom: 'Double' },
  input: { fill: `#${INPUT_LOOK.fill}`, color: `#${INPUT_LOOK.font}` },
  note: { italic: true, color: '#595959' },
  warning: { bold: true, color: '#9C0006', fill: '#FFC7CE' },
  computed: {},
};

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

function isPlain(style: CellStyle): boolean {
  return Object.keys(CELL_LOOKS[style]).length === 0;
}
