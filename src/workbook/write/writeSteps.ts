import { columnLetter, rangeAddress } from '../a1';
import type { CellStyle, ChartPlan, DefinedNamePlan, SheetPlan, TablePlan, ValidationPlan } from '../sheetPlan';
import { cellInput, type CellInput } from './cellInput';
import { styleBlocks } from './styleBlocks';

/**
 * One thing to do to the workbook, as data. The adapter turns steps into Office.js calls and sends
 * as many as fit in one request; `bytes` is the estimated size of a step in the request body, so
 * steps can be packed under Excel on the web's 5 MB request limit without sending anything first.
 */
export type WriteStep = { readonly bytes: number; readonly sheet: string } & (
  | { readonly kind: 'addSheet' }
  | { readonly kind: 'unlistTable'; readonly table: string }
  | { readonly kind: 'clearSheet' }
  | { readonly kind: 'deleteChart'; readonly chart: string }
  | { readonly kind: 'chart'; readonly chart: ChartPlan }
  | { readonly kind: 'name'; readonly name: DefinedNamePlan; readonly exists: boolean }
  | { readonly kind: 'cells'; readonly row: number; readonly column: number; readonly formulas: CellInput[][] }
  | { readonly kind: 'formats'; readonly row: number; readonly column: number; readonly formats: (string | null)[][] }
  | { readonly kind: 'styles'; readonly style: CellStyle; readonly addresses: readonly string[] }
  | { readonly kind: 'validation'; readonly validation: ValidationPlan }
  | { readonly kind: 'sheetLook'; readonly plan: Pick<SheetPlan, 'columnWidths' | 'freeze' | 'tabColor'> }
  | { readonly kind: 'table'; readonly table: TablePlan; readonly address: string }
  | { readonly kind: 'deleteSheet' }
  | { readonly kind: 'visibility' }
  /** Copies a staging sheet's cells, formats and validations onto the same range of this sheet. */
  | { readonly kind: 'copyFrom'; readonly from: string; readonly address: string }
);

/** A step that writes a 2D array, which can be cut into bands of rows. */
export type ArrayStep = Extract<WriteStep, { kind: 'cells' | 'formats' }>;

// Request overheads measured with Microsoft's client (test/officeAdapter.test.ts checks the total):
// an action with its object paths is a few hundred bytes, and the client cuts a 2D array write into
// actions of about 1,500 cells, each with ~900 bytes of row/bounding-rect object paths.
const ACTION_BYTES = 400;
const ARRAY_PIECE_BYTES = 900;
const CLIENT_PIECE_CELLS = 1500;
/** getRanges() addresses are kept short; Excel limits the length of a multi-area address. */
const MAX_AREAS_ADDRESS = 2000;

const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes of a value as JSON in UTF-8, counted without building the string (arrays here run to megabytes). */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'string') {
    if (PLAIN_ASCII.test(value)) return value.length + 2;
    let bytes = 2;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code === 34 || code === 92) bytes += 2;
      else if (code < 32) bytes += 6;
      else if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else bytes += 3; // surrogate pairs count 3 + 3 here, 4 in UTF-8: a slight overestimate
    }
    return bytes;
  }
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(0, value.length - 1);
    for (const item of value) bytes += jsonBytes(item);
    return bytes;
  }
  let bytes = 2;
  for (const [key, item] of Object.entries(value as Record<string, unknown>))
    bytes += jsonBytes(key) + 2 + jsonBytes(item);
  return bytes;
}

export function arrayStepBytes(rows: readonly unknown[][]): number {
  const columns = Math.max(1, rows[0]?.length ?? 1);
  const rowsPerPiece = Math.max(1, Math.round(CLIENT_PIECE_CELLS / columns));
  const pieces = rows.length * columns > CLIENT_PIECE_CELLS ? Math.ceil(rows.length / rowsPerPiece) : 1;
  return jsonBytes(rows) + ACTION_BYTES + pieces * ARRAY_PIECE_BYTES;
}

