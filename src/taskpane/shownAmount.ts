import type Decimal from 'decimal.js';
import { formatCount } from '../domain/money';

/** "1,057,451": how an amount is shown in an input (the £ sits beside the box). */
export function amountText(value: Decimal | undefined): string {
  return value === undefined ? '' : formatCount(value);
}
