import { yearSpan } from '../domain/financialYear';
import { planToJson } from '../domain/planJson';
import { readPlan } from '../workbook/families/planReader';
import type { LiveWorkbook } from './liveWorkbook';

/**
 * "Download .xlsx": the plan the simulated workbook holds (everything typed in its input cells, on
 * the cards and the Pool sheet, read back as the pane reads it) built into the very file `bcf build`
 * makes, by the CLI's own writer behind the preview server (POST build.xlsx; see scripts/preview.js).
 * A number typed over a formula is not a plan input, so it is not carried over; the audit finds it.
 */
export async function downloadWorkbook(workbook: LiveWorkbook): Promise<string> {
  const { plan } = readPlan(await workbook.read());
  const response = await fetch('build.xlsx', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(planToJson(plan)),
  });
  if (!response.ok) throw new Error(await response.text());
  const name =
    `${(plan.board || 'BCF').replace(/[\\/:*?"<>|]+/g, ' ').trim()} BCF plan ${yearSpan(plan.years.map((y) => y.label)).replace(/\//g, '-')}.xlsx`.replace(
      /\s+/g,
      ' ',
    );
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}
