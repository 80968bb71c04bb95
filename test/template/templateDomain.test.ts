import { planFromJson } from '../../src/domain/planJson';
import { planToJson } from '../../src/domain/planJson';
import { plannedRequiredSpend, sourceBalances } from '../../src/domain/expenditure';
import { failedTemplateRules } from '../../src/domain/templateRules';
import { matchSource, matchCommissioner } from '../../src/domain/templateVocabulary';
import { PlanError } from '../../src/domain/problems';
import { Money } from '../../src/domain/money';

const base = {
  board: 'Made-up',
  years: [{ label: '2023/24' }, { label: '2024/25' }],
  unitCosts: [{ id: 'NEL', benefit: 'NEL', value: 2004 }],
  schemes: [],
};

const line = (over: Record<string, unknown>) => ({
  id: '1',
  name: 'Reablement',
  schemeType: 'Home-based intermediate care services',
  areaOfSpend: 'Community Health',
  commissioner: 'NHS',
  source: 'Minimum NHS Contribution',
  spend: { '2023/24': '100.00', '2024/25': '200.00' },
  ...over,
});

describe('template vocabulary', () => {
  it.each([
    ['Minimum CCG Contribution', 'nhsMinimum'],
    ['minimum  ICB contribution (£)', 'nhsMinimum'],
    ['iBCF', 'ibcf'],
    ['Local Authority Discharge Funding', 'laDischarge'],
    ['Local Authority Better Care Grant', 'laBetterCareGrant'],
    ['Disabled Facilities Grant (DFG)', 'dfg'],
    ['Additional CCG Contribution', 'additionalNhs'],
    // 2025-26's council grant as published papers word it, and the income tabs' word order.
    ['Local Authority Better Care Fund Grant', 'laBetterCareGrant'],
    ['Local Authority Better Care Fund', 'laBetterCareGrant'],
    ['LA Better Care Fund Grant', 'laBetterCareGrant'],
    ['Local Authority Additional Contribution', 'additionalLa'],
    ['CCG Additional Contribution', 'additionalNhs'],
    ['ASC Discharge Fund', 'laDischarge'],
    // "CCG"/"ICB"/"NHS", "Local Authority"/"LA", "Fund"/"Funding" and "Contribution" forgiven.
    ['ICB Minimum Contribution', 'nhsMinimum'],
    ['LA Discharge Fund', 'laDischarge'],
    ['Additional LA', 'additionalLa'],
    ['Additional ICB', 'additionalNhs'],
    // The part of the two-part ASC Discharge Fund the words after it name.
    ['ASC Discharge Fund - ICB', 'icbDischarge'],
    ['Adult Social Care Discharge Fund (ICB)', 'icbDischarge'],
    ['ASC Discharge Fund - LA', 'laDischarge'],
    ['ASC Discharge Fund (ICB allocation)', 'icbDischarge'],
    // Words after it that say more than a partner's part do not move the money.
    ['LA Discharge Funding - NHS trust provider', 'laDischarge'],
  ])('reads %s as %s', (text, id) => expect(matchSource(text)).toBe(id));
  it('reads nothing into words that are not a source', () => {
    expect(matchSource('Total')).toBeUndefined();
    expect(matchSource('Sub-total')).toBeUndefined();
    // Group totals' words name no one source.
    expect(matchSource('NHS Contribution')).toBeUndefined();
    expect(matchSource('Minimum LA Contribution (exc iBCF)')).toBeUndefined();
  });
  it.each([
    ['Joint (LA/NHS)', 'Joint'],
    ['CCG/LA', 'Joint'],
    ['LA and ICB', 'Joint'],
    ['Joint commissioner', 'Joint'],
    ['Local Authority (LA)', 'LA'],
    ['NHS (ICB)', 'NHS'],
    ['NHS England', 'NHS'],
  ])('reads the commissioner %s as %s', (text, c) => expect(matchCommissioner(text)).toBe(c));
  it('reads no commissioner into a provider or another body', () => {
    expect(matchCommissioner('Private Sector')).toBeUndefined();
    expect(matchCommissioner('Public Health England')).toBeUndefined();
  });
  it('reads CCG and ICB as the NHS commissioning', () => {
    expect(matchCommissioner('CCG')).toBe('NHS');
    expect(matchCommissioner('ICB')).toBe('NHS');
    expect(matchCommissioner('Local Authority')).toBe('LA');
  });
});

