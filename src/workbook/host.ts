import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { WorkbookPlan } from './sheetPlan';

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

/** What `update` asks of a command: the plan to write (none: nothing to write) and what to return. */
export interface Decision<T> {
  readonly plan?: WorkbookPlan;
  readonly result: T;
}

export interface Updated<T> {
  readonly result: T;
  /** Said to the person: e.g. their own "Pool" sheet was left alone and the add-in's is "BCF Pool". */
  readonly notices: readonly string[];
}

/** Asks `read` for a person's own sheets as well as the add-in's. */
export const EVERY_SHEET = 'every sheet';
/**
 * Asks `read` for the add-in's sheets the plan is read from, leaving out those calculated from them
 * (planReader.ts says which): opening a pane on 1,000 schemes then skips 1.5 MB of year tables.
 */
export const PLAN_SHEETS = "the plan's sheets";
/** The sheets `read` gives: the add-in's (none said), these by layout name, or EVERY_SHEET or PLAN_SHEETS. */
export type SheetChoice = readonly string[] | typeof EVERY_SHEET | typeof PLAN_SHEETS;

/** What a host must do for the product: apply a workbook plan in one command, and report what is there. */
export interface WorkbookHost {
  apply(plan: WorkbookPlan, onProgress?: (p: Progress) => void): Promise<void>;
  /**
   * The add-in's sheets (under their layout names), or the sheets named, or with EVERY_SHEET a
   * person's own sheets too: only finding a table to import and the audit need those, and in Excel
   * a large data sheet beside the plan would otherwise be read by every command.
   */
  read(sheets?: SheetChoice): Promise<WorkbookSnapshot>;
  /** Shows a cell to the person (an audit finding): activates its sheet and selects it. */
  select?(sheet: string, cell: string): Promise<void>;
  /**
   * Reads the workbook, lets `decide` make the plan to write, and writes it as one command, so a
   * co-author's edit made in between is seen (Excel). Hosts without it get `read` then `apply`.
   */
  update?<T>(
    decide: (snapshot: WorkbookSnapshot) => Decision<T>,
    onProgress?: (p: Progress) => void,
  ): Promise<Updated<T>>;
  /** Calls `listener` when the workbook changes (a person's edit, a co-author's); returns a way to stop. */
  watch?(listener: () => void): Promise<() => void>;
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

/** `host.update` where the host has it, else a read followed by a write. */
export async function updateWorkbook<T>(
  host: WorkbookHost,
  decide: (snapshot: WorkbookSnapshot) => Decision<T>,
  onProgress?: (p: Progress) => void,
): Promise<Updated<T>> {
  if (host.update) return host.update(decide, onProgress);
  const { plan, result } = decide(await host.read());
  if (plan) await host.apply(plan, onProgress);
  return { result, notices: [] };
}
