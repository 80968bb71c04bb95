import { readFileSync } from 'fs';
import path from 'path';
import type { Plan } from '../../src/domain/plan';
import { planFromJson } from '../../src/domain/planJson';
import { formFromPlan, planFromForm } from '../../src/taskpane/planForm';
import { figuresToLose, formWithYearAdded, formWithYearRemoved } from '../../src/taskpane/panels/plan/planYearsForm';

const barnet = (): Plan =>
  planFromJson(JSON.parse(readFileSync(path.join(__dirname, '../../examples/barnet-2014-16.json'), 'utf8'))).plan;

describe('years in the pane', () => {
  test('a year added in the pane gets inputs on every scheme and a plan that passes its checks', () => {
    const form = formWithYearAdded(formFromPlan(barnet()), '2016 to 2017');
    expect(form.source.years.map((y) => y.label)).toEqual(['2014/15', '2015/16', '2016/17']);
    expect(form.schemes.every((s) => s.years['2016/17']?.cost === '')).toBe(true);
    const typed = {
      ...form,
      schemes: form.schemes.map((s, i) =>
        i === 0 ? { ...s, years: { ...s.years, '2016/17': { cost: '125,000', benefits: {} } } } : s,
      ),
    };
    const checked = planFromForm(typed);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checked.plan?.schemes[0].years['2016/17'].cost.toString()).toBe('125000');
    expect(figuresToLose({ form: typed, checked }, '2016/17')).toEqual([
      `costs or benefits of 1 scheme (${form.schemes[0].ref})`,
    ]);
  });

  test('a year removed in the pane takes what was typed for it, and an empty year is lost without a word', () => {
    const added = formWithYearAdded(formFromPlan(barnet()), '2016-17');
    expect(figuresToLose({ form: added, checked: planFromForm(added) }, '2016/17')).toEqual([]);
    const form = formWithYearRemoved(added, '2014/15');
    expect(form.schemes.some((s) => '2014/15' in s.years)).toBe(false);
    const plan = planFromForm(form).plan;
    expect(plan?.years.map((y) => y.label)).toEqual(['2015/16', '2016/17']);
  });
});
