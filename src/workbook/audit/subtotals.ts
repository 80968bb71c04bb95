import type Decimal from 'decimal.js';
import { Money, ZERO, sum } from '../../domain/money';
import type { Column, SubTotal } from './tableParts';
import type { TableGrid } from './tableGrid';
import { withinAsShown } from './typedCell';

/**
 * Sub-totals nobody labelled, as old sheets carry them: a row under a run of schemes that adds
 * them up, or a group's heading row holding its schemes' total. Found only where the table's
 * total does not add up with them counted as schemes and does without them, so a scheme whose
 * cost happens to equal its neighbours' is never taken for one.
 */
export function hiddenSubtotals(
  grid: TableGrid,
  columns: readonly Column[],
  rows: readonly number[],
  totalRow: number | undefined,
  unlabelled: readonly SubTotal[],
): { rows: number[]; subtotals: SubTotal[] } | undefined {
  if (totalRow === undefined || rows.length < 3) return undefined;
  // Each column that adds up may show the groups: one whose sub-total is itself wrong can't, another can.
  const keys = [
    ...columns.filter((c) => c.role === 'cost' && !c.breakdown),
    ...columns.filter((c) => c.role === 'count' || c.role === 'saving'),
  ];
  for (const key of keys) {
    const found = groupsBy(grid, key, rows, totalRow, unlabelled);
    // Costs that add up as they stand hold no sub-totals; a count column may add up with its group rows blank.
    if (found === 'adds up' && key === keys[0] && key.role === 'cost') return undefined;
    if (found && found !== 'adds up') return found;
  }
  return undefined;
}

function groupsBy(
  grid: TableGrid,
  key: Column,
  rows: readonly number[],
  totalRow: number,
  unlabelled: readonly SubTotal[],
): { rows: number[]; subtotals: SubTotal[] } | 'adds up' | undefined {
  const total = grid.typed(totalRow, key.index);
  if (total.kind !== 'number') return undefined;
  const value = (r: number) => {
    const t = grid.typed(r, key.index);
    return t.kind === 'number' ? t.value : ZERO;
  };
  const half = new Money(5).dividedBy(new Money(10).pow(total.decimals + 1));
  const adds = (parts: readonly number[]) => {
    const s = sum(parts.map(value));
    const slack = half.times(parts.length);
    return withinAsShown(s.minus(slack), s.plus(slack), total.value, total.decimals);
  };
  if (adds(rows)) return 'adds up';
  // Unlabelled rows under each group, even one whose own figure is wrong: the total adds up without them.
  const closing = unlabelled.filter((u) => u.rows.length >= 1);
  const withoutClosing = rows.filter((r) => !closing.some((u) => u.row === r));
  if (closing.length && adds(withoutClosing))
    return {
      rows: withoutClosing,
      subtotals: closing.map((u) => ({ row: u.row, rows: u.rows.filter((r) => withoutClosing.includes(r)) })),
    };
  for (const found of [runs(rows, value, 'after'), runs(rows, value, 'before')]) {
    if (!found.length) continue;
    const marked = new Set(found.map((f) => f.row));
    const schemes = rows.filter((r) => !marked.has(r));
    if (adds(schemes)) return { rows: schemes, subtotals: found };
  }
  return undefined;
}

/** Rows equal to the sum of at least two rows just before them ("after" the run) or just after them (a heading). */
function runs(rows: readonly number[], value: (r: number) => Decimal, where: 'after' | 'before'): SubTotal[] {
  const found: SubTotal[] = [];
  const order = where === 'after' ? rows : [...rows].reverse();
  let start = 0;
  let running = ZERO;
  for (let i = 0; i < order.length; i++) {
    const v = value(order[i]);
    if (i - start >= 2 && !v.isZero() && running.equals(v)) {
      const section = order.slice(start, i);
      found.push({ row: order[i], rows: where === 'after' ? section : [...section].reverse() });
      start = i + 1;
      running = ZERO;
    } else running = running.plus(v);
  }
  return found;
}

/** How many sub-totals add up to their rows, in the table's first cost column (or count, where it has no cost). */
export function subtotalsAddingUp(grid: TableGrid, columns: readonly Column[], subtotals: readonly SubTotal[]): number {
  const key =
    columns.find((c) => c.role === 'cost' && !c.breakdown) ??
    columns.find((c) => c.role === 'count' || c.role === 'saving');
  if (!key) return 0;
  return subtotals.filter(({ row, rows }) => {
    const total = grid.typed(row, key.index);
    if (total.kind !== 'number' || !rows.length) return false;
    const parts = rows.map((r) => grid.typed(r, key.index)).flatMap((t) => (t.kind === 'number' ? [t.value] : []));
    const s = sum(parts);
    const slack = new Money(5).dividedBy(new Money(10).pow(total.decimals + 1)).times(parts.length);
    return withinAsShown(s.minus(slack), s.plus(slack), total.value, total.decimals);
  }).length;
}
