import {
  importPackages,
  importTables,
  type ExportTable,
  type ImportField,
  type ImportResult,
} from '../domain/jointFundingImport';
import type { CellValue } from '../domain/jointFundingInput';
import { Money } from '../domain/money';
import { shownFormat } from './audit/shownFormat';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';

/**
 * A case-management export kept as a workbook (saved from the system as .xlsx, or its sheet put in
 * the plan's workbook): every sheet whose header row the import recognises (one per team, say),
 * read as one register. Undefined when no sheet has an export's header row. `bcf joint` reads an
 * .xlsx export through this, and the pane the sheet the person chose.
 */
export function exportFromSheets(
  snapshot: WorkbookSnapshot,
  mapping: Readonly<Record<string, ImportField>> = {},
): ImportResult | undefined {
  const tables: ExportTable[] = [];
  for (const sheet of snapshot.sheets) {
    const describe = (row: number) => `${sheet.name} row ${row}`;
    const values = percentsAsShown(sheet);
    const result = importPackages(values, mapping, describe);
    const noHeader = result.problems.some((p) => p.row === null && p.field === '');
    if (noHeader) continue;
    tables.push({ rows: snapshot.date1904 ? datesFrom1900(values, result) : values, describe, name: sheet.name });
  }
  return tables.length ? importTables(tables, mapping) : undefined;
}

/** What an export's header row has, said where none was found. */
export const EXPORT_HEADER_HAS = 'columns such as Person ID, ICB, Start date and Weekly cost';

/**
 * A sheet's values with every number shown as a percentage written as it is shown ("40%"): Excel
 * keeps a cell showing 40% as 0.4, and an ICB share read as 0.4 would be 0.4%, a hundredth of it.
 */
function percentsAsShown(sheet: SheetSnapshot): CellValue[][] {
  const formats = sheet.numberFormats;
  return sheet.values.map((row, r) =>
    (row ?? []).map((v, c) =>
      typeof v === 'number' && Number.isFinite(v) && shownFormat(formats?.[r]?.[c]).percent
        ? `${new Money(String(v)).times(100).toFixed()}%`
        : v,
    ),
  );
}

const DAYS_1900_TO_1904 = 1462;

/**
 * An export's rows with the serials in its date columns counted from 1900, as the import reads
 * them: in a 1904-system workbook, a date kept as a plain number (no date format, which the reader
 * would have turned into a date) would otherwise be read four years early.
 */
function datesFrom1900(values: readonly (readonly CellValue[])[], read: ImportResult): CellValue[][] {
  const labels = (['start', 'end', 'decided'] as const).map((f) => read.columns.used[f]).filter((l) => l !== undefined);
  const header = values.findIndex((row) => labels.every((l) => row?.some((v) => String(v ?? '').trim() === l)));
  const columns = new Set(labels.map((l) => values[header]?.findIndex((v) => String(v ?? '').trim() === l)));
  return values.map((row, r) =>
    r <= header
      ? [...(row ?? [])]
      : (row ?? []).map((v, c) => (typeof v === 'number' && columns.has(c) ? v + DAYS_1900_TO_1904 : v)),
  );
}
