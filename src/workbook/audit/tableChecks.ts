import type Decimal from 'decimal.js';
import type { Finding } from '../../domain/audit/finding';
import { Money, ZERO, sum } from '../../domain/money';
import type { Column, FoundTable } from './findTables';
import { isTotalBand, normalHeader } from './headerWords';
import { agreesAsShown, grouped, withinAsShown, type NumberCell } from './typedCell';
import { StatedFigures, sharesAs, type Denominator } from './denominators';
import { changes, poolShares, type ShareAudit } from './shareChecks';
import { figure, poundsOf, roundedTo, savingSetup, type UnitChoice, type UnitCostBook } from './unitCosts';
import { swapped, wrongInputs, type InputAudit } from './wrongInputs';

/**
 * The arithmetic of one scheme table, checked the way a finance lead would check it by hand,
 * each figure at the precision its cell shows and in the table's own units (£, £000s, £m):
 * totals and sub-totals, row totals under a "Total" heading, % of pool, % change and savings.
 * Where the figures a check adds up were themselves rounded (typed in £000s), the check allows
 * the rounding they carry, so a total that differs from its rounded rows only by that is right.
 */
export function auditTable(found: FoundTable, units: UnitCostBook, stated = new StatedFigures([])): Finding[] {
  const table = withoutHiddenRows(new TableAudit(found, units, stated));
  const audit = new TableAudit(table, units, stated);
  audit.rowTotals();
  // Shares first: a total of shares is checked against the denominator they were found to use.
  for (const columns of subTables(table)) {
    // A mistyped cost or count first: the checks after read the figure it should be.
    wrongInputs(audit, columns);
    poolShares(audit, columns);
    changes(audit, columns);
    audit.savings(columns);
  }
  audit.columnTotals();
  return audit.findings;
}

/**
 * Rows hidden in the file (old figures, a scheme dropped) that the total leaves out are not
 * schemes: the person who typed the total saw the table without them. Kept unless the total adds
 * up without them (a SUM counts hidden rows), judged on the first cost (or count) column.
 */
function withoutHiddenRows(audit: TableAudit): FoundTable {
  const t = audit.table;
  const seen = t.rows.filter((r) => !t.grid.isHidden(r));
  const key = t.columns.find((c) => c.role === 'cost' && !c.breakdown) ?? t.columns.find((c) => c.role === 'count');
  const total = t.totalRow !== undefined && key ? figure(t, t.totalRow, key) : undefined;
  if (seen.length === t.rows.length || !total || !key) return t;
  const adds = (rows: readonly number[]) =>
    [rows, rows.filter((r) => !audit.outOfPool(r, audit.bandColumns(key)))].some((of) =>
      audit.agrees(audit.columnSum(key, of), total, key, audit.roundingOf(of, key)),
    );
  if (!adds(seen)) return t;
  const subtotals = t.subtotals.map((s) => ({ ...s, rows: s.rows.filter((r) => !t.grid.isHidden(r)) }));
  return { ...t, rows: seen, subtotals };
}

/** The columns of each year (or other band) with the columns every band shares. */
export function subTables(table: FoundTable): Column[][] {
  const primary = table.columns.filter((c) => !c.breakdown);
  const bands = [...new Set(primary.map((c) => c.band).filter((b) => b && !isTotalBand(b)))];
  // Quarters or parts broken down under a heading are summed by their Total column, which then stands for them.
  if (!bands.length) return [table.columns.filter((c) => (c.breakdown ? isTotalBand(c.band) : !isTotalBand(c.band)))];
  return bands.map((b) => primary.filter((c) => c.band === b || !c.band));
}

/** How well a label column names a row: its reference, then its name, then any other label in table order. */
const namingRank = (role: string | undefined) => (role === 'ref' ? 0 : role === 'name' ? 1 : 2);

export const isPercent = (c: Column) => c.role === 'poolShare' || c.role === 'change';
const isMoney = (c: Column) => c.role === 'cost' || c.role === 'saving' || c.role === 'unitCost';
const OUT_OF_POOL_NOTE = /(not|outside|non|excl\w*|exc\.?)\W*(the )?(bcf )?pool/i;
const NO = /^(no|n|not in pool|outside( pool)?|non-pool|false|excluded)$/i;

