import { MemoryWorkbook } from '../adapters/memory/memoryWorkbook';
import type { Progress, SheetChoice, WorkbookHost } from '../workbook/host';
import type { SheetPlan, WorkbookPlan } from '../workbook/sheetPlan';
import type { DefinedName, WorkbookSnapshot } from '../workbook/snapshot';
import { defineName } from '../adapters/memory/memorySteps';
import { parseAddress } from '../workbook/a1';
import { parseTyped } from './numberFormat';
import { sheetNameProblem } from './sheetEdits';

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

  async read(sheetNames?: SheetChoice): Promise<WorkbookSnapshot> {
    return this.book.read(sheetNames);
  }

  /** Types into a cell as a person would in Excel. */
  type(sheet: string, row: number, column: number, text: string): void {
    this.typeInto(sheet, row, column, text);
    this.typed();
  }

  private typeInto(sheet: string, row: number, column: number, text: string): void {
    const typed = parseTyped(text);
    if ('formula' in typed) this.book.setFormula(sheet, row, column, typed.formula);
    else this.book.setCell(sheet, row, column, typed.value);
  }

  /** A person changed the workbook: the grid redraws and the pane hears of it. */
  private typed(): void {
    this.changed();
    for (const watcher of this.watchers) watcher();
  }

  /**
   * Pastes a block copied from a spreadsheet (rows by newline, cells by tab) with its top-left at
   * the cell, as Excel does; each cell is typed as a person would type it. Returns its size.
   */
  paste(sheet: string, row: number, column: number, text: string): { rows: number; columns: number } {
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const cells = lines.map((line) => line.split('\t'));
    this.book.engine.batch(() =>
      cells.forEach((line, r) => line.forEach((cell, c) => this.typeInto(sheet, row + r, column + c, cell))),
    );
    this.typed();
    return { rows: cells.length, columns: Math.max(...cells.map((line) => line.length)) };
  }

  /** Clears a range, as the Delete key does in Excel. */
  clear(sheet: string, range: { top: number; bottom: number; left: number; right: number }): void {
    this.book.engine.batch(() => {
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) this.book.setCell(sheet, r, c, null);
    });
    this.typed();
  }

  /** Renames a sheet as a person would on its tab; refuses a name Excel would refuse, in words. */
  renameSheet(from: string, to: string): void {
    const name = to.trim();
    const problem = sheetNameProblem(
      name,
      this.sheetNames().filter((n) => n !== from),
    );
    if (problem) throw new RangeError(problem);
    if (name === from) return;
    this.book.renameSheet(from, name);
    this.renamed.set(name, this.renamed.get(from) ?? from);
    this.typed();
  }

  /** Deletes a sheet as a person would from its tab; a workbook keeps at least one. */
  deleteSheet(name: string): void {
    if (this.sheetNames().length <= 1) throw new RangeError('A workbook must keep at least one sheet.');
    this.book.removeSheet(name);
    this.typed();
  }

  /**
   * Replaces the whole workbook with one opened from a file: its sheets' values and formulas, and
   * the names its formulas use (a plan's unit costs), which would otherwise all show #NAME?.
   */
  open(snapshot: WorkbookSnapshot, names: readonly DefinedName[] = []): void {
    const engine = this.book.engine;
    for (const name of engine.getSheetNames()) engine.removeSheet(engine.getSheetId(name)!);
    for (const name of engine.listNamedExpressions()) engine.removeNamedExpression(name);
    this.renamed.clear();
    for (const sheet of snapshot.sheets) engine.addSheet(sheet.name);
    for (const { name, refersTo, sheet } of names) {
      const scope = sheet === undefined ? undefined : engine.getSheetId(sheet);
      if (sheet === undefined || scope !== undefined) defineName(engine, name, `=${refersTo}`, scope);
    }
    engine.batch(() => {
      for (const sheet of snapshot.sheets) {
        sheet.values.forEach((row, r) =>
          row.forEach((value, c) => {
            const formula = sheet.formulas?.[r]?.[c];
            if (formula) this.book.setFormula(sheet.name, r, c, formula);
            else if (value !== null) this.book.setCell(sheet.name, r, c, value);
          }),
        );
      }
    });
    if (!snapshot.sheets.length) engine.addSheet('Sheet1');
    this.typed();
  }

  /** Sheets renamed by a person: new name to the name the layout wrote, so they keep their looks. */
  private renamed = new Map<string, string>();

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
    return this.book.sheetPlan(name) ?? this.book.sheetPlan(this.renamed.get(name) ?? name);
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
