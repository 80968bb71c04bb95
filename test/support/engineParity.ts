import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { cellAddress } from '../../src/workbook/a1';
import type { WorkbookPlan } from '../../src/workbook/sheetPlan';
import { sameFigure } from './figures';

/**
 * Every formula cell (of the named sheets, or all), evaluated by HyperFormula, against the decimal.js
 * figure the layout cached, compared as test/support/figures.js says (to the penny; shares to 5e-7):
 * "sheet!cell: engine …, add-in … (formula)" for each that differs.
 */
export function engineMismatches(plan: WorkbookPlan, sheets?: readonly string[]): string[] {
  const wb = new MemoryWorkbook();
  wb.applySync(plan);
  const bad: string[] = [];
  for (const sheet of plan.sheets.filter((s) => !sheets || sheets.includes(s.name))) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula) return;
        // Excel and LibreOffice show 0 for a reference to an empty cell; HyperFormula gives null.
        const raw = wb.value(sheet.name, r, c);
        const engine = raw === null && cell.result === 0 ? 0 : raw;
        const ours = cell.result ?? null;
        const same = typeof ours === 'number' ? sameFigure(ours, engine, cell.format) : (engine ?? '') === (ours ?? '');
        if (!same)
          bad.push(
            `${sheet.name}!${cellAddress(r, c)}: engine ${JSON.stringify(engine)}, add-in ${JSON.stringify(ours)} (${cell.formula})`,
          );
      }),
    );
  }
  return bad;
}
