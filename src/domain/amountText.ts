import type Decimal from 'decimal.js';
import { Money } from './money';

/**
 * How people type an amount, read strictly, in one place for the workbook readers and the pane:
 * "1057451", "1,057,451", "£2,004", "-12.5". Commas only as thousands separators in groups of
 * three, so "1,2,3" or "10,00" is refused rather than read as 123 or 1000: a typo must not become money.
 */
const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

export type AmountScalar = string | number | boolean | null | undefined;

/** The amount a cell or field holds: undefined when it is not one; blank is zero. */
export function parseAmount(value: AmountScalar): Decimal | undefined {
  if (value === null || value === undefined) return new Money(0);
  if (typeof value === 'number') return Number.isFinite(value) ? new Money(String(value)) : undefined;
  if (typeof value === 'boolean') return undefined;
  const text = value.replace(/\u00a0/g, ' ').trim();
  if (text === '') return new Money(0);
  const [, before, after, digits] = /^(-?)\s*£?\s*(-?)(.*)$/.exec(text) ?? [];
  if ((before && after) || !(PLAIN.test(digits) || GROUPED.test(digits))) return undefined;
  const negative = !!(before || after);
  const value_ = new Money(digits.replace(/,/g, ''));
  // "-0" is 0: a negated zero would be reported as "negative (0)".
  return negative && !value_.isZero() ? value_.negated() : value_;
}

/** Why a text is not an amount, for a message beside the field; undefined when it is one. */
export function amountProblem(text: string): string | undefined {
  if (parseAmount(text) !== undefined) return undefined;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (/^[-£\s\d,.]+$/.test(text) && text.includes(','))
    return `"${shown}" has a comma out of place: commas separate thousands in groups of three.`;
  return `"${shown}" is not a number.`;
}
