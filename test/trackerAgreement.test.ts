import fc from 'fast-check';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { trackJson } from '../src/cli/trackJson';
import { planFromJson } from '../src/domain/planJson';
import { SUMMARY_HEADERS, SUMMARY_SHEET } from '../src/workbook/families/cards/cardSummary';
import { POOL_HEADERS, POOL_SHEETS } from '../src/workbook/families/pool/names';
import { readPlan } from '../src/workbook/families/planReader';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy } from './support/barnet';
import { sheetOf } from './support/cardCells';
import { engineMismatches } from './support/engineParity';
import { TEST_DAY } from './support/testDay';

/** What each Barnet card counts, so random actuals land on the card's own trackers. */
const METRICS: Record<string, string[]> = {
  '1a': ['NEL'],
  '2a': ['NEL', 'DTOC', 'CareHome'],
  '2b': ['NEL', 'CareHome', 'Reablement'],
  '2c': ['NEL'],
  '3a': ['NEL', 'Reablement'],
};
const QUARTERS = [
  '2014/15 Q1',
  '2014/15 Q2',
  '2014/15 Q3',
  '2014/15 Q4',
  '2015/16 Q1',
  '2015/16 Q2',
  '2015/16 Q3',
  '2015/16 Q4',
];
const POOL_REFS = ['2a', '2b', '2c', '3a', '3b', '4a', '4b'];
const YEARS = ['2014/15', '2015/16'];

const actual = fc.record({
  ref: fc.constantFrom(...Object.keys(METRICS)),
  pick: fc.nat(2),
  quarter: fc.constantFrom(...QUARTERS),
  reduction: fc.integer({ min: -30, max: 150 }),
});
const typedQuarter = fc.constantFrom(
  '2015/16 Q2',
  '2015/16 q2',
  '  2014/15   Q4 ',
  '2014/15 q1',
  '',
  '   ',
  '2016/17 Q1',
  'Q2',
  '2015/16 Q*',
);
const spend = fc.record({
  scheme: fc.constantFrom(...POOL_REFS),
  year: fc.constantFrom(...YEARS),
  quarter: fc.integer({ min: 1, max: 4 }),
  amount: fc.integer({ min: 0, max: 3_000_000 }),
});
const share = fc.constantFrom(null, 0, 0.1, 0.25, 0.3, 0.4);
const pool = fc.record({
  spend: fc.array(spend, { maxLength: 12 }),
  fixed: fc.option(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { nil: undefined }),
  phasing: fc.option(fc.tuple(share, share, share, share), { nil: undefined }),
  stranger: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: undefined }),
});

type Entry = { ref: string; pick: number; quarter: string; reduction: number };
type PoolInput = {
  spend: { scheme: string; year: string; quarter: number; amount: number }[];
  fixed?: [number, number];
  phasing?: (number | null)[];
  stranger?: number;
};

function randomPlanJson(actuals: Entry[], asAt: string, p: PoolInput): any {
  const json = barnetJsonCopy();
  json.cards.asAt = asAt;
  const seen = new Set<string>();
  for (const r of json.cards.records)
    r.actuals = (r.actuals as { metric: string }[]).filter((a) => a.metric === 'Satisfaction');
  for (const a of actuals) {
    const metric = METRICS[a.ref][a.pick % METRICS[a.ref].length];
    const key = `${a.ref}|${metric}|${a.quarter}`;
    if (seen.has(key)) continue;
    seen.add(key);
    json.cards.records
      .find((r: { scheme: string }) => r.scheme === a.ref)
      .actuals.push({ quarter: a.quarter, metric, reduction: a.reduction });
  }
  const spendSeen = new Set<string>();
  json.pool.spend = p.spend.filter(
    (s) => !spendSeen.has(`${s.scheme}|${s.year}|${s.quarter}`) && spendSeen.add(`${s.scheme}|${s.year}|${s.quarter}`),
  );
  if (p.fixed)
    json.pool.sharing = {
      kind: 'fixed',
      shares: [
        { partner: 'LBB', percent: p.fixed[0] },
        { partner: 'BCCG', percent: p.fixed[1] },
      ],
    };
  if (p.phasing) json.pool.phasing = { '2015/16': p.phasing };
  if (p.stranger)
    json.pool.contributions.push({
      year: '2015/16',
      partner: 'NHSE',
      source: 'Transformation fund',
      amount: p.stranger,
    });
  return json;
}

