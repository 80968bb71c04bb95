import { columnIndex } from '../../a1';
import type { CellReader } from './cells';

/**
 * A row a person added inside one of the add-in's tables to total the rows above it: a SUM,
 * SUBTOTAL or AGGREGATE over cells of its own column above it, or a first cell that says "Total"
 * or "Sub-total" and nothing more. It is not an entry (reading it as one would count the rows
 * above twice), and the add-in lays its tables out one entry a row, so writing the sheet again
 * would drop it: the row is named, and nothing is written until it is moved (Problem.blocksRewrite).
 */
export function isSubtotalRow(reader: CellReader, row: number, columns: readonly number[]): boolean {
  if (columns.length && /^(sub-?\s*)?totals?\s*:?$/i.test(reader.text(row, columns[0]))) return true;
  const formulas = reader.sheet.formulas?.[row] ?? [];
  return columns.some((c) => {
    const formula = formulas[c];
    return !!formula && /^=\s*(SUBTOTAL|SUM|AGGREGATE)\s*\(/i.test(formula) && totalsAbove(formula, row, c);
  });
}

export const SUBTOTAL_ROW =
  'This row totals the rows above it, but the table keeps one entry a row (its totals are worked out on the sheet), and laying the sheet out again would drop this row. Move the total outside the table, or delete it, then refresh.';

/** Whether a formula refers to a range of the cell's own column that ends above or at the cell's row. */
function totalsAbove(formula: string, row: number, column: number): boolean {
  const ranges = formula.replace(/"[^"]*"/g, '').matchAll(/\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)/gi);
  for (const [, c0, r0, c1, r1] of ranges) {
    const [a, b] = [columnIndex(c0), columnIndex(c1)];
    if (a <= column && column <= b && Number(r0) - 1 < row && Number(r1) - 1 <= row) return true;
  }
  return false;
}
