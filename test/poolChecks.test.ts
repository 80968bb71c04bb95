import barnetJson from '../examples/barnet-2014-16.json';
import { money } from '../src/domain/money';
import { planChecks } from '../src/domain/planChecks';
import { planFromJson, planToJson } from '../src/domain/planJson';
import { computePoolYear } from '../src/domain/pool';
import { heatMap, rating } from '../src/domain/riskLog';

const barnet = () => planFromJson(JSON.parse(JSON.stringify(barnetJson))).plan;
const byId = (id: string) => planChecks(barnet()).find((c) => c.id === id)!;

describe('the plan checks on the published Barnet figures', () => {
  test('the amount at risk is not 1,021 × £2,004', () => {
    const c = byId('at-risk:2015/16');
    expect(c.passed).toBe(false);
    expect(c.expected).toBe('£2,046,084');
    expect(c.found).toBe('£2,054,100');
    expect(c.message).toContain('£8,016');
  });

  test('the section 5b restatement (£2,054,000) is not 1,021 × £2,004 either', () => {
    const c = byId('statement:atRisk5b');
    expect([c.passed, c.expected, c.found]).toEqual([false, '£2,046,084', '£2,054,000']);
  });

  test('the 3.5% ambition agrees with 29,094 → 28,073 (3.51%) at the precision printed', () => {
    expect(byId('statement:nelReduction').passed).toBe(true);
  });

  test('carers £846,000 + £300,000 = £1,146,000 and Care Act £846,000 agree with the tagged lines', () => {
    expect(byId('statement:carers').passed).toBe(true);
    expect(byId('statement:careAct').passed).toBe(true);
  });

  test('protection of social care £4,141,357 cannot be found in the lines tagged for it', () => {
    const c = byId('statement:protectSocialCare');
    expect([c.passed, c.expected, c.found]).toEqual([false, '£3,080,000', '£4,141,357']);
  });

  test("Table 17's providers add up to 1,025 admissions, not 1,021, while the impact adds up", () => {
    expect([byId('statement:table17Activity').passed, byId('statement:table17Activity').expected]).toEqual([
      false,
      '1,025',
    ]);
    expect(byId('statement:table17Impact').passed).toBe(true);
  });

  test('investment breakdowns: 2a, 3a, 4a 2015/16 and 1a 2014/15 do not add up to the scheme cost; the rest do', () => {
    const failing = planChecks(barnet())
      .filter((c) => c.id.startsWith('investments:') && !c.passed)
      .map((c) => [c.id, c.expected, c.found]);
    expect(failing).toEqual([
      ['investments:1a:2014/15', '£35,000', '£122,120'],
      ['investments:2a:2015/16', '£2,722,921', '£2,723,191'],
      ['investments:3a:2015/16', '£1,316,464', '£1,314,215'],
      ['investments:4a:2015/16', '£10,636,589', '£10,638,808'],
    ]);
    const passing = planChecks(barnet())
      .filter((c) => c.id.startsWith('investments:') && c.passed)
      .map((c) => c.id);
    expect(passing).toEqual([
      'investments:2b:2015/16',
      'investments:2c:2015/16',
      'investments:3b:2015/16',
      'investments:4a:2014/15',
      'investments:4b:2014/15',
      'investments:4b:2015/16',
    ]);
  });

  test('the pool is fully allocated and meets the minimum in both years', () => {
    for (const y of ['2014/15', '2015/16']) {
      expect(byId(`pool-allocated:${y}`).passed).toBe(true);
      expect(byId(`pool-minimum:${y}`).passed).toBe(true);
    }
  });

  test('every one of the 15 published risk ratings is impact × probability', () => {
    const risks = planChecks(barnet()).filter((c) => c.id.startsWith('risk:'));
    expect(risks).toHaveLength(15);
    expect(risks.every((c) => c.passed)).toBe(true);
  });

  test('a wrong rating fails with both figures', () => {
    const json = JSON.parse(JSON.stringify(barnetJson));
    json.risks[0].statedRating = 12;
    const c = planChecks(planFromJson(json).plan).find((x) => x.id === 'risk:R1')!;
    expect([c.passed, c.expected, c.found]).toEqual([false, '16', '12']);
  });
});

describe('the pool', () => {
  test('2015/16 contributions are shared in proportion: BCCG 21,540,000 / 23,412,000', () => {
    const y = computePoolYear(barnet(), '2015/16');
    expect(y.contributed.toString()).toBe('23412000');
    expect(y.allocated.toString()).toBe('23412000');
    expect(
      y.partners
        .find((p) => p.partner === 'BCCG')!
        .share.times(23412000)
        .toString(),
    ).toBe('21540000');
  });

  test('an overspend is shared 50:50 under a fixed split, and by contributions otherwise', () => {
    const json = JSON.parse(JSON.stringify(barnetJson));
    json.pool.spend = [
      { scheme: '2b', year: '2015/16', quarter: 1, amount: 400000 },
      { scheme: '2b', year: '2015/16', quarter: 2, amount: 400000 },
      { scheme: '2b', year: '2015/16', quarter: 3, amount: 400000 },
      { scheme: '2b', year: '2015/16', quarter: 4, amount: 1092026 },
    ];
    const byContribution = computePoolYear(planFromJson(json).plan, '2015/16');
    const b = byContribution.schemes.find((s) => s.ref === '2b')!;
    expect(b.variance.toString()).toBe('1000000');
    // everything else unspent: the pool variance is spend less allocation
    expect(byContribution.variance.toString()).toBe(money(2292026).minus(23412000).toString());
    json.pool.sharing = {
      kind: 'fixed',
      shares: [
        { partner: 'LBB', percent: 50 },
        { partner: 'BCCG', percent: 50 },
      ],
    };
    const fixed = computePoolYear(planFromJson(json).plan, '2015/16');
    expect(fixed.partners.map((p) => p.varianceShare.toString())).toEqual([
      fixed.variance.dividedBy(2).toString(),
      fixed.variance.dividedBy(2).toString(),
    ]);
  });

  test('a fixed split that does not add up to 100 is a failed check, and the plan still reads', () => {
    const json = JSON.parse(JSON.stringify(barnetJson));
    json.pool.sharing = {
      kind: 'fixed',
      shares: [
        { partner: 'LBB', percent: 40 },
        { partner: 'BCCG', percent: 50 },
      ],
    };
    const shares = planChecks(planFromJson(json).plan).find((c) => c.id === 'pool-shares:2015/16')!;
    expect([shares.passed, shares.expected, shares.found]).toEqual([false, '100%', '90%']);
    expect(shares.message).toContain('10% is carried by no one');
  });

  test('pool, risks and statements survive planToJson → planFromJson', () => {
    const again = planFromJson(planToJson(barnet())).plan;
    expect(planChecks(again).map((c) => [c.id, c.passed])).toEqual(planChecks(barnet()).map((c) => [c.id, c.passed]));
  });
});

describe('the risk log', () => {
  test('the heat map counts Barnet risks by impact and probability', () => {
    const risks = barnet().risks!;
    const grid = heatMap(risks);
    expect(grid[5 - 4][4 - 1]).toBe(4); // impact 4, probability 4: R1, R9, R10, R12
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(15);
    expect(rating(risks[6]).toString()).toBe('10');
  });
});
