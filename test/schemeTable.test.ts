import Decimal from 'decimal.js';
import { formatPercent, formatPounds, roundPercent, ZERO } from '../src/domain/money';
import { computeSchemeTable, groupSchemes } from '../src/domain/schemeTable';
import { barnetPlan } from './support/barnet';

const published = {
  '2014/15': {
    pool: 6634000,
    nel: 635,
    saving: 1272540,
    total: 1544011,
    savings: { '1a': 46092, '2a': 30060, '2b': 310620, '2c': 58116, '3a': 827652 },
  },
  '2015/16': {
    pool: 23412000,
    nel: 1021,
    saving: 2046084,
    total: 2353506,
    savings: { '1a': 238476, '2a': 220440, '2b': 663324, '2c': 20040, '3a': 903804 },
  },
} as const;

describe('the scheme tables of the Barnet plan', () => {
  for (const [year, p] of Object.entries(published)) {
    test(`${year}: pool, NEL reductions, NEL saving and Annex 1 total saving match the published figures`, () => {
      const table = computeSchemeTable(barnetPlan(), year);
      expect(table.poolTotal.toNumber()).toBe(p.pool);
      expect(table.countTotals.NEL.toNumber()).toBe(p.nel);
      expect(table.savingTotals.NEL.toNumber()).toBe(p.saving);
      expect(table.totalSaving.toNumber()).toBe(p.total);
      for (const [ref, saving] of Object.entries(p.savings)) {
        expect([ref, table.lines.find((l) => l.scheme.ref === ref)!.savings.NEL.toNumber()]).toEqual([ref, saving]);
      }
    });
  }

  test('a scheme outside the pool has no % of pool and is left out of the pool total', () => {
    const table = computeSchemeTable(barnetPlan(), '2014/15');
    const epp = table.lines.find((l) => l.scheme.ref === '1a')!;
    expect(epp.shareOfPool).toBeNull();
    expect(table.costOutsidePool.toNumber()).toBe(35000);
    expect(epp.savings.NEL.toNumber()).toBe(46092); // its saving still counts
  });

  test('the shares of the pool and of NEL reductions each add up to exactly 100%', () => {
    for (const year of ['2014/15', '2015/16']) {
      const table = computeSchemeTable(barnetPlan(), year);
      const pool = table.lines.reduce((a, l) => a.plus(l.shareOfPool ?? 0), ZERO);
      const nel = table.lines.reduce((a, l) => a.plus(l.shareOfNel ?? 0), ZERO);
      expect(pool.minus(1).abs().lessThan(1e-30)).toBe(true);
      expect(nel.minus(1).abs().lessThan(1e-30)).toBe(true);
    }
  });

  test('percentages round half-up to two places: 3.48% for 2c, where the plan prints 3.49', () => {
    const line = computeSchemeTable(barnetPlan(), '2014/15').lines.find((l) => l.scheme.ref === '2c')!;
    expect(formatPercent(line.shareOfPool!)).toBe('3.48%');
    expect(roundPercent(new Decimal('0.000125')).toString()).toBe('0.01');
    expect(formatPounds(new Decimal('1234.5'))).toBe('£1,235');
    expect(formatPounds(new Decimal('-2.5'))).toBe('-£3');
  });

  test('the unit cost is an assumption: a dearer admission raises every saving in proportion', () => {
    const plan = barnetPlan();
    const dearer = {
      ...plan,
      unitCosts: plan.unitCosts.map((u) => (u.id === 'NEL' ? { ...u, value: new Decimal(2500) } : u)),
    };
    expect(computeSchemeTable(dearer, '2015/16').savingTotals.NEL.toNumber()).toBe(1021 * 2500);
  });

  test('money is exact: pence never drift however many schemes are added', () => {
    const plan = barnetPlan();
    const many = Array.from({ length: 1000 }, (_, i) => ({
      ...plan.schemes[1],
      ref: `${i + 10}a`,
      years: { '2014/15': { cost: new Decimal('0.10'), benefits: {} } },
    }));
    const table = computeSchemeTable({ ...plan, schemes: many }, '2014/15');
    expect(table.poolTotal.toString()).toBe('100');
  });

  test('schemes are grouped under their headings in plan order', () => {
    const groups = groupSchemes(barnetPlan().schemes);
    expect(groups.map((g) => [g.number, g.name, g.schemes.length])).toEqual([
      ['1', 'Self-management and prevention', 1],
      ['2', 'Assessment & Care Planning', 3],
      ['3', 'Community Intensive Support', 2],
      ['4', 'Enablers', 2],
    ]);
  });
});
