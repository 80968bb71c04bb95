import { cellValue, type SheetSnapshot } from '../snapshot';
import { readMoney, statedFigure } from './cellReading';
import type { LineColumn } from './lineColumns';
import { agrees, cellSums } from './templateFigures';

/**
 * A total nobody labelled: a row under the lines with "All schemes", "BCF" or nothing where a
 * line's name goes, and figures that are typed, not a SUM. Read as a line it would count every
 * line above it twice, so it is taken for a total, but only when its figures really are a sum of
 * lines: a genuine line is never dropped for its wording alone.
 */

/** The fewest lines a total adds up: one line's figures repeated are a duplicate line, not a total. */
const FEWEST_LINES = 2;

/**
 * The lines (by index) whose figures the row states, in every money column it has a figure in:
 * a run of lines ending at the last one read (a sub-total, or every line for the grand total),
 * else the lines of the funding source the row names. Undefined when no such lines add up to it.
 */
export function linesSummedBy(
  sheet: SheetSnapshot,
  row: number,
  columns: readonly LineColumn[],
  lines: readonly { readonly row: number; readonly ofSource: boolean }[],
): number[] | undefined {
  const stated = columns.filter((c) => readMoney(cellValue(sheet, row, c.index)).kind === 'number');
  const nothing = stated.every((c) => {
    const read = readMoney(cellValue(sheet, row, c.index));
    return read.kind === 'number' && read.value.isZero();
  });
  if (!stated.length || nothing) return undefined;
  const spend = columns.filter((c) => c.field === 'spend');
  // As the audit judges a stated total (templateAudit.ts): the column's own cells, and for the
  // total across years also every year's spend.
  const expected = (c: LineColumn, rows: readonly number[]) => [
    ...cellSums(
      sheet,
      rows.map((r) => [r, c.index] as const),
    ),
    ...(c.field === 'total'
      ? cellSums(
          sheet,
          rows.flatMap((r) => spend.map((s) => [r, s.index] as const)),
        )
      : []),
  ];
  const sums = (indexes: readonly number[]) =>
    indexes.length >= FEWEST_LINES &&
    stated.every((c) =>
      agrees(
        statedFigure(sheet, row, c.index),
        expected(
          c,
          indexes.map((i) => lines[i].row),
        ),
      ),
    );
  const all = lines.map((_, i) => i);
  for (let start = lines.length - FEWEST_LINES; start >= 0; start--) {
    const run = all.slice(start);
    if (sums(run)) return run;
  }
  const ofSource = all.filter((i) => lines[i].ofSource);
  return sums(ofSource) ? ofSource : undefined;
}
