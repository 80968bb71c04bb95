import type Decimal from 'decimal.js';
import type { Finding } from '../../domain/audit/finding';
import type { Column, FoundTable } from './findTables';
import type { NumberCell } from './typedCell';
import { figure, poundsOf, type UnitChoice } from './unitCosts';

/**
 * What the search for a mistyped input needs of a table's audit (TableAudit in tableChecks.ts,
 * which calls it): named here so the two modules don't import each other.
 */
export interface InputAudit {
  readonly table: FoundTable;
  add(r: number, column: Column, rule: Finding['rule'], expected: string, message: string): void;
  agrees(expected: Decimal, cell: NumberCell, column: Column, slack?: Decimal): boolean;
  columnSum(column: Column, rows: readonly number[]): Decimal;
  input(r: number, column: Column): Decimal | undefined;
  correct(r: number, column: Column, value: Decimal): void;
  outOfPool(r: number, columns: readonly Column[]): boolean;
  percentPoints(column: Column): boolean;
  roundingOf(rows: readonly number[], column: Column): Decimal;
  rowName(r: number): string;
  show(value: Decimal, column: Column, cell: NumberCell): string;
  unitFor(count: Column, saving: Column): UnitChoice;
}

/** A figure a row's other cells work out from, and whether the cell agrees with a candidate input. */
interface Witness {
  readonly column: Column;
  readonly says: (r: number, input: Decimal, total: Decimal) => boolean;
}

/**
 * One cost or count typed wrong (two digits swapped, one digit out) throws out the total below it
 * and every share worked out from it, though the total and the row's own % and saving are right.
 * A person looks for the one figure that, put right, makes everything agree: the figure the total
 * leaves for the row, where the row's own % of pool, % change or saving says the same. Found so,
 * the input is reported, and the checks after this one read the figure it should be, so the
 * shares and totals it threw out are not reported as well.
 */
export function wrongInputs(a: InputAudit, columns: readonly Column[]): void {
  const t = a.table;
  if (t.totalRow === undefined) return;
  for (const input of columns.filter((c) => (c.role === 'cost' || c.role === 'count') && !c.breakdown)) {
    const totalCell = figure(t, t.totalRow, input);
    const witnesses = witnessesOf(a, columns, input);
    if (!totalCell || !witnesses.length) continue;
    const total = poundsOf(totalCell, input);
    const inPool = input.role === 'cost' && columns.some((c) => c.role === 'poolShare');
    const options = inPool ? [t.rows.filter((r) => !a.outOfPool(r, columns)), t.rows] : [t.rows];
    if (options.some((rows) => a.agrees(a.columnSum(input, rows), totalCell, input, a.roundingOf(rows, input))))
      continue;
    // The total may be the pool's or every scheme's: the pool a share is of is the total less what is outside it.
    const outside = inPool ? t.rows.filter((r) => a.outOfPool(r, columns)) : [];
    const found = options.map((rows) => {
      const pool = rows.some((r) => outside.includes(r)) ? total.minus(a.columnSum(input, outside)) : total;
      // The reading of the total the other rows' figures bear out: a big scheme's share fits either pool.
      const fit = rows.filter((r) => {
        const here = present(witnesses, t, r);
        const typed = a.input(r, input);
        return here.length > 0 && !!typed && here.every((w) => w.says(r, typed, pool));
      }).length;
      return { rows, fit, suspects: suspectsFor(a, input, witnesses, rows, total, pool) };
    });
    const best = found.filter((f) => f.fit === Math.max(...found.map((x) => x.fit)));
    const rows = best.find((f) => f.suspects.length)?.rows ?? options[0];
    const suspects = [...new Map(best.flatMap((f) => f.suspects).map((x) => [x.r, x])).values()];
    if (suspects.length !== 1) continue;
    const { r, cell, left } = suspects[0];
    const rounded = !a.roundingOf(rows, input).isZero();
    const expected = a.show(left, input, cell);
    const by = present(witnesses, t, r)
      .map((w) => `its ${w.column.header} (${t.grid.shown(r, w.column.index)})`)
      .join(' and ');
    a.correct(r, input, left);
    a.add(
      r,
      input,
      'input-figure',
      expected,
      `${input.header} for ${a.rowName(r)} shows ${cell.shown}, but the total ${totalCell.shown} leaves ${rounded ? 'about ' : ''}${expected} for it, and ${by} ${present(witnesses, t, r).length > 1 ? 'agree' : 'agrees'}${swapped(cell.shown, expected) ? ': two digits look swapped' : ''}. Put the figure right and the shares and totals worked out from it agree.`,
    );
  }
}

/** The rows whose figure, put to what the total leaves for it, every figure worked out from it agrees with. */
function suspectsFor(
  a: InputAudit,
  input: Column,
  witnesses: readonly Witness[],
  rows: readonly number[],
  total: Decimal,
  pool: Decimal,
): { r: number; cell: NumberCell; left: Decimal }[] {
  const t = a.table;
  const all = a.columnSum(input, rows);
  return rows.flatMap((r) => {
    const cell = figure(t, r, input);
    if (!cell) return [];
    const typed = poundsOf(cell, input);
    const left = total.minus(all.minus(typed));
    if (!left.greaterThan(0) || a.agrees(left, cell, input, a.roundingOf([r], input))) return [];
    const present = witnesses.filter((w) => figure(t, r, w.column));
    // Every witness the row has says the figure the total leaves, and none says the one typed.
    const says = present.length > 0 && present.every((w) => w.says(r, left, pool) && !w.says(r, typed, pool));
    return says ? [{ r, cell, left }] : [];
  });
}

const present = (witnesses: readonly Witness[], t: FoundTable, r: number) =>
  witnesses.filter((w) => figure(t, r, w.column));

/** The row's figures worked out from the input: its % of pool for a cost; its % change and saving for a count. */
function witnessesOf(a: InputAudit, columns: readonly Column[], input: Column): Witness[] {
  const t = a.table;
  const share = (role: Column['role']) =>
    columns
      .filter((c) => c.role === role)
      .map((column) => ({
        column,
        says: (r: number, input: Decimal, total: Decimal) =>
          !total.isZero() &&
          a.agrees(input.dividedBy(total).times(a.percentPoints(column) ? 100 : 1), figure(t, r, column)!, column),
      }));
  if (input.role === 'cost') return share('poolShare');
  const counts = columns.filter((c) => c.role === 'count');
  const saving = columns.find((c) => c.role === 'saving');
  const unit = saving && counts.length === 1 ? a.unitFor(input, saving) : undefined;
  const priced =
    saving && unit && unit !== 'not-checked'
      ? [
          {
            column: saving,
            says: (r: number, n: Decimal) => a.agrees(n.times(unit.value), figure(t, r, saving)!, saving),
          },
        ]
      : [];
  // Several counts share a % change only when it names this one; one count owns it.
  return [...(counts.length === 1 ? share('change') : []), ...priced];
}

/** Whether two figures as shown differ only by two neighbouring digits swapped: "6,364,000" for "6,634,000". */
export function swapped(shown: string, right: string): boolean {
  const [x, y] = [shown, right].map((text) => text.replace(/\D/g, ''));
  if (x.length !== y.length || x === y) return false;
  const at = [...x].flatMap((ch, i) => (ch !== y[i] ? [i] : []));
  return at.length === 2 && at[1] === at[0] + 1 && x[at[0]] === y[at[1]] && x[at[1]] === y[at[0]];
}
