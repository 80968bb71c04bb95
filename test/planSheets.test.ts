import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planFromJson, planToJson } from '../src/domain/planJson';
import { isYearSheet } from '../src/workbook/families/assumptions/names';
import { SUMMARY_SHEET } from '../src/workbook/families/cards/names';
import { planState, startPlan } from '../src/workbook/commands';
import { PLAN_SHEETS } from '../src/workbook/host';
import expenditure from '../examples/expenditure-2023-25.json';
import joint from '../examples/joint-funding.json';
import { barnetJsonCopy } from './support/barnet';
import { randomPlanJson } from './support/randomPlanJson';
import { TEST_DAY } from './support/testDay';

/**
 * Opening a pane reads only the sheets the plan is read from (PLAN_SHEETS): the plan it finds must
 * be the plan a read of every sheet finds, for each family of sheets the add-in writes.
 */
const plans: [string, () => unknown][] = [
  ['Barnet, with its Benefit Cards, pool and risks', () => barnetJsonCopy()],
  ['a planning template (income and expenditure)', () => expenditure],
  ['a joint-funding register', () => joint],
  [
    '30 random schemes, each with a card',
    () => {
      const json = randomPlanJson(7, { schemes: 30, years: ['2014/15', '2015/16'] });
      json.cards = { records: json.schemes.map((s: { ref: string }) => ({ scheme: s.ref })) };
      return json;
    },
  ],
];

describe.each(plans)('the plan read from its own sheets: %s', (_, json) => {
  test('is the plan read from every sheet, without the calculated sheets', async () => {
    const host = new MemoryWorkbook();
    const { plan } = planFromJson(json());
    await startPlan(host, plan, TEST_DAY);
    const whole = await host.read();
    const inputs = await host.read(PLAN_SHEETS);
    const left = whole.sheets.map((s) => s.name).filter((n) => !inputs.sheets.some((s) => s.name === n));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((n) => isYearSheet(n) || n === SUMMARY_SHEET)).toBe(true);
    const a = planState(whole);
    const b = planState(inputs);
    expect(a.status).toBe('loaded');
    expect(b.status).toBe('loaded');
    if (a.status !== 'loaded' || b.status !== 'loaded') return;
    expect(planToJson(b.plan)).toEqual(planToJson(a.plan));
    expect(b.warnings).toEqual(a.warnings);
  });
});
