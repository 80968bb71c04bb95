import type { WorkbookPlan } from '../../workbook/sheetPlan';
import { writableWorkbook, type WriteRepairs } from '../../workbook/writableWorkbook';
import { chartParts } from './xlsxCharts';
import { rewriteZip } from './zipRewrite';
import { planToExcelJs } from './excelJsWorkbook';

export { planToExcelJs };

/** The .xlsx bytes: ExcelJS writes the parts uncompressed, then the charts go in and zlib compresses. */
export async function planToXlsxBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return (await planToXlsx(plan)).buffer;
}

/** The .xlsx bytes, and what had to be repaired so every program opens them (see writableWorkbook). */
export async function planToXlsx(plan: WorkbookPlan): Promise<{ buffer: Buffer; repairs: WriteRepairs }> {
  const writable = writableWorkbook(plan);
  const stored = Buffer.from(
    (await planToExcelJs(writable.plan).xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer,
  );
  return { buffer: rewriteZip(stored, chartParts(stored, writable.plan)), repairs: writable.repairs };
}
