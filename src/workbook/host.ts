import type { WorkbookSnapshot } from './snapshot';
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
}
