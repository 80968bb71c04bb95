import { SHEET_SPECS, isLastBlock, type SheetSpec } from '../families/shared/blocks';
import { locateBlock } from '../families/shared/blockLocator';
import { CellReader } from '../families/shared/cells';
import type { SheetSnapshot } from '../snapshot';

/** Where a sheet's growing blocks are in the workbook, for the audit to tell growth from tampering. */
export interface GrowingRows {
  /**
   * A row of a growing block with nothing typed in it: room to grow. A layout for the rows the block
   * holds now may put formulas on more such rows than the workbook has (a row typed in the room
   * leaves one less), so a blank there is not a deleted formula.
   */
  isSpare(row: number): boolean;
  /** A row of a growing block with something typed in it (a row people added counts). */
  isTyped(row: number): boolean;
}

const NONE: GrowingRows = { isSpare: () => false, isTyped: () => false };

/**
 * The growing blocks of the workbook's sheet laid out as `laidOut` (the layout's name for it), found
 * as the readers find them (families/shared/blocks.ts, families/shared/blockLocator.ts).
 */
export function growingRows(sheet: SheetSnapshot, laidOut: string): GrowingRows {
  const spec: SheetSpec | undefined = Object.values(SHEET_SPECS).find(
    (s) => s.sheet.toLowerCase() === laidOut.toLowerCase(),
  );
  if (!spec) return NONE;
  const reader = new CellReader(sheet);
  const blocks = spec.blocks
    .filter((b) => b.grows)
    .flatMap((b) => {
      const found = locateBlock(reader, spec, b, { optional: true });
      return found ? [{ found, last: isLastBlock(spec, b), typed: new Set(found.rows) }] : [];
    });
  const inside = (row: number, b: (typeof blocks)[number]) => row > b.found.header && (b.last || row < b.found.end);
  return {
    isSpare: (row) => blocks.some((b) => inside(row, b) && !b.typed.has(row)),
    isTyped: (row) => blocks.some((b) => b.typed.has(row)),
  };
}
