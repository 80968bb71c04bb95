import { EXCEL_LIMITS } from '../domain/excelLimits';
/**
 * The narrow port between the product and any host (Excel through Office.js, an .xlsx file, an
 * in-memory formula engine). A layout returns these as plain data; an adapter applies them.
 */
export type Scalar = string | number | boolean | null;

/**
 * The one look of a cell people type in, and the words every sheet uses for it: the adapters paint
 * inputs with this fill and the sheets' notes and legends describe it by this name.
 */
export const INPUT_LOOK = { words: 'Yellow cells', fill: 'FFF2CC', font: '1F3864' } as const;

export type CellStyle = 'title' | 'subtitle' | 'header' | 'group' | 'total' | 'input' | 'note' | 'warning' | 'computed';

export interface CellPlan {
  /** A literal. Strings are always written as text, even if they start with "=" or "@". */
  readonly value?: Scalar;
  /** A formula starting with "=", in en-US syntax with A1 references and defined names. */
  readonly formula?: string;
  /** The formula's result as the add-in computed it, stored as the cached value in files. */
  readonly result?: Scalar;
  readonly format?: string;
  readonly style?: CellStyle;
}

export interface TablePlan {
  /** Excel table name; must be unique in the workbook. */
  readonly name: string;
  /** Zero-based position of the header row and first column within the sheet grid. */
  readonly row: number;
  readonly column: number;
  readonly columns: readonly string[];
  readonly rowCount: number; // data rows, excluding the header
}

export interface ValidationPlan {
  readonly range: string; // "F6:F13"
  readonly kind: 'list' | 'decimal' | 'whole';
  readonly list?: readonly string[];
  /** A list taken from cells of the same sheet ("$A$40:$A$67"), for lists too long to write out (listValidation). */
  readonly source?: string;
  readonly min?: number;
  readonly message: string;
}

export interface SheetPlan {
  readonly name: string;
  /** Rows of cells from A1; null leaves a cell empty. */
  readonly rows: readonly (readonly (CellPlan | null)[])[];
  readonly columnWidths?: readonly number[]; // in characters
  readonly tables?: readonly TablePlan[];
  readonly validations?: readonly ValidationPlan[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Cells a person may type in; adapters leave the rest locked when they protect a sheet. */
  readonly tabColor?: string;
  /** Charts over ranges of this sheet; hosts that can't draw charts (ExcelJS) leave them out. */
  readonly charts?: readonly ChartPlan[];
  /** The add-in's own bookkeeping (the ownership registry) is very hidden: not even listed under Unhide. */
  readonly visibility?: 'veryHidden';
}

/** A line chart over ranges of its own sheet, e.g. cumulative planned against realised benefit. */
export interface ChartPlan {
  readonly type: 'line';
  readonly title: string;
  readonly categories: string; // "A40:A47"
  readonly series: readonly { readonly name: string; readonly range: string }[];
  readonly anchor: string; // top-left cell, "H3"
}

export interface DefinedNamePlan {
  readonly name: string;
  readonly sheet: string;
  readonly cell: string; // "$C$5"
  readonly comment: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly DefinedNamePlan[];
}

export const FORMAT = {
  pounds: '"£"#,##0;-"£"#,##0',
  pence: '"£"#,##0.00;-"£"#,##0.00',
  percent: '0.00%',
  count: '#,##0',
  // As the plan prints its tables: a scheme with no impact on a measure shows a blank, not 0.
  poundsOrBlank: '"£"#,##0;-"£"#,##0;""',
  percentOrBlank: '0.00%;-0.00%;""',
  countOrBlank: '#,##0;-#,##0;""',
  text: '@',
} as const;

/**
 * A drop-down list: written out when it fits Excel's limit for a list source, otherwise taken from
 * `cells`, the range of the same sheet that holds the items.
 */
export function listValidation(range: string, list: readonly string[], cells: string, message: string): ValidationPlan {
  return list.join(',').length <= EXCEL_LIMITS.listValidationSource
    ? { range, kind: 'list', list, message }
    : { range, kind: 'list', list, source: cells, message };
}
