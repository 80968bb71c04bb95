import type Decimal from 'decimal.js';
import { ZERO, sum } from '../../domain/money';
import { impliedDenominator, sharesAs, type Denominator, type StatedFigures } from './denominators';
import type { Finding } from '../../domain/audit/finding';
import type { Column, FoundTable } from './findTables';
import { isTotalBand, normalHeader } from './headerWords';
import { grouped, withinAsShown, type NumberCell } from './typedCell';
import { figure, poundsOf } from './unitCosts';

/**
 * What the share and change checks need of a table's audit (TableAudit in tableChecks.ts, which
 * calls them): named here so the two modules don't import each other.
 */
export interface ShareAudit {
  readonly table: FoundTable;
  readonly stated: StatedFigures;
  readonly denominators: Map<number, { cost: Column; pool: Decimal; how?: string; range?: Denominator['range'] }>;
  add(r: number, column: Column, rule: Finding['rule'], expected: string, message: string): void;
  agrees(expected: Decimal, cell: NumberCell, column: Column, slack?: Decimal): boolean;
  columnSum(column: Column, rows: readonly number[]): Decimal;
  input(r: number, column: Column): Decimal | undefined;
  costsFor(share: Column, columns: readonly Column[]): Column[];
  money(pounds: Decimal, column: Column, decimals: number, scale?: number): string;
  outOfPool(r: number, columns: readonly Column[]): boolean;
  percentPoints(column: Column): boolean;
  roundingOf(rows: readonly number[], column: Column): Decimal;
  rowName(r: number): string;
  show(value: Decimal, column: Column, cell: NumberCell): string;
  worked(r: number, column: Column): Decimal | undefined;
}

const IMPLIED_POOL = 'the pool the other rows imply';

interface PoolReading {
  readonly cost: Column;
  readonly pool: Decimal;
  /** Where the pool comes from, when it is not the rows' own total. */
  readonly how?: string;
  readonly range?: Denominator['range'];
}

export function poolShares(a: ShareAudit, columns: readonly Column[]): void {
  const share = columns.find((c) => c.role === 'poolShare');
  if (!share) return;
  const t = a.table;
  const poolRows = t.rows.filter((r) => !a.outOfPool(r, columns));
  const points = a.percentPoints(share);
  const k = points ? 100 : 1;
  // The pool is the pool schemes' costs added up (or, in a table that shares out every row, all of them); a printed total may itself be wrong.
  const total = (cost: Column, rows: readonly number[]) => sum(rows.map((r) => a.worked(r, cost) ?? ZERO));
  const own: PoolReading[] = a
    .costsFor(share, columns)
    .flatMap((cost) =>
      [total(cost, poolRows), total(cost, t.rows)].filter((d) => !d.isZero()).map((pool) => ({ cost, pool })),
    );
  if (!own.length) return;
  const slacks = new Map(own.map((p) => [p.cost, a.roundingOf(t.rows, p.cost)]));
  const fits = (r: number, { cost, pool, how, range }: PoolReading) => {
    const cell = figure(t, r, share);
    const c = a.worked(r, cost);
    if (!cell || !c) return false;
    if (range) return sharesAs({ value: pool, how: how!, range }, c, k, cell);
    // A pool stated elsewhere is exact; the rows' own total carries the rounding of the figures added up.
    const slack = how ? ZERO : slacks.get(cost)!;
    const half = a.roundingOf([r], cost);
    if (slack.isZero() && half.isZero()) return a.agrees(c.dividedBy(pool).times(k), cell, share);
    const low = c.minus(half).dividedBy(pool.plus(slack)).times(k);
    const high = c.plus(half).dividedBy(pool.minus(slack)).times(k);
    return withinAsShown(low, high, cell.value, cell.decimals);
  };
  const checked = t.rows.filter((r) => figure(t, r, share) && own.some((p) => a.worked(r, p.cost)));
  const score = (p: PoolReading) => checked.filter((r) => fits(r, p)).length;
  const scores = own.map(score);
  let best = own[scores.indexOf(Math.max(...scores))];
  // Shares of a pool larger than the rows shown: the pool the sheet or workbook states, or the one the rows agree on.
  // Only where the own total leaves most rows out: a reading clearly above it could fit no more.
  if (Math.max(...scores) * 2 <= checked.filter((r) => !a.outOfPool(r, columns)).length) {
    const elsewhere = poolsElsewhere(a, share, best.cost, checked, total(best.cost, poolRows), k);
    const better = [...elsewhere].sort((x, y) => score(y) - score(x)).find((p) => score(p) > Math.max(...scores));
    if (better) best = better;
  }
  a.denominators.set(share.index, best);
  const allInPool = best.pool.equals(total(best.cost, t.rows)) && !best.pool.equals(total(best.cost, poolRows));
  for (const r of checked) {
    if (a.outOfPool(r, columns) && !allInPool) {
      if (!figure(t, r, share)!.value.isZero())
        a.add(
          r,
          share,
          'share-of-pool',
          'n/a',
          `${a.rowName(r)} is outside the pool, so its % of pool should be n/a, not ${figure(t, r, share)!.shown}.`,
        );
      continue;
    }
    const right = best.how ? fits(r, best) : own.some((p) => fits(r, p));
    if (right || !a.worked(r, best.cost)) continue;
    shareFinding(a, r, share, best, points);
  }
}

