import type Decimal from 'decimal.js';
import { parseAmount } from '../../../domain/amountText';
import { Money } from '../../../domain/money';
import type { Problem } from '../../../domain/problems';
import { cellAddress } from '../../a1';
import type { Scalar } from '../../sheetPlan';
import { cellValue, type SheetSnapshot } from '../../snapshot';

/**
 * Reads typed cells and records a problem naming the sheet and cell for anything unusable, so a
 * reader can report every bad cell at once instead of stopping at the first.
 */
export class CellReader {
  readonly problems: Problem[] = [];

  constructor(readonly sheet: SheetSnapshot) {}

  at(row: number, column: number): Scalar {
    return cellValue(this.sheet, row, column);
  }

  where(row: number, column: number): { sheet: string; cell: string } {
    return { sheet: this.sheet.name, cell: cellAddress(row, column) };
  }

  text(row: number, column: number): string {
    const v = this.at(row, column);
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v.trim() : String(v);
  }

  isBlank(row: number, column: number): boolean {
    const v = this.at(row, column);
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  }

  /** An amount: a number, or text as people type it ("1,057,451", "£2,004"). Blank is zero. */
  amount(row: number, column: number, what: string, { allowNegative = false } = {}): Decimal {
    const parsed = parseAmount(this.at(row, column));
    if (parsed === undefined) {
      this.error(
        row,
        column,
        `${what} must be a number, but the cell holds ${describeScalar(this.at(row, column))}. Type the figure alone, e.g. 1057451.`,
      );
      return new Money(0);
    }
    if (!allowNegative && parsed.isNegative()) {
      this.error(row, column, `${what} can't be negative (found ${parsed}). Enter 0 or more.`);
    }
    return parsed ?? new Money(0);
  }

  optionalAmount(row: number, column: number, what: string): Decimal | undefined {
    return this.isBlank(row, column) ? undefined : this.amount(row, column, what);
  }

  error(row: number, column: number, message: string): void {
    this.problems.push({ severity: 'error', where: this.where(row, column), message });
  }

  warning(row: number, column: number, message: string): void {
    this.problems.push({ severity: 'warning', where: this.where(row, column), message });
  }

  /** Something a person typed that laying the sheet out again would drop: read past, nothing written over it. */
  keptRow(row: number, column: number, message: string): void {
    this.problems.push({ severity: 'warning', where: this.where(row, column), message, blocksRewrite: true });
  }
}

// One amount parser for the readers and the pane: src/domain/amountText.ts.
export { parseAmount };

export function describeScalar(value: Scalar): string {
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}
