import type { Scalar, WorkbookPlan } from '../../src/workbook/sheetPlan';

export interface EngineCell {
  readonly value: Scalar | undefined;
  /** The error text the engine shows, e.g. "#DIV/0!" or "Err:502". */
  readonly error?: string;
  readonly isFormula?: boolean;
}

export interface Failure {
  readonly where: string; // "BCF 2014-15!E10"
  readonly message: string;
}

export const MONEY_TOLERANCE: number;
export const SHARE_TOLERANCE: number;
export function columnLetter(index: number): string;
export function address(sheet: string, row: number, column: number): string;
export function compareWithCachedResults(
  plan: WorkbookPlan,
  read: (sheet: string, row: number, column: number) => EngineCell | undefined,
): { formulas: number; literals: number; failures: Failure[] };
/**
 * Addresses of formula cells whose cached result differs between two layouts, on the sheets whose
 * formulas are the same in both; the other sheets' names are in `reshaped`.
 */
export function staleCells(before: WorkbookPlan, after: WorkbookPlan): { stale: string[]; reshaped: string[] };
