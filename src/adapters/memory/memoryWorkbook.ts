import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { parseAddress } from '../../workbook/a1';
import {
  type SheetChoice,
  type Decision,
  type Progress,
  type Selection,
  type Updated,
  type WorkbookHost,
} from '../../workbook/host';
import { SHEET } from '../../workbook/families/assumptions/names';
import { logicalSnapshot, PENDING_SHEET, readRegistry, REGISTRY_SHEET } from '../../workbook/ownership';
import type { CellPlan, Scalar, SheetPlan, WorkbookPlan } from '../../workbook/sheetPlan';
import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import type { WritePlan } from '../../workbook/write/writePlan';
import { ownedSheets, planWorkbookWrite, sheetsToRead, type WriteState } from '../../workbook/write/workbookWrite';
import { defineName, MemoryExtras, runMemoryStep } from './memorySteps';

export interface MemoryWorkbookOptions {
  /** Told each command's planned steps before they run: for tests comparing hosts' write paths. */
  readonly onWrites?: (writes: WritePlan) => void;
}

/**
 * A workbook held in memory and calculated by HyperFormula: the independent engine the tests check
 * the add-in's figures against, and the simulated workbook of the browser preview. HyperFormula is
 * GPL-3.0 licensed, which is why only tests and the preview use it, never the add-in users install.
 *
 * Commands (`apply`, `update`) run the write path Excel runs (src/workbook/write): the registry finds
 * the add-in's sheets, a person's own are left alone, and only cells that differ are written.
 * `applySync` writes a plan as it is, for tests that only want its figures calculated.
 */
export class MemoryWorkbook implements WorkbookHost {
  readonly engine: HyperFormula;
  private readonly plans = new Map<string, SheetPlan>();
  private readonly extras = new MemoryExtras();

