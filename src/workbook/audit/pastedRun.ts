// What pastedLines.ts reads from lines pasted one per cell, and pastedHeading.ts splits the heading of.

// A line and a run of words are what the grid is built from (pastedGrid.ts): one shape each, named there.
export type { GridLine as Line, PastedText as Text } from './pastedGrid';
import type { GridLine as Line, PastedText as Text } from './pastedGrid';

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