export class TableAudit implements ShareAudit, InputAudit {
  readonly findings: Finding[] = [];
  /** The pool each % of pool column was found to be a share of. */
  readonly denominators = new Map<
    number,
    { cost: Column; pool: Decimal; how?: string; range?: Denominator['range'] }
  >();
  private readonly seen = new Set<string>();
  /** Inputs found mistyped (wrongInputs.ts), by "row:column": the figure, in pounds, they should be. */
  private readonly corrections = new Map<string, Decimal>();

  constructor(
    readonly table: FoundTable,
    private readonly units: UnitCostBook,
    readonly stated: StatedFigures,
  ) {}

  add(r: number, column: Column, rule: Finding['rule'], expected: string, message: string): void {
    const grid = this.table.grid;
    // One finding per figure: several figures share a cell where a line was pasted whole.
    const key = `${r}:${column.index}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const part = grid.figureInCell(r, column.index);
    this.findings.push({
      sheet: grid.sheet.name,
      cell: grid.address(r, column.index),
      rule,
      expected,
      found: grid.shown(r, column.index),
      message: part ? `${message} (${part}.)` : message,
    });
  }

  /** How a scheme's row is named in a message: its ref or name, else its row number. */
  rowName(r: number): string {
    const grid = this.table.grid;
    // A scheme is named by its reference, else its name, before any other label (a tier "2" names a group, not a row).
    const label = [...this.table.labels]
      .sort((a, b) => namingRank(a.role) - namingRank(b.role))
      .map((l) => grid.text(r, l.index) || (grid.typed(r, l.index).kind === 'number' ? grid.shown(r, l.index) : ''))
      .find(Boolean);
    const row = grid.transposed
      ? `column ${grid.address(r, 0).replace(/\d+$/, '')}`
      : `row ${grid.address(r, 0).replace(/^[A-Z]+/, '')}`;
    return label ? `"${label.length > 50 ? `${label.slice(0, 50)}…` : label}" (${row})` : row;
  }

  /** Rows counted as what they are: schemes where the table names schemes, else rows (age bands, providers). */
  schemes(n: number): string {
    const noun = this.table.labels.some((l) => l.role === 'ref' || l.role === 'name') ? 'scheme' : 'row';
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  }

  /** A figure in pounds shown in the column's units and the cell's places: "£1,234", "£1,234k", "£1.2m". */
  money(pounds: Decimal, column: Column, decimals: number, scale = column.scale): string {
    const shown = scale === 1 ? pounds : pounds.dividedBy(scale);
    const suffix = scale === 1e3 ? 'k' : scale === 1e6 ? 'm' : '';
    return `${shown.isNegative() ? '-' : ''}£${grouped(shown.abs(), decimals)}${suffix}`;
  }

  show(value: Decimal, column: Column, cell: NumberCell): string {
    // "£6.36m" in a column headed "Cost": the cell's own units.
    if (isMoney(column)) return this.money(value, column, cell.decimals, cell.scale !== 1 ? cell.scale : column.scale);
    return `${value.isNegative() ? '-' : ''}${grouped(value.abs(), cell.decimals)}${isPercent(column) && cell.percentSign ? '%' : ''}`;
  }

  /** Half a unit of the last shown place, in pounds, for each typed figure of a scaled money column. */
  roundingOf(rows: readonly number[], column: Column): Decimal {
    if (!isMoney(column)) return ZERO;
    return sum(
      rows.map((r) => {
        const cell = figure(this.table, r, column);
        const scale = cell ? (cell.scale !== 1 ? cell.scale : column.scale) : 1;
        if (cell && this.nearestOf(column) > 1) return new Money(this.nearestOf(column)).dividedBy(2);
        // A figure held to more places than it shows is exact; one typed as shown was rounded.
        if (!cell || scale === 1 || cell.value.decimalPlaces() > cell.decimals) return ZERO;
        return new Money(scale).dividedBy(new Money(10).pow(cell.decimals)).dividedBy(2);
      }),
    );
  }

  private readonly nearest = new Map<number, number>();

  /** The pounds a saving column's figures were rounded to (see roundedTo); 1 for any other column. */
  nearestOf(column: Column): number {
    if (!this.nearest.has(column.index)) {
      const pounds = this.table.rows.flatMap((r) => {
        const cell = figure(this.table, r, column);
        return cell ? [poundsOf(cell, column)] : [];
      });
      this.nearest.set(column.index, column.role === 'saving' ? roundedTo(pounds, column.scale) : 1);
    }
    return this.nearest.get(column.index)!;
  }

  /** Whether the cell shows `expected` (pounds for money), allowing `slack` pounds either way. */
  agrees(expected: Decimal, cell: NumberCell, column: Column, slack: Decimal = ZERO): boolean {
    const scale = isMoney(column) ? (cell.scale !== 1 ? cell.scale : column.scale) : 1;
    const inUnits = (d: Decimal) => (scale === 1 ? d : d.dividedBy(scale));
    if (slack.isZero()) return agreesAsShown(inUnits(expected), cell.value, cell.decimals);
    return withinAsShown(inUnits(expected.minus(slack)), inUnits(expected.plus(slack)), cell.value, cell.decimals);
  }

  columnSum(column: Column, rows: readonly number[]): Decimal {
    return sum(rows.map((r) => this.input(r, column) ?? ZERO));
  }

  correct(r: number, column: Column, value: Decimal): void {
    this.corrections.set(`${r}:${column.index}`, value);
  }

  /** A row's figure in pounds (a count as it is), or what it should be where it was found mistyped. */
  input(r: number, column: Column): Decimal | undefined {
    const corrected = this.corrections.get(`${r}:${column.index}`);
    if (corrected) return corrected;
    const cell = figure(this.table, r, column);
    return cell ? poundsOf(cell, column) : undefined;
  }

  outOfPool(r: number, columns: readonly Column[]): boolean {
    const grid = this.table.grid;
    const cost = columns.find((c) => c.role === 'cost');
    const costCell = cost ? grid.typed(r, cost.index) : undefined;
    if (costCell?.kind === 'number' && OUT_OF_POOL_NOTE.test(costCell.note)) return true;
    if (costCell?.kind === 'text' && OUT_OF_POOL_NOTE.test(costCell.text)) return true;
    const share = columns.find((c) => c.role === 'poolShare');
    if (share && grid.typed(r, share.index).kind === 'na') return true;
    const inPool = this.table.labels.find((l) => l.role === 'inPool');
    return !!inPool && NO.test(grid.text(r, inPool.index).trim());
  }

  bandColumns(column: Column): Column[] {
    return subTables(this.table).find((cols) => cols.includes(column)) ?? [...this.table.columns];
  }

  columnTotals(): void {
    const t = this.table;
    const sections = [...t.subtotals, ...(t.totalRow !== undefined ? [{ row: t.totalRow, rows: t.rows }] : [])];
    for (const { row, rows } of sections) {
      for (const column of t.columns) {
        const cell = figure(t, row, column);
        if (!cell || column.role === 'unitCost' || !rows.length) continue;
        if (isPercent(column)) this.percentTotal(row, rows, column, cell);
        else this.sumTotal(row, rows, column, cell);
      }
    }
  }

  private percentTotal(row: number, rows: readonly number[], column: Column, cell: NumberCell): void {
    const points = this.percentPoints(column);
    const shown = sum(rows.map((r) => figure(this.table, r, column)?.value ?? ZERO));
    if (rows.length < this.table.rows.length) {
      // A group's sub-total: its schemes' percentages added up, each rounded as shown.
      const places = Math.max(0, ...rows.map((r) => figure(this.table, r, column)?.decimals ?? 0));
      const slack = new Money(5).dividedBy(new Money(10).pow(places + 1)).times(rows.length);
      if (withinAsShown(shown.minus(slack), shown.plus(slack), cell.value, cell.decimals)) return;
      const exact = this.exactShare(column, rows);
      if (exact && this.agrees(exact.times(points ? 100 : 1), cell, column)) return;
      // From costs typed rounded (£000s, £m) the schemes' own shares, added up, are the better figure.
      const cost = column.role === 'poolShare' ? this.costsFor(column, this.bandColumns(column))[0] : undefined;
      const rounded = cost && !this.roundingOf(rows, cost).isZero();
      const expected = exact && !rounded ? exact.times(points ? 100 : 1) : shown;
      this.add(
        row,
        column,
        'column-total',
        this.show(expected.toDecimalPlaces(cell.decimals), column, cell),
        `The sub-total ${cell.shown} of ${column.header} should be the share of the ${this.schemes(rows.length)} above: ${this.show(expected.toDecimalPlaces(cell.decimals), column, cell)}.`,
      );
      return;
    }
    const hundred = new Money(points ? 100 : 1);
    if (this.agrees(hundred, cell, column) || this.agrees(shown, cell, column)) return;
    // Shares of a pool larger than the rows: their total is the rows' costs over that pool.
    const reading = this.denominators.get(column.index);
    const costs = (of: readonly number[]) => sum(of.map((r) => (reading && this.worked(r, reading.cost)) ?? ZERO));
    const band = this.bandColumns(column);
    const options = [rows, rows.filter((r) => !this.outOfPool(r, band))];
    const over = (o: readonly number[]) =>
      sharesAs({ value: reading!.pool, how: '', range: reading!.range }, costs(o), hundred.toNumber(), cell);
    if (reading && options.some(over)) return;
    this.add(
      row,
      column,
      'column-total',
      this.show(hundred, column, cell),
      `The percentages in ${column.header} should add up to ${points ? '100' : '1 (100%)'}, but the total shows ${cell.shown}.`,
    );
  }

  private sumTotal(row: number, rows: readonly number[], column: Column, cell: NumberCell): void {
    const band = this.bandColumns(column);
    const poolRows = rows.filter((r) => !this.outOfPool(r, band));
    const all = this.columnSum(column, rows);
    const pool = this.columnSum(column, poolRows);
    const slackAll = this.roundingOf(rows, column);
    if (this.agrees(all, cell, column, slackAll) || this.agrees(pool, cell, column, this.roundingOf(poolRows, column)))
      return;
    // A grand total is right as the sum of its rows or of the sub-totals printed above it: an error in a sub-total is the sub-total's.
    const subRows = this.table.subtotals.map((s) => s.row);
    if (
      row === this.table.totalRow &&
      subRows.length > 1 &&
      this.agrees(this.columnSum(column, subRows), cell, column, this.roundingOf(subRows, column))
    )
      return;
    // A "Total" column's total is right when it is the sum of the figures it totals, even where a row's own total is wrong.
    const parts = this.partsOf(column);
    const partsSum = (of: readonly number[]) => sum(parts.map((p) => this.columnSum(p, of)));
    if (parts.length >= 2 && [rows, poolRows].some((of) => this.agrees(partsSum(of), cell, column))) return;
    // Nor is a saving total wrong because a saving above it is: it is right if it is what the savings should add up to.
    if (column.role === 'saving' && this.agrees(this.savingsAsTheyShouldBe(column, rows), cell, column)) return;
    const foundIn = isMoney(column) ? poundsOf(cell, column) : cell.value;
    const costLike = column.role === 'cost' && poolRows.length !== rows.length;
    // The total it says it is; else the nearer of the two: a penny short of every scheme's costs is not £35,000 over the pool's.
    const [toPool, toAll] = [pool, all].map((d) => foundIn.minus(d).abs());
    const poolish = band.some((c) => c.role === 'poolShare') ? toPool.lessThanOrEqualTo(toAll) : toPool.lessThan(toAll);
    const saysPool = costLike && (/pool/i.test(cell.note) || poolish);
    const expected = saysPool ? pool : all;
    const counted = saysPool ? poolRows.length : rows.length;
    const what = `the ${this.schemes(counted)} ${row < rows[0] ? 'below' : 'above'}${saysPool ? ' that are in the pool' : ''}`;
    const rounding = slackAll.isZero()
      ? ''
      : ` (allowing for the rounding of figures shown in ${column.scale === 1e6 ? '£m' : '£000s'})`;
    this.add(
      row,
      column,
      'column-total',
      this.show(expected, column, cell),
      `The total ${cell.shown} does not add up: ${what} come to ${this.show(expected, column, cell)}${rounding}, a difference of ${this.show(foundIn.minus(expected).abs(), column, cell)}${swapped(cell.shown, this.show(expected, column, cell)) ? ': two digits look swapped' : ''}.`,
    );
  }

  partsOf(total: Column): Column[] {
    if (!isTotalBand(total.band)) return [];
    return this.table.columns.filter(
      (c) => c.role === total.role && c.band && !isTotalBand(c.band) && sameMeasure(c, total),
    );
  }

  /** A group's share, as a fraction: its schemes' costs over the pool, or their counts over the table's. */
  exactShare(column: Column, rows: readonly number[]): Decimal | undefined {
    const t = this.table;
    const band = this.bandColumns(column);
    if (column.role === 'poolShare') {
      // A pool stated elsewhere or implied, where the shares were found to use one.
      const reading = this.denominators.get(column.index);
      const cost = reading?.how ? reading.cost : this.costsFor(column, band)[0];
      if (!cost) return undefined;
      const pool = reading?.how
        ? reading.pool
        : sum(t.rows.filter((r) => !this.outOfPool(r, band)).map((r) => this.worked(r, cost) ?? ZERO));
      return pool.isZero()
        ? undefined
        : sum(rows.filter((r) => !this.outOfPool(r, band)).map((r) => this.worked(r, cost) ?? ZERO)).dividedBy(pool);
    }
    const count =
      band.find((c) => c.role === 'count' && c.index < column.index) ?? band.find((c) => c.role === 'count');
    const total = count ? this.columnSum(count, t.rows) : ZERO;
    return count && !total.isZero() ? this.columnSum(count, rows).dividedBy(total) : undefined;
  }

  rowTotals(): void {
    const t = this.table;
    for (const total of t.columns.filter((c) => isTotalBand(c.band))) {
      const parts = this.partsOf(total);
      if (parts.length < 2) continue;
      for (const r of t.rows) {
        const cell = figure(t, r, total);
        if (!cell) continue;
        const expected = sum(parts.map((p) => (figure(t, r, p) ? poundsOf(figure(t, r, p)!, p) : ZERO)));
        if (this.agrees(expected, cell, total, this.roundingOf([r], parts[0]).times(parts.length))) continue;
        const terms = parts.map((p) => `${p.band} ${figure(t, r, p)?.shown ?? '0'}`).join(' + ');
        this.add(
          r,
          total,
          'row-total',
          this.show(expected, total, cell),
          `The row total for ${this.rowName(r)} shows ${cell.shown} but should be ${this.show(expected, total, cell)}: ${terms}.`,
        );
      }
    }
  }

  /** Percentages shown as points (4.03, 4.03%, 0.0403 formatted as %) or as fractions (0.0403). */
  percentPoints(column: Column): boolean {
    const t = this.table;
    const cells = [...t.rows, ...(t.totalRow !== undefined ? [t.totalRow] : [])]
      .map((r) => figure(t, r, column))
      .filter((c): c is NumberCell => !!c);
    return cells.some((c) => c.percentSign || c.value.abs().greaterThan(1)) || !cells.some((c) => !c.value.isZero());
  }

  /** A row's figure in pounds; in a "Total" column, the sum of the figures it totals (it may itself be wrong). */
  worked(r: number, column: Column): Decimal | undefined {
    const parts = this.partsOf(column);
    if (parts.length >= 2)
      return sum(parts.map((p) => (figure(this.table, r, p) ? poundsOf(figure(this.table, r, p)!, p) : ZERO)));
    return this.input(r, column);
  }

  /** The cost columns a % of pool column can be a share of: its year's, or, shared by several years, any (the Total first). */
  costsFor(share: Column, columns: readonly Column[]): Column[] {
    const usable = (c: Column) => c.role === 'cost' && (c.breakdown ? isTotalBand(c.band) : true);
    const own = columns.filter((c) => usable(c) && (c.breakdown || !isTotalBand(c.band)));
    if (share.band || this.table.columns.filter(usable).length <= 1) return own;
    return [...this.table.columns.filter(usable)].sort(
      (a, b) => Number(isTotalBand(b.band)) - Number(isTotalBand(a.band)),
    );
  }

  private readonly choices = new Map<string, UnitChoice>();

  /** The unit cost a count column's savings are checked at, chosen once per table. */
  unitFor(count: Column, saving: Column): UnitChoice {
    const key = `${count.index}:${saving.index}`;
    if (!this.choices.has(key)) this.choices.set(key, this.units.choose(this.table, count, saving));
    return this.choices.get(key);
  }

  /** Each count × its unit cost, for a row whose saving can be worked out; undefined where it can't. */
  private pricedTerms(r: number, columns: readonly Column[]): { n: Decimal; unit: Decimal; how: string }[] | undefined {
    const t = this.table;
    const setup = savingSetup({ ...t, columns });
    if (!setup) return undefined;
    const unitColumn = columns.find((c) => c.role === 'unitCost');
    const rowUnit = unitColumn ? figure(t, r, unitColumn) : undefined;
    const terms: { n: Decimal; unit: Decimal; how: string }[] = [];
    for (const c of setup.counts) {
      const n = this.input(r, c);
      if (!n || n.isZero()) continue;
      const choice =
        rowUnit && setup.counts.length === 1
          ? { value: poundsOf(rowUnit, unitColumn!), how: `the unit cost in ${unitColumn!.header}` }
          : this.unitFor(c, setup.saving);
      if (!choice || choice === 'not-checked') return undefined;
      terms.push({ n, unit: choice.value, how: choice.how });
    }
    return terms.length ? terms : undefined;
  }

  private savingsAsTheyShouldBe(saving: Column, rows: readonly number[]): Decimal {
    const columns = this.bandColumns(saving);
    return sum(
      rows.map((r) => {
        const terms = this.pricedTerms(r, columns);
        if (terms) return sum(terms.map((x) => x.n.times(x.unit)));
        if (this.savingWithoutCount(r, columns)) return ZERO;
        const cell = figure(this.table, r, saving);
        return cell ? poundsOf(cell, saving) : ZERO;
      }),
    );
  }

  /** A saving other than nil on a row whose every count is nil, blank or 0. */
  private savingWithoutCount(r: number, columns: readonly Column[]): boolean {
    const setup = savingSetup({ ...this.table, columns });
    const cell = setup && figure(this.table, r, setup.saving);
    if (!setup || !cell || cell.value.isZero()) return false;
    return setup.counts.every((c) => {
      const t = this.table.grid.typed(r, c.index);
      return t.kind === 'blank' || t.kind === 'na' || (t.kind === 'number' && t.value.isZero());
    });
  }

  savings(columns: readonly Column[]): void {
    const t = this.table;
    const setup = savingSetup({ ...t, columns });
    if (!setup) return;
    const priced = (r: number) => (figure(t, r, setup.saving) ? this.pricedTerms(r, columns) : undefined);
    // Savings the table prices from its counts: a saving on a row with no count has nothing to come from.
    const fromCounts = t.rows.filter((r) => priced(r)).length >= 2;
    for (const r of t.rows) {
      const cell = figure(t, r, setup.saving);
      if (cell && fromCounts && this.savingWithoutCount(r, columns)) {
        const nil = setup.counts.map((c) => `${c.header} ${t.grid.shown(r, c.index)}`).join(', ');
        this.add(
          r,
          setup.saving,
          'saving',
          this.show(ZERO, setup.saving, cell),
          `${this.rowName(r)} shows a saving of ${cell.shown} but no count to price (${nil}): a saving is a count × its unit cost, so either the count is missing or the saving should be nil.`,
        );
        continue;
      }
      if (!cell || !priced(r)) continue;
      const terms = priced(r)!;
      const expected = sum(terms.map((x) => x.n.times(x.unit)));
      const rounded = new Money(this.nearestOf(setup.saving)).dividedBy(2);
      if (this.agrees(expected, cell, setup.saving, rounded.equals(0.5) ? ZERO : rounded)) continue;
      const shown = this.show(expected, setup.saving, cell);
      const working = terms
        .map((x) => `${grouped(x.n, x.n.isInteger() ? 0 : 2)} × £${grouped(x.unit, x.unit.isInteger() ? 0 : 2)}`)
        .join(' + ');
      const how = [...new Set(terms.map((x) => x.how))].join('; ');
      this.add(
        r,
        setup.saving,
        'saving',
        shown,
        `The saving for ${this.rowName(r)} should be ${shown}: ${working} (unit cost: ${how}); the cell shows ${cell.shown}.`,
      );
    }
  }
}

function sameMeasure(a: Column, b: Column): boolean {
  const strip = (c: Column) =>
    normalHeader(c.header)
      .replace(normalHeader(c.band), '')
      .replace(/\btotals?\b/g, '')
      .replace(/[^a-z%£]+/g, ' ')
      .trim();
  return a.role !== 'count' || b.role !== 'count' || a.measure === b.measure || strip(a) === strip(b);
}
