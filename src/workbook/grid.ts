import type Decimal from 'decimal.js';
import { EXCEL_LIMITS, fitText } from '../domain/excelLimits';
import type { CellPlan, CellStyle, Scalar } from './sheetPlan';

/** Small constructors so layouts read like the table they draw. */
export function text(value: string, style?: CellStyle): CellPlan {
  // Only labels built from a person's text (a title with the board's name) can pass a cell's limit; what people typed is checked before it gets here.
  if (value.length > EXCEL_LIMITS.cellText) value = fitText(value, EXCEL_LIMITS.cellText);
  return style ? { value, style } : { value };
}

export function num(value: Decimal | number, format?: string, style?: CellStyle): CellPlan {
  return { value: typeof value === 'number' ? value : toNumber(value), format, style };
}

/** A live formula with the add-in's own figure as its cached result. */
export function formula(
  expression: string,
  result: Decimal | Scalar,
  format?: string,
  style: CellStyle = 'computed',
): CellPlan {
  const cached = result !== null && typeof result === 'object' ? toNumber(result) : result;
  // charCodeAt, not startsWith: it reads the first character without flattening the joined string.
  return { formula: expression.charCodeAt(0) === 61 ? expression : `=${expression}`, result: cached, format, style };
}

/**
 * Decimal to the nearest double, as Decimal#toNumber gives, without its round trip through text
 * (the hot path of every layout). decimal.js keeps a value as base-1e7 words `d`, a base-10
 * exponent `e` and a sign `s`; while the digits fit in 2^53 and the power of ten is exact, one IEEE
 * multiplication or division is correctly rounded, so the result is the same double.
 */
export function toNumber(value: Decimal): number {
  const { d, e, s } = value as unknown as { d: number[] | null; e: number; s: number };
  if (!d || d.length > 2) return value.toNumber();
  if (d[0] === 0) return 0;
  const digits = (d.length === 2 ? 7 : 0) + String(d[0]).length;
  const n = d.length === 2 ? d[0] * 1e7 + d[1] : d[0];
  const scale = e - (digits - 1);
  if (n > Number.MAX_SAFE_INTEGER || scale > 22 || scale < -22) return value.toNumber();
  const magnitude = scale >= 0 ? n * 10 ** scale : n / 10 ** -scale;
  return s < 0 ? -magnitude : magnitude;
}
