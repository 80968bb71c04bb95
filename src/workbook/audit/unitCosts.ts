import type Decimal from 'decimal.js';
import { formatPounds, Money, sum } from '../../domain/money';
import { defaultUnitCosts } from '../../domain/newPlan';
import type { Column, FoundTable } from './findTables';
import type { Measure } from './headerWords';
import type { NumberCell } from './typedCell';

/**
 * Which unit cost a table's savings are checked against, in this order: the one the table
 * states (in a heading, or a note just above it); the one most of the table's rows use; one
 * worked out from the rows of the workbook's multi-benefit tables; the plan's named unit cost
 * for the benefit (NEL £2,004 and the others). A stated cost that is "amended to reflect local
 * cost" is not one figure, so savings against it are not checked.
 */
export interface UnitCostChoice {
  readonly value: Decimal;
  /** How it was chosen, for the finding: "stated in the heading", "the plan's NEL unit cost". */
  readonly how: string;
}

export type UnitChoice = UnitCostChoice | 'not-checked' | undefined;

/** A figure in pounds, whatever the cell's or column's scale. */
export function poundsOf(cell: NumberCell, column: Column): Decimal {
  const scale = cell.scale !== 1 ? cell.scale : column.scale;
  return scale === 1 ? cell.value : cell.value.times(scale);
}

export function figure(table: FoundTable, r: number, column: Column): NumberCell | undefined {
  const t = table.grid.typed(r, column.index);
  return t.kind === 'number' ? t : undefined;
}

export class UnitCostBook {
  private readonly learned = new Map<Measure, Decimal>();

  /** Learns from every table found: single-benefit tables' majorities, then the multi-benefit rows. */
  constructor(tables: readonly FoundTable[]) {
    for (const table of tables) {
      const setup = savingSetup(table);
      if (setup?.counts.length !== 1) continue;
      const m = setup.counts[0].measure;
      const majority = majorityRatio(table, setup.saving, setup.counts[0]);
      if (majority && m !== 'other' && !this.learned.has(m) && !table.statedUnit) this.learned.set(m, majority);
    }
    this.learnFromMultiBenefitRows(tables);
  }

  choose(table: FoundTable, count: Column, saving: Column): UnitChoice {
    const stated = table.statedUnit;
    const counts = savingSetup(table)?.counts ?? [count];
    if (
      stated &&
      (stated.measure === undefined ? counts.length === 1 || count.measure === 'NEL' : stated.measure === count.measure)
    ) {
      return stated.adjusted ? 'not-checked' : { value: stated.value, how: `stated ${stated.where}` };
    }
    const named = defaultUnitCosts().find((u) => u.id === count.measure);
    const majority = counts.length === 1 ? majorityRatio(table, saving, count) : undefined;
    if (majority && (!named || !majority.equals(named.value)))
      return { value: majority, how: 'the unit cost most of the rows use; the table states none' };
    const learned = this.learned.get(count.measure);
    if (learned && (!named || !learned.equals(named.value)))
      return { value: learned, how: `worked out from the workbook's other tables (${count.measure})` };
    if (named)
      return {
        value: named.value,
        how: `the plan's ${named.id} unit cost, ${formatPounds(named.value)} ${named.unit}; the table states none`,
      };
    return undefined;
  }

  private learnFromMultiBenefitRows(tables: readonly FoundTable[]): void {
    const rows: { counts: [Measure, Decimal][]; saving: Decimal }[] = [];
    for (const table of tables) {
      const setup = savingSetup(table);
      if (!setup || setup.counts.length < 2) continue;
      for (const r of table.rows) {
        const saving = figure(table, r, setup.saving);
        if (!saving) continue;
        const counts = setup.counts.flatMap((c) => {
          const v = figure(table, r, c)?.value;
          return v && !v.isZero() ? [[c.measure, v] as [Measure, Decimal]] : [];
        });
        if (counts.length) rows.push({ counts, saving: poundsOf(saving, setup.saving) });
      }
    }
    const known = new Map(this.learned);
    for (let learnedOne = true; learnedOne;) {
      learnedOne = false;
      const votes = new Map<Measure, Map<string, number>>();
      for (const row of rows) {
        const unknown = row.counts.filter(([m]) => !known.has(m));
        if (unknown.length !== 1 || unknown[0][0] === 'other') continue;
        const priced = sum(row.counts.filter(([m]) => known.has(m)).map(([m, v]) => v.times(known.get(m)!)));
        const [m, n] = unknown[0];
        const value = row.saving.minus(priced).dividedBy(n).toString();
        const forMeasure = votes.get(m) ?? new Map<string, number>();
        votes.set(m, forMeasure.set(value, (forMeasure.get(value) ?? 0) + 1));
      }
      for (const [m, values] of votes) {
        const [value, count] = [...values].sort((a, b) => b[1] - a[1])[0];
        if (count < 2) continue;
        known.set(m, new Money(value));
        this.learned.set(m, new Money(value));
        learnedOne = true;
      }
    }
  }
}

export function savingSetup(table: FoundTable): { saving: Column; counts: Column[] } | undefined {
  const saving = table.columns.find((c) => c.role === 'saving' && c.band !== 'Total');
  if (!saving) return undefined;
  const counts = table.columns.filter(
    (c) => c.role === 'count' && (c.band === saving.band || !c.band || !saving.band) && c.band !== 'Total',
  );
  return counts.length ? { saving, counts } : undefined;
}

/**
 * The pounds figures were rounded to, as people round savings: £1,000 or £100 when all of them but
 * one (at least three non-zero) are whole thousands or hundreds and the column's units are finer; else 1.
 */
export function roundedTo(pounds: readonly Decimal[], scale = 1): number {
  const figures = pounds.filter((p) => !p.isZero());
  const step = [1000, 100].find(
    (n) => scale < n && figures.length >= 3 && figures.filter((p) => !p.modulo(n).isZero()).length <= 1,
  );
  return step ?? 1;
}

/** The ratio saving ÷ count that more than half the rows (and at least two) agree on; none from rounded savings. */
function majorityRatio(table: FoundTable, saving: Column, count: Column): Decimal | undefined {
  const memo = ratios.get(table) ?? new Map<string, Decimal | undefined>();
  ratios.set(table, memo);
  const key = `${saving.index}:${count.index}`;
  if (!memo.has(key)) memo.set(key, workOutMajority(table, saving, count));
  return memo.get(key);
}

/** Worked out once per table and pair of columns: the savings check asks for each row. */
const ratios = new WeakMap<FoundTable, Map<string, Decimal | undefined>>();

function workOutMajority(table: FoundTable, saving: Column, count: Column): Decimal | undefined {
  const pounds = table.rows.flatMap((r) =>
    figure(table, r, saving) ? [poundsOf(figure(table, r, saving)!, saving)] : [],
  );
  if (roundedTo(pounds, saving.scale) > 1) return undefined;
  const ratios = new Map<string, number>();
  let rowsWithBoth = 0;
  for (const r of table.rows) {
    const n = figure(table, r, count)?.value;
    const s = figure(table, r, saving);
    if (!n || !s || n.isZero()) continue;
    rowsWithBoth++;
    const key = poundsOf(s, saving).dividedBy(n).toDecimalPlaces(6).toString();
    ratios.set(key, (ratios.get(key) ?? 0) + 1);
  }
  const best = [...ratios].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 && best[1] * 2 > rowsWithBoth ? new Money(best[0]) : undefined;
}