/** Stated pools that fit, best first, then the pool most rows imply. */
function poolsElsewhere(
  a: ShareAudit,
  share: Column,
  cost: Column,
  rows: readonly number[],
  minimum: Decimal,
  k: number,
): PoolReading[] {
  const stated = a.stated.pools.filter((p) => p.value.greaterThanOrEqualTo(minimum));
  const implied = impliedDenominator(
    rows.flatMap((r) => {
      const cell = figure(a.table, r, share);
      const num = a.worked(r, cost);
      return cell && num ? [{ num, cell }] : [];
    }),
    k,
    minimum,
    IMPLIED_POOL,
  );
  // A stated pool the rows don't bear out exactly (printed "£23.4m") gives way to the one they imply.
  const exact = stated.filter(
    (p) =>
      !implied?.range ||
      (p.value.greaterThanOrEqualTo(implied.range.low) && p.value.lessThanOrEqualTo(implied.range.high)),
  );
  return [...exact, ...(implied ? [implied] : [])].map((p) => ({ cost, pool: p.value, how: p.how, range: p.range }));
}

function shareFinding(a: ShareAudit, r: number, share: Column, reading: PoolReading, points: boolean): void {
  const { cost, pool, how } = reading;
  const cell = figure(a.table, r, share)!;
  const c = a.worked(r, cost)!;
  const exact = c.dividedBy(pool).times(points ? 100 : 1);
  const expected = a.show(exact.toDecimalPlaces(cell.decimals), share, cell);
  const money = (d: Decimal) => a.money(d, cost, 0);
  const implied = how === IMPLIED_POOL;
  const of = implied ? `about ${money(pool)} (${how})` : `${money(pool)} (${how ?? 'the pool'})`;
  a.add(
    r,
    share,
    'share-of-pool',
    expected,
    `% of pool for ${a.rowName(r)} should be ${implied ? 'about ' : ''}${expected}: ${money(c)} ÷ ${of} = ${c.dividedBy(pool).times(100).toDecimalPlaces(4).toString()}%; the cell shows ${cell.shown}.`,
  );
}

export function changes(a: ShareAudit, columns: readonly Column[]): void {
  const counts = columns.filter((c) => c.role === 'count' && !isTotalBand(c.band));
  for (const change of columns.filter((c) => c.role === 'change')) {
    const words = normalHeader(change.header)
      .split(/[^a-z]+/)
      .filter((w) => w.length > 2 && !['change', 'reduced', 'reduction', 'total', 'share'].includes(w));
    const before = counts.filter((c) => c.index < change.index);
    const count =
      [...before].reverse().find((c) => words.some((w) => normalHeader(c.header).includes(w))) ??
      before[before.length - 1] ??
      counts[0];
    if (count) changeColumn(a, columns, change, count);
  }
}

