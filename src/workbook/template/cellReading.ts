import type Decimal from 'decimal.js';
import { parseAmount } from '../../domain/amountText';
import { isFinancialYearLabel } from '../../domain/financialYear';
import { excelNumber } from '../../domain/money';
import { cellAddress } from '../a1';
import { normalHeader, periodOf } from '../audit/headerWords';
import { readTypedCell } from '../audit/typedCell';
import type { Scalar } from '../sheetPlan';
import { cellFormat, cellValue, type SheetSnapshot } from '../snapshot';

/**
 * The cell-level reading every part of the BCF planning template shares: text, money as people
 * type it, the financial year a column belongs to, and a stated figure kept with its cell so the
 * audit can point at it.
 */

/** A figure the template states (a total, a sub-total, a balance), where it is and as the cell holds it. */
export interface StatedFigure {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly cell: string;
  readonly value: Scalar;
  readonly format: string | null;
}

export function statedFigure(sheet: SheetSnapshot, row: number, column: number): StatedFigure {
  return {
    sheet: sheet.name,
    row,
    column,
    cell: cellAddress(row, column),
    value: cellValue(sheet, row, column),
    format: cellFormat(sheet, row, column),
  };
}

export function textAt(sheet: SheetSnapshot, row: number, column: number): string {
  const v = cellValue(sheet, row, column);
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.replace(/\u00a0/g, ' ').trim() : String(v);
}

/** Text a person reads as a label (not a figure). */
export function isLabel(sheet: SheetSnapshot, row: number, column: number): boolean {
  const v = cellValue(sheet, row, column);
  return typeof v === 'string' && v.trim() !== '' && readMoney(v).kind !== 'number';
}

export function rowWidth(sheet: SheetSnapshot, row: number): number {
  return sheet.values[row]?.length ?? 0;
}

export type MoneyRead =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: Decimal; readonly asText: boolean }
  | { readonly kind: 'text'; readonly text: string };

/** A money cell: a number, a figure typed as text ("£1,234", "(1,234)"), blank or "N/A" (nothing), or text that is no figure. */
export function readMoney(value: Scalar): MoneyRead {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value: excelNumber(value), asText: false };
  const text = String(value).trim();
  if (text === '') return { kind: 'blank' };
  const strict = parseAmount(text);
  if (strict) return { kind: 'number', value: strict, asText: true };
  const typed = readTypedCell(text);
  if (typed.kind === 'na' || typed.kind === 'blank') return { kind: 'blank' };
  if (typed.kind === 'number' && !typed.percentSign)
    return { kind: 'number', value: typed.value.times(typed.scale), asText: true };
  return { kind: 'text', text };
}

/** The financial year ("2023/24") a header's words name, if they name exactly one. */
export function yearOfText(text: string): string | undefined {
  const period = periodOf(text);
  return period && isFinancialYearLabel(period) ? period : undefined;
}

/**
 * The year a block's column is for: its own header, else a year band over it in the row above
 * (a merged cell starts at or left of the column), else a year title above the block (blocks
 * stacked one per year). Undefined when nothing says.
 */
export function yearOfColumn(
  sheet: SheetSnapshot,
  headerRow: number,
  column: number,
  span: { first: number; last: number },
): string | undefined {
  const own = yearOfText(textAt(sheet, headerRow, column));
  if (own) return own;
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 2); r--) {
    for (let c = column; c >= span.first; c--) {
      const text = textAt(sheet, r, c);
      if (!text) continue;
      const year = yearOfText(text);
      if (year) return year;
      break;
    }
  }
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 3); r--)
    for (let c = span.first; c <= span.last; c++) {
      const year = yearOfText(textAt(sheet, r, c));
      if (year) return year;
    }
  return undefined;
}

export const header = (sheet: SheetSnapshot, row: number, column: number) => normalHeader(textAt(sheet, row, column));
