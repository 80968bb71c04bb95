import type Decimal from 'decimal.js';
import type { Finding } from '../../domain/audit/finding';
import { formatCount, formatPounds, Money, ZERO, sum } from '../../domain/money';
import { cellAddress } from '../a1';
import type { SheetSnapshot } from '../snapshot';
import { agreesAsShown, readTypedCell, type TypedCell } from './typedCell';

/**
 * Finds scheme tables that people typed in or pasted from a published plan, wherever they sit on
 * a sheet, by the words in their header row (cost, % of pool, reduced admissions, saving,
 * % change, total), and checks that their rows and totals add up:
 * - a Total row equals the sum of the rows above it (cost counts pool schemes only);
 * - a column under a "Total" heading equals the sum of the matching columns beside it;
 * - % of pool = cost ÷ the pool total, and "n/a" for a scheme outside the pool;
 * - % change = the row's count ÷ the column's total;
 * - saving = count × unit cost, the unit cost being the one most rows agree on (a table with
 *   several benefits and one total saving uses unit costs worked out from the other rows).
 * Figures are compared at the precision they are shown with, so 3.48% printed as 3.48 passes.
 */
export type Role = 'cost' | 'poolShare' | 'change' | 'saving' | 'count';

export interface Column {
  readonly index: number;
  readonly role: Role;
  readonly header: string;
  readonly group: string; // the heading above, for two-row headers ("Fractured neck of femur", "Total")
}

export interface FoundTable {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly Column[];
  readonly labelColumns: readonly number[];
  readonly rows: readonly number[]; // data rows
  readonly totalRow?: number;
}

export function classifyHeader(raw: string): Role | undefined {
  const h = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!h || /\bref\b|^tier/.test(h)) return undefined;
  if (/%/.test(h) && /pool/.test(h)) return 'poolShare';
  if (/%/.test(h) && /change|share|of total/.test(h)) return 'change';
  if (/%/.test(h)) return undefined;
  if (/saving|impact at/.test(h)) return 'saving';
  if (/\bcost\b/.test(h) && !/unit cost|per /.test(h)) return 'cost';
  if (/\bno\b\.?|number|reduced|reduction|activity|bed days|\badm\b|admissions|patients|effectiveness/.test(h)) return 'count';
  return undefined;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function headerRoles(sheet: SheetSnapshot, r: number): Column[] {
  const row = sheet.values[r] ?? [];
  const cols: Column[] = [];
  row.forEach((v, c) => {
    if (!isText(v) || readTypedCell(v).kind === 'number') return;
    const role = classifyHeader(v);
    if (role) cols.push({ index: c, role, header: v.replace(/\s+/g, ' ').trim(), group: '' });
  });
  return cols;
}

function isHeaderRow(cols: readonly Column[]): boolean {
  return cols.length >= 2 && cols.some((c) => c.role !== 'count');
}

const TOTAL_LABEL = /^total\b/i;

/** Every table on the sheet whose header row carries at least two of the header words. */
export function findTables(sheet: SheetSnapshot): FoundTable[] {
  const tables: FoundTable[] = [];
  const values = sheet.values;
  for (let r = 0; r < values.length; r++) {
    const header = headerRoles(sheet, r);
    if (!isHeaderRow(header)) continue;
    const first = Math.min(...header.map((c) => c.index));
    const last = Math.max(...header.map((c) => c.index));
    const left = Math.max(0, first - 4);
    // Two-row headers: a heading row just above names groups of columns ("…", "Total").
    const above = r > 0 ? values[r - 1] ?? [] : [];
    const groups: string[] = [];
    let current = '';
    for (let c = 0; c <= last; c++) {
      const v = above[c];
      if (c >= first && isText(v) && !classifyHeader(v)) current = v.trim();
      groups[c] = c >= first ? current : '';
    }
    const hasGroups = header.some((c) => groups[c.index]) && header.some((c) => TOTAL_LABEL.test(groups[c.index]));
    const columns = header.map((c) => ({ ...c, group: hasGroups ? groups[c.index] : '' }));
    const numeric = new Set(columns.map((c) => c.index));
    const labelColumns: number[] = [];
    for (let c = left; c <= last; c++) if (!numeric.has(c)) labelColumns.push(c);

    const rows: number[] = [];
    let totalRow: number | undefined;
    let end = r;
    for (let k = r + 1; k < values.length; k++) {
      const cellsInSpan = (values[k] ?? []).slice(left, last + 1);
      const blank = cellsInSpan.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
      if (blank) {
        if (rows.length) break;
        continue;
      }
      if (isHeaderRow(headerRoles(sheet, k))) break;
      end = k;
      const typed = columns.map((c) => readTypedCell(values[k]?.[c.index] ?? null));
      const labelled = labelColumns.some((c) => isText(values[k]?.[c]) && TOTAL_LABEL.test(String(values[k]![c]).trim()));
      const poolTotalNote = typed.some((t, i) => columns[i].role === 'cost' && t.kind === 'number' && /pool/i.test(t.note) && !/not/i.test(t.note));
      if (labelled || poolTotalNote) {
        totalRow = k;
        break;
      }
      if (typed.some((t) => t.kind === 'number' || t.kind === 'na')) rows.push(k);
    }
    if (rows.length) tables.push({ sheet: sheet.name, headerRow: r, columns, labelColumns, rows, totalRow });
    r = Math.max(r, end);
  }
  return tables;
}

