import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { WorkbookPlan } from './sheetPlan';

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

/** What a host must do for the product: apply a workbook plan in one command, and report what is there. */
export interface WorkbookHost {
  apply(plan: WorkbookPlan, onProgress?: (p: Progress) => void): Promise<void>;
  read(sheetNames?: readonly string[]): Promise<WorkbookSnapshot>;
  /** Shows a cell to the person (an audit finding): activates its sheet and selects it. */
  select?(sheet: string, cell: string): Promise<void>;
  /**
   * The cells the person has selected (a table to import), values and number formats, placed at
   * their own rows and columns of the sheet so addresses stay the sheet's; undefined when the host
   * can't tell. A single cell selected stands for its whole sheet.
   */
  readSelection?(): Promise<Selection | undefined>;
}

export interface Selection {
  readonly sheet: string;
  /** "A3:H16", or one cell. */
  readonly address: string;
  readonly snapshot: SheetSnapshot;
}
