import { blockMarkers, type BlockSpec, type SheetSpec } from './blocks';
import type { CellReader } from './cells';
import { isSubtotalRow, SUBTOTAL_ROW } from './subtotalRows';

/** A block found on a sheet: where its header is, which of its rows hold something, and its columns. */
export interface Block {
  readonly header: number;
  /** Rows under the header, down to the next block, that hold something in the block's typed columns. */
  readonly rows: number[];
  /** The first row after the block: the next block's title or header, or the end of the sheet. */
  readonly end: number;
  /** The sheet column of the block's i-th header. */
  col(index: number): number;
  /** Every header of the header row (lower case) and its column, for blocks with more columns than described. */
  readonly columns: ReadonlyMap<string, number>;
}

/**
 * The one way readers find a block: its first header in column A, its columns by their header text
 * (any order, any case), its rows down to the next block of the sheet. A missing block or column is
 * an error naming where it should be; `optional` blocks are simply absent.
 */
export function locateBlock(
  reader: CellReader,
  sheet: SheetSpec,
  spec: BlockSpec,
  { optional = false } = {},
): Block | undefined {
  const values = reader.sheet.values;
  const wanted = spec.headers[0].toLowerCase();
  let header = -1;
  for (let r = 0; r < values.length && header < 0; r++) if (reader.text(r, 0).toLowerCase() === wanted) header = r;
  if (header < 0) {
    if (!optional)
      reader.error(
        0,
        0,
        `the ${reader.sheet.name} sheet has no table headed "${spec.headers.join(' | ')}"; a renamed or deleted header stops the plan being read. Put the header back or rebuild the sheet.`,
      );
    return undefined;
  }
  const columns = new Map<string, number>();
  (values[header] ?? []).forEach((v, c) => {
    if (typeof v === 'string' && v.trim() && !columns.has(v.trim().toLowerCase()))
      columns.set(v.trim().toLowerCase(), c);
  });
  const at = spec.headers.map((h) => columns.get(h.toLowerCase()) ?? -1);
  const missing = spec.headers.filter((_, i) => at[i] < 0);
  missing.forEach((h) =>
    reader.error(
      header,
      spec.headers.indexOf(h),
      `the column "${h}" is missing from the table headed "${spec.headers[0]}" in row ${header + 1}; restore the header text exactly.`,
    ),
  );
  if (missing.length) return undefined;

  const markers = blockMarkers(sheet);
  let end = header + 1;
  while (end < values.length && !markers.has(reader.text(end, 0).toLowerCase())) end++;
  const typed = at.filter((_, i) => !spec.computed?.includes(i));
  const extra = [...columns.values()].filter((c) => !at.includes(c)); // columns beyond the description (the Schemes table's years)
  const rows: number[] = [];
  for (let r = header + 1; r < end; r++) {
    if (![...typed, ...extra].some((c) => !reader.isBlank(r, c))) continue;
    if (isSubtotalRow(reader, r, typed)) reader.keptRow(r, typed[0], SUBTOTAL_ROW);
    else rows.push(r);
  }
  return { header, rows, end, col: (i) => at[i], columns };
}
