import { positionOf, sheetRef } from '../../workbook/a1';
import type { Progress, WorkbookHost } from '../../workbook/host';
import type { Scalar, WorkbookPlan } from '../../workbook/sheetPlan';
import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { CELL_LOOKS } from './cellLooks';
import { columnsAddress, nextBatch, writeSteps, type WorkbookState, type WriteStep } from './writeSteps';

/** The part of the Office.js `Excel` namespace the adapter uses; tests inject Microsoft's client loaded in a vm. */
export type ExcelApi = Pick<typeof Excel, 'run'>;

export interface OfficeWorkbookOptions {
  /**
   * Largest request the adapter builds, in bytes. Excel on the web refuses requests over 5 MB; the
   * estimate of a step's size is close but not exact, so the default keeps a margin of 20%.
   */
  readonly maxRequestBytes?: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Below this a refused request is not retried smaller: something else is wrong. */
const MIN_REQUEST_BYTES = 16_000;

/**
 * The workbook open in Excel, through Office.js. This folder is the only code that touches `Excel`.
 *
 * `apply` makes the workbook match a plan in one `Excel.run`: one round trip reads which sheets,
 * tables and names exist, and one more writes everything (two for any plan whose request fits in
 * 4 MB, whatever its number of schemes). Bigger plans are cut into several requests by size, and a
 * request the host refuses as too large is sent again in smaller pieces, so a sheet is never left
 * half-written because of its size.
 */
export class OfficeWorkbook implements WorkbookHost {
  private readonly maxRequestBytes: number;

  constructor(
    private readonly excel: ExcelApi = defaultExcel(),
    options: OfficeWorkbookOptions = {},
  ) {
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  }

  select(sheet: string, cell: string): Promise<void> {
    return selectCell(sheet, cell, this.excel);
  }

  async apply(plan: WorkbookPlan, onProgress?: (p: Progress) => void): Promise<void> {
    let budget = this.maxRequestBytes;
    let pending: WriteStep[] | undefined;
    let done = 0;
    const report = (step: string) => onProgress?.({ done, total: done + (pending?.length ?? 1), step });
    report('Reading the workbook');
    for (;;) {
      try {
        await this.excel.run(async (context) => {
          if (!pending) {
            pending = writeSteps(plan, await readState(context));
            done = 1;
            report('Writing the workbook');
          }
          while (pending.length > 0) {
            const { batch, rest } = nextBatch(pending, budget);
            // Recalculating after every action of a big write is what makes it slow; Excel
            // recalculates once when the request is done.
            context.application.suspendApiCalculationUntilNextSync();
            const sheets = new Map<string, Excel.Worksheet>();
            for (const step of batch) queueStep(context, sheets, step);
            // One sync per request-sized batch, not per item: one in all unless the plan is over 4 MB.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            // Only now, with the request accepted, are these steps done.
            pending = rest;
            done += batch.length;
            report(pending.length > 0 ? `Wrote ${batch[batch.length - 1].sheet}` : 'Done');
          }
        });
        return;
      } catch (error) {
        // Excel on the web refused the request as too large (host error 5103): nothing of it was
        // applied, so send the same steps again in requests half the size, in a fresh Excel.run.
        if (errorCode(error) !== 'RequestPayloadSizeLimitExceeded' || budget <= MIN_REQUEST_BYTES) throw error;
        budget = Math.floor(budget / 2);
      }
    }
  }

