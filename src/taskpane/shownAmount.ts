import type Decimal from 'decimal.js';
import { formatCount } from '../domain/money';

/** "1,057,451": how an amount is shown in an input (the £ sits beside the box). */
export function amountText(value: Decimal | undefined): string {
  return value === undefined ? '' : formatCount(value);
}

/** "£1.2m", "£350k": a chart axis's label, from a drawing coordinate (never a figure anyone reads as exact). */
export function compactPounds(value: number): string {
  if (value >= 1e6) return `£${(value / 1e6).toFixed(1)}m`;
  if (value >= 1e3) return `£${Math.round(value / 1e3)}k`;
  return `£${Math.round(value)}`;
}
