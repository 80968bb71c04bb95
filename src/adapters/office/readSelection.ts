import type { Selection } from '../../workbook/host';
import type { Scalar } from '../../workbook/sheetPlan';
import type { ExcelApi } from './excelApi';
import { queueHiddenRows } from './hiddenRows';

/**
 * The cells selected in Excel, for "Import schemes from a table": values and number formats in
 * one round trip, or, when a single cell is selected, the used range of its sheet in a second; with
 * the rows hidden among them, which the import leaves out as it does from a file.
 * Kept apart from OfficeWorkbook; the host offers it as `readSelection`.
 */
export async function readSelectedRange(excel: ExcelApi): Promise<Selection | undefined> {
  return excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('address,values,numberFormat,rowIndex,columnIndex,cellCount,rowHidden');
    const hidden = queueHiddenRows(range);
    // The selection is on the active sheet.
    const worksheet = context.workbook.worksheets.getActiveWorksheet();
    worksheet.load('name');
    await context.sync();
    const sheet = worksheet.name;
    const address = range.address.slice(range.address.lastIndexOf('!') + 1);
    if (range.cellCount > 1)
      return placeSelection(
        sheet,
        address,
        range.rowIndex,
        range.columnIndex,
        range.values,
        range.numberFormat,
        hidden(),
      );
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load('address,values,numberFormat,rowIndex,columnIndex,rowHidden');
    const usedHidden = queueHiddenRows(used);
    await context.sync();
    if (used.isNullObject) return undefined;
    return placeSelection(
      sheet,
      address,
      used.rowIndex,
      used.columnIndex,
      used.values,
      used.numberFormat,
      usedHidden(),
    );
  });
}

/** Cells read from Excel put at their own rows and columns, "" as blank and General as no format. */
export function placeSelection(
  sheet: string,
  address: string,
  top: number,
  left: number,
  values: unknown[][],
  formats: unknown[][],
  hiddenRows?: readonly number[],
): Selection {
  const pad = <T>(rows: T[][]): (T | null)[][] => [
    ...Array.from({ length: top }, () => []),
    ...rows.map((row) => [...Array.from({ length: left }, () => null), ...row]),
  ];
  const cells = values.map((row) => row.map((v): Scalar => (v === '' || v === undefined ? null : (v as Scalar))));
  const looks = formats.map((row) => row.map((f) => (typeof f === 'string' && f !== 'General' ? f : null)));
  const snapshot = { name: sheet, values: pad(cells), numberFormats: pad(looks) };
  return { sheet, address, snapshot: hiddenRows?.length ? { ...snapshot, hiddenRows } : snapshot };
}
