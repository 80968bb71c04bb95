import type Decimal from 'decimal.js';
import { Money, ZERO } from '../../domain/money';
import { shownFormat } from '../audit/shownFormat';
import { agreesAsShown } from '../audit/typedCell';
import { cellValue, type SheetSnapshot } from '../snapshot';
import { readMoney, type StatedFigure } from './cellReading';

/**
 * How the audit judges a figure the template states against what it should be: to the penny, or
 * at the precision the cell shows when its format rounds (a total shown in whole pounds, or in
 * thousands), as the audit of typed tables does (tableChecks.ts, shownFormat.ts).
 */
const PENNY = new Money('0.005');

export function figureValue(figure: StatedFigure): Decimal | undefined {
  const read = readMoney(figure.value);
  return read.kind === 'number' ? read.value : read.kind === 'blank' ? ZERO : undefined;
}

/** Whether the stated figure is any of the figures it may rightly be (all in the cell's own units). */
export function agrees(figure: StatedFigure, expected: readonly Decimal[]): boolean {
  const found = figureValue(figure);
  if (!found) return true; // text in a figure cell is reported as unreadable, not as a wrong total
  const f = shownFormat(figure.format);
  return expected.some((e) => {
    if (e.minus(found).abs().lessThanOrEqualTo(PENNY)) return true;
    if (f.general || f.percent || f.decimals >= 2) return false;
    const unit = new Money(1000).pow(f.thousands);
    return agreesAsShown(e.dividedBy(unit), found.dividedBy(unit), f.decimals);
  });
}

/** The sum of money cells as Excel's SUM sees them (figures typed as text left out), and as the plan reads them. */
export function cellSums(sheet: SheetSnapshot, cells: readonly (readonly [number, number])[]): Decimal[] {
  let all = ZERO;
  let numbers = ZERO;
  for (const [r, c] of cells) {
    const read = readMoney(cellValue(sheet, r, c));
    if (read.kind !== 'number') continue;
    all = all.plus(read.value);
    if (!read.asText) numbers = numbers.plus(read.value);
  }
  return all.equals(numbers) ? [all] : [all, numbers];
}

export function shown(value: Decimal | undefined): string {
  if (!value) return '(not a figure)';
  const fixed = value.toFixed(2).replace(/\.00$/, '');
  const [whole, fraction] = fixed.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
