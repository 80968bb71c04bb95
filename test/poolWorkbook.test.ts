import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planToExcelJs } from '../src/adapters/file/xlsxWriter';
import { xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import { planChecks } from '../src/domain/planChecks';
import { planFromJson, planToJson } from '../src/domain/planJson';
import { readPlan } from '../src/workbook/families/planReader';
import { POOL_SHEETS } from '../src/workbook/families/pool/names';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy, barnetPlan } from './support/barnet';
import { engineMismatches } from './support/engineParity';
import { TEST_DAY } from './support/testDay';

const MINE = Object.values(POOL_SHEETS) as string[];

/** Each formula on the Pool, Checks and Risk log sheets, calculated by HyperFormula, against the add-in's figure. */
function mismatches(plan: WorkbookPlan): string[] {
  return engineMismatches(plan, MINE);
}

function withSpend(fixed: boolean) {
  const json = barnetJsonCopy();
  json.pool.spend = [
    { scheme: '2b', year: '2015/16', quarter: 1, amount: 300000.5 },
    { scheme: '2b', year: '2015/16', quarter: 3, amount: 1200000 },
    { scheme: '4a', year: '2015/16', quarter: 2, amount: 2500000 },
    { scheme: '3a', year: '2014/15', quarter: 4, amount: 636171 },
  ];
  if (fixed)
    json.pool.sharing = {
      kind: 'fixed',
      shares: [
        { partner: 'LBB', percent: 40 },
        { partner: 'BCCG', percent: 60 },
      ],
    };
  return planFromJson(json).plan;
}

describe('the Pool, Checks and Risk log sheets', () => {
  test('every computed cell agrees with HyperFormula: Barnet as published', () => {
    expect(mismatches(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }))).toEqual([]);
  });

  test('every computed cell agrees with HyperFormula: quarterly spend entered, shared by contributions and 40:60', () => {
    expect(mismatches(workbookLayout(withSpend(false), 'all', { today: TEST_DAY }))).toEqual([]);
    expect(mismatches(workbookLayout(withSpend(true), 'all', { today: TEST_DAY }))).toEqual([]);
  });

  test('the Checks sheet shows FAIL exactly where the plan checks fail', () => {
    const plan = barnetPlan();
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(plan, 'all', { today: TEST_DAY }));
    const values = wb.snapshot([POOL_SHEETS.checks]).sheets[0].values;
    const failed = values.filter((row) => row[1] === 'FAIL').map((row) => row[0]);
    expect(failed).toEqual(
      planChecks(plan)
        .filter((c) => !c.passed)
        .map((c) => c.id),
    );
  });

  test('a finance lead typing a quarter of spend changes the variance and the partner shares', () => {
    const plan = withSpend(true);
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(plan, 'all', { today: TEST_DAY }));
    const sheet = () => wb.snapshot([POOL_SHEETS.pool]).sheets[0].values;
    const row = sheet().findIndex((r) => r[0] === '2b' && r[1] === '2015/16');
    wb.setCell(POOL_SHEETS.pool, row, 6, 1000); // Q4
    const again = readPlan(wb.snapshot()).plan;
    expect(again.pool!.spend.find((s) => s.scheme === '2b' && s.quarter === 4)!.amount.toString()).toBe('1000');
    expect(mismatches(workbookLayout(again, 'all', { today: TEST_DAY }))).toEqual([]);
    const values = sheet();
    const partnersHeader = values.findIndex((r) => r[0] === 'Sharing year');
    const lbb = values.slice(partnersHeader).find((r) => r[0] === '2015/16' && r[1] === 'LBB')!;
    expect(lbb[3]).toBeCloseTo(0.4, 10);
  });

  test('rebuilding keeps typed spend, contributions, sharing rule, statements and risks (through an .xlsx file)', async () => {
    const plan = withSpend(true);
    const buffer = await planToExcelJs(workbookLayout(plan, 'all', { today: TEST_DAY })).xlsx.writeBuffer();
    const again = readPlan(await xlsxToSnapshot(buffer as ArrayBuffer)).plan;
    const pick = (p: typeof plan) => {
      const j = planToJson(p) as any;
      const key = (x: any) => `${x.year}|${x.scheme}|${x.quarter}`;
      return {
        pool: { ...j.pool, spend: [...j.pool.spend].sort((x: any, y: any) => key(x).localeCompare(key(y))) },
        risks: j.risks,
        statements: j.statements,
      };
    };
    expect(pick(again)).toEqual(pick(plan));
  });
});
