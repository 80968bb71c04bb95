import {
  classifyHeader,
  classifyLabel,
  isTotalBand,
  measureOf,
  normalHeader,
  periodOf,
  scaleOf,
  statedUnitCost,
  type Role,
  type StatedUnitCost,
} from './headerWords';
import type { Column, LabelColumn, SubTotal } from './tableParts';
import { readBody } from './tableBody';
import type { TableGrid } from './tableGrid';

// Declared apart so that subtotals.ts, which this module calls, can use them without importing it.
export type { Column, LabelColumn, SubTotal } from './tableParts';

/**
 * Finds the scheme tables on a sheet the way a person reads them: a header of one to three rows
 * (a row of group headings such as years, merged or not, a row of column headings, a units row),
 * columns recognised by their words, tables side by side (a blank column or a second scheme
 * column starts another) or stacked (a blank row or a new header ends one), and totals above or
 * below, labelled or not, with sub-totals. Only tables with money (a cost or saving column) and
 * a BCF measure (% of pool, a benefit count, a saving) are scheme tables; others are left alone.
 */

export interface FoundTable {
  readonly grid: TableGrid;
  readonly headerRows: readonly number[];
  readonly unitsRow?: number;
  readonly columns: readonly Column[];
  readonly labels: readonly LabelColumn[];
  /** The schemes' rows (not headings, notes, sub-totals or totals). */
  readonly rows: readonly number[];
  readonly totalRow?: number;
  readonly subtotals: readonly SubTotal[];
  readonly statedUnit?: StatedUnitCost;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

interface HeaderCell {
  readonly index: number;
  readonly group: string;
  readonly own: string;
  readonly unit: string;
}

interface Header {
  readonly rows: number[];
  readonly unitsRow?: number;
  readonly cells: HeaderCell[];
}

const UNIT_TOKEN = /^\(?\s*(£|£ ?'?000'?s?|£ ?k|£ ?m|%|no\.?|nos\.?|number|#|count|days|£ per \w+)\s*\)?$/i;
const LOOK_BELOW = 3;
const LEGEND = /^\s*(legend|key)\b/i;

export function findTables(grid: TableGrid): FoundTable[] {
  const tables: FoundTable[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    if (textCells(grid, r, tables).length < 2) continue;
    const first = headerAt(grid, r, tables);
    if (!first) continue;
    const header = lowestHeader(grid, first, tables);
    for (const segment of segments(grid, header)) {
      const table = tableUnder(grid, header, segment, tables);
      if (table) tables.push(table);
    }
  }
  return tables;
}

/** A header may go on over the next rows (years under headings): the lowest qualifying row is its own. */
function lowestHeader(grid: TableGrid, header: Header, tables: readonly FoundTable[]): Header {
  let lowest = header;
  for (let k = 0; k < 2; k++) {
    const next: number = lowest.rows[lowest.rows.length - 1] + 1;
    if (
      next === lowest.unitsRow ||
      textCells(grid, next, tables).length < 2 ||
      hasFigures(grid, next, 0, grid.columnCount - 1)
    )
      break;
    const deeper = headerAt(grid, next, tables);
    if (!deeper) break;
    lowest = deeper;
  }
  return lowest;
}

function claimed(tables: readonly FoundTable[], r: number, c: number): boolean {
  return tables.some((t) => r >= t.headerRows[0] && r <= t.lastRow && c >= t.firstColumn && c <= t.lastColumn);
}

function textCells(grid: TableGrid, r: number, tables: readonly FoundTable[]): number[] {
  const out: number[] = [];
  if (r >= grid.rowCount) return out;
  for (let c = 0; c < grid.columnCount; c++) if (grid.text(r, c) && !claimed(tables, r, c)) out.push(c);
  return out;
}

function hasFigures(grid: TableGrid, r: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (grid.typed(r, c).kind === 'number') return true;
  return false;
}

/** The header whose lowest row of column headings is row r, if its words make a scheme table. */
function headerAt(grid: TableGrid, r: number, tables: readonly FoundTable[]): Header | undefined {
  const own = textCells(grid, r, tables);
  const first = own[0];
  const last = own[own.length - 1];
  const groupRows: string[][] = [];
  const rows = [r];
  for (let a = r - 1; a >= Math.max(0, r - 2); a--) {
    const texts = textCells(grid, a, tables);
    if (!texts.length || hasFigures(grid, a, first, last)) break;
    // One cell at the table's left edge is a title; headings over the figures are groups.
    if (texts.length === 1 && texts[0] <= first) break;
    // A colour key ("Legend | Input | Calculated | Needs attention") is not a heading over the columns.
    if (LEGEND.test(grid.text(a, texts[0]))) break;
    groupRows.unshift(carriedRight(grid, a, texts, last));
    rows.unshift(a);
  }
  const unitsRow = isUnitsRow(grid, r + 1, first, last) ? r + 1 : undefined;
  const cells: HeaderCell[] = [];
  // A heading over several columns (merged, or over blanks) groups them; one over a single column is its heading wrapped.
  const spans = (g: string[], c: number) => !!g[c] && (g[c - 1] === g[c] || g[c + 1] === g[c]);
  // Scheme names often sit under an empty heading, left of the first one.
  for (let c = Math.max(0, first - 2); c <= last; c++) {
    const group = groupRows
      .map((g) => (spans(g, c) ? g[c] : ''))
      .filter(Boolean)
      .join(' ');
    const wrapped = groupRows.map((g) => (spans(g, c) ? '' : (g[c] ?? ''))).filter(Boolean);
    const ownText = [...wrapped, grid.text(r, c)].filter(Boolean).join(' ');
    const unit = unitsRow !== undefined ? grid.text(unitsRow, c) : '';
    if (group || ownText || unit || c < first) cells.push({ index: c, group, own: ownText, unit });
  }
  const roles = cells.map((h) => classifyHeader(combined(h))).filter(Boolean);
  return roles.length >= 2 ? { rows, unitsRow, cells } : undefined;
}

/** A heading row: each heading stands over the blank cells to its right (a merged cell, pasted). */
function carriedRight(grid: TableGrid, a: number, texts: readonly number[], last: number): string[] {
  const out: string[] = [];
  texts.forEach((c, i) => {
    const end = i + 1 < texts.length ? texts[i + 1] - 1 : last;
    for (let k = c; k <= end; k++) out[k] = grid.text(a, c);
  });
  return out;
}

function isUnitsRow(grid: TableGrid, r: number, first: number, last: number): boolean {
  if (r >= grid.rowCount) return false;
  let units = 0;
  for (let c = first; c <= last; c++) {
    const t = grid.typed(r, c);
    if (t.kind === 'blank') continue;
    if (t.kind !== 'text' || !UNIT_TOKEN.test(t.text.trim())) return false;
    units++;
  }
  return units > 0;
}

const combined = (h: HeaderCell) => [h.group, h.own, h.unit].filter(Boolean).join(' ');

/** Runs of columns that belong together: split at empty columns and at a second scheme column. */
function segments(grid: TableGrid, header: Header): HeaderCell[][] {
  const below = header.unitsRow ?? header.rows[header.rows.length - 1];
  const byIndex = new Map(header.cells.map((h) => [h.index, h]));
  const occupied = (c: number) => {
    const h = byIndex.get(c);
    if (h && (h.group || h.own || h.unit)) return true;
    for (let r = below + 1; r <= below + LOOK_BELOW && r < grid.rowCount; r++) if (!grid.isBlank(r, c)) return true;
    return false;
  };
  const out: { cells: HeaderCell[]; afterGap: boolean }[] = [];
  let current: HeaderCell[] = [];
  let afterGap = false;
  const first = header.cells[0].index;
  const last = header.cells[header.cells.length - 1].index;
  let sawFigures = false;
  for (let c = first; c <= last; c++) {
    const cell = byIndex.get(c) ?? { index: c, group: '', own: '', unit: '' };
    const role = classifyHeader(combined(cell));
    const identity = !role && ['ref', 'name'].includes(classifyLabel(cell.own) ?? '');
    if (!occupied(c) || (identity && sawFigures)) {
      if (current.length) out.push({ cells: current, afterGap });
      current = [];
      sawFigures = false;
      afterGap = !occupied(c);
      if (!occupied(c)) continue;
    }
    current.push(cell);
    sawFigures ||= !!role;
  }
  if (current.length) out.push({ cells: current, afterGap });
  const hasBody = (cells: readonly HeaderCell[]) =>
    cells.some((h) => {
      for (let r = below + 1; r <= below + LOOK_BELOW && r < grid.rowCount; r++)
        if (!grid.isBlank(r, h.index)) return true;
      return false;
    });
  return acrossSeparators(out, hasBody);
}

/**
 * A blank column set between a table's own columns to space them out does not end the table:
 * names alone are no table, and figures with no names beside them belong to the names on their
 * left (else their total row would be read as one more scheme). Tables side by side each have
 * their own names, and stay apart.
 */
function acrossSeparators(
  runs: readonly { cells: HeaderCell[]; afterGap: boolean }[],
  hasBody: (cells: readonly HeaderCell[]) => boolean,
): HeaderCell[][] {
  const hasFigures = (cells: readonly HeaderCell[]) => cells.some((h) => classifyHeader(combined(h)));
  const out: HeaderCell[][] = [];
  for (const run of runs) {
    const previous = out[out.length - 1];
    // Names with nothing under them are a title, not the table's names.
    const namesOnly = previous && !hasFigures(previous) && hasBody(previous);
    const figuresOnly = run.cells.every((h) => classifyHeader(combined(h)));
    if (previous && run.afterGap && (namesOnly || figuresOnly)) previous.push(...run.cells);
    else out.push([...run.cells]);
  }
  return out;
}

function isSchemeTable(columns: readonly Column[]): boolean {
  const has = (role: Role) => columns.some((c) => c.role === role);
  return (has('cost') && (has('poolShare') || has('count') || has('saving'))) || (has('saving') && has('count'));
}

function tableUnder(
  grid: TableGrid,
  header: Header,
  segment: readonly HeaderCell[],
  tables: readonly FoundTable[],
): FoundTable | undefined {
  const notes = notesAbove(grid, header.rows[0], tables);
  const noteScale = notes.map((n) => scaleOf(n.text)).find((s) => s !== undefined);
  const start = (header.unitsRow ?? header.rows[header.rows.length - 1]) + 1;
  const { columns, marks } = besideCurrencyMarks(grid, columnsOf(segment, noteScale), segment, start);
  if (!isSchemeTable(columns)) return undefined;
  const labels = segment
    .filter((h) => !columns.some((c) => c.index === h.index) && !marks.includes(h.index))
    .map((h) => ({ index: h.index, header: combined(h).trim(), role: classifyLabel(combined(h)) }));
  const firstColumn = segment[0].index;
  const lastColumn = segment[segment.length - 1].index;
  const body = readBody(grid, start, columns, labels, firstColumn, lastColumn);
  if (!body.rows.length) return undefined;
  const statedUnit =
    columns
      .filter((c) => c.role === 'saving' || c.role === 'count')
      .map((c) => statedUnitCost(c.header, 'in the heading'))
      .find(Boolean) ??
    notes.map((n) => statedUnitCost(n.text, `in the note ${grid.address(n.row, n.column)}`)).find(Boolean);
  return {
    grid,
    headerRows: header.rows,
    unitsRow: header.unitsRow,
    columns,
    labels,
    statedUnit,
    firstColumn,
    lastColumn,
    ...body,
  };
}

const CURRENCY_MARK = /^[£$€]$/;
/** How far down a column is read to tell a column of pound signs. */
const MARK_ROWS = 12;

/**
 * "£ | 1,234": text taken from a PDF often puts the pound sign in a cell of its own, under the
 * heading, and the figure in the next cell, whose heading is empty. The figures are the column's.
 */
function besideCurrencyMarks(
  grid: TableGrid,
  columns: readonly Column[],
  segment: readonly HeaderCell[],
  start: number,
): { columns: Column[]; marks: number[] } {
  const marks: number[] = [];
  const end = Math.min(grid.rowCount, start + MARK_ROWS);
  const moved = columns.map((column) => {
    const next = segment.find((h) => h.index === column.index + 1);
    if (!next || next.group || next.own || next.unit || columns.some((c) => c.index === next.index)) return column;
    let paired = 0;
    for (let r = start; r < end; r++) {
      const t = grid.typed(r, column.index);
      if (t.kind === 'blank') continue;
      if (t.kind !== 'text' || !CURRENCY_MARK.test(t.text)) return column;
      if (grid.typed(r, next.index).kind === 'number') paired++;
    }
    if (!paired) return column;
    marks.push(column.index);
    return { ...column, index: next.index };
  });
  return { columns: moved, marks };
}

function columnsOf(segment: readonly HeaderCell[], noteScale: number | undefined): Column[] {
  const columns: Column[] = [];
  for (const h of segment) {
    const ownText = [h.own, h.unit].filter(Boolean).join(' ');
    const ownRole = classifyHeader(ownText);
    const groupRole = h.group ? classifyHeader(h.group) : undefined;
    // A heading that names a figure of its own ("Cost (£)") stands only over sub-headings that don't.
    const text = ownRole && groupRole ? ownText : combined(h);
    const role = ownRole ?? classifyHeader(text);
    if (!role) continue;
    const money = role === 'cost' || role === 'saving' || role === 'unitCost';
    const own = scaleOf(text);
    const scale = !money ? 1 : (own ?? (/£/.test(normalHeader(text)) && !noteScale ? 1 : (noteScale ?? 1)));
    const breakdown = !ownRole && !!groupRole;
    const band =
      breakdown || groupRole
        ? (periodOf(h.own) ?? (breakdown ? normalHeader(h.own) : ''))
        : (periodOf(h.group) ?? (h.group ? h.group.trim() : undefined) ?? periodOf(h.own) ?? '');
    columns.push({
      index: h.index,
      role,
      header: text.replace(/\s+/g, ' ').trim(),
      band,
      measure: measureOf(text),
      scale,
      breakdown,
    });
  }
  // A lone "Total cost" is the table's cost column, not the total of others.
  return columns.map((c) =>
    isTotalBand(c.band) && !columns.some((o) => o !== c && o.role === c.role && !isTotalBand(o.band))
      ? { ...c, band: '' }
      : c,
  );
}

/** The text of the few rows just above a table: titles, "£000s", "Savings at £1,490 per admission". */
function notesAbove(
  grid: TableGrid,
  top: number,
  tables: readonly FoundTable[],
): { text: string; row: number; column: number }[] {
  const notes: { text: string; row: number; column: number }[] = [];
  for (let r = top - 1; r >= Math.max(0, top - 4); r--) {
    if (tables.some((t) => r >= t.headerRows[0] && r <= t.lastRow)) break;
    for (let c = 0; c < grid.columnCount; c++) {
      const text = grid.text(r, c);
      if (text) notes.push({ text: withFigure(grid, r, c, text), row: r, column: c });
    }
  }
  return notes;
}

/** A label such as "Local tariff (£ per admission)" read with the figure typed beside it. */
function withFigure(grid: TableGrid, r: number, c: number, text: string): string {
  if (/\d/.test(text) || !/tariff|unit cost|cost per|£ per/i.test(text)) return text;
  for (let k = c + 1; k < Math.min(grid.columnCount, c + 4); k++) {
    const t = grid.typed(r, k);
    if (t.kind === 'number') return `${text} £${t.value.times(t.scale).toString()}`;
    if (t.kind === 'text') break;
  }
  return text;
}
