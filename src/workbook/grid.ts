import type Decimal from 'decimal.js';
import type { CellPlan, CellStyle, Scalar } from './sheetPlan';

/** Small constructors so layouts read like the table they draw. */
export function text(value: string, style?: CellStyle): CellPlan {
  return style ? { value, style } : { value };
}

export function num(value: Decimal | number, format?: string, style?: CellStyle): CellPlan {
  return { value: typeof value === 'number' ? value : value.toNumber(), format, style };
}

/** A live formula with the add-in's own figure as its cached result. */
export function formula(expression: string, result: Decimal | Scalar, format?: string, style: CellStyle = 'computed'): CellPlan {
  const cached = result !== null && typeof result === 'object' ? result.toNumber() : result;
  return { formula: expression.startsWith('=') ? expression : `=${expression}`, result: cached, format, style };
}

export function blankRow(): null[] {
  return [];
}
