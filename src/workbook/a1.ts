import { quoteSheet } from '../domain/problems';

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

export function parseAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  if (!match) throw new RangeError(`"${address}" is not a cell address`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

export function sheetRef(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}