  /**
   * Values and formulas of each sheet's used range, padded from A1 so row and column indexes are the
   * sheet's own. Two round trips (sheet names, then every used range at once); if the response would
   * be over the host's limit, the ranges are read again in bands of rows.
   */
  async read(sheetNames?: readonly string[]): Promise<WorkbookSnapshot> {
    return this.excel.run(async (context) => {
      const collection = context.workbook.worksheets.load('items/name');
      await context.sync();
      const present = collection.items.map((s) => s.name);
      const wanted = sheetNames ? sheetNames.map((n) => present.find((p) => p.toLowerCase() === n.toLowerCase())).filter((n): n is string => n !== undefined) : present;
      try {
        const ranges = wanted.map((name) => context.workbook.worksheets.getItem(name).getUsedRange(true).load('address,values,formulas'));
        await context.sync();
        return { sheets: wanted.map((name, i) => snapshotOf(name, ranges[i].address, ranges[i].values, ranges[i].formulas)) };
      } catch (error) {
        if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
      }
      return { sheets: await readInBands(context, wanted) };
    });
  }
}

/** Selects a cell for the user, e.g. when they choose an audit finding. */
export async function selectCell(sheet: string, address: string, excel: ExcelApi = defaultExcel()): Promise<void> {
  await excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

function defaultExcel(): ExcelApi {
  const excel = (globalThis as { Excel?: ExcelApi }).Excel;
  // Resolved lazily so that importing this module outside Office (tests, the preview) is harmless.
  return excel ?? ({ run: () => Promise.reject(new Error('Excel is not available: open the BCF planner inside Excel.')) } as unknown as ExcelApi);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : undefined;
}

/** The command's first round trip: which sheets, tables (and their sheets) and names exist. */
async function readState(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load('items/name,items/charts/items/name');
  // Loading each table's sheet name (and each sheet's chart names) is one query, not a round trip each.
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  const names = context.workbook.names.load('items/name');
  await context.sync();
  return {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    names: names.items.map((n) => n.name),
    charts: sheets.items.flatMap((s) => s.charts.items.map((c) => ({ name: c.name, sheet: s.name }))),
  };
}

function queueStep(context: Excel.RequestContext, sheets: Map<string, Excel.Worksheet>, step: WriteStep): void {
  const workbook = context.workbook;
  const sheetOf = (name: string) => {
    let sheet = sheets.get(name);
    if (!sheet) sheets.set(name, (sheet = workbook.worksheets.getItem(name)));
    return sheet;
  };
  switch (step.kind) {
    case 'addSheet':
      sheets.set(step.sheet, workbook.worksheets.add(step.sheet));
      return;
    case 'unlistTable':
      // Keeps the cells (cleared next) and frees the name for the table written in its place.
      workbook.tables.getItem(step.table).convertToRange();
      return;
    case 'clearSheet': {
      // Sheets the add-in generates are rebuilt whole, so rows left from a longer plan don't linger.
      const used = sheetOf(step.sheet).getUsedRange();
      used.clear();
      used.dataValidation.clear();
      sheetOf(step.sheet).freezePanes.unfreeze();
      return;
    }
    case 'name': {
      const reference = `=${sheetRef(step.name.sheet, step.name.cell)}`;
      if (step.exists) {
        const item = workbook.names.getItem(step.name.name);
        item.formula = reference;
        item.comment = step.name.comment;
      } else {
        workbook.names.add(step.name.name, reference, step.name.comment);
      }
      return;
    }
    case 'cells':
      sheetOf(step.sheet).getRangeByIndexes(step.row, step.column, step.formulas.length, step.formulas[0].length).formulas = step.formulas;
      return;
    case 'formats':
      sheetOf(step.sheet).getRangeByIndexes(step.row, step.column, step.formats.length, step.formats[0].length).numberFormat = step.formats;
      return;
    case 'styles': {
      const look = CELL_LOOKS[step.style];
      const format = sheetOf(step.sheet).getRanges(step.addresses.join(',')).format;
      if (look.fill) format.fill.color = look.fill;
      if (look.bold !== undefined) format.font.bold = look.bold;
      if (look.italic !== undefined) format.font.italic = look.italic;
      if (look.size !== undefined) format.font.size = look.size;
      if (look.color) format.font.color = look.color;
      if (look.wrap !== undefined) format.wrapText = look.wrap;
      if (look.vertical) format.verticalAlignment = look.vertical;
      if (look.borderTop) format.borders.getItem('EdgeTop').style = look.borderTop;
      if (look.borderBottom) format.borders.getItem('EdgeBottom').style = look.borderBottom;
      return;
    }
    case 'validation': {
      const v = step.validation;
      const validation = sheetOf(step.sheet).getRange(v.range).dataValidation;
      validation.clear();
      validation.ignoreBlanks = true;
      if (v.kind === 'list') {
        validation.rule = { list: { inCellDropDown: true, source: v.source ? `=${v.source}` : (v.list ?? []).join(',') } };
      } else {
        const rule = { formula1: v.min ?? 0, operator: 'GreaterThanOrEqualTo' as const };
        validation.rule = v.kind === 'whole' ? { wholeNumber: rule } : { decimal: rule };
      }
      validation.errorAlert = { message: v.message, showAlert: true, style: 'Stop', title: 'BCF planner' };
      return;
    }
    case 'sheetLook': {
      const sheet = sheetOf(step.sheet);
      const widths = step.plan.columnWidths ?? [];
      for (let first = 0; first < widths.length;) {
        let last = first;
        while (last + 1 < widths.length && widths[last + 1] === widths[first]) last++;
        sheet.getRange(columnsAddress(first, last)).format.columnWidth = columnWidthPoints(widths[first]);
        first = last + 1;
      }
      const freeze = step.plan.freeze;
      if (freeze && freeze.rows > 0 && freeze.columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
      else if (freeze && freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
      else if (freeze && freeze.columns > 0) sheet.freezePanes.freezeColumns(freeze.columns);
      if (step.plan.tabColor) sheet.tabColor = `#${step.plan.tabColor}`;
      return;
    }
    case 'deleteChart':
      sheetOf(step.sheet).charts.getItem(step.chart).delete();
      return;
    case 'chart': {
      // A line chart over ranges already written: the first series creates it, the rest are added.
      const sheet = sheetOf(step.sheet);
      const plan = step.chart;
      const chart = sheet.charts.add('Line', sheet.getRange(plan.series[0].range), 'Columns');
      chart.title.text = plan.title;
      chart.setPosition(plan.anchor);
      plan.series.forEach((s, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
        if (i > 0) series.setValues(sheet.getRange(s.range));
        series.name = s.name;
        series.setXAxisValues(sheet.getRange(plan.categories));
      });
      return;
    }
    case 'table': {
      const sheet = sheetOf(step.sheet);
      const table = sheet.tables.add(sheet.getRange(step.address), true);
      table.name = step.table.name;
      table.style = 'TableStyleLight9';
      return;
    }
  }
}

/** Excel column widths are set in points; plans give them in characters of the default font (7 px + 5 px padding). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function snapshotOf(name: string, address: string, values: unknown[][], formulas: unknown[][]): SheetSnapshot {
  const origin = topLeft(address);
  const blankRows = Array.from({ length: origin.row }, () => [] as Scalar[]);
  const pad = Array.from({ length: origin.column }, () => null);
  const valueRows = values.map((row) => [...pad, ...row.map(toScalar)]);
  const formulaRows = formulas.map((row, r) => [
    ...pad,
    ...row.map((f, c) => {
      // Text the user typed as '=1+1 reads back as "=1+1" in both arrays: only a formula's value differs from its text.
      return typeof f === 'string' && f.startsWith('=') && f !== values[r][c] ? f : null;
    }),
  ]);
  return { name, values: [...blankRows, ...valueRows], formulas: [...blankRows.map(() => []), ...formulaRows] };
}

/** Excel gives an empty cell as "", the snapshot as null, like the other hosts. */
function toScalar(value: unknown): Scalar {
  if (value === '' || value === undefined) return null;
  return value as Scalar;
}

function topLeft(address: string): { row: number; column: number } {
  return positionOf(address.slice(address.lastIndexOf('!') + 1).split(':')[0]) ?? { row: 0, column: 0 };
}

/** For used ranges too big to return at once: their sizes first, then bands of rows, a few per round trip. */
async function readInBands(context: Excel.RequestContext, names: readonly string[], cellsPerRequest = 200_000): Promise<SheetSnapshot[]> {
  const used = names.map((name) => context.workbook.worksheets.getItem(name).getUsedRange(true).load('address,rowCount,columnCount'));
  await context.sync();
  const parts = names.map(() => ({ values: [] as unknown[][], formulas: [] as unknown[][] }));
  const bands: { sheet: number; row: number; rows: number }[] = [];
  used.forEach((range, sheet) => {
    const rowsPerBand = Math.max(1, Math.floor(cellsPerRequest / 4 / Math.max(1, range.columnCount)));
    for (let row = 0; row < range.rowCount; row += rowsPerBand) bands.push({ sheet, row, rows: Math.min(rowsPerBand, range.rowCount - row) });
  });
  let cells = 0;
  let queued: { band: (typeof bands)[number]; range: Excel.Range }[] = [];
  const flush = async () => {
    await context.sync();
    for (const { band, range } of queued) {
      parts[band.sheet].values.push(...range.values);
      parts[band.sheet].formulas.push(...range.formulas);
    }
    queued = [];
    cells = 0;
  };
  for (const band of bands) {
    const columns = Math.max(1, used[band.sheet].columnCount);
    if (cells + band.rows * columns > cellsPerRequest && queued.length > 0) await flush();
    queued.push({
      band,
      range: used[band.sheet]
        .getRow(band.row)
        .getResizedRange(band.rows - 1, 0)
        .load('values,formulas'),
    });
    cells += band.rows * columns;
  }
  if (queued.length > 0) await flush();
  return names.map((name, i) => snapshotOf(name, used[i].address, parts[i].values, parts[i].formulas));
}
