import type { Finding } from '../../domain/audit/finding';
import type { SheetSnapshot } from '../snapshot';
import { StatedFigures } from './denominators';
import { findTables, type FoundTable } from './findTables';
import { pastedLineTables, unreadablePastedLines } from './pastedLines';
import { auditTable } from './tableChecks';
import { TableGrid } from './tableGrid';
import { UnitCostBook } from './unitCosts';

/**
 * The audit of scheme tables people typed in or pasted from a published plan: every scheme table
 * on the given sheets, with schemes as rows or as columns, checked for totals, % of pool,
 * % change and savings at the unit cost the table states (or the plan's). Tables that are not
 * scheme tables are left alone. Unit costs worked out from one table serve the others.
 */
export function auditPrintedTables(sheets: readonly SheetSnapshot[]): { findings: Finding[]; tables: number } {
  const tables = sheets.flatMap(schemeTables);
  const units = new UnitCostBook(tables);
  const stated = new StatedFigures(sheets);
  const findings = [...sheets.flatMap(unreadablePastedLines), ...tables.flatMap((t) => auditTable(t, units, stated))];
  return { findings, tables: tables.length };
}

/** What the finder looks for, said wherever it found nothing (the audit and the import, in the CLI and the pane). */
export const WHAT_A_SCHEME_TABLE_HAS =
  'a scheme table has a heading row with a cost column and a % of pool, benefit count or saving column';

/**
 * The sheet's scheme tables, read as they stand, then turned on their side for schemes laid out
 * as columns, then from lines pasted one per cell (pastedLines.ts).
 */
export function schemeTables(sheet: SheetSnapshot): FoundTable[] {
  const upright = findTables(new TableGrid(sheet));
  const covered = (r: number, c: number) =>
    upright.some((t) => r >= t.headerRows[0] && r <= t.lastRow && c >= t.firstColumn && c <= t.lastColumn);
  // A table on its side: its header is a column; any part of it already read upright is not another table.
  const sideways = findTables(new TableGrid(sheet, true)).filter((t) => {
    for (let c = t.headerRows[0]; c <= t.lastRow; c++)
      for (let r = t.firstColumn; r <= t.lastColumn; r++) if (covered(r, c)) return false;
    return true;
  });
  return [...upright, ...sideways, ...pastedLineTables(sheet)];
}
