import type { LabelRole, Measure, Role } from './headerWords';

/** A column of a scheme table as findTables.ts found it. */
export interface Column {
  readonly index: number;
  readonly role: Role;
  readonly header: string;
  /** The year, quarter, "Total" or heading the column sits under: its own sub-table. */
  readonly band: string;
  readonly measure: Measure;
  /** Pounds per shown unit: 1,000 in a £000s column. 1 for figures that are not money. */
  readonly scale: number;
  /** A part of a figure broken down under its heading ("Cost (£)" over Q1..Q4, Total). */
  readonly breakdown: boolean;
}

/** A sub-total row and the rows it adds up. */
export interface SubTotal {
  readonly row: number;
  readonly rows: readonly number[];
}

/** A column that names the rows (scheme, ref, tier), as findTables.ts found it. */
export interface LabelColumn {
  readonly index: number;
  readonly header: string;
  readonly role?: LabelRole;
}
