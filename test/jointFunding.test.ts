import fs from 'fs';
import path from 'path';
import { Money } from '../src/domain/money';
import { planFromJson } from '../src/domain/planJson';
import {
  dayFromIso,
  daysActive,
  forDays,
  weeklyShares,
  yearBounds,
  type JointPackage,
} from '../src/domain/jointFunding';
import { jointSummary } from '../src/domain/jointFundingSummary';
import { readJointFundingJson } from '../src/domain/jointFundingSchema';

const exampleJson = () =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'joint-funding.json'), 'utf8'));
const day = (iso: string) => dayFromIso(iso)!;

function pkg(overrides: Partial<JointPackage>): JointPackage {
  return {
    ref: 'P1',
    person: 'X-1',
    basis: 's117',
    icb: 'North ICB',
    start: day('2023-04-01'),
    end: null,
    weeklyCost: new Money('100.01'),
    split: { method: 'equal' },
    ...overrides,
  };
}

describe('joint funding: the split of a package', () => {
  test('the ICB share is rounded half-up to the penny and the council pays the rest', () => {
    const s = weeklyShares(pkg({ weeklyCost: new Money('100.01') }), []);
    expect(s.icb.toFixed(2)).toBe('50.01'); // 50.005 rounds up
    expect(s.council.toFixed(2)).toBe('50.00');
    expect(s.icb.plus(s.council).equals(s.total)).toBe(true);
  });

  test('time to task: health minutes over all minutes, as one exact division (0.03 x 1/6 = 0.005 rounds up)', () => {
    const tasks = [
      { task: 'Medication', minutes: new Money(1), health: true },
      { task: 'Personal care', minutes: new Money(5), health: false },
    ];
    expect(
      weeklyShares(pkg({ weeklyCost: new Money('0.03'), split: { method: 'timeToTask', tasks } }), []).icb.toFixed(2),
    ).toBe('0.01');
  });

  test("a package with no split of its own follows its ICB's default rule", () => {
    const rules = [{ icb: 'north icb', method: 'fixed' as const, icbPercent: new Money(40) }];
    expect(weeklyShares(pkg({ weeklyCost: new Money(1000), split: { method: 'default' } }), rules).icb.toFixed(2)).toBe(
      '400.00',
    );
  });

  test('days in a financial year count both ends; a package ending before the year has none', () => {
    const { first, last } = yearBounds('2023/24');
    expect(last - first + 1).toBe(366); // to 31 March 2024, a leap year
    expect(daysActive({ start: day('2024-03-25'), end: null }, first, last)).toBe(7);
    expect(daysActive({ start: day('2022-01-01'), end: day('2023-03-31') }, first, last)).toBe(0);
    expect(forDays(new Money('100.01'), 3).toFixed(2)).toBe('42.86');
  });
});

describe('joint funding: the example council', () => {
  test('39 packages whose ICB contribution is £31,848.11 a week and £1,656,101.72 as a full year', () => {
    const { plan } = planFromJson(exampleJson());
    const jf = plan.jointFunding!;
    const s = jointSummary(jf.packages, jf.rules, jf.asAt!, jf.year);
    expect(s.packages).toBe(39);
    expect(s.people).toBe(37);
    expect(s.weekly.icb.toFixed(2)).toBe('31848.11');
    expect(s.fullYear.icb.toFixed(2)).toBe('1656101.72');
    expect(s.answer.icbFullYear.toFixed(2)).toBe('1656101.72');
    expect(new Set(s.figures.map((f) => f.method))).toEqual(new Set(['equal', 'fixed', 'panel', 'timeToTask']));
    for (const f of s.figures) {
      expect(f.weekly.council.plus(f.weekly.icb).equals(f.weekly.total)).toBe(true);
      expect(f.annual.council.plus(f.annual.icb).equals(f.annual.total)).toBe(true);
    }
    for (const t of [
      s.weekly,
      s.annual,
      s.fullYear,
      ...s.byIcb.map((g) => g.weekly),
      ...s.byMethod.map((g) => g.annual),
    ])
      expect(t.council.plus(t.icb).equals(t.total)).toBe(true);
  });

  test('a bad package is reported at its path and left out; the others still count', () => {
    const json = exampleJson().jointFunding;
    json.packages[3].weeklyCost = 'lots';
    json.packages[5].end = '2001-01-01';
    const { jointFunding, problems } = readJointFundingJson(json);
    expect(jointFunding.packages).toHaveLength(37);
    expect(problems.map((p) => [p.row, 'path' in p.where ? p.where.path : ''])).toEqual([
      [4, 'jointFunding.packages[3].weeklyCost'],
      [6, 'jointFunding.packages[5].end'],
    ]);
  });

  test('in a plan file, an unknown key in a package is an error naming it', () => {
    const json = exampleJson();
    json.jointFunding.packages[0].name = 'Jane Smith';
    expect(() => planFromJson(json)).toThrow(/jointFunding\.packages\[0\].*name/);
  });
});
