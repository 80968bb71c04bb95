import type { WorkbookPlan } from '../../workbook/sheetPlan';
import { writableWorkbook, type WriteRepairs } from '../../workbook/writableWorkbook';
import { planToExcelJs } from './excelJsWorkbook';
import { planToXlsxBytes } from './xlsxStream';

export { planToExcelJs };

/** The .xlsx bytes of a plan, charts included, each part written once straight into the compressed zip. */
export async function planToXlsxBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return (await planToXlsx(plan)).buffer;
}

/** The .xlsx bytes, and what had to be repaired so every program opens them (see writableWorkbook). */
export async function planToXlsx(plan: WorkbookPlan): Promise<{ buffer: Buffer; repairs: WriteRepairs }> {
  const writable = writableWorkbook(plan);
  return { buffer: planToXlsxBytes(writable.plan), repairs: writable.repairs };
}
