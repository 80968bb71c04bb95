import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planFromJson } from '../src/domain/planJson';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { JOINT_SHEETS, registerColumn } from '../src/workbook/families/jointFunding/names';
import { REGISTER_HEADER_ROW } from '../src/workbook/families/jointFunding/register';
import { readJointFunding } from '../src/workbook/families/jointFunding/reader';
import { jointFundingToJson } from '../src/domain/jointFundingJson';
import { describeLocation } from '../src/domain/problems';
import { engineMismatches } from './support/engineParity';
import { randomJointPlanJson } from './support/randomJointFunding';
import { TEST_DAY } from './support/testDay';

const examplePlan = () =>
  planFromJson(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'joint-funding.json'), 'utf8'))).plan;

function row(wb: MemoryWorkbook, sheet: string, label: string): unknown[] {
  const values = wb.snapshot([sheet]).sheets[0].values;
  return values.find((r) => typeof r[0] === 'string' && r[0].startsWith(label)) as unknown[];
}

describe('the joint-funding sheets, calculated by HyperFormula', () => {
  test('every formula cell of the example equals the add-in figure to the penny', () => {
    expect(
      engineMismatches(workbookLayout(examplePlan(), 'all', { today: TEST_DAY }), Object.values(JOINT_SHEETS)),
    ).toEqual([]);
  });

  test("the example's ICB contribution is £31,848.11 a week and £1,656,101.72 a year, as formula results", () => {
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(examplePlan(), 'all', { today: TEST_DAY }));
    expect(row(wb, JOINT_SHEETS.summary, 'Weekly cost')[3]).toBe(31848.11);
    expect(row(wb, JOINT_SHEETS.summary, 'Full year')[3]).toBe(1656101.72);
    expect(row(wb, JOINT_SHEETS.summary, "The ICB's contribution")[1]).toBe(1656101.72);
    expect(row(wb, JOINT_SHEETS.summary, 'Packages active')[1]).toBe(39);
    expect(row(wb, JOINT_SHEETS.summary, 'People covered')[1]).toBe(37);
  });

  test('changing the as-at date on the sheet changes who is covered', () => {
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(examplePlan(), 'all', { today: TEST_DAY }));
    const values = wb.snapshot([JOINT_SHEETS.summary]).sheets[0].values;
    const asAtRow = values.findIndex((r) => r[0] === 'As at');
    wb.setCell(JOINT_SHEETS.summary, asAtRow, 1, 45000); // 15 March 2023: later packages had not started
    expect(row(wb, JOINT_SHEETS.summary, 'Packages active')[1]).toBeLessThan(39);
  });
});

describe('random registers: decimal.js and HyperFormula agree to the penny', () => {
  test('every formula cell of the joint-funding sheets, for registers of every split method', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 40 }), (seed, count) => {
        const plan = planFromJson(randomJointPlanJson(seed, count)).plan;
        expect(
          engineMismatches(workbookLayout(plan, 'tables', { today: TEST_DAY }), Object.values(JOINT_SHEETS)),
        ).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('reading the register back from the workbook', () => {
  test('the packages, tasks, rules and settings read back as they were written', () => {
    const plan = examplePlan();
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(plan, 'all', { today: TEST_DAY }));
    const read = readJointFunding(wb.snapshot())!;
    expect(read.problems).toEqual([]);
    expect(jointFundingToJson(read.jointFunding)).toEqual(jointFundingToJson(plan.jointFunding!));
  });

  test('a bad cell is a problem naming it, and only that package is left out', () => {
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(examplePlan(), 'all', { today: TEST_DAY }));
    const first = REGISTER_HEADER_ROW + 1;
    wb.setCell(JOINT_SHEETS.register, first + 2, registerColumn('weeklyCost'), 'about a grand');
    wb.setCell(JOINT_SHEETS.register, first + 4, registerColumn('end'), '01/01/2001');
    const read = readJointFunding(wb.snapshot())!;
    expect(read.problems.map((p) => [describeLocation(p.where), p.row])).toEqual([
      [`'Joint register'!G${first + 3}`, first + 3],
      [`'Joint register'!F${first + 5}`, first + 5],
    ]);
    expect(read.jointFunding.packages).toHaveLength(37);
  });
});
