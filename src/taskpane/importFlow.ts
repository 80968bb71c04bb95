import { SHEET } from '../workbook/families/assumptions/names';
import { EVERY_SHEET } from '../workbook/host';
import type { WorkbookReader } from './paneCommands';
import {
  proposeMapping,
  tablesToImport,
  unplacedColumns,
  unreadablePastedTables,
  type ImportField,
  type ImportMapping,
  type MappedColumn,
} from '../workbook/import/columnMapping';
import { planFromTable, type ImportOptions, type ImportResult } from '../workbook/import/planFromTable';
import { importTemplate, type TemplateImport } from '../workbook/template/templateImport';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { cellAddress } from '../workbook/a1';
import { WHAT_A_SCHEME_TABLE_HAS } from '../workbook/audit/printedTables';

/**
 * The steps of "Import schemes from a table", kept apart from the panel so they can be tested
 * without React: find the table (in the selected cells, else on the selected cell's sheet, else
 * anywhere in the workbook but the add-in's own sheets), propose what each column becomes, let
 * the person change it, and make the plan the pane will start.
 */
export interface FoundImport {
  readonly mapping: ImportMapping;
  /** Where the table is, in words: "'Schemes'!A3:H16". */
  readonly where: string;
  readonly schemes: number;
}

const ADDIN_SHEETS = new Set(Object.values(SHEET).map((s) => String(s).toLowerCase()));

/** NHS England's planning template found in the workbook: its lines, income and minimums, ready to start a plan from. */
export interface FoundTemplate {
  readonly kind: 'template';
  readonly imported: TemplateImport;
  /** Where the lines are, in words: "'6a. Expenditure'!A31". */
  readonly where: string;
}

/** The workbook's sheets but the add-in's own: where a person's table or planning template can be. */
async function personsSheets(host: WorkbookReader): Promise<readonly SheetSnapshot[]> {
  const snapshot = await host.read(EVERY_SHEET);
  return snapshot.sheets.filter(
    (s) => !ADDIN_SHEETS.has(s.name.toLowerCase()) && !s.name.startsWith('Card ') && !/^BCF \d{4}/.test(s.name),
  );
}

/**
 * The planning template in a workbook that holds no plan of the add-in's: what the pane offers to
 * start from when it opens on a board's filled-in template, before anyone looks for the Import tab.
 */
export async function templateInWorkbook(host: WorkbookReader): Promise<FoundTemplate | undefined> {
  return findTemplate({ sheets: await personsSheets(host) });
}

/** The planning template on the person's own sheets, if there is one with lines. */
export function findTemplate(snapshot: WorkbookSnapshot): FoundTemplate | undefined {
  const imported = importTemplate(snapshot);
  if (!imported?.plan.expenditure?.length) return undefined;
  const lines = imported.template.lines;
  const header = cellAddress(lines.header.row, lines.header.columns[0]?.index ?? 0);
  return { kind: 'template', imported, where: `'${lines.sheet.replace(/'/g, "''")}'!${header}` };
}

export async function findImportTable(
  host: WorkbookReader,
): Promise<FoundImport | FoundTemplate | { readonly message: string }> {
  const selection = await host.readSelection?.();
  if (selection && selection.address.includes(':')) {
    const [table] = tablesToImport({ sheets: [selection.snapshot] });
    if (table) return found(proposeMapping(table));
    const [pasted] = unreadablePastedTables({ sheets: [selection.snapshot] });
    if (pasted)
      return { message: `No scheme table could be read in the selected cells ${selection.address}. ${pasted}` };
    return {
      message: `No scheme table in the selected cells ${selection.address}: ${WHAT_A_SCHEME_TABLE_HAS}. Select the table with its headings, or one cell of its sheet.`,
    };
  }
  const sheets = await personsSheets(host);
  const template = findTemplate({ sheets });
  if (template) return template;
  const mine = selection ? sheets.filter((s) => s.name === selection.sheet) : [];
  const [table] = [
    ...tablesToImport({ sheets: mine }),
    ...tablesToImport({ sheets: sheets.filter((s) => !mine.includes(s)) }),
  ];
  if (table) return found(proposeMapping(table));
  const [pasted] = unreadablePastedTables({ sheets });
  if (pasted) return { message: `No scheme table could be read in this workbook. ${pasted}` };
  return {
    message: `No scheme table found in this workbook: ${WHAT_A_SCHEME_TABLE_HAS}. Select the table and try again.`,
  };
}

function found(mapping: ImportMapping): FoundImport {
  const t = mapping.table;
  const sheet = t.grid.sheet.name;
  const where = `'${sheet.replace(/'/g, "''")}'!${t.grid.address(t.headerRows[0], t.firstColumn)}:${t.grid.address(t.lastRow, t.lastColumn)}`;
  return { mapping, where, schemes: t.rows.length };
}

/** The mapping with one column placed differently, as the person chose. */
export function withField(mapping: ImportMapping, column: MappedColumn, field: ImportField): ImportMapping {
  return { ...mapping, columns: mapping.columns.map((c) => (c.index === column.index ? { ...c, field } : c)) };
}

export interface ImportPreview extends ImportResult {
  readonly unplaced: readonly MappedColumn[];
  readonly errors: number;
}

export function previewImport(mapping: ImportMapping, options: ImportOptions): ImportPreview {
  const result = planFromTable(mapping, options);
  return {
    ...result,
    unplaced: unplacedColumns(mapping),
    errors: result.problems.filter((p) => p.severity === 'error').length,
  };
}
