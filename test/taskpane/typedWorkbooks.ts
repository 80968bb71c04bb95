import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { xlsxToSnapshot } from '../../src/adapters/file/xlsxReader';
import type { Scalar } from '../../src/workbook/sheetPlan';
const { barnetTablesAsPrinted } = require('../support/barnetTablesAsPrinted');
const { toXlsx } = require('../support/templateCorpus') as typeof import('../support/templateCorpus');

/** An in-memory workbook holding these sheets' values as typed (no formulas), as a person's own workbook would. */
export function typedInto(sheets: readonly { name: string; values: readonly (readonly unknown[] | undefined)[] }[]) {
  const book = new MemoryWorkbook();
  for (const sheet of sheets) {
    book.engine.addSheet(sheet.name);
    sheet.values.forEach((row, r) =>
      row?.forEach((v, c) => v !== null && v !== undefined && book.setCell(sheet.name, r, c, v as Scalar)),
    );
  }
  return book;
}

/** The Barnet tables typed in as printed, as a commissioner would open them. */
export const barnetTypedWorkbook = (): MemoryWorkbook => typedInto(barnetTablesAsPrinted().sheets);

/** NHS England's planning template as the corpus spec fills it in. */
export async function templateWorkbook(spec: Parameters<typeof toXlsx>[0]): Promise<MemoryWorkbook> {
  return typedInto((await xlsxToSnapshot(await toXlsx(spec))).sheets);
}