type UnitCosts = Map<string, Decimal>;

/** The audit of every table found on the given sheets. Unit costs are shared across the sheets' tables. */
export function auditPrintedTables(sheets: readonly SheetSnapshot[]): Finding[] {
  const found = sheets.flatMap((s) => findTables(s).map((t) => ({ table: t, sheet: s })));
  const units: UnitCosts = new Map();
  // Single-benefit tables first: their savings fix unit costs the multi-benefit tables then use.
  for (const { table, sheet } of found) learnSingleUnitCost(table, sheet, units);
  learnMultiUnitCosts(found, units);
  return found.flatMap(({ table, sheet }) => auditTable(table, sheet, units));
}

const countKey = (c: Column) => c.header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function num(sheet: SheetSnapshot, r: number, c: number): TypedCell {
  return readTypedCell(sheet.values[r]?.[c] ?? null);
}

function valueOf(t: TypedCell): Decimal | undefined {
  return t.kind === 'number' ? t.value : undefined;
}

function baseColumns(table: FoundTable): Column[] {
  return table.columns.filter((c) => !TOTAL_LABEL.test(c.group));
}

function savingSetup(table: FoundTable): { saving: Column; counts: Column[] } | undefined {
  const saving = table.columns.find((c) => c.role === 'saving' && !TOTAL_LABEL.test(c.group));
  const counts = baseColumns(table).filter((c) => c.role === 'count');
  return saving && counts.length ? { saving, counts } : undefined;
}

/** The ratio saving ÷ count that more than half the rows (and at least two) agree on. */
function learnSingleUnitCost(table: FoundTable, sheet: SheetSnapshot, units: UnitCosts): void {
  const setup = savingSetup(table);
  if (!setup || setup.counts.length !== 1) return;
  const [count] = setup.counts;
  const ratios = new Map<string, number>();
  let rowsWithBoth = 0;
  for (const r of table.rows) {
    const n = valueOf(num(sheet, r, count.index));
    const s = valueOf(num(sheet, r, setup.saving.index));
    if (!n || !s || n.isZero()) continue;
    rowsWithBoth++;
    const key = s.dividedBy(n).toString();
    ratios.set(key, (ratios.get(key) ?? 0) + 1);
  }
  const best = [...ratios].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] >= 2 && best[1] * 2 > rowsWithBoth && !units.has(countKey(count))) units.set(countKey(count), new Money(best[0]));
}

/** Works out unknown unit costs from rows where only one benefit's unit cost is unknown, by majority. */
function learnMultiUnitCosts(found: readonly { table: FoundTable; sheet: SheetSnapshot }[], units: UnitCosts): void {
  const rows: { counts: [string, Decimal][]; saving: Decimal }[] = [];
  for (const { table, sheet } of found) {
    const setup = savingSetup(table);
    if (!setup || setup.counts.length < 2) continue;
    for (const r of table.rows) {
      const saving = valueOf(num(sheet, r, setup.saving.index));
      if (!saving) continue;
      const counts = setup.counts.flatMap((c) => {
        const v = valueOf(num(sheet, r, c.index));
        return v && !v.isZero() ? [[countKey(c), v] as [string, Decimal]] : [];
      });
      if (counts.length) rows.push({ counts, saving });
    }
  }
  for (let learned = true; learned; ) {
    learned = false;
    const votes = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const unknown = row.counts.filter(([k]) => !units.has(k));
      if (unknown.length !== 1) continue;
      const known = sum(row.counts.filter(([k]) => units.has(k)).map(([k, v]) => v.times(units.get(k)!)));
      const [key, count] = unknown[0];
      const value = row.saving.minus(known).dividedBy(count).toString();
      if (!votes.has(key)) votes.set(key, new Map());
      votes.get(key)!.set(value, (votes.get(key)!.get(value) ?? 0) + 1);
    }
    for (const [key, values] of votes) {
      const best = [...values].sort((a, b) => b[1] - a[1])[0];
      units.set(key, new Money(best[0]));
      learned = true;
    }
  }
}

