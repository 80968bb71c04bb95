import type ExcelJS from 'exceljs';
import type { Scalar } from '../../workbook/sheetPlan';
import type { DefinedName, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { leanXlsxToSnapshot } from './xlsxLeanReader';
import { CellGrid } from './worksheetXml';
import { definedNames, workbookParts } from './xlsxParts';
import { NotForLeanReader, UnreadableXlsx, zipEntries } from './zipEntries';

const IGNORED_PARTS = [
  'dataValidations',
  'sheetViews',
  'cols',
  'conditionalFormatting',
  'hyperlinks',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'tableParts',
  'autoFilter',
  'rowBreaks',
  'extLst',
];

/**
 * Reads an .xlsx into the host-neutral snapshot: cached values, and formulas where there are any.
 * The lean reader reads what Excel, LibreOffice and ExcelJS write; for anything it leaves alone
 * (encryption, data tables...) or can't make sense of, ExcelJS reads the file instead.
 */
export async function xlsxToSnapshot(data: Buffer | ArrayBuffer): Promise<WorkbookSnapshot> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  let leftOver: string;
  try {
    return leanXlsxToSnapshot(bytes);
  } catch (e) {
    // A broken file stays broken; anything else the lean reader didn't take, ExcelJS may.
    if (!(e instanceof NotForLeanReader)) throw e;
    leftOver = e.message;
  }
  try {
    return await excelJsRead(bytes);
  } catch {
    // ExcelJS's own messages name its internals ("Cannot read properties of undefined"), not the file.
    throw new UnreadableXlsx(
      `it uses something bcf's fast reader leaves to its full reader (${leftOver}), and that could not read it either; the file may be damaged`,
    );
  }
}

/**
 * The workbook's defined names, for a host that works the read formulas out again (the preview's
 * simulated workbook). None where the file's workbook part can't be read: the snapshot says why.
 */
export function xlsxDefinedNames(data: Buffer): DefinedName[] {
  try {
    return definedNames(workbookParts(zipEntries(data)));
  } catch {
    return [];
  }
}

/** ExcelJS is loaded only when needed: requiring it costs a third of a second at every CLI start. */
export async function excelJsRead(data: Buffer): Promise<WorkbookSnapshot> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // A snapshot is values and formulas only; skipping the layout parts reads a workbook in about 60% of the time.
  await workbook.xlsx.load(data as unknown as ArrayBuffer, { ignoreNodes: IGNORED_PARTS });
  return excelJsToSnapshot(workbook);
}

export function excelJsToSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets = workbook.worksheets.map(sheetSnapshot);
  return workbook.properties?.date1904 ? { sheets, date1904: true } : { sheets };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const grid = new CellGrid({ places: 0 });
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    grid.values[rowNumber - 1] ??= [];
    grid.formulas[rowNumber - 1] ??= [];
    if (row.hidden) grid.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const { value, formula } = scalarOf(cell);
      grid.put(
        rowNumber - 1,
        colNumber - 1,
        value,
        formula,
        cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null,
      );
    });
  });
  return grid.snapshotSheet(ws.name);
}

function scalarOf(cell: ExcelJS.Cell): { value: Scalar; formula: string | null } {
  const v = cell.value;
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), formula: null };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const formula = cell.formula ? `=${cell.formula}` : f.formula ? `=${f.formula}` : null;
      // Not f.result: ExcelJS's cell value leaves out a result that is falsy (a formula giving 0).
      return { value: resultScalar(cell.master.result), formula };
    }
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join(''), formula: null };
    if ('text' in v) return { value: String((v as ExcelJS.CellHyperlinkValue).text), formula: null };
    if ('error' in v) return { value: String((v as ExcelJS.CellErrorValue).error), formula: null };
  }
  return { value: String(v), formula: null };
}

function resultScalar(result: unknown): Scalar {
  if (result === undefined || result === null) return null;
  if (typeof result === 'object' && result && 'error' in result) return String((result as { error: string }).error);
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  return result as Scalar;
}
