import { template2325 } from './templateSheets';
import { importTemplate } from '../../src/workbook/template/templateImport';
import { auditWorkbook } from '../../src/workbook/audit/auditWorkbook';
import { planToJson } from '../../src/domain/planJson';
test('try', () => {
  const snap = template2325();
  const r = importTemplate(snap)!;
  console.log(JSON.stringify(planToJson(r.plan), null, 1).slice(0, 3000), r.problems, r.template.lines.totals, r.template.blocks.balances.length, r.template.blocks.required);
  console.log(auditWorkbook(snap));
});
