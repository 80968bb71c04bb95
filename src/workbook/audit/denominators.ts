import Decimal from 'decimal.js';
import { Money } from '../../domain/money';
import type { SheetSnapshot } from '../snapshot';
import { TableGrid } from './tableGrid';
import { withinAsShown, type NumberCell } from './typedCell';

/** What a share may be of besides its table's own total: a figure stated somewhere, or one its rows imply. */
export interface Denominator {
  readonly value: Decimal;
  /** How a finding names it: "the £23,412,000 pool stated in Pool!B6". */
  readonly how: string;
  /** Where it is only implied, the range every agreeing row allows. */
  readonly range?: { readonly low: Decimal; readonly high: Decimal };
}

/** Whether `num` over the denominator (any value in its range) is what the cell shows. */
export function sharesAs(d: Denominator, num: Decimal, perUnit: number, cell: NumberCell): boolean {
  const low = d.range?.high ?? d.value;
  const high = d.range?.low ?? d.value;
  return withinAsShown(
    num.dividedBy(low).times(perUnit),
    num.dividedBy(high).times(perUnit),
    cell.value,
    cell.decimals,
  );
}

const POOL_WORDS = /\bpool(ed)?\b|better care fund|\bbcf\b/i;
const NOT_POOL = /\b(not|outside|non|excl\w*)\b/i;
const BASELINE_WORDS = /\bbaseline\b/i;
const MONEY_IN_TEXT = /£\s?(\d[\d,]*(?:\.\d+)?)\s*(bn|m|k)?\b/i;
const COUNT_IN_TEXT = /(\d{1,3}(?:,\d{3})+|\d{3,})(?!\s*\/)/;
const SCALES: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };
/** A label is short; a sentence that mentions the pool in passing is a note, read for a figure of its own. */
const LABEL_LENGTH = 60;
const LOOK_RIGHT = 4;
const CLEARLY_MORE = 1.01;

/**
 * The pools and baselines a workbook states outside the tables that share them out: a note
 * "as a share of the £23.4m BCF pool", a cell labelled "Total BCF pool" with its figure beside it
 * (on any sheet), "Baseline: 24,310 admissions". Read once, when a table's shares don't fit its own total.
 */
export class StatedFigures {
  private found?: { pools: Denominator[]; baselines: Denominator[] };

  constructor(private readonly sheets: readonly SheetSnapshot[]) {}

  get pools(): Denominator[] {
    return this.read().pools;
  }

  get baselines(): Denominator[] {
    return this.read().baselines;
  }

  private read() {
    if (this.found) return this.found;
    const pools: Denominator[] = [];
    const baselines: Denominator[] = [];
    for (const sheet of this.sheets) {
      const grid = new TableGrid(sheet);
      for (let r = 0; r < grid.rowCount; r++)
        for (let c = 0; c < grid.columnCount; c++) {
          const text = grid.text(r, c);
          if (!text) continue;
          const where = `${sheet.name}!${grid.address(r, c)}`;
          if (POOL_WORDS.test(text) && !NOT_POOL.test(text)) {
            const value = moneyIn(text) ?? (text.length <= LABEL_LENGTH ? figureRightOf(grid, r, c) : undefined);
            if (value?.greaterThan(0)) pools.push({ value, how: `the £${plain(value)} pool stated in ${where}` });
          }
          if (BASELINE_WORDS.test(text)) {
            const count = COUNT_IN_TEXT.exec(text.replace(/\b(19|20)\d\d\/?\d*\b/g, ''));
            const value = count
              ? new Money(count[1].replace(/,/g, ''))
              : text.length <= LABEL_LENGTH
                ? figureRightOf(grid, r, c)
                : undefined;
            if (value?.greaterThan(0))
              baselines.push({ value, how: `the baseline of ${plain(value)} stated in ${where}` });
          }
        }
    }
    this.found = { pools, baselines };
    return this.found;
  }
}

function moneyIn(text: string): Decimal | undefined {
  const m = MONEY_IN_TEXT.exec(text);
  return m ? new Money(m[1].replace(/,/g, '')).times(SCALES[(m[2] ?? '').toLowerCase()] ?? 1) : undefined;
}

function figureRightOf(grid: TableGrid, r: number, c: number): Decimal | undefined {
  for (let k = c + 1; k <= c + LOOK_RIGHT && k < grid.columnCount; k++) {
    const t = grid.typed(r, k);
    if (t.kind === 'number') return t.value.times(t.scale);
    if (t.kind === 'text') return undefined;
  }
  return undefined;
}

function plain(d: Decimal): string {
  return d
    .toDecimalPlaces(0)
    .toFixed(0)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The denominator most rows' shares imply, within the rounding they are printed to: each row's
 * figure over its share gives a range, and the value inside the most ranges is the table's reading
 * if more than half the rows (and at least three) agree on it and it is clearly more than `minimum`
 * (the rows' own total: a share of a pool can't be of less than the rows in it).
 */
export function impliedDenominator(
  rows: readonly { num: Decimal; cell: NumberCell }[],
  perUnit: number,
  minimum: Decimal,
  how: string,
): Denominator | undefined {
  const ranges = rows
    .filter((x) => x.num.greaterThan(0) && x.cell.value.greaterThan(0))
    .map(({ num, cell }) => {
      const half = new Money(5).dividedBy(new Money(10).pow(cell.decimals + 1));
      const low = cell.value.plus(half).dividedBy(perUnit);
      const high = cell.value.minus(half).dividedBy(perUnit);
      return { from: num.dividedBy(low), to: high.greaterThan(0) ? num.dividedBy(high) : undefined };
    });
  let best: { count: number; from: Decimal; to: Decimal } | undefined;
  for (const start of ranges) {
    // The most ranges that overlap one another start at one of their own starts.
    const covering = ranges.filter(
      (x) => x.from.lessThanOrEqualTo(start.from) && (!x.to || x.to.greaterThanOrEqualTo(start.from)),
    );
    const to = covering.reduce<Decimal | undefined>((m, x) => (x.to && (!m || x.to.lessThan(m)) ? x.to : m), undefined);
    if (to && (!best || covering.length > best.count)) best = { count: covering.length, from: start.from, to };
  }
  if (!best || best.count < 3 || best.count * 2 <= rows.length) return undefined;
  // Clearly more than the rows' own total: a reading a hair above it is the own total with one figure a digit out.
  if (best.from.lessThan(minimum.times(CLEARLY_MORE))) return undefined;
  const low = best.from;
  return { value: low.plus(best.to).dividedBy(2), how, range: { low, high: best.to } };
}
