import Decimal from 'decimal.js';

// One configuration for the whole product: 40 significant digits is far beyond any BCF figure, and
// ROUND_HALF_UP is the rule finance leads expect (and what Excel's ROUND does for positive numbers).
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO = new Money(0);
export const ONE = new Money(1);
export const HUNDRED = new Money(100);

export function money(value: Decimal.Value): Decimal {
  return new Money(value);
}

/**
 * A number an Excel cell holds, at the 15 significant digits Excel computes and shows with: a cached
 * formula result like 755600.6000000001 (binary noise from pence) is the 755,600.60 the cell shows,
 * so a source spent to the penny is not "£0.00 overspent".
 */
export function excelNumber(n: number): Decimal {
  return new Money(String(Number(n.toPrecision(15))));
}

export function sum(values: readonly Decimal[]): Decimal {
  // Most of a plan's figures are zero (a scheme counts one or two benefits); skipping them saves a Decimal each.
  return values.reduce((acc, v) => (v.isZero() ? acc : acc.plus(v)), ZERO);
}

/** The display rule for pounds: half-up to whole pounds (or to pence when `pence` is set). */
export function roundPounds(value: Decimal, pence = false): Decimal {
  return value.toDecimalPlaces(pence ? 2 : 0, Decimal.ROUND_HALF_UP);
}

/** The display rule for percentages: a fraction shown as a percentage, half-up to two places. */
export function roundPercent(fraction: Decimal): Decimal {
  return fraction.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

const poundsFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, minimumFractionDigits: 0 });
const penceFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** £1,234,567 (rounded by roundPounds first, so the text never disagrees with the rule). */
export function formatPounds(value: Decimal, pence = false): string {
  const rounded = roundPounds(value, pence);
  const digits = (pence ? penceFormat : poundsFormat).format(rounded.abs().toNumber());
  return `${rounded.isNegative() && !rounded.isZero() ? '-' : ''}£${digits}`;
}

/** 12.34% */
export function formatPercent(fraction: Decimal): string {
  return `${roundPercent(fraction).toFixed(2)}%`;
}

export function formatCount(value: Decimal): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value.toNumber());
}
