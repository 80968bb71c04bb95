import { exportText } from '../../../domain/exportText';
import { csvRows, importPackages, type ImportResult } from '../../../domain/jointFundingImport';

/**
 * A CSV export the user chose in the pane, read as `bcf joint import` reads one: from its bytes, so
 * a Windows-1252 or UTF-16 file is read as the CLI reads it (File.text() takes every file as UTF-8).
 */
export async function readExportFile(file: Blob & { readonly name: string }): Promise<ImportResult> {
  const text = exportText(new Uint8Array(await file.arrayBuffer()));
  return importPackages(csvRows(text), {}, (row) => `${file.name} row ${row}`);
}
