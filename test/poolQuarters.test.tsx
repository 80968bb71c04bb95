/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import type Decimal from 'decimal.js';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { trackJson } from '../src/cli/trackJson';
import { formatPounds, sum } from '../src/domain/money';
import { planFromJson } from '../src/domain/planJson';
import { computePoolYear } from '../src/domain/pool';
import { POOL_HEADERS, POOL_SHEETS } from '../src/workbook/families/pool/names';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { describeQuarters, quarterBars, SpendChart } from '../src/taskpane/panels/pool/SpendChart';
import { barnetJsonCopy } from './support/barnet';
import { TEST_DAY } from './support/testDay';

/** Barnet with spend typed up to a quarter of 2015/16, and (or not) its own phasing of the year. */
function barnetWithSpend(phasing?: (number | null)[]) {
  const json = barnetJsonCopy();
  json.pool.spend = [
    { scheme: '2b', year: '2015/16', quarter: 1, amount: 300000.5 },
    { scheme: '4a', year: '2015/16', quarter: 2, amount: 9500000 },
    { scheme: '2b', year: '2015/16', quarter: 3, amount: 1200000 },
  ];
  if (phasing) json.pool.phasing = { '2015/16': phasing };
  return planFromJson(json).plan;
}

/** What HyperFormula works out on the Pool sheet for a year: its "Allocated (£)" and "Allocation to date (£)". */
function poolSheetFigures(plan: ReturnType<typeof barnetWithSpend>, year: string) {
  const book = new MemoryWorkbook();
  book.applySync(workbookLayout(plan, 'all', { today: TEST_DAY }));
  const values = book.snapshot([POOL_SHEETS.pool]).sheets[0].values;
  const header = values.findIndex((row) => row[0] === POOL_HEADERS.summary[0]);
  const row = values.slice(header).find((r) => r[0] === year)!;
  const at = (h: (typeof POOL_HEADERS.summary)[number]) => row[POOL_HEADERS.summary.indexOf(h)] as number;
  return { allocated: at('Allocated (£)'), toDate: at('Allocation to date (£)') };
}

const addUp = (values: readonly Decimal[]) => sum([...values]).toNumber();

describe('the pool year by quarter', () => {
  test.each([
    ['phased evenly', undefined],
    ['phased as typed', [0.1, 0.2, 0.3, 0.4]],
    ['phased with a quarter left blank', [0.5, null, 0.25, 0.25]],
  ])(
    '%s: the quarters add up to the allocation, and those reported to what the Pool sheet calculates',
    (_, phasing) => {
      const plan = barnetWithSpend(phasing);
      const figures = computePoolYear(plan, '2015/16');
      const engine = poolSheetFigures(plan, '2015/16');
      expect(figures.quartersReported).toBe(3);
      expect(addUp(figures.allocationByQuarter)).toBeCloseTo(engine.allocated, 6);
      expect(addUp(figures.allocationByQuarter.slice(0, 3))).toBeCloseTo(engine.toDate, 6);
      // Each quarter is the allocation times that quarter's share, worked out here from the plan's own figures.
      const shares = phasing?.map((p) => p ?? 0) ?? [0.25, 0.25, 0.25, 0.25];
      figures.allocationByQuarter.forEach((q, k) => expect(q.toNumber()).toBeCloseTo(engine.allocated * shares[k], 6));
    },
  );

  test('bcf track --json gives each quarter’s allocation beside its spend', () => {
    const plan = barnetWithSpend([0.1, 0.2, 0.3, 0.4]);
    const year = trackJson(plan).pool.years.find((y) => y.year === '2015/16')!;
    const { allocated } = poolSheetFigures(plan, '2015/16');
    expect(year.allocationByQuarter.map(Number)).toEqual(
      [0.1, 0.2, 0.3, 0.4].map((s) => expect.closeTo(allocated * s, 6)),
    );
    expect(year.spendByQuarter).toEqual(['300000.5', '9500000', '1200000', '0']);
  });

  test('a quarter after the last one reported has an allocation and no spend', () => {
    const bars = quarterBars(computePoolYear(barnetWithSpend(), '2015/16'));
    expect(bars.map((b) => [b.quarter, b.spent === undefined])).toEqual([
      ['Q1', false],
      ['Q2', false],
      ['Q3', false],
      ['Q4', true],
    ]);
    expect(describeQuarters(bars)).toContain(`Q4: ${formatPounds(bars[3].allocated)} allocated, not reported yet`);
  });
});

describe('the pool spend chart', () => {
  test('draws each quarter reported beside its allocation, the overspent one in another colour, and says every figure', () => {
    const plan = barnetWithSpend();
    const figures = computePoolYear(plan, '2015/16');
    const { container } = render(<SpendChart year="2015/16" figures={figures} />);
    const bar = (q: string, kind: string) =>
      container.querySelector(`[data-quarter="${q}"] [data-bar="${kind}"]`) as SVGRectElement | null;
    const height = (q: string, kind: string) => Number(bar(q, kind)!.getAttribute('height'));
    expect(container.querySelectorAll('[data-bar="allocated"]')).toHaveLength(4);
    expect(container.querySelectorAll('[data-bar="spent"]')).toHaveLength(3);
    // Q2's £9.5m is more than a quarter of the year's allocation; Q1 and Q3 are far under theirs.
    const quarter = figures.allocated.dividedBy(4);
    expect(figures.spendByQuarter[1].greaterThan(quarter)).toBe(true);
    expect(bar('Q2', 'spent')!.getAttribute('fill')).not.toBe(bar('Q1', 'spent')!.getAttribute('fill'));
    expect(bar('Q1', 'spent')!.getAttribute('fill')).toBe(bar('Q3', 'spent')!.getAttribute('fill'));
    // Heights in proportion to the figures they stand for.
    expect(height('Q2', 'spent') / height('Q2', 'allocated')).toBeCloseTo(
      figures.spendByQuarter[1].dividedBy(quarter).toNumber(),
      2,
    );
    const label = container.querySelector('svg')!.getAttribute('aria-label')!;
    expect(label).toContain(
      `Q2: spent ${formatPounds(figures.spendByQuarter[1])} against ${formatPounds(quarter)} allocated, ${formatPounds(figures.spendByQuarter[1].minus(quarter))} over`,
    );
    expect(label).toContain(`Q1: spent £300,001 against ${formatPounds(quarter)} allocated`);
  });

  test('draws nothing for a year with nothing allocated or spent', () => {
    const json = barnetJsonCopy();
    for (const s of json.schemes) s.inPool = false;
    const figures = computePoolYear(planFromJson(json).plan, '2015/16');
    const { container } = render(<SpendChart year="2015/16" figures={figures} />);
    expect(container.querySelector('svg')).toBeNull();
  });
});
