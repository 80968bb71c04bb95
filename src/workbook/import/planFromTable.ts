import type Decimal from 'decimal.js';
import { isFinancialYearLabel } from '../../domain/financialYear';
import { formatPounds, ZERO } from '../../domain/money';
import { defaultUnitCosts } from '../../domain/newPlan';
import { yearOf, type Day } from '../../domain/jointFunding';
import type { Plan, Scheme, SchemeYear, UnitCost } from '../../domain/plan';
import { jsonLocator } from '../../domain/jsonLocator';
import { PLAN_LIMITS } from '../../domain/planLimits';
import { checkPlan } from '../../domain/planRules';
import type { Problem } from '../../domain/problems';
import type { FoundTable } from '../audit/findTables';
import { periodOf } from '../audit/headerWords';
import { poundsOf, UnitCostBook } from '../audit/unitCosts';
import type { ImportField, ImportMapping, MappedColumn } from './columnMapping';

/**
 * Starts a plan from a typed scheme table and the mapping the person confirmed: one scheme per
 * row, its cost (in pounds, whatever the table's scale) and benefit counts for the table's year
 * (or each year it has a column for), whether it is in the pool, and the unit cost its savings
 * were worked out at, so the add-in's live tables reproduce the table's figures. What the plan
 * has no field for (type, commissioner, provider, source of funding) goes in the description.
 */
export interface ImportOptions {
  readonly board?: string;
  /** The year when the table doesn't say ("2025/26"). */
  readonly year?: string;
  /** The caller's day: with no year given or named, the plan is for the financial year holding it. */
  readonly today: Day;
}

export interface ImportResult {
  readonly plan: Plan;
  /** What was done that the person should know: unit costs taken from the table, refs made up. */
  readonly notes: readonly string[];
  readonly problems: readonly Problem[];
}

const REF = /^\d+[a-z]*$/i;
const NO = /^(no|n|not in pool|outside( pool)?|non-pool|false|excluded)$/i;
/** A cost cell saying the cost does not apply: no figure, so it is asked for rather than read as £0. */
const NOT_APPLICABLE = /^(n\/?a|not applicable)$/i;
const OUT_OF_POOL = /(not|outside|non|excl\w*)\W*(the )?(bcf )?pool/i;
const DESCRIBED: Partial<Record<ImportField, string>> = {
  type: 'Type',
  fundingSource: 'Source of funding',
  commissioner: 'Commissioner',
  provider: 'Provider',
};

export function planFromTable(mapping: ImportMapping, options: ImportOptions): ImportResult {
  const { table } = mapping;
  const grid = table.grid;
  const where = (r: number, c: number) => ({ sheet: grid.sheet.name, cell: grid.address(r, c) });
  const problems: Problem[] = [];
  const notes: string[] = [];
  const years = yearsOf(mapping, options);
  // A year's cost may be broken down over several columns (quarters): they add up to it.
  const costs = years.map((year) =>
    mapping.columns.filter((c) => c.field === 'cost' && (years.length === 1 || c.band === year)),
  );
  const text = (r: number, field: ImportField) => labelText(mapping, r, field);
  if (mapping.hiddenRows.length) notes.push(hiddenRowsNote(mapping));
  const headings = sectionHeadings(table);
  const wrapped = wrappedNames(mapping);
  const led = refsLeadingNames(table.rows.map((r) => (text(r, 'ref') ? '' : text(r, 'name'))));
  if (led)
    notes.push(
      `Each scheme's ref is taken from the start of its name (${led
        .map((l) => l.ref)
        .slice(0, 3)
        .join(', ')}...).`,
    );
  const used = new Set<string>();
  const schemes: Scheme[] = table.rows.map((r, i) => {
    const typedRef = text(r, 'ref') || (led?.[i].ref ?? '');
    let ref = REF.test(typedRef) && !used.has(typedRef.toLowerCase()) ? typedRef : String(i + 1);
    while (used.has(ref.toLowerCase())) ref = `${ref}x`;
    used.add(ref.toLowerCase());
    if (typedRef && ref !== typedRef)
      notes.push(
        `Row ${grid.address(r, 0).replace(/^[A-Z]+/, '')}: the ref "${typedRef}" is kept in the description; the plan calls the scheme ${ref}.`,
      );
    const described = Object.entries(DESCRIBED).flatMap(([field, label]) =>
      text(r, field as ImportField) ? [`${label}: ${text(r, field as ImportField)}`] : [],
    );
    const description = [
      text(r, 'description'),
      typedRef && ref !== typedRef ? `Ref in the imported table: ${typedRef}` : '',
      ...described,
    ]
      .filter(Boolean)
      .join('. ');
    const yearsOfScheme: Record<string, SchemeYear> = {};
    years.forEach(
      (year, k) => (yearsOfScheme[year] = schemeYear(mapping, r, year, years.length === 1, costs[k], problems, where)),
    );
    const name = [led?.[i].name ?? text(r, 'name'), ...(wrapped.get(r) ?? [])].filter(Boolean).join(' ');
    return {
      ref,
      name: name || `Scheme ${ref}`,
      group: text(r, 'group') || headings.get(r) || '',
      tiers: text(r, 'tier'),
      description,
      inPool: inPool(mapping, r, costs[0][0]),
      years: yearsOfScheme,
      investments: [],
    };
  });
  const unitCosts = unitCostsOf(table, notes);
  const plan: Plan = {
    board: options.board ?? grid.sheet.name,
    title: `${options.board ?? grid.sheet.name} Better Care Fund plan ${years.length > 1 ? `${years[0]} to ${years[years.length - 1]}` : years[0]} (imported)`,
    partners: [],
    years: years.map((label) => ({ label })),
    unitCosts,
    schemes,
    targets: [],
    notes: [
      `Imported from '${grid.sheet.name}'!${grid.address(table.headerRows[0], table.firstColumn)}:${grid.address(table.lastRow, table.lastColumn)}`,
    ],
  };
  if (!problems.some((p) => p.severity === 'error')) problems.push(...checkPlan(plan, jsonLocator));
  return { plan, notes, problems };
}