describe('template sections of the plan file', () => {
  it('round-trips income, expenditure and minimums', () => {
    const { plan } = planFromJson({
      ...base,
      income: [{ source: 'DFG', amounts: { '2023/24': '1,000.50' } }],
      expenditure: [line({ commissioner: 'Joint', nhsPercent: 60, status: 'New' })],
      minimums: { '2023/24': { adultSocialCare: 10 } },
    });
    const again = planFromJson(planToJson(plan)).plan;
    expect(again.income?.[0].amounts['2023/24'].toFixed(2)).toBe('1000.50');
    expect(again.expenditure?.[0].nhsPercent?.toString()).toBe('60');
    expect(again.expenditure?.[0].status).toBe('new');
    expect(again.minimums?.['2023/24'].adultSocialCare?.toString()).toBe('10');
  });
  it('names the path of a bad source, a year the plan lacks and a negative spend', () => {
    const attempt = () =>
      planFromJson({
        ...base,
        expenditure: [
          line({ source: 'Lottery' }),
          line({ spend: { '2022/23': 5 } }),
          line({ spend: { '2023/24': -5 } }),
        ],
      });
    expect(attempt).toThrow(PlanError);
    try {
      planFromJson({ ...base, expenditure: [line({ spend: { '2022/23': 5 } }), line({ spend: { '2023/24': -5 } })] });
    } catch (e) {
      const text = (e as Error).message;
      expect(text).toContain('expenditure[0].spend["2022/23"]');
      expect(text).toContain('expenditure[1].spend["2023/24"]');
    }
  });
});

describe('template rules', () => {
  const plan = planFromJson({
    ...base,
    income: [
      { source: 'nhsMinimum', amounts: { '2023/24': 1000, '2024/25': 1000 } },
      { source: 'laDischarge', amounts: { '2023/24': 100, '2024/25': 100 } },
    ],
    expenditure: [
      line({ id: '1', spend: { '2023/24': 600, '2024/25': 600 } }),
      line({
        id: '2',
        commissioner: 'Joint',
        nhsPercent: 40,
        laPercent: 50,
        areaOfSpend: 'Social Care',
        spend: { '2023/24': 300, '2024/25': 500 },
      }),
      line({
        id: '1',
        name: 'Carers support',
        source: 'laDischarge',
        schemeType: 'Carers Services',
        spend: { '2023/24': 50, '2024/25': 50 },
      }),
    ],
    minimums: { '2023/24': { adultSocialCare: 300, outOfHospital: 700 }, '2024/25': { adultSocialCare: 300 } },
  }).plan;

  it('works out balances and required spend', () => {
    const b = sourceBalances(plan, '2024/25').find((x) => x.source === 'nhsMinimum')!;
    expect(b.balance.toString()).toBe('-100');
    expect(plannedRequiredSpend(plan, 'adultSocialCare', '2023/24').toString()).toBe('300');
    expect(plannedRequiredSpend(plan, 'outOfHospital', '2023/24').toString()).toBe('600');
  });
  it('fails each broken rule once, at its subject', () => {
    const failed = failedTemplateRules(plan).map((r) => `${r.rule}:${JSON.stringify(r.subject)}`);
    expect(failed).toEqual([
      'source-overspent:{"kind":"source","source":"nhsMinimum","year":"2024/25"}',
      'minimum-spend:{"kind":"required","spend":"outOfHospital","year":"2023/24"}',
      'joint-percent:{"kind":"line","index":1,"field":"nhsPercent"}',
      'duplicate-id:{"kind":"line","index":2,"field":"id"}',
      'discharge-type:{"kind":"line","index":2,"field":"schemeType"}',
    ]);
  });
});