/** The rows of a % change column, each n ÷ the denominator the column was found to use. */
function changeColumn(a: ShareAudit, columns: readonly Column[], change: Column, count: Column): void {
  const t = a.table;
  const baseline = columns.find((c) => c.role === 'baseline');
  // The rows' own total, not a printed total that may itself be wrong.
  const total = a.columnSum(count, t.rows);
  const k = a.percentPoints(change) ? 100 : 1;
  const rows = t.rows.flatMap((r) => {
    const cell = figure(t, r, change);
    const n = a.input(r, count);
    return cell && n ? [{ r, cell, num: n }] : [];
  });
  const ownRight = (x: (typeof rows)[number]) => {
    const base = baseline ? figure(t, x.r, baseline)?.value : undefined;
    const options = [total, ...(base ? [base] : [])].filter((d) => !d.isZero());
    return !options.length || options.some((d) => a.agrees(x.num.dividedBy(d).times(k), x.cell, change));
  };
  const others = otherTotals(a, change);
  const right = rows.filter((x) => ownRight(x) || others(x.r, x.cell, k));
  // A baseline the table doesn't show: stated on the sheet or in the workbook, or the one most rows imply.
  const elsewhere =
    right.length * 2 <= rows.length && !baseline ? baselineElsewhere(a, rows, total, k, right.length) : undefined;
  for (const x of rows) {
    const denominator = elsewhere?.value ?? total;
    if (elsewhere ? sharesAs(elsewhere, x.num, k, x.cell) : right.includes(x)) continue;
    if (denominator.isZero()) continue;
    const exact = x.num.dividedBy(denominator).times(k);
    const expected = a.show(exact.toDecimalPlaces(x.cell.decimals), change, x.cell);
    const of = elsewhere
      ? `${elsewhere.how === IMPLIED_BASELINE ? 'about ' : ''}${grouped(denominator, 0)} (${elsewhere.how})`
      : `the ${grouped(denominator, 0)} ${count.header} in the table`;
    a.add(
      x.r,
      change,
      'share-of-total',
      expected,
      `${change.header} for ${a.rowName(x.r)} should be ${expected}: ${grouped(x.num, 0)} of ${of} is ${x.num.dividedBy(denominator).times(100).toDecimalPlaces(4).toString()}%; the cell shows ${x.cell.shown}.`,
    );
  }
}

/** Whether a row's % is its share of another count's total (several years share one %), or of the costs. */
function otherTotals(a: ShareAudit, change: Column): (r: number, cell: NumberCell, k: number) => boolean {
  const t = a.table;
  // A "% of total" that names no count may be a share of the costs.
  const namesCount = /nel|adm|reduc|avoid|bed|patient|activity|care home|reablement|dtoc/.test(
    normalHeader(change.header),
  );
  const others = [
    ...(change.band ? [] : t.columns.filter((c) => c.role === 'count')),
    ...(namesCount ? [] : t.columns.filter((c) => c.role === 'cost' && !c.breakdown)),
  ].map((c) => ({ c, total: a.columnSum(c, t.rows) }));
  return (r, cell, k) =>
    others.some(
      (o) =>
        !o.total.isZero() &&
        !!figure(t, r, o.c) &&
        a.agrees(
          poundsOf(figure(t, r, o.c)!, o.c)
            .dividedBy(o.total)
            .times(k),
          cell,
          change,
        ),
    );
}

const IMPLIED_BASELINE = 'the baseline the other rows imply';

function baselineElsewhere(
  a: ShareAudit,
  rows: readonly { r: number; cell: NumberCell; num: Decimal }[],
  minimum: Decimal,
  k: number,
  ownScore: number,
): Denominator | undefined {
  const implied = impliedDenominator(rows, k, minimum, IMPLIED_BASELINE);
  const candidates = [
    ...a.stated.baselines.filter((b) => b.value.greaterThanOrEqualTo(minimum)),
    ...(implied ? [implied] : []),
  ];
  const score = (d: Denominator) => rows.filter((x) => sharesAs(d, x.num, k, x.cell)).length;
  return [...candidates].sort((x, y) => score(y) - score(x)).find((d) => score(d) > ownScore);
}