  constructor(private readonly options: MemoryWorkbookOptions = {}) {
    this.engine = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: false, precisionRounding: 14 });
  }

  async apply(plan: WorkbookPlan, onProgress?: (p: Progress) => void): Promise<void> {
    this.updateSync(() => ({ plan, result: undefined }), onProgress);
  }

  async update<T>(decide: (snapshot: WorkbookSnapshot) => Decision<T>, onProgress?: (p: Progress) => void) {
    return this.updateSync(decide, onProgress);
  }

  /** Reads the add-in's sheets, lets `decide` make a plan of them, and writes it by Excel's steps. */
  updateSync<T>(decide: (snapshot: WorkbookSnapshot) => Decision<T>, onProgress?: (p: Progress) => void): Updated<T> {
    const state = this.state();
    const sheets = ownedSheets(state).map((name) => this.sheetSnapshot(name));
    const { plan, result } = decide(logicalSnapshot({ sheets }, state.registry));
    if (!plan) return { result, notices: [] };
    const { placement, writes } = planWorkbookWrite(plan, state, sheets);
    this.options.onWrites?.(writes);
    const steps = [...writes.early, ...writes.last];
    const hf = this.engine;
    hf.suspendEvaluation();
    try {
      steps.forEach((step, i) => {
        runMemoryStep(hf, this.extras, step);
        if (steps[i + 1]?.sheet !== step.sheet) onProgress?.({ done: i + 1, total: steps.length, step: step.sheet });
      });
    } finally {
      hf.resumeEvaluation();
    }
    for (const sheet of placement.plan.sheets) this.plans.set(sheet.name, sheet);
    return { result, notices: placement.notices };
  }

  /** What exists and what is the add-in's, as Office's first request learns it (workbookRead.ts). */
  private state(): WriteState {
    const hf = this.engine;
    const sheets = hf.getSheetNames();
    const names = hf.listNamedExpressions();
    const inventory = { sheets, tables: [...this.extras.tables.values()], names };
    const sheet = (name: string) => (hf.doesSheetExist(name) ? this.sheetSnapshot(name) : undefined);
    const registrySheet = sheet(REGISTRY_SHEET);
    const pendingSheet = sheet(PENDING_SHEET);
    const title = hf.doesSheetExist(SHEET.assumptions) ? this.value(SHEET.assumptions, 0, 0) : undefined;
    return {
      inventory,
      registry: readRegistry(inventory, registrySheet, pendingSheet, { title }),
      names: new Map(
        names.map((n) => [
          n.toLowerCase(),
          {
            formula: String(hf.getNamedExpressionFormula(n) ?? ''),
            comment: this.extras.comments.get(n.toLowerCase()) ?? '',
          },
        ]),
      ),
      charts: this.extras.charts,
      registrySheet,
      pendingSheet,
    };
  }

  /** The sheets a person sees: the registry and other very hidden sheets left out. */
  visibleSheetNames(): string[] {
    return this.engine.getSheetNames().filter((n) => !this.extras.hidden.has(n.toLowerCase()));
  }

  applySync(plan: WorkbookPlan, onProgress?: (p: Progress) => void): void {
    const hf = this.engine;
    hf.suspendEvaluation();
    try {
      // Every sheet must exist before any formula refers to it.
      for (const sheet of plan.sheets) if (!hf.doesSheetExist(sheet.name)) hf.addSheet(sheet.name);
      for (const name of plan.names) defineName(hf, name.name, `='${name.sheet.replace(/'/g, "''")}'!${name.cell}`);
      plan.sheets.forEach((sheet, i) => {
        hf.setSheetContent(
          hf.getSheetId(sheet.name)!,
          sheet.rows.map((row) => row.map(toRaw)),
        );
        this.plans.set(sheet.name, sheet);
        onProgress?.({ done: i + 1, total: plan.sheets.length, step: sheet.name });
      });
    } finally {
      hf.resumeEvaluation();
    }
  }

  /**
   * The add-in's sheets under their layout names (renamed sheets included), with EVERY_SHEET a
   * person's own sheets as they are (sheetsToRead, src/workbook/write); or the sheets named.
   */
  async read(sheetNames?: SheetChoice): Promise<WorkbookSnapshot> {
    const state = this.state();
    const wanted = sheetsToRead(state, sheetNames);
    return logicalSnapshot({ sheets: wanted.map((n) => this.sheetSnapshot(n)) }, state.registry);
  }

  snapshot(sheetNames?: readonly string[]): WorkbookSnapshot {
    const names = sheetNames ?? this.engine.getSheetNames();
    return { sheets: names.filter((n) => this.engine.doesSheetExist(n)).map((n) => this.sheetSnapshot(n)) };
  }

  /** A cell's calculated value; errors come back as their Excel text, e.g. "#DIV/0!". */
  value(sheet: string, row: number, column: number): Scalar {
    const id = this.sheetId(sheet);
    return toScalar(this.engine.getCellValue({ sheet: id, row, col: column }));
  }

  /** Type into a cell as a person would: text that looks like a formula stays text. */
  setCell(sheet: string, row: number, column: number, value: Scalar): void {
    this.engine.setCellContents({ sheet: this.sheetId(sheet), row, col: column }, [[toRaw({ value })]]);
  }

  setFormula(sheet: string, row: number, column: number, formula: string): void {
    this.engine.setCellContents({ sheet: this.sheetId(sheet), row, col: column }, [[formula]]);
  }

  /** Inserts blank rows above `row` as a person would in Excel: references to the rows under them move with them. */
  insertRows(sheet: string, row: number, count = 1): void {
    this.engine.addRows(this.sheetId(sheet), [row, count]);
  }

  removeSheet(sheet: string): void {
    this.engine.removeSheet(this.sheetId(sheet));
  }

  renameSheet(from: string, to: string): void {
    this.engine.renameSheet(this.sheetId(from), to);
    this.extras.renameSheet(from, to);
    const plan = this.plans.get(from);
    if (plan) this.plans.set(to, { ...plan, name: to });
  }

  sheetPlan(name: string): SheetPlan | undefined {
    return this.plans.get(name);
  }

  private selected?: { sheet: string; address: string };

  /** Selects a range as a person would drag over it ("A3:H16"), for readSelection. */
  selectRange(sheet: string, address: string): void {
    this.sheetId(sheet);
    this.selected = { sheet, address };
  }

  async readSelection(): Promise<Selection | undefined> {
    if (!this.selected) return undefined;
    const { sheet, address } = this.selected;
    const [from, to = from] = address.split(':').map(parseAddress);
    const inside = (r: number, c: number) =>
      from.row === to.row && from.column === to.column
        ? true
        : r >= from.row && r <= to.row && c >= from.column && c <= to.column;
    const whole = this.sheetSnapshot(sheet);
    const looks = this.plans.get(sheet);
    const values = whole.values.map((row, r) => row.map((v, c) => (inside(r, c) ? v : null)));
    // HyperFormula keeps no number formats: those the last layout wrote are the sheet's.
    const numberFormats = values.map((row, r) =>
      row.map((_, c) => (inside(r, c) ? (looks?.rows[r]?.[c]?.format ?? null) : null)),
    );
    return {
      sheet,
      address,
      snapshot: {
        name: sheet,
        values,
        formulas: whole.formulas?.map((row, r) => row.map((f, c) => (inside(r, c) ? f : null))),
        numberFormats,
      },
    };
  }

  private sheetSnapshot(name: string): SheetSnapshot {
    const id = this.sheetId(name);
    const values = this.engine.getSheetValues(id).map((row) => row.map(toScalar));
    const formulas = this.engine.getSheetFormulas(id).map((row) => row.map((f) => f ?? null));
    return { name, values, formulas };
  }

  private sheetId(name: string): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw new RangeError(`There is no sheet called "${name}"`);
    return id;
  }
}

function toRaw(cell: CellPlan | null): RawCellContent {
  if (!cell) return null;
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (v === undefined) return null;
  // HyperFormula, like Excel, reads a leading apostrophe as "this is text": it keeps "=1+1" a name,
  // and a tier "4" or a year "2014/15" text rather than a number or a date.
  if (typeof v === 'string') return `'${v}`;
  return v;
}

function toScalar(value: unknown): Scalar {
  if (value instanceof DetailedCellError) return value.value;
  if (value === undefined) return null;
  return value as Scalar;
}