function schemeYear(
  mapping: ImportMapping,
  r: number,
  year: string,
  single: boolean,
  costs: readonly MappedColumn[],
  problems: Problem[],
  where: (r: number, c: number) => { sheet: string; cell: string },
): SchemeYear {
  const { table } = mapping;
  const amount = (col: MappedColumn | undefined, what: string, kind: 'cost' | 'count'): Decimal => {
    if (!col?.column) return ZERO;
    const t = table.grid.typed(r, col.index);
    if (t.kind === 'blank') return ZERO;
    // "Nil", "-" or "N/A" for a benefit is none of it; a cost is never "not applicable", and one
    // not yet known ("TBC", "?") is a hole in the plan: neither becomes £0 in a plan that looks complete.
    if (t.kind === 'na' && (kind === 'count' || !NOT_APPLICABLE.test(t.text))) return ZERO;
    if (t.kind !== 'number') {
      problems.push({
        severity: 'error',
        where: where(r, col.index),
        message:
          kind === 'cost'
            ? `${what} says "${t.text}", which is not a figure: type the cost, or leave the scheme out.`
            : `${what} says "${t.text}", which is not a figure: type the count (0 if none), or leave the cell blank.`,
      });
      return ZERO;
    }
    const value = poundsOf(t, col.column);
    if (value.isNegative())
      problems.push({
        severity: 'error',
        where: where(r, col.index),
        message: `${what} is negative (${t.shown}); the plan takes costs and counts of 0 or more. Enter the reduction on its own line or correct the figure.`,
      });
    return value;
  };
  const benefits: Record<string, Decimal> = {};
  for (const col of mapping.columns.filter(
    (c) => c.field.startsWith('count:') && (single || c.band === year || !c.band),
  )) {
    const n = amount(col, col.header, 'count');
    if (!n.isZero()) benefits[col.field.slice('count:'.length)] = n;
  }
  const cost = (c: MappedColumn) => {
    const pounds = amount(c, c.header, 'cost');
    // "267.357" typed where the dot groups thousands reads as £267.357: a plan bcf build would then refuse.
    if (pounds.decimalPlaces() > PLAN_LIMITS.moneyPlaces)
      problems.push({
        severity: 'error',
        where: where(r, c.index),
        message: `${c.header} is £${pounds.toString()}, more than ${PLAN_LIMITS.moneyPlaces} decimal places, which pounds and pence can't have; if the "." separates thousands (267.357 for 267,357), type the figure without it.`,
      });
    return pounds;
  };
  return { cost: costs.reduce((total, c) => total.plus(cost(c)), ZERO), benefits };
}

function inPool(mapping: ImportMapping, r: number, cost: MappedColumn | undefined): boolean {
  const grid = mapping.table.grid;
  const flag = mapping.columns.find((c) => c.field === 'inPool');
  if (flag) return !NO.test(grid.text(r, flag.index).trim());
  const costCell = cost ? grid.typed(r, cost.index) : undefined;
  if (costCell?.kind === 'number' && OUT_OF_POOL.test(costCell.note)) return false;
  const share = mapping.table.columns.find((c) => c.role === 'poolShare');
  return !(share && grid.typed(r, share.index).kind === 'na');
}

/** The years the table's columns are for; else the year asked for, the year its headings or title name, or this year. */
function yearsOf(mapping: ImportMapping, options: ImportOptions): string[] {
  const banded = [
    ...new Set(mapping.columns.filter((c) => c.field === 'cost' && isFinancialYearLabel(c.band)).map((c) => c.band)),
  ];
  if (banded.length > 1) return banded;
  const grid = mapping.table.grid;
  const texts = [...mapping.columns.map((c) => c.header), grid.sheet.name];
  for (let r = mapping.table.headerRows[0] - 1; r >= Math.max(0, mapping.table.headerRows[0] - 4); r--)
    for (let c = 0; c < grid.columnCount; c++) texts.push(grid.text(r, c));
  const named = texts.map((t) => periodOf(t)).find((p) => p && isFinancialYearLabel(p));
  return [options.year ?? banded[0] ?? named ?? yearOf(options.today)];
}