function auditTable(table: FoundTable, sheet: SheetSnapshot, units: UnitCosts): Finding[] {
  const findings: Finding[] = [];
  const at = (r: number, c: number) => cellAddress(r, c);
  const show = (role: Role, d: Decimal) => (role === 'cost' || role === 'saving' ? formatPounds(d, !d.isInteger()) : formatCount(d));
  const add = (r: number, c: number, rule: Finding['rule'], expected: string, foundText: string, message: string) =>
    findings.push({ sheet: sheet.name, cell: at(r, c), rule, expected, found: foundText, message });
  const raw = (r: number, c: number) => {
    const v = sheet.values[r]?.[c];
    return v === null || v === undefined ? '(blank)' : String(v);
  };

  const costCol = baseColumns(table).find((c) => c.role === 'cost');
  const shareCol = table.columns.find((c) => c.role === 'poolShare');
  const outOfPool = (r: number) => {
    const cost = costCol ? num(sheet, r, costCol.index) : undefined;
    if (cost?.kind === 'number' && /not/i.test(cost.note) && /pool/i.test(cost.note)) return true;
    return shareCol ? num(sheet, r, shareCol.index).kind === 'na' : false;
  };
  const inPoolRows = table.rows.filter((r) => !outOfPool(r));
  const columnSum = (c: Column, rows: readonly number[]) => sum(rows.map((r) => valueOf(num(sheet, r, c.index)) ?? ZERO));
  const poolTotal = costCol ? columnSum(costCol, inPoolRows) : undefined;

  // Row totals under a "Total" heading, from the columns with the same header beside it.
  const totalGroup = table.columns.filter((c) => TOTAL_LABEL.test(c.group));
  const partsOf = (c: Column) => baseColumns(table).filter((b) => b.group && b.header.toLowerCase() === c.header.toLowerCase());
  for (const c of totalGroup) {
    const parts = partsOf(c);
    if (!parts.length) continue;
    for (const r of table.rows) {
      const cell = num(sheet, r, c.index);
      if (cell.kind !== 'number') continue;
      const expected = sum(parts.map((p) => valueOf(num(sheet, r, p.index)) ?? ZERO));
      if (!agreesAsShown(expected, cell.value, cell.decimals)) {
        add(r, c.index, 'row-total', show(c.role, expected), raw(r, c.index), `The row total ${show(c.role, cell.value)} should be ${show(c.role, expected)}: ${parts.map((p) => `${p.group} ${show(c.role, valueOf(num(sheet, r, p.index)) ?? ZERO)}`).join(' + ')}.`);
      }
    }
  }

  // The Total row.
  if (table.totalRow !== undefined) {
    const tr = table.totalRow;
    for (const c of table.columns) {
      const cell = num(sheet, tr, c.index);
      if (cell.kind !== 'number') continue;
      if (c.role === 'poolShare' || c.role === 'change') {
        const points = percentScale(sheet, table, c) === 'points';
        const expected = new Money(points ? 100 : 1);
        if (!agreesAsShown(expected, cell.value, cell.decimals)) add(tr, c.index, 'column-total', points ? '100' : '1', raw(tr, c.index), `The percentages in this column should add up to ${points ? '100' : '100% (1)'}, but the total shows ${cell.value}.`);
        continue;
      }
      const parts = TOTAL_LABEL.test(c.group) ? partsOf(c) : [c];
      const rows = c === costCol || (c.role === 'cost' && shareCol) ? inPoolRows : table.rows;
      const expected = sum(parts.map((p) => columnSum(p, rows)));
      if (!agreesAsShown(expected, cell.value, cell.decimals)) {
        const what = parts.length > 1 ? `all the ${c.header} figures in the rows above` : `the ${rows.length} rows above${rows.length !== table.rows.length ? ' that are in the pool' : ''}`;
        add(tr, c.index, 'column-total', show(c.role, expected), raw(tr, c.index), `The total ${show(c.role, cell.value)} does not add up: ${what} come to ${show(c.role, expected)}, a difference of ${show(c.role, cell.value.minus(expected).abs())}.`);
      }
    }
  }

  // % of pool.
  if (shareCol && costCol && poolTotal && !poolTotal.isZero()) {
    const points = percentScale(sheet, table, shareCol) === 'points';
    for (const r of table.rows) {
      const share = num(sheet, r, shareCol.index);
      const cost = valueOf(num(sheet, r, costCol.index));
      if (outOfPool(r)) {
        if (share.kind === 'number') add(r, shareCol.index, 'share-of-pool', 'n/a', raw(r, shareCol.index), `This scheme is outside the pool, so its % of pool should be n/a, not ${share.value}.`);
        continue;
      }
      if (share.kind !== 'number' || !cost) continue;
      const exact = cost.dividedBy(poolTotal).times(points || share.percentSign ? 100 : 1);
      if (!agreesAsShown(exact, share.value, share.decimals)) {
        add(r, shareCol.index, 'share-of-pool', exact.toDecimalPlaces(share.decimals).toFixed(share.decimals), raw(r, shareCol.index), `% of pool should be ${exact.toDecimalPlaces(share.decimals).toFixed(share.decimals)}: ${formatPounds(cost)} ÷ ${formatPounds(poolTotal)} = ${cost.dividedBy(poolTotal).times(100).toDecimalPlaces(4).toString()}%, not ${share.value}.`);
      }
    }
  }

  // % change: the row's count ÷ its column's total.
  for (const change of table.columns.filter((c) => c.role === 'change')) {
    const counts = baseColumns(table).filter((c) => c.role === 'count' && c.index < change.index);
    const words = change.header.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2 && !['change', 'reduced'].includes(w));
    const count = [...counts].reverse().find((c) => words.some((w) => c.header.toLowerCase().includes(w))) ?? counts[counts.length - 1];
    if (!count) continue;
    const total = columnSum(count, table.rows);
    if (total.isZero()) continue;
    const points = percentScale(sheet, table, change) === 'points';
    for (const r of table.rows) {
      const cell = num(sheet, r, change.index);
      const n = valueOf(num(sheet, r, count.index));
      if (cell.kind !== 'number' || !n) continue;
      const exact = n.dividedBy(total).times(points || cell.percentSign ? 100 : 1);
      if (!agreesAsShown(exact, cell.value, cell.decimals)) {
        add(r, change.index, 'share-of-total', exact.toDecimalPlaces(cell.decimals).toFixed(cell.decimals), raw(r, change.index), `${change.header} should be ${exact.toDecimalPlaces(cell.decimals).toFixed(cell.decimals)}: ${formatCount(n)} of the ${formatCount(total)} in total is ${n.dividedBy(total).times(100).toDecimalPlaces(4).toString()}%, not ${cell.value}.`);
      }
    }
  }

  // Saving = count × unit cost.
  const setup = savingSetup(table);
  if (setup) {
    for (const r of table.rows) {
      const cell = num(sheet, r, setup.saving.index);
      if (cell.kind !== 'number') continue;
      const terms = setup.counts.flatMap((c) => {
        const v = valueOf(num(sheet, r, c.index));
        return v && !v.isZero() ? [{ c, v, unit: units.get(countKey(c)) }] : [];
      });
      if (!terms.length || terms.some((t) => !t.unit)) continue;
      const expected = sum(terms.map((t) => t.v.times(t.unit!)));
      if (!agreesAsShown(expected, cell.value, cell.decimals)) {
        add(r, setup.saving.index, 'saving', formatPounds(expected), raw(r, setup.saving.index), `The saving should be ${formatPounds(expected)}: ${terms.map((t) => `${formatCount(t.v)} × ${formatPounds(t.unit!, !t.unit!.isInteger())}`).join(' + ')}, not ${formatPounds(cell.value, !cell.value.isInteger())}.`);
      }
    }
  }
  return findings;
}

/** Percentages typed as 4.03 (points) or held as 0.0403 (a fraction formatted as %). */
function percentScale(sheet: SheetSnapshot, table: FoundTable, c: Column): 'points' | 'fraction' {
  const cells = [...table.rows, ...(table.totalRow !== undefined ? [table.totalRow] : [])].map((r) => num(sheet, r, c.index));
  return cells.some((t) => t.kind === 'number' && (t.percentSign || t.value.greaterThan(1))) ? 'points' : 'fraction';
}
