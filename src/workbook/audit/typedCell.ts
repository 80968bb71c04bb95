import type Decimal from 'decimal.js';
import { parseAmount } from '../../domain/amountText';
import type { Scalar } from '../sheetPlan';

/**
 * A cell read the way people type figures into a table or paste them from a published plan:
 * "35,000 (Not BCF pool)" is 35,000 with a note, "n/a" means not applicable, "£1,234" is 1,234,
 * "4.03" and "4.03%" are both 4.03 per cent in a percentage column. `decimals` is the precision
 * the figure is shown with, so a check can compare at the precision that was printed.
 */
export type TypedCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'na'; readonly text: string }
  | { readonly kind: 'number'; readonly value: Decimal; readonly decimals: number; readonly percentSign: boolean; readonly note: string }
  | { readonly kind: 'text'; readonly text: string };

const NA = /^(n\/?a|not applicable|-|–|—)$/i;
const NOTE = /^(.*?)\s*\(([^()]*[A-Za-z][^()]*)\)\s*$/; // "35,000 (Not BCF pool)"

export function readTypedCell(value: Scalar): TypedCell {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (typeof value === 'number') {
    const parsed = parseAmount(value);
    if (!parsed) return { kind: 'text', text: String(value) };
    return { kind: 'number', value: parsed, decimals: Math.min(parsed.decimalPlaces(), 12), percentSign: false, note: '' };
  }
  const text = value.replace(/\u00a0/g, ' ').trim();
  if (text === '') return { kind: 'blank' };
  if (NA.test(text)) return { kind: 'na', text };
  let figure = text;
  let note = '';
  const withNote = NOTE.exec(text);
  if (withNote) {
    figure = withNote[1];
    note = withNote[2].trim();
  }
  const percentSign = /%\s*$/.test(figure);
  if (percentSign) figure = figure.replace(/%\s*$/, '');
  if (figure.trim() === '') return { kind: 'text', text };
  const parsed = parseAmount(figure);
  if (!parsed) return { kind: 'text', text };
  const decimals = /\.(\d+)\s*$/.exec(figure.replace(/[£,\s]/g, ''))?.[1].length ?? 0;
  return { kind: 'number', value: parsed, decimals, percentSign, note };
}

/** True when `found`, shown with `decimals` places, is what `exact` rounds to (half up). */
export function agreesAsShown(exact: Decimal, found: Decimal, decimals: number): boolean {
  return exact.toDecimalPlaces(decimals).equals(found.toDecimalPlaces(decimals));
}
