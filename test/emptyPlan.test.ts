import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { emptyPlan } from '../src/domain/newPlan';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { cellAddress } from '../src/workbook/a1';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy } from './support/barnet';
import { engineMismatches } from './support/engineParity';
import { TEST_DAY } from './support/testDay';

/** Every cell of every sheet that HyperFormula calculates to an error (#CYCLE!, #DIV/0!, #REF!...). */
function errorCells(plan: Plan): string[] {
  const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
  const wb = new MemoryWorkbook();
  wb.applySync(layout);
  return wb
    .snapshot()
    .sheets.flatMap((s) =>
      s.values.flatMap((row, r) =>
        row.flatMap((v, c) =>
          typeof v === 'string' && /^#[A-Z/0!?]+[!?]?$/.test(v) ? [`${s.name}!${cellAddress(r, c)}: ${v}`] : [],
        ),
      ),
    );
}

function auditFindings(plan: Plan) {
  const wb = new MemoryWorkbook();
  wb.applySync(workbookLayout(plan, 'all', { today: TEST_DAY }));
  return auditWorkbook(wb.snapshot()).findings;
}

describe('a plan with nothing in it yet', () => {
  test('a new empty plan shows no error cells, agrees with HyperFormula and audits clean', () => {
    const plan = emptyPlan('Barnet', '2025/26');
    expect(errorCells(plan)).toEqual([]);
    expect(engineMismatches(workbookLayout(plan, 'all', { today: TEST_DAY }))).toEqual([]);
    expect(auditFindings(plan)).toEqual([]);
  });

  test('a plan with no schemes in its second year shows no error cells and audits as its checks say', () => {
    const json = barnetJsonCopy();
    for (const s of json.schemes) delete s.years['2015/16'];
    json.pool.contributions = json.pool.contributions.filter((c: { year: string }) => c.year !== '2015/16');
    json.statements = [];
    json.targets = [];
    json.years = json.years.map((y: { label: string }) => ({ label: y.label }));
    const plan = planFromJson(json).plan;
    expect(errorCells(plan)).toEqual([]);
    expect(engineMismatches(workbookLayout(plan, 'all', { today: TEST_DAY }))).toEqual([]);
    expect(auditFindings(plan).filter((f) => f.rule !== 'check-failed')).toEqual([]);
  });
});
