import { readFileSync } from 'fs';
import path from 'path';
import { planFromJson } from '../../src/domain/planJson';
import { formatValue, parseTyped } from '../../src/preview/numberFormat';
import { fieldId, formFromPlan, newScheme, planFromForm, type PlanForm } from '../../src/taskpane/planForm';
import { FORMAT } from '../../src/workbook/sheetPlan';
import { FORMAT_DATE } from '../../src/workbook/families/cards/names';

const barnet = () =>
  planFromJson(JSON.parse(readFileSync(path.join(__dirname, '../../examples/barnet-2014-16.json'), 'utf8'))).plan;

const setCost = (form: PlanForm, ref: string, year: string, cost: string): PlanForm => ({
  ...form,
  schemes: form.schemes.map((s) =>
    s.ref === ref ? { ...s, years: { ...s.years, [year]: { ...s.years[year], cost } } } : s,
  ),
});

describe('the pane checks what is typed, field by field', () => {
  test('the Barnet plan shown in the pane reads back as the same plan', () => {
    const form = formFromPlan(barnet());
    expect(form.unitCosts).toEqual(['2,004', '10,000', '3,831', '265']);
    const result = planFromForm(form);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.plan?.schemes.find((s) => s.ref === '2b')?.years['2014/15'].cost.toString()).toBe('1057451');
  });

  test('a cost typed as text is an error under that cost, naming the scheme and year', () => {
    const result = planFromForm(setCost(formFromPlan(barnet()), '2b', '2014/15', '1,05x'));
    expect(result.plan).toBeUndefined();
    const index = barnet().schemes.findIndex((s) => s.ref === '2b');
    expect(result.byField.get(fieldId.cost(index, '2014/15'))?.message).toBe(
      'The 2014/15 cost of scheme 2b must be an amount such as 1,057,451; "1,05x" is not a number.',
    );
  });

  test('a negative unit cost is refused by the domain rule, under the unit cost', () => {
    const form = formFromPlan(barnet());
    const result = planFromForm({ ...form, unitCosts: ['-2004', ...form.unitCosts.slice(1)] });
    expect(result.byField.get(fieldId.unitCost(0))?.message).toMatch(/the unit cost NEL is negative/);
  });

  test('a scheme reference used twice is flagged on the second scheme, naming the reference', () => {
    const form = formFromPlan(barnet());
    const result = planFromForm({ ...form, schemes: form.schemes.map((s, i) => (i === 1 ? { ...s, ref: '1a' } : s)) });
    expect(result.byField.get(fieldId.schemeRef(1))?.message).toMatch(/scheme reference 1a is used twice/);
  });

  test('a stated pool that disagrees with the schemes is a warning, not a block', () => {
    const result = planFromForm(setCost(formFromPlan(barnet()), '4b', '2014/15', '3,300,000'));
    expect(result.plan).toBeDefined();
    expect(result.problems.map((p) => p.severity)).toContain('warning');
  });

  test('a new scheme takes the next free reference and needs a name before the plan can be used', () => {
    const form = formFromPlan(barnet());
    const scheme = newScheme(form);
    expect(scheme.ref).toBe('5a');
    const result = planFromForm({ ...form, schemes: [...form.schemes, scheme] });
    expect(result.byField.get(fieldId.schemeName(form.schemes.length))?.message).toBe('scheme 5a has no name.');
    const named = planFromForm({ ...form, schemes: [...form.schemes, { ...scheme, name: 'Falls prevention' }] });
    expect(named.plan?.schemes).toHaveLength(9);
  });
});

describe('the simulated workbook shows values in their number formats', () => {
  test.each([
    [6634000, FORMAT.pounds, '£6,634,000'],
    [1544010.9999999998, FORMAT.pounds, '£1,544,011'],
    [-1057451, FORMAT.pounds, '-£1,057,451'],
    [2004, FORMAT.pence, '£2,004.00'],
    [0.15957, FORMAT.percent, '15.96%'],
    [0.0403, FORMAT.percent, '4.03%'],
    [1021, FORMAT.count, '1,021'],
    ['n/a', FORMAT.percent, 'n/a'],
    [0.1 + 0.2, undefined, '0.3'],
    [null, FORMAT.pounds, ''],
    [0, FORMAT.poundsOrBlank, ''],
    [30060, FORMAT.poundsOrBlank, '£30,060'],
    [0, FORMAT.percentOrBlank, ''],
    [0, FORMAT.countOrBlank, ''],
    [0, FORMAT.pounds, '£0'],
    [41835, FORMAT_DATE, '15/07/2014'], // a date serial as the Benefit Cards' date cells show it
    [2.675, '0.00', '2.68'], // Excel rounds the decimal it shows, not the binary double below it
  ])('%p as %p is %p', (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  test('what a person types becomes a number, a percentage, a formula or text, as in Excel', () => {
    expect(parseTyped('1,100,000')).toEqual({ value: 1100000 });
    expect(parseTyped('£2,004.50')).toEqual({ value: 2004.5 });
    expect(parseTyped('12.5%')).toEqual({ value: 0.125 });
    expect(parseTyped('=SUM(A1:A3)')).toEqual({ formula: '=SUM(A1:A3)' });
    expect(parseTyped('Yes')).toEqual({ value: 'Yes' });
    expect(parseTyped('')).toEqual({ value: null });
    expect(parseTyped('15/07/2014')).toEqual({ value: 41835 });
    expect(parseTyped('1,2,3')).toEqual({ value: '1,2,3' });
  });
});
