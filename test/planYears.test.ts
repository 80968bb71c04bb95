import Decimal from 'decimal.js';
import { readFileSync } from 'fs';
import path from 'path';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { financialYear } from '../src/domain/financialYear';
import type { Plan } from '../src/domain/plan';
import { jsonLocator } from '../src/domain/jsonLocator';
import { planFromJson } from '../src/domain/planJson';
import { figuresInYear, nextYear, withYearAdded, withYearRemoved, yearToAddProblem } from '../src/domain/planYears';
import { checkPlan } from '../src/domain/planRules';
import { generateTables, loadPlanFromWorkbook, startPlan } from '../src/workbook/commands';
import { figureDifference } from './support/figures';
import { TEST_DAY } from './support/testDay';

const barnet = (): Plan =>
  planFromJson(JSON.parse(readFileSync(path.join(__dirname, '../examples/barnet-2014-16.json'), 'utf8'))).plan;

function headers(book: MemoryWorkbook, sheet: string): readonly unknown[] {
  const values = book.snapshot([sheet]).sheets[0].values;
  return values.find((r) => r[0] === 'Ref') ?? [];
}

describe('adding and removing a plan year', () => {
  test.each(['2029-30', '2029/30', '2029-2030', '2029 to 2030', '2029/2030', ' 2029 TO 2030 '])(
    '"%s" is the year the plan writes 2029/30',
    (typed) => {
      expect(financialYear(typed).label).toBe('2029/30');
    },
  );

  test('a year that is not a financial year, or one the plan has, is refused in words', () => {
    const plan = barnet();
    expect(yearToAddProblem(plan, '2029 to 2031')).toMatch(/not a financial year: write it as 2029\/30/);
    expect(yearToAddProblem(plan, '2015-16')).toBe('The plan already covers 2015/16.');
    expect(yearToAddProblem(plan, '2016-17')).toBeUndefined();
    expect(nextYear(plan)).toBe('2016/17');
  });

  test('an added year goes in date order with no figures, and the plan still passes its checks', () => {
    const plan = withYearAdded(barnet(), '2013 to 2014');
    expect(plan.years.map((y) => y.label)).toEqual(['2013/14', '2014/15', '2015/16']);
    expect(figuresInYear(plan, '2013/14')).toEqual([]);
    expect(checkPlan(plan, jsonLocator).filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('removing a year with figures names them, and takes every one of them out', () => {
    const plan = barnet();
    const figures = figuresInYear(plan, '2014/15');
    expect(figures[0]).toMatch(/^costs or benefits of \d+ schemes \(/);
    expect(figures.slice(1)).toEqual(['7 investment lines', '1 pool contribution', '40 actuals on the Benefit Cards']);
    const without = withYearRemoved(plan, '2014/15');
    expect(without.years.map((y) => y.label)).toEqual(['2015/16']);
    expect(figuresInYear(without, '2014/15')).toEqual([]);
    expect(without.schemes.every((s) => !('2014/15' in s.years))).toBe(true);
    expect(checkPlan(without, jsonLocator).filter((p) => p.severity === 'error')).toEqual([]);
    // The year kept is as it was: its pool is the published £23,412,000.
    const pool = without.schemes
      .filter((s) => s.inPool)
      .reduce((sum, s) => sum.plus(s.years['2015/16']?.cost ?? 0), new Decimal(0));
    expect(figureDifference(23412000, pool.toNumber(), '#,##0')).toBeNull();
  });

  test('a year typed under the years on Assumptions, written any way, gets its columns and sheet on refresh', async () => {
    const book = new MemoryWorkbook();
    await startPlan(book, barnet(), TEST_DAY);
    const values = book.snapshot(['Assumptions']).sheets[0].values;
    const lastYear = values.findIndex((r) => r[0] === '2015/16');
    expect(values[lastYear + 1]?.[0] ?? null).toBeNull();
    book.setCell('Assumptions', lastYear + 1, 0, '2016 to 2017');

    const state = await loadPlanFromWorkbook(book);
    if (state.status !== 'loaded') throw new Error(JSON.stringify(state));
    expect(state.plan.years.map((y) => y.label)).toEqual(['2014/15', '2015/16', '2016/17']);
    const outcome = await generateTables(book, state.plan, TEST_DAY, undefined, { base: state.plan });
    expect(outcome.status).toBe('done');
    expect(headers(book, 'Schemes')).toContain('2016/17 cost (£)');
    expect(book.value('Assumptions', lastYear + 1, 0)).toBe('2016/17');
    expect(book.snapshot().sheets.map((s) => s.name)).toContain('BCF 2016-17');
  });

  test('a year added in the pane reaches the workbook through the merge with what the workbook holds', async () => {
    const book = new MemoryWorkbook();
    const base = barnet();
    await startPlan(book, base, TEST_DAY);
    const outcome = await generateTables(book, withYearAdded(base, '2016-17'), TEST_DAY, undefined, { base });
    expect(outcome.status).toBe('done');
    expect(headers(book, 'Schemes')).toContain('2016/17 cost (£)');
    const removed = await generateTables(book, withYearRemoved(base, '2014/15'), TEST_DAY, undefined, {
      base: withYearAdded(base, '2016-17'),
    });
    expect(removed.status).toBe('done');
    const state = await loadPlanFromWorkbook(book);
    expect(state.status === 'loaded' && state.plan.years.map((y) => y.label)).toEqual(['2015/16']);
    expect(headers(book, 'Schemes')).not.toContain('2014/15 cost (£)');
  });
});