function built(layout: WorkbookPlan): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.applySync(layout);
  return wb;
}

const close = (a: unknown, b: string | null) => typeof a === 'number' && b !== null && Math.abs(a - Number(b)) < 0.005;

describe('the workbook and bcf track agree', () => {
  test('for random actuals, reporting quarters (blank, unknown, lower case, odd spacing) and pool inputs', () => {
    fc.assert(
      fc.property(fc.array(actual, { maxLength: 40 }), typedQuarter, pool, (actuals, asAt, p) => {
        const plan = planFromJson(randomPlanJson(actuals, asAt, p)).plan;
        const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
        expect(
          engineMismatches(layout, [
            SUMMARY_SHEET,
            POOL_SHEETS.pool,
            POOL_SHEETS.checks,
            'Assumptions',
            ...Object.keys(METRICS).map((r) => `Card ${r}`),
          ]),
        ).toEqual([]);
        const wb = built(layout);
        // bcf track reads the calculated workbook, as it would a saved file
        const json = trackJson(readPlan(wb.snapshot()).plan);
        const summary = sheetOf(layout, SUMMARY_SHEET);
        const cell = (label: string, c: number) =>
          wb.value(
            SUMMARY_SHEET,
            summary.rows.findIndex((r) => r[0]?.value === label),
            c,
          );
        expect(cell('As at', 1)).toBe(json.reportingQuarter.shown);
        const total = (h: (typeof SUMMARY_HEADERS)[number]) => cell('Total', SUMMARY_HEADERS.indexOf(h));
        expect(close(total('Planned since plan start, quarters reported (£)'), json.totals.plannedToDate)).toBe(true);
        expect(close(total('Realised since plan start (£)'), json.totals.realisedToDate)).toBe(true);
        expect(close(total('Variance (£)'), json.totals.variance)).toBe(true);
        for (const card of json.cards) {
          expect([
            card.ref,
            cell(card.ref, SUMMARY_HEADERS.indexOf('Status')),
            cell(card.ref, SUMMARY_HEADERS.indexOf('Status set by')),
          ]).toEqual([card.ref, card.status, card.statusSetBy]);
          const variance = cell(card.ref, SUMMARY_HEADERS.indexOf('Variance (£)'));
          expect(card.variance === null ? variance === '' || variance === null : close(variance, card.variance)).toBe(
            true,
          );
        }
        for (const status of ['No data yet', 'Green', 'Amber', 'Red'] as const)
          expect(cell(status, 1)).toBe(json.statusCounts[status]);
        const poolSheet = sheetOf(layout, POOL_SHEETS.pool);
        const summaryHeader = poolSheet.rows.findIndex((r) => r[0]?.value === POOL_HEADERS.summary[0]);
        json.pool.years.forEach((y, k) => {
          const value = (h: (typeof POOL_HEADERS.summary)[number]) =>
            wb.value(POOL_SHEETS.pool, summaryHeader + 1 + k, POOL_HEADERS.summary.indexOf(h));
          expect([y.year, value('Quarters reported')]).toEqual([y.year, y.quartersReported]);
          expect([
            y.year,
            close(value('Variance to date (£)'), y.varianceToDate),
            close(value('Forecast variance (£)'), y.forecastVariance),
          ]).toEqual([y.year, true, true]);
        });
      }),
      { numRuns: 6 },
    );
  });
});
