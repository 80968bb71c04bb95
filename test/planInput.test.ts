import { planFromJson } from '../src/domain/planJson';
import { describeProblem, PlanError } from '../src/domain/problems';
import { financialYear, quartersOf } from '../src/domain/financialYear';
import { barnetJsonCopy } from './support/barnet';

function errorsOf(json: unknown): string[] {
  try {
    planFromJson(json);
  } catch (e) {
    if (e instanceof PlanError) return e.problems.filter((p) => p.severity === 'error').map(describeProblem);
    throw e;
  }
  return [];
}

describe('reading a plan file names the JSON path of every bad value', () => {
  test('the Barnet example reads without errors or warnings', () => {
    expect(planFromJson(barnetJsonCopy()).problems).toEqual([]);
  });

  test('text in a money field', () => {
    const json = barnetJsonCopy();
    json.schemes[2].years['2014/15'].cost = 'about a million';
    expect(errorsOf(json)).toEqual([expect.stringContaining('schemes[2].years["2014/15"].cost: expected an amount')]);
  });

  test('amounts typed as people write them are accepted', () => {
    const json = barnetJsonCopy();
    json.schemes[2].years['2014/15'].cost = '£1,057,451';
    expect(planFromJson(json).plan.schemes[2].years['2014/15'].cost.toNumber()).toBe(1057451);
  });

  test('a negative count', () => {
    const json = barnetJsonCopy();
    json.schemes[4].years['2015/16'].benefits.NEL = -451;
    expect(errorsOf(json)).toEqual([
      expect.stringMatching(/schemes\[4\]\.years\["2015\/16"\]\.benefits\.NEL: .*negative/),
    ]);
  });

  test('a duplicate scheme reference', () => {
    const json = barnetJsonCopy();
    json.schemes[3].ref = '2b';
    expect(errorsOf(json)).toEqual([expect.stringMatching(/schemes\[3\]\.ref: scheme reference 2b is used twice/)]);
  });

  test('an unknown unit-cost name', () => {
    const json = barnetJsonCopy();
    json.schemes[1].years['2014/15'].benefits.Falls = 4;
    expect(errorsOf(json)).toEqual([expect.stringMatching(/benefits\.Falls: .*no unit cost named Falls/)]);
  });

  test('a missing list and a wrong type are both reported at once', () => {
    const json = barnetJsonCopy();
    delete json.unitCosts;
    json.schemes[0].inPool = 'no';
    const errors = errorsOf(json);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unitCosts: expected a list'),
        expect.stringContaining('schemes[0].inPool'),
      ]),
    );
  });

  test('a pool total that differs from the pool schemes is a warning, not a failure', () => {
    const json = barnetJsonCopy();
    json.years[0].statedPool = 6634001;
    const { problems } = planFromJson(json);
    expect(problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^Warning at years\[0\]\.statedPool: .*£6,634,001.*£6,634,000/),
    ]);
  });
});

describe('financial years', () => {
  test('run April to March, Q1 is April to June', () => {
    const [q1, , , q4] = quartersOf(financialYear('2014/15'));
    expect(q1.months).toBe('Apr-Jun 2014');
    expect(q4.months).toBe('Jan-Mar 2015');
  });
  test('a label that is not a financial year is refused with the right form', () => {
    expect(() => financialYear('2014/16')).toThrow(/2014\/15 follows 2014/);
    expect(() => financialYear('14-15')).toThrow(/write it as 2014\/15/);
  });
});

test('a plan without the NEL unit cost is refused, since every scheme table is built on it', () => {
  const json = barnetJsonCopy();
  json.unitCosts = json.unitCosts.slice(1);
  json.schemes.forEach((s: { years: Record<string, { benefits: Record<string, number> }> }) =>
    Object.values(s.years).forEach((y) => delete y.benefits.NEL),
  );
  expect(errorsOf(json)).toEqual([
    expect.stringMatching(/^Error at unitCosts\[3\]\.id: the plan needs a unit cost with the id NEL/),
  ]);
});

test('a huge paste into a scheme name is refused with a short message naming the field', () => {
  const json = barnetJsonCopy();
  json.schemes[2].name = 'x'.repeat(50 * 1024 * 1024);
  const errors = errorsOf(json);
  expect(errors).toEqual([
    expect.stringMatching(
      /^Error at schemes\[2\]\.name: the text is 52,428,800 characters long; an Excel cell holds at most 32,767/,
    ),
  ]);
  expect(errors[0].length).toBeLessThan(300);
});
