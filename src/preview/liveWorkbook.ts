import { MemoryWorkbook } from '../adapters/memory/memoryWorkbook';
import type { Progress, WorkbookHost } from '../workbook/host';
import type { SheetPlan, WorkbookPlan } from '../workbook/sheetPlan';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { parseAddress } from '../workbook/a1';
import { parseTyped } from './numberFormat';

/**
 * The preview's simulated workbook: a MemoryWorkbook (HyperFormula) that the pane drives through
 * the WorkbookHost port, and that the grid watches and types into. A person's typing goes through
 * the same engine, so what the pane reads back is exactly what was typed.
 */
export class LiveWorkbook implements WorkbookHost {
  readonly book = new MemoryWorkbook();
  private listeners = new Set<() => void>();
  /** The pane's, told of a person's typing only (as Excel leaves out the add-in's own writes). */
  private watchers = new Set<() => void>();
  private version = 0;

  constructor(firstSheet = 'Sheet1') {
    this.book.engine.addSheet(firstSheet);
  }

  /** Slow enough to watch the progress bar, as in Excel; fast enough not to be a nuisance. */
  async apply(plan: WorkbookPlan, onProgress?: (p: Progress) => void): Promise<void> {
    const steps: Progress[] = [];
    await this.book.apply(plan, (p) => steps.push(p));
    for (const step of steps) {
      onProgress?.(step);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    this.changed();
  }

  async read(sheetNames?: readonly string[]): Promise<WorkbookSnapshot> {
    return this.book.read(sheetNames);
  }

  /** Types into a cell as a person would in Excel. */
  type(sheet: string, row: number, column: number, text: string): void {
    const typed = parseTyped(text);
    if ('formula' in typed) this.book.setFormula(sheet, row, column, typed.formula);
    else this.book.setCell(sheet, row, column, typed.value);
    this.changed();
    for (const watcher of this.watchers) watcher();
  }

  async watch(listener: () => void): Promise<() => void> {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  /** The cell the pane asked to show (an audit finding); the grid follows it. */
  selection: { readonly sheet: string; readonly row: number; readonly column: number } | undefined;

  async select(sheet: string, cell: string): Promise<void> {
    const { row, column } = parseAddress(cell);
    this.selection = { sheet, row, column };
    this.changed();
  }

  sheetNames(): string[] {
    return this.book.visibleSheetNames();
  }

  /** Formats and styles of a sheet's cells, as the last layout wrote them. */
  sheetLooks(name: string): SheetPlan | undefined {
    return this.book.sheetPlan(name);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
