import type Decimal from 'decimal.js';
import type { CellPlan, CellStyle, Scalar } from './sheetPlan';

/** Small constructors so layouts read like the table they draw. */
export function text(value: string, style?: CellStyle): CellPlan {
  return style ? { value, style } : { value };
}

export function num(value: Decimal | number, format?: string, style?: CellStyle): CellPlan {
  return { value: typeof value === 'number' ? value : toNumber(value), format, style };
}

/** A live formula with the add-in's own figure as its cached result. */
export function formula(expression: string, result: Decimal | Scalar, format?: string, style: CellStyle = 'computed'): CellPlan {
  const cached = result !== null && typeof result === 'object' ? toNumber(result) : result;
  // charCodeAt, not startsWith: it reads the first character without flattening the joined string.
  return { formula: expression.charCodeAt(0) === 61 ? expression : `=${expression}`, result: cached, format, style };
}

/** Decimal to the nearest double; zero, the commonest figure in a plan, without a round trip through text. */
function toNumber(value: Decimal): number {
  return value.isZero() ? 0 : value.toNumber();
}
