import type Decimal from 'decimal.js';
import { excelNumber, Money } from '../../domain/money';
import type { Scalar } from '../sheetPlan';
import { shownFormat } from './shownFormat';

/**
 * A cell read the way people type figures into a table, paste them from a published plan, or see
 * them in Excel: "35,000 (Not BCF pool)" is 35,000 with a note, "n/a" and "-" mean nothing to
 * count, "£1,234" is 1,234, "(1,234)" is -1,234, "£1.2m" is 1.2 million, "4.03" and "4.03%" are
 * both 4.03 per cent, and 0.0403 in a cell formatted 0.00% is 4.03 per cent too. `value` is the
 * figure as shown (per cent as points, £1.2m as 1.2 with `scale` 1,000,000), `decimals` the places
 * shown, so a check compares at the precision the reader of the table sees.
 */
export type TypedCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'na'; readonly text: string }
  | NumberCell
  | { readonly kind: 'text'; readonly text: string };

export interface NumberCell {
  readonly kind: 'number';
  readonly value: Decimal;
  readonly decimals: number;
  /** Shown with a % sign (typed, or a percentage format). */
  readonly percentSign: boolean;
  /** What one shown unit is worth, when the cell says so itself ("£1.2m", "350k"); else 1. */
  readonly scale: number;
  readonly note: string;
  /** The figure as the cell shows it. */
  readonly shown: string;
}

const NA = /^(n\/?a|not applicable|nil|none|-+|–|—|\.\.|x)$/i;
const NOTE = /^(.*?)\s*\(([^()]*[A-Za-z][^()]*)\)\s*$/; // "35,000 (Not BCF pool)"
/** Footnote marks people leave on figures and headers: "2b*", "Cost (£)¹", "1,234†". */
export const FOOTNOTE_MARKS = /(\s*\[\w{1,3}\]|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+)+$/;
const SUFFIX_SCALE: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };

export function readTypedCell(value: Scalar, format?: string | null): TypedCell {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (typeof value === 'number') return numberCell(value, format);
  return textCell(value);
}

function numberCell(n: number, format?: string | null): TypedCell {
  if (!Number.isFinite(n)) return { kind: 'text', text: String(n) };
  const f = shownFormat(format);
  let value = f.general ? excelNumber(n) : new Money(String(n));
  if (f.percent) value = value.times(100);
  if (f.thousands) value = value.dividedBy(new Money(1000).pow(f.thousands));
  const decimals = f.general ? generalDecimals(n) : f.decimals;
  const shown = `${value.isNegative() ? '-' : ''}${f.pounds ? '£' : ''}${grouped(value.abs(), decimals)}${f.percent ? '%' : ''}`;
  return { kind: 'number', value, decimals, percentSign: f.percent, scale: 1, note: '', shown };
}

/** General shows up to ten significant digits. */
function generalDecimals(n: number): number {
  const text = String(Number(n.toPrecision(10)));
  if (/e/i.test(text)) return 10;
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

function textCell(raw: string): TypedCell {
  const text = raw
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { kind: 'blank' };
  if (NA.test(text)) return { kind: 'na', text };
  let figure = text.replace(FOOTNOTE_MARKS, '').trim();
  let note = '';
  const withNote = NOTE.exec(figure);
  if (withNote) {
    figure = withNote[1];
    note = withNote[2].trim();
  }
  // A minus sign or a dash before a figure (pasted from a PDF) is a minus.
  figure = figure.replace(/^[\u2212\u2013\u2014](?=\s*£?\s*[\d.])/, '-').replace(/^£\s*-/, '-£');
  // "1 234" groups thousands with a space; "3 4" is two figures, not 34.
  figure = figure.replace(/(\d) (?=\d{3}(\D|$))/g, '$1,').replace(/\s+(?=\D)|(?<=\D)\s+/g, '');
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(figure);
  if (bracketed) [negative, figure] = [true, bracketed[1]];
  if (figure.startsWith('-')) [negative, figure] = [!negative, figure.slice(1)];
  const percentSign = figure.endsWith('%');
  if (percentSign) figure = figure.slice(0, -1);
  figure = figure.replace(/^£/, '');
  const suffix = /(bn|k|m)$/i.exec(figure);
  const scale = suffix ? SUFFIX_SCALE[suffix[1].toLowerCase()] : 1;
  if (suffix) figure = figure.slice(0, -suffix[1].length);
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(figure)) return { kind: 'text', text };
  const digits = figure.replace(/,/g, '');
  const value = new Money(negative ? `-${digits}` : digits);
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  return { kind: 'number', value, decimals, percentSign, scale, note, shown: text };
}

/** 1234567.8 shown with 1 decimal as "1,234,567.8". */
export function grouped(value: Decimal, decimals: number): string {
  const fixed = value.toFixed(Math.max(0, decimals));
  const [whole, fraction] = fixed.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${withCommas}.${fraction}` : withCommas;
}

/** True when `found`, shown with `decimals` places, is what `exact` rounds to (half up). */
export function agreesAsShown(exact: Decimal, found: Decimal, decimals: number): boolean {
  return exact.toDecimalPlaces(decimals).equals(found.toDecimalPlaces(decimals));
}

/**
 * True when the shown figure could be any figure from `low` to `high` rounded to its places:
 * used where the figures it is worked out from were themselves rounded (a table in £000s).
 */
export function withinAsShown(low: Decimal, high: Decimal, found: Decimal, decimals: number): boolean {
  const half = new Money(5).dividedBy(new Money(10).pow(decimals + 1));
  return !found.plus(half).lessThan(low) && !found.minus(half).greaterThan(high);
}
