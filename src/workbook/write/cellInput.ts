import type { CellPlan } from '../sheetPlan';

/** What one cell of a `Range.formulas` array carries: a formula, a number, a boolean, text, or null. */
export type CellInput = string | number | boolean | null;

/**
 * The entry for one planned cell in the single `formulas` array a sheet is written with.
 *
 * Excel treats a string written through `values` or `formulas` as if a person had typed it: "=1+1"
 * and "@SUM(A1)" become formulas, "+44 20" and "-5" become formulas or numbers, "2014/15" may become
 * a date. A leading apostrophe is Excel's own "this is text" mark: the cell then holds exactly the
 * text after it (the apostrophe is not part of the value; `values` and `formulas` read it back
 * without it, see OfficeDev/office-js#6687). So every literal string gets one, not only those that
 * look dangerous today: which strings Excel reinterprets depends on the user's locale. Setting the
 * "@" number format first would also work, but it must then come before the value while other
 * formats must come after, and it would turn a later formula typed into that cell into text.
 *
 * null leaves the cell as it is; the adapter clears target sheets first, so null means empty.
 */
export function cellInput(cell: CellPlan | null | undefined): CellInput {
  if (!cell) return null;
  if (cell.formula) return cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  const value = cell.value;
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return `'${value}`;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`A cell can't hold ${value}; the layout produced a non-finite number.`);
  }
  return value;
}

/** The inverse, for tests and readers: what Excel stores for an entry written by cellInput. */
export function storedText(input: CellInput): CellInput {
  return typeof input === 'string' && input.startsWith("'") ? input.slice(1) : input;
}
