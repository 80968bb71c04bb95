import { quoteSheet } from './problems';

/**
 * A1 addresses, the one place they are written and read: layouts, readers, the audit, the adapters
 * and the preview all use these. Rows and columns are zero-based and given in that order, row first.
 */

/** Column letters for a zero-based column index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  // Layouts ask for the same few columns hundreds of thousands of times.
  return LETTERS[index] ?? lettersOf(index);
}

function lettersOf(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const LETTERS = Array.from({ length: 702 }, (_, i) => lettersOf(i)); // A to ZZ

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a zero-based row and column. */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(column)}${d}${row + 1}`;
}

export function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  return `${cellAddress(row, column)}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}

/** The zero-based row and column of a cell address ("B3", "$B$3"). */
export function parseAddress(address: string): { row: number; column: number } {
  const position = positionOf(address);
  if (!position) throw new RangeError(`"${address}" is not a cell address`);
  return position;
}

/** As parseAddress, or undefined when the text is not a cell address. */
export function positionOf(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  return match ? { row: Number(match[2]) - 1, column: columnIndex(match[1]) } : undefined;
}

export function sheetRef(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}