describe('judged to the penny', () => {
  // As the audit reads a template: figures straight from the cells, not through a plan file's pence.
  const failed = (spend: string, minimum: number) => {
    const { plan } = planFromJson({
      ...base,
      years: [{ label: '2023/24' }],
      income: [{ source: 'nhsMinimum', amounts: { '2023/24': 1000 } }],
      expenditure: [line({ spend: { '2023/24': 0 } })],
      minimums: { '2023/24': { outOfHospital: minimum } },
    });
    const [first] = plan.expenditure!;
    const read = { ...plan, expenditure: [{ ...first, spend: { '2023/24': new Money(spend) } }] };
    return failedTemplateRules(read).map((r) => r.rule);
  };

  it('a fraction of a penny over the income or under the minimum (noise in a cached figure) breaks no rule', () => {
    expect(failed('1000.004', 1000)).toEqual([]);
    expect(failed('999.996', 1000)).toEqual([]);
  });
  it('a penny over the income, or under the minimum, does', () => {
    expect(failed('1000.01', 1000)).toEqual(['source-overspent']);
    expect(failed('999.99', 1000)).toEqual(['minimum-spend']);
  });
});

describe('one scheme on several lines', () => {
  const rulesOf = (names: string[]) =>
    failedTemplateRules(
      planFromJson({
        ...base,
        income: [
          { source: 'nhsMinimum', amounts: { '2023/24': 1000, '2024/25': 1000 } },
          { source: 'ibcf', amounts: { '2023/24': 1000, '2024/25': 1000 } },
        ],
        expenditure: names.map((name, i) =>
          line({ id: '4', name, source: i ? 'ibcf' : 'nhsMinimum', spend: { '2023/24': 100, '2024/25': 100 } }),
        ),
      }).plan,
    ).map((r) => `${r.rule}:${JSON.stringify(r.subject)}`);

  it('keeps its Scheme ID on each line (one per source), as the template asks: no clash', () => {
    expect(rulesOf(['Community equipment', ' community  Equipment'])).toEqual([]);
  });
  it('but an ID another scheme already has is a clash, at the later line', () => {
    expect(rulesOf(['Community equipment', 'Falls service'])).toEqual([
      'duplicate-id:{"kind":"line","index":1,"field":"id"}',
    ]);
  });
});

describe('the 2023-25 example', () => {
  const { readFileSync } = require('fs') as typeof import('fs');
  const { planFromJsonText } = require('../../src/domain/planJson') as typeof import('../../src/domain/planJson');
  const { templateRules } =
    require('../../src/domain/templateRules') as typeof import('../../src/domain/templateRules');
  const { SOURCE_IDS } =
    require('../../src/domain/templateVocabulary') as typeof import('../../src/domain/templateVocabulary');
  const { plan, problems } = planFromJsonText(
    readFileSync(`${__dirname}/../../examples/expenditure-2023-25.json`, 'utf8'),
  );
  it('has 40+ lines from every 2023-25 source, a joint line, both years, and meets every rule', () => {
    expect(problems).toEqual([]);
    expect(plan.expenditure!.length).toBeGreaterThanOrEqual(40);
    const used = new Set(plan.expenditure!.map((l) => l.source));
    expect(
      SOURCE_IDS.filter((s) => !['winterPressures', 'laBetterCareGrant'].includes(s)).every((s) => used.has(s)),
    ).toBe(true);
    expect(plan.expenditure!.some((l) => l.commissioner === 'Joint' && l.nhsPercent)).toBe(true);
    expect(plan.years.map((y) => y.label)).toEqual(['2023/24', '2024/25']);
    expect(templateRules(plan).filter((r) => !r.passed)).toEqual([]);
    expect(templateRules(plan).filter((r) => r.rule === 'minimum-spend')).toHaveLength(4);
    expect(
      templateRules(plan)
        .map((r) => r.message)
        .join(' '),
    ).not.toMatch(/nHS/);
  });
});