/** A scheme name carried onto the next row(s), as text pasted from a PDF wraps: words under the name alone. */
function wrappedNames(mapping: ImportMapping): Map<number, string[]> {
  const { table } = mapping;
  const grid = table.grid;
  const name = mapping.columns.find((c) => c.field === 'name');
  const out = new Map<number, string[]>();
  if (!name) return out;
  const schemeRows = new Set(table.rows);
  for (const r of table.rows) {
    for (let next = r + 1; next <= table.lastRow && !schemeRows.has(next); next++) {
      if (grid.isHidden(next)) continue;
      const words = grid.text(next, name.index);
      const alone = words && mapping.columns.every((c) => c.index === name.index || grid.isBlank(next, c.index));
      if (
        !alone ||
        !grid.mayContinueName(next) ||
        table.subtotals.some((s) => s.row === next) ||
        next === table.totalRow
      )
        break;
      out.set(r, [...(out.get(r) ?? []), words]);
    }
  }
  return out;
}

/** A row's words in the column mapped to `field` (a number as it is shown), without footnote marks. */
function labelText(mapping: ImportMapping, r: number, field: ImportField): string {
  const grid = mapping.table.grid;
  const col = mapping.columns.find((c) => c.field === field);
  return col
    ? (grid.text(r, col.index) || (grid.typed(r, col.index).kind === 'number' ? grid.shown(r, col.index) : ''))
        .replace(/[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$/, '')
        .trim()
    : '';
}

/** "1a Locality teams", "2b. Falls", "3) Carers": a ref, then words. */
const LEADING_REF = /^(\d+[a-z]?)(?:[.):]\s*|\s*[-–]\s+|\s+)(?=\S)(.*)$/i;

/**
 * The refs a table without a ref column writes at the start of each name. Only when every name
 * has one and no two are the same: "7 day services" among other names is a name, not scheme 7.
 */
function refsLeadingNames(names: readonly string[]): { ref: string; name: string }[] | undefined {
  // A column of refs alone ("1a", "2b" under "Sch Ref", as Annex 1 prints): the refs, each scheme named by its ref.
  const alone = names.map((n) => n.trim());
  if (
    alone.length &&
    alone.every((n) => REF.test(n)) &&
    new Set(alone.map((n) => n.toLowerCase())).size === alone.length
  )
    return alone.map((ref) => ({ ref, name: ref }));
  const split = names.map((n) => LEADING_REF.exec(n));
  if (!split.length || split.some((m) => !m || !/[a-z]/i.test(m[2]))) return undefined;
  const refs = split.map((m) => m![1].toLowerCase());
  if (new Set(refs).size !== refs.length) return undefined;
  return split.map((m) => ({ ref: m![1], name: m![2].trim() }));
}

/** Which hidden rows the import left out, by their row numbers on the sheet, and how to bring them back. */
function hiddenRowsNote(mapping: ImportMapping): string {
  const rows = mapping.hiddenRows.map((r) => mapping.table.grid.address(r, 0).replace(/^[A-Z]+/, ''));
  const many = rows.length > 1;
  return `Left out ${rows.length} hidden row${many ? 's' : ''} of the table (row${many ? 's' : ''} ${rows.join(', ')}): ${many ? 'they are' : 'it is'} not shown on the sheet, so not taken as ${many ? 'schemes' : 'a scheme'}. Unhide ${many ? 'them' : 'it'} and import again to include ${many ? 'them' : 'it'}.`;
}

/** Scheme names' group headings: a row of words alone above a run of schemes ("Tier 2: Assessment"). */
function sectionHeadings(table: FoundTable): Map<number, string> {
  const out = new Map<number, string>();
  const grid = table.grid;
  const schemeRows = new Set(table.rows);
  const skip = new Set([table.totalRow, ...table.subtotals.map((s) => s.row)]);
  let heading = '';
  const start = (table.unitsRow ?? table.headerRows[table.headerRows.length - 1]) + 1;
  for (let r = start; r <= table.lastRow; r++) {
    if (schemeRows.has(r)) out.set(r, heading);
    else if (!skip.has(r) && !grid.isHidden(r)) {
      const words = table.labels.map((l) => grid.text(r, l.index)).filter(Boolean);
      if (words.length) heading = words.reduce((a, b) => (b.length > a.length ? b : a));
    }
  }
  return out;
}

/** The plan's unit costs, with the one the table's savings use where it is not the plan's. */
function unitCostsOf(table: FoundTable, notes: string[]): UnitCost[] {
  const book = new UnitCostBook([table]);
  const saving = table.columns.find((c) => c.role === 'saving');
  return defaultUnitCosts().map((unit) => {
    const count = table.columns.find((c) => c.role === 'count' && c.measure === unit.id);
    const choice = saving && count ? book.choose(table, count, saving) : undefined;
    if (!choice || choice === 'not-checked' || choice.value.equals(unit.value)) return unit;
    notes.push(
      `The ${unit.id} unit cost is ${formatPounds(choice.value, !choice.value.isInteger())} (${choice.how}), not ${formatPounds(unit.value)}.`,
    );
    return { ...unit, value: choice.value, source: `Imported: ${choice.how}` };
  });
}
