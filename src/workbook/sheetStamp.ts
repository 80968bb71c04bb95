import { cellAddress, sheetRef } from './a1';
import type { SheetPlan } from './sheetPlan';

/**
 * A stamp of a sheet's contents, kept as a live formula beside the sheet's row in the registry, so a
 * command can tell in its first request, from one small read, which of the add-in's sheets changed
 * since the last command, and read only those: a refresh of a plan with a Benefit Card sheet per
 * scheme then reads the registry, not a thousand card sheets.
 *
 * The formula weighs each cell by its position: every number by its value, every text by its length.
 * So a changed figure, a cleared or filled cell, a text of another length and rows inserted or
 * deleted above content all change it. A text changed to another of the same length, or a formula
 * replaced by its own value, does not: a stamp only spares reads that are very likely unnecessary,
 * and safety never rests on it (the adapter checks every cell it overwrites in the writing request
 * itself). Commands that judge a workbook (the audit) read every sheet.
 *
 * Domain: Excel's ISTEXT, LEN, ROW, COLUMN and SUMPRODUCT, which counts text in its array arguments
 * as 0. A cell holding an error makes the stamp an error, which never matches: that sheet is read.
 */
export const STAMP_MARGIN = { rows: 100, columns: 10 } as const;

/** Weight of a cell: its row times this, plus its column; columns stay below it. */
const ROW_WEIGHT = 1024;

/** The range a stamp covers: the sheet's planned cells and a margin below and to the right for what people add. */
export function stampRange(sheet: SheetPlan): { rows: number; columns: number } {
  const width = sheet.rows.reduce((w, row) => Math.max(w, row.length), 0);
  return {
    rows: sheet.rows.length + STAMP_MARGIN.rows,
    columns: Math.min(ROW_WEIGHT - 1, Math.max(width, 1) + STAMP_MARGIN.columns),
  };
}

export function stampFormula(sheet: string, rows: number, columns: number): string {
  const r = sheetRef(sheet, `${cellAddress(0, 0, true)}:${cellAddress(rows - 1, columns - 1, true)}`);
  const weight = `(ROW(${r})*${ROW_WEIGHT}+COLUMN(${r}))`;
  return `=SUMPRODUCT(ISTEXT(${r})*LEN(${r})*${weight})+SUMPRODUCT(${r},${weight})`;
}
