import { exportText } from '../../../domain/exportText';
import { importPackages, type ImportResult } from '../../../domain/jointFundingImport';
import { csvRows } from '../../../domain/csvRows';
import { JOINT_SHEETS } from '../../../workbook/families/jointFunding/names';
import { EXPORT_HEADER_HAS, exportFromSheets } from '../../../workbook/jointFundingExport';
import type { WorkbookReader } from '../../paneCommands';

/**
 * A CSV export the user chose in the pane, read as `bcf joint import` reads one: from its bytes, so
 * a Windows-1252 or UTF-16 file is read as the CLI reads it (File.text() takes every file as UTF-8).
 */
export async function readExportFile(file: Blob & { readonly name: string }): Promise<ImportResult> {
  const text = exportText(new Uint8Array(await file.arrayBuffer()));
  return importPackages(csvRows(text), {}, (row) => `${file.name} row ${row}`);
}

/**
 * The export on the sheet the person selected, read as `bcf joint` reads an .xlsx export (numbers
 * shown as % taken as shown): the selected cells when several are, else the sheet's used cells.
 * A message naming the sheet and what to do when there is no export there.
 */
export async function exportOnSelectedSheet(workbook: WorkbookReader): Promise<ImportResult | string> {
  const selection = await workbook.readSelection?.();
  if (!selection) return 'Select a cell of the sheet the export is on, then read it.';
  if (Object.values(JOINT_SHEETS).some((s) => s.toLowerCase() === selection.sheet.toLowerCase()))
    return `'${selection.sheet}' is the add-in's own register, not an export: select a cell of the export's sheet.`;
  const where = selection.address.includes(':') ? `the selected cells ${selection.address}` : `'${selection.sheet}'`;
  return (
    exportFromSheets({ sheets: [selection.snapshot] }) ??
    `No export header row on ${where} (${EXPORT_HEADER_HAS}): put the export's sheet in this workbook, select one of its cells, and read it again.`
  );
}
