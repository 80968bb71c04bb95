import type { Scalar } from '../../src/workbook/sheetPlan';

/** Money and plain numbers agree when closer than half a penny. */
export const MONEY_TOLERANCE: number;
/** Shares and percentages (cells formatted with %) agree when closer than 5e-7. */
export const SHARE_TOLERANCE: number;
export function isShare(format: string | undefined): boolean;
/** Why `actual` is not `expected` (a cell of `format`), or null when they agree. */
export function figureDifference(
  expected: Scalar | undefined,
  actual: unknown,
  format: string | undefined,
): string | null;
export function sameFigure(expected: Scalar | undefined, actual: unknown, format: string | undefined): boolean;
