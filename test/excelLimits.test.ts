import { EXCEL_LIMITS } from '../src/domain/excelLimits';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { parseAddress } from '../src/workbook/a1';
import { SHEET } from '../src/workbook/families/assumptions/names';
import { limitBreaches } from '../src/workbook/limitBreaches';
import type { SheetPlan, WorkbookPlan } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy, barnetPlan } from './support/barnet';
import { bigPlanJson } from './support/bigPlan';
import { TEST_DAY } from './support/testDay';

/** Every sheet the plan's workbook has (card sheets included, looked at one at a time), against Excel's limits. */
function breaches(plan: Plan): string[] {
  const cardBreaches: string[] = [];
  const cards: SheetPlan[] = [];
  const layout = workbookLayout(plan, 'all', {
    today: TEST_DAY,
    eachCardSheet: (sheet) => {
      cards.push({ ...sheet, rows: [] }); // names and tables only, for the namespace check
      cardBreaches.push(...limitBreaches({ sheets: [sheet], names: [] }));
    },
  });
  const whole: WorkbookPlan = { sheets: [...layout.sheets, ...cards], names: layout.names };
  return [...limitBreaches(whole), ...cardBreaches];
}

function yearsPlan(count: number): Plan {
  const json = barnetJsonCopy();
  const labels = Array.from({ length: count }, (_, i) => `${2014 + i}/${String(15 + i).padStart(2, '0')}`);
  json.years = labels.map((label) => ({ label }));
  for (const s of json.schemes) {
    const last = s.years['2015/16'] ?? s.years['2014/15'];
    for (const label of labels) s.years[label] ??= JSON.parse(JSON.stringify(last));
  }
  json.pool.contributions = [];
  return planFromJson(json).plan;
}

function hostilePlan(): Plan {
  const json = bigPlanJson(30);
  json.board = `Barnet "Health" & <Wellbeing> Board's ${'x'.repeat(EXCEL_LIMITS.cellText - 40)}`;
  json.title = '=HYPERLINK("http://x","y")';
  const names = [
    '=1+1',
    '@SUM(A1)',
    "'quoted",
    'He said "stop"; it\'s [done]: /\\?*',
    '🏥 Care at home 🧓',
    'n'.repeat(255),
  ];
  json.schemes.forEach((s: any, i: number) => {
    s.name = names[i % names.length];
    if (i === 0) s.description = 'd'.repeat(EXCEL_LIMITS.cellText);
  });
  json.schemes[1].ref = `9${'z'.repeat(EXCEL_LIMITS.sheetName - 'Card '.length - 1)}`;
  json.unitCosts[1].benefit = 'b'.repeat(400);
  json.unitCosts[1].unit = 'per "admission" avoided';
  json.partners[0].name = 'Barnet\'s "Council"';
  return planFromJson(json).plan;
}

describe("every layout keeps within Excel's limits", () => {
  test('Barnet', () => {
    expect(breaches(barnetPlan())).toEqual([]);
  });

  test('1,100 schemes, each with its Benefit Card (the NEL summary sums a range, not a chain of 1,100 references)', () => {
    expect(breaches(planFromJson(bigPlanJson(1100)).plan)).toEqual([]);
  });

  test('a 7-year plan: the reporting quarter is chosen from a list of 28 quarters, taken from cells', () => {
    const plan = yearsPlan(7);
    expect(breaches(plan)).toEqual([]);
    const assumptions = workbookLayout(plan, 'tables', { today: TEST_DAY }).sheets.find(
      (s) => s.name === SHEET.assumptions,
    )!;
    const quarters = assumptions.validations!.find((v) => v.list?.includes('2020/21 Q4'))!;
    expect(quarters.list!.join(',').length).toBeGreaterThan(EXCEL_LIMITS.listValidationSource);
    const [from, to] = quarters.source!.split(':').map(parseAddress);
    const listed = assumptions.rows.slice(from.row, to.row + 1).map((r) => r[from.column]?.value);
    expect(listed).toEqual(quarters.list);
  });

  test('hostile names: quotes, formulas, emoji, and text at the limits', () => {
    expect(breaches(hostilePlan())).toEqual([]);
  });

  test('the check finds what Excel would refuse', () => {
    const long = '1+'.repeat(EXCEL_LIMITS.formula / 2) + '1';
    const bad: WorkbookPlan = {
      sheets: [
        {
          name: 'Pool',
          rows: [[{ formula: `=${long}` }, { value: 'bell\u0007' }]],
          tables: [{ name: 'UnitCost_NEL', row: 0, column: 0, columns: ['a'], rowCount: 1 }],
          validations: [
            { range: 'A1', kind: 'list', list: Array.from({ length: 30 }, (_, i) => `2014/15 Q${i}`), message: '' },
          ],
        },
        { name: 'pool', rows: [] },
        { name: 'Card 1a: the [long] one', rows: [] },
      ],
      names: [
        { name: 'UnitCost_NEL', sheet: 'Pool', cell: '$A$1', comment: 'c'.repeat(256) },
        { name: 'A1', sheet: 'Pool', cell: '$A$1', comment: '' },
      ],
    };
    const found = limitBreaches(bad).join('\n');
    for (const expected of [
      'appears twice',
      'a formula of',
      'U+0007',
      'list validation of',
      'not one Excel accepts',
      'its comment is 256',
      '"A1" is not a name',
      'share one namespace',
    ])
      expect(found).toContain(expected);
  });
});
