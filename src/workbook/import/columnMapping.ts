import { parseAddress } from '../a1';
import type { Column, FoundTable } from '../audit/findTables';
import { isTotalBand, type LabelRole, type Measure } from '../audit/headerWords';
import { unreadablePastedLines } from '../audit/pastedLines';
import { schemeTables } from '../audit/printedTables';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';

/**
 * What each column of a typed scheme table becomes in a plan, as proposed from its heading and
 * shown to the person to confirm or change before a plan is started from it. Figures the add-in
 * works out itself (% of pool, savings, % change) are recognised but not imported: the live
 * tables recompute them. Columns that fit nowhere are listed, never dropped silently.
 */
export type ImportField = LabelRole | 'cost' | `count:${Exclude<Measure, 'other'>}` | 'worked-out' | 'ignore';

export const IMPORT_FIELDS: readonly { readonly field: ImportField; readonly label: string }[] = [
  { field: 'ref', label: 'Scheme ref / ID' },
  { field: 'name', label: 'Scheme name' },
  { field: 'type', label: 'Scheme type' },
  { field: 'group', label: 'Group / theme' },
  { field: 'tier', label: 'Tier' },
  { field: 'cost', label: 'Cost for the year (£)' },
  { field: 'inPool', label: 'In the BCF pool (Yes/No)' },
  { field: 'count:NEL', label: 'Reduced NEL admissions' },
  { field: 'count:CareHome', label: 'Reduced care home admissions' },
  { field: 'count:Reablement', label: 'Reablement (packages avoided)' },
  { field: 'count:DTOC', label: 'DTOC (excess bed days avoided)' },
  { field: 'fundingSource', label: 'Source of funding' },
  { field: 'commissioner', label: 'Commissioner' },
  { field: 'provider', label: 'Provider' },
  { field: 'description', label: 'Description' },
  { field: 'worked-out', label: 'Worked out by the add-in (not imported)' },
  { field: 'ignore', label: 'Leave out' },
];

export interface MappedColumn {
  readonly index: number;
  /** The column's letter on the sheet (its row number where schemes run across). */
  readonly where: string;
  readonly header: string;
  /** The year the column's figures are for, when the table has a column per year. */
  readonly band: string;
  readonly field: ImportField;
  /** The figure column the audit read here, for its scale (£000s) and role. */
  readonly column?: Column;
}

export interface ImportMapping {
  /** The table as imported: its hidden scheme rows left out (`hiddenRows`). */
  readonly table: FoundTable;
  readonly columns: readonly MappedColumn[];
  /**
   * Scheme rows hidden on the sheet (where the reader knows: a file, or Excel through the pane),
   * left out of the import: a person reading the table doesn't see them (old figures, a scheme
   * dropped). The import says which (planFromTable's notes), so unhiding them brings them back.
   */
  readonly hiddenRows: readonly number[];
}

/** The table's columns with what each is proposed to become, its hidden rows left out. */
export function proposeMapping(found: FoundTable): ImportMapping {
  const hiddenRows = found.rows.filter((r) => found.grid.isHidden(r));
  const table: FoundTable = hiddenRows.length
    ? {
        ...found,
        rows: found.rows.filter((r) => !found.grid.isHidden(r)),
        subtotals: found.subtotals.map((s) => ({ ...s, rows: s.rows.filter((r) => !found.grid.isHidden(r)) })),
      }
    : found;
  const where = (index: number) => table.grid.columnName(index, table.headerRows[table.headerRows.length - 1]);
  const figures = table.columns.map((c): MappedColumn => ({
    index: c.index,
    where: where(c.index),
    header: c.header,
    band: c.band,
    field: fieldOf(c, table),
    column: c,
  }));
  const labels = table.labels.map((l): MappedColumn => ({
    index: l.index,
    where: where(l.index),
    header: l.header || '(no heading)',
    band: '',
    field: l.role ?? (l.header ? 'ignore' : 'ignore'),
  }));
  const columns = [...figures, ...labels].sort((a, b) => a.index - b.index);
  // Schemes must be named: without a name column, the first text column holds the names.
  if (!columns.some((c) => c.field === 'name')) {
    const candidate =
      columns.find((c) => !c.column && c.field !== 'ref' && hasText(table, c.index)) ??
      columns.find((c) => !c.column && hasText(table, c.index));
    if (candidate)
      return { table, hiddenRows, columns: columns.map((c) => (c === candidate ? { ...c, field: 'name' } : c)) };
  }
  return { table, hiddenRows, columns };
}

function hasText(table: FoundTable, index: number): boolean {
  return table.rows.some((r) => table.grid.text(r, index));
}

function fieldOf(c: Column, table: FoundTable): ImportField {
  if (c.role === 'cost') {
    // Quarters broken down under "Cost" add up to the year's cost; their Total is worked out from them.
    const broken = table.columns.some((o) => o.role === 'cost' && o.breakdown && !isTotalBand(o.band));
    return broken && isTotalBand(c.band) ? 'worked-out' : 'cost';
  }
  if (c.role === 'count') return c.measure === 'other' ? 'ignore' : `count:${c.measure}`;
  if (c.role === 'baseline') return 'ignore';
  return 'worked-out';
}

/** Columns the import leaves out: shown to the person and printed by `bcf import`. */
export function unplacedColumns(mapping: ImportMapping): MappedColumn[] {
  return mapping.columns.filter((c) => c.field === 'ignore');
}

/**
 * The scheme tables to import from: those in `range` (A1:H30) of `sheet`, or on `sheet`, or on
 * every sheet; in reading order.
 */
export function tablesToImport(
  snapshot: WorkbookSnapshot,
  options: { sheet?: string; range?: string } = {},
): FoundTable[] {
  return sheetsToImport(snapshot, options).flatMap(schemeTables);
}

/**
 * Where no table is found: tables pasted one line per cell whose heading line can't be split
 * (pastedLines.ts), each said with its cells and the fix, so the person is not told only "none found".
 */
export function unreadablePastedTables(
  snapshot: WorkbookSnapshot,
  options: { sheet?: string; range?: string } = {},
): string[] {
  return sheetsToImport(snapshot, options)
    .flatMap(unreadablePastedLines)
    .map((f) => `'${f.sheet}'!${f.cell}: ${f.message}`);
}

function sheetsToImport(snapshot: WorkbookSnapshot, options: { sheet?: string; range?: string }): SheetSnapshot[] {
  const sheets = options.sheet
    ? snapshot.sheets.filter((s) => s.name.toLowerCase() === options.sheet!.toLowerCase())
    : snapshot.sheets;
  return sheets.map((s) => (options.range ? cropped(s, options.range) : s));
}

/** The sheet with everything outside the range blanked, so addresses stay the sheet's own. */
export function cropped(sheet: SheetSnapshot, range: string): SheetSnapshot {
  const [from, to = from] = range.replace(/\$/g, '').toUpperCase().split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  const [top, bottom] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
  const [left, right] = [Math.min(a.column, b.column), Math.max(a.column, b.column)];
  const keep = <T>(grid: readonly (readonly T[])[] | undefined, blank: T) =>
    grid?.map((row, r) => row.map((v, c) => (r >= top && r <= bottom && c >= left && c <= right ? v : blank)));
  return {
    name: sheet.name,
    values: keep(sheet.values, null)!,
    formulas: keep(sheet.formulas, null),
    numberFormats: keep(sheet.numberFormats, null),
  };
}