export function sheetSteps(plan: SheetPlan, sheet: string): WriteStep[] {
  const steps: WriteStep[] = [];
  const width = plan.rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (plan.rows.length > 0 && width > 0) {
    // Plain loops: for 1,000 schemes these arrays hold millions of cells.
    const formulas: CellInput[][] = new Array(plan.rows.length);
    const formats: (string | null)[][] = new Array(plan.rows.length);
    let formatted = false;
    for (let r = 0; r < plan.rows.length; r++) {
      const cells = plan.rows[r];
      const inputs: CellInput[] = new Array(width);
      const codes: (string | null)[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const cell = cells[c];
        inputs[c] = cellInput(cell);
        codes[c] = cell?.format ?? null;
        if (codes[c] !== null) formatted = true;
      }
      formulas[r] = inputs;
      formats[r] = codes;
    }
    steps.push({ kind: 'cells', sheet, row: 0, column: 0, formulas, bytes: arrayStepBytes(formulas) });
    if (formatted) steps.push({ kind: 'formats', sheet, row: 0, column: 0, formats, bytes: arrayStepBytes(formats) });
  }
  // One getRanges() per style and ~2,000 characters of addresses: a few actions however long the table.
  const byStyle = new Map<CellStyle, string[][]>();
  for (const block of styleBlocks(plan)) {
    const groups = byStyle.get(block.style) ?? byStyle.set(block.style, [[]]).get(block.style)!;
    const address = rangeAddress(block.row, block.column, block.rows, block.columns);
    let current = groups[groups.length - 1];
    if (current.join(',').length + address.length + 1 > MAX_AREAS_ADDRESS) groups.push((current = []));
    current.push(address);
  }
  for (const [style, groups] of byStyle) {
    for (const addresses of groups)
      steps.push({ kind: 'styles', sheet, style, addresses, bytes: 3 * ACTION_BYTES + jsonBytes(addresses) });
  }
  for (const validation of plan.validations ?? []) {
    steps.push({ kind: 'validation', sheet, validation, bytes: 3 * ACTION_BYTES + jsonBytes(validation) });
  }
  const look = { columnWidths: plan.columnWidths, freeze: plan.freeze, tabColor: plan.tabColor };
  steps.push({ kind: 'sheetLook', sheet, plan: look, bytes: ACTION_BYTES * (2 + (plan.columnWidths?.length ?? 0)) });
  for (const table of plan.tables ?? []) {
    const address = tableAddress(plan, table);
    if (address) steps.push({ kind: 'table', sheet, table, address, bytes: 4 * ACTION_BYTES });
  }
  for (const chart of plan.charts ?? [])
    steps.push({ kind: 'chart', sheet, chart, bytes: (6 + 3 * chart.series.length) * ACTION_BYTES });
  return steps;
}

/**
 * The range a table is created over: its header and data rows. Excel can't make a table without a
 * data row, so an empty table takes the blank row below its header, when that row is blank in the
 * plan; otherwise it is left out (the header cells are still written, so a reader finds the block).
 */
export function tableAddress(plan: SheetPlan, table: TablePlan): string | undefined {
  let rows = table.rowCount;
  if (rows === 0) {
    const below = plan.rows[table.row + 1] ?? [];
    if (below.slice(table.column, table.column + table.columns.length).some((cell) => cell)) return undefined;
    rows = 1;
  }
  return rangeAddress(table.row, table.column, rows + 1, table.columns.length);
}

/** Cuts an array step into two bands of rows; a single row can't be cut. */
export function splitArrayStep(step: ArrayStep): ArrayStep[] {
  const rows = step.kind === 'cells' ? step.formulas : step.formats;
  if (rows.length < 2) return [step];
  const half = Math.ceil(rows.length / 2);
  return [rows.slice(0, half), rows.slice(half)].map((band, i) => {
    const row = step.row + (i === 0 ? 0 : half);
    return step.kind === 'cells'
      ? { ...step, row, formulas: band as CellInput[][], bytes: arrayStepBytes(band) }
      : { ...step, row, formats: band as (string | null)[][], bytes: arrayStepBytes(band) };
  });
}

/**
 * The steps for the next request: as many as fit in `budget` bytes, in order, cutting an array
 * step that alone is too big into bands of rows. Always at least one step, so a step that can't be
 * cut is still tried (and a host refusal then reports it).
 */
export function nextBatch(steps: readonly WriteStep[], budget: number): { batch: WriteStep[]; rest: WriteStep[] } {
  const queue = [...steps];
  const batch: WriteStep[] = [];
  let bytes = 0;
  while (queue.length > 0) {
    const step = queue[0];
    if (bytes + step.bytes <= budget) {
      batch.push(queue.shift()!);
      bytes += step.bytes;
      continue;
    }
    // Cut a big array to fill the request, but not into slivers for the last few bytes of room.
    const room = budget - bytes;
    if ((step.kind === 'cells' || step.kind === 'formats') && room >= budget / 4) {
      const parts = splitArrayStep(step);
      if (parts.length > 1) {
        queue.splice(0, 1, ...parts);
        continue;
      }
    }
    if (batch.length === 0) batch.push(queue.shift()!);
    break;
  }
  return { batch, rest: queue };
}

/** "A:A" style address of a run of columns. */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetter(first)}:${columnLetter(last)}`;
}
