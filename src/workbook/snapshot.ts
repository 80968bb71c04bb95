import type { CardRecord } from '../domain/cardRecord';
import type { Scalar, SheetPlan } from './sheetPlan';

/**
 * What a host gives back when asked for a workbook's contents: values, and formulas where there
 * are any. A sheet read from a file may have holes (undefined) for rows far below its cells: read
 * cells with cellValue or `?.[c] ?? null`.
 */
export interface SheetSnapshot {
  readonly name: string;
  readonly values: readonly (readonly Scalar[])[];
  /** Same shape as values; a formula text ("=...") or null for a literal. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /**
   * Same shape as values, where any cell has one: the cell's number format ("#,##0", "0.00%") or
   * null for General. The audit of typed tables judges a figure as the cell displays it.
   */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /**
   * Rows (0-based) hidden in the file, where the reader knows: a person reading the sheet doesn't
   * see them, so a typed table's total may leave them out (src/workbook/audit/findTables.ts).
   */
  readonly hiddenRows?: readonly number[];
  /** Cells the reader left out, right of the columns it reads (src/adapters/file/readLimits.ts). */
  readonly leftOut?: number;
  /**
   * A Benefit Card sheet not read, because its content stamp is the one it had when the pane last
   * knew it (src/adapters/office/keptCards.ts): what people keep on it, as the card reader gave it
   * then. Its values are then empty; only the plan reader looks at it.
   */
  readonly keptCard?: CardRecord;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** The workbook counts dates from 1904 (Excel for Mac's old default): a serial without a date format is 1,462 days short of the 1900 count. */
  readonly date1904?: boolean;
}

/** A defined name as a file holds it: the name and what it refers to ("Assumptions!$C$5", no "="). */
export interface DefinedName {
  readonly name: string;
  readonly refersTo: string;
  /** The sheet it belongs to, for a name defined on one sheet only. */
  readonly sheet?: string;
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const wanted = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === wanted);
}

export function cellValue(sheet: SheetSnapshot, row: number, column: number): Scalar {
  return sheet.values[row]?.[column] ?? null;
}

/** The number format a cell displays its value with, or null for General (or a host that doesn't say). */
export function cellFormat(sheet: SheetSnapshot, row: number, column: number): string | null {
  return sheet.numberFormats?.[row]?.[column] ?? null;
}

/**
 * A sheet as a host holds it once its plan is written and calculated: literals as values, formulas
 * with the results the layout computed. What a reader would read back, without a host.
 */
export function plannedSnapshot(plan: SheetPlan): SheetSnapshot {
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  for (const row of plan.rows) {
    values.push(
      row.map((cell) => (cell?.formula ? (cell.result ?? null) : cell?.value === '' ? null : (cell?.value ?? null))),
    );
    formulas.push(
      row.map((cell) => (cell?.formula ? (cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`) : null)),
    );
  }
  return { name: plan.name, values, formulas };
}
