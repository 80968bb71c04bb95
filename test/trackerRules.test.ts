import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { trackJson } from '../src/cli/trackJson';
import { Money } from '../src/domain/money';
import type { Plan } from '../src/domain/plan';
import { planChecks } from '../src/domain/planChecks';
import { planFromJson } from '../src/domain/planJson';
import { computePoolYear } from '../src/domain/pool';
import { reportingQuarter, reportingQuarterText } from '../src/domain/reportingQuarter';
import { ratioStatus } from '../src/domain/tracker';
import { benefitsSummary } from '../src/domain/benefitsSummary';
import { CARD_LABEL, CARD_SECTION, TRACKER_LABELS } from '../src/workbook/families/cards/names';
import { SUMMARY_HEADERS, SUMMARY_SHEET } from '../src/workbook/families/cards/cardSummary';
import { INPUT_LOOK } from '../src/workbook/sheetPlan';
import { LEGEND } from '../src/workbook/families/shared/inputLegend';
import { POOL_HEADERS } from '../src/workbook/families/pool/names';
import { readPlan } from '../src/workbook/families/planReader';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy } from './support/barnet';
import { locate, sheetOf } from './support/cardCells';
import { engineMismatches } from './support/engineParity';
import { TEST_DAY } from './support/testDay';

const d = (v: number | string) => new Money(v);
const TOLERANCES = { green: d('0.95'), amber: d('0.8'), forecastRange: d('0.15') };
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

function planWith(change: (json: any) => void): Plan {
  const json = barnetJsonCopy();
  change(json);
  return planFromJson(json).plan;
}

function built(layout: WorkbookPlan): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.applySync(layout);
  return wb;
}

function record(json: any, ref: string): any {
  return json.cards.records.find((r: any) => r.scheme === ref);
}

/** The Assumptions row of a tracker setting, found by its label. */
function settingRow(layout: WorkbookPlan, label: string): number {
  const row = sheetOf(layout, 'Assumptions').rows.findIndex((r) => r[0]?.value === label);
  if (row < 0) throw new Error(`no setting ${label}`);
  return row;
}

/** The Benefits Summary's total row, as HyperFormula calculates it, by header. */
function summaryTotals(layout: WorkbookPlan, wb: MemoryWorkbook): Record<string, unknown> {
  const sheet = sheetOf(layout, SUMMARY_SHEET);
  const row = sheet.rows.findIndex((r) => r[0]?.value === 'Total');
  return Object.fromEntries(SUMMARY_HEADERS.map((h, c) => [h, wb.value(SUMMARY_SHEET, row, c)]));
}

describe('the reporting quarter', () => {
  test('case and spacing are forgiven; blank and unknown are states of their own, never another quarter', () => {
    expect(reportingQuarter('  2015/16   q2 ', QUARTERS)).toMatchObject({
      state: 'set',
      label: '2015/16 Q2',
      position: 6,
    });
    expect(reportingQuarter('', QUARTERS)).toMatchObject({ state: 'blank', position: 0 });
    expect(reportingQuarterText(reportingQuarter('   ', QUARTERS))).toBe('Not set');
    expect(reportingQuarterText(reportingQuarter('2016/17 Q1', QUARTERS))).toBe(
      'Not a quarter of the plan: 2016/17 Q1',
    );
    // Excel's MATCH would read a wildcard as "any quarter"; the sheet and the domain both refuse it
    expect(reportingQuarter('2015/16 Q*', QUARTERS).state).toBe('unknown');
  });

  test('the sheet reads "2015/16 q2" as 2015/16 Q2, and blank or unknown the same way bcf track does', () => {
    const plan = planWith(() => undefined);
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    const wb = built(layout);
    const typed = settingRow(layout, TRACKER_LABELS.asAt);
    const shown = settingRow(layout, TRACKER_LABELS.quarter);
    const atQ2 = summaryTotals(layout, wb);
    for (const [text, expected] of [
      [' 2015/16  q2', '2015/16 Q2'],
      ['', 'Not set'],
      ['2016/17 Q1', 'Not a quarter of the plan: 2016/17 Q1'],
    ] as const) {
      wb.setCell('Assumptions', typed, 1, text);
      const { plan: read } = readPlan(wb.snapshot());
      const json = trackJson(read);
      expect([wb.value('Assumptions', shown, 1), json.reportingQuarter.shown]).toEqual([expected, expected]);
      const totals = summaryTotals(layout, wb);
      const planned = SUMMARY_HEADERS[5];
      expect(totals[planned]).toBeCloseTo(Number(json.totals.plannedToDate), 2);
      if (expected === '2015/16 Q2') expect(totals).toEqual(atQ2);
      else expect([json.totals.plannedToDate, json.statusCounts['No data yet']]).toEqual(['0', 5]);
    }
  });
});

describe('no data is its own state', () => {
  test('a card with no data is grey: out of every variance and total, its planned £ counted apart, never -100%', () => {
    // 2c planned 29 + 3 + 3 = 35 admissions to 2015/16 Q2, £70,140 at £2,004; nothing typed
    const plan = planWith((json) => (record(json, '2c').actuals = []));
    const s = benefitsSummary(plan);
    const twoC = s.cards.find((c) => c.card.ref === '2c')!.position;
    expect([
      twoC.status,
      twoC.statusSetBy,
      twoC.variance,
      twoC.variancePct,
      twoC.plannedToDate.toString(),
      twoC.plannedNotReported.toString(),
    ]).toEqual(['No data yet', 'No data', null, null, '0', '70140']);
    expect(s.plannedToDate.toString()).toBe('2617771.8'); // the Barnet total £2,687,911.80 less 2c's £70,140
    expect(s.plannedNotReported.toString()).toBe('70140');
    expect(s.statusCounts['No data yet']).toBe(1);
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    expect(engineMismatches(layout, ['Card 2c', SUMMARY_SHEET])).toEqual([]);
    const sheet = sheetOf(layout, 'Card 2c');
    const variance = locate(sheet, CARD_SECTION.position, CARD_LABEL.variancePct);
    expect(sheet.rows[variance.row][1]?.result).toBe('');
  });

  test('a quarter missing between reported ones is shown Missing, and the variance runs over the quarters reported', () => {
    // 2c NEL: 2014/15 planned 8, 7, 7, 7 and 2015/16 3, 3; realised 3, (none), 4, 5 and 1, 1.
    // Over the quarters reported: planned 8 + 7 + 7 + 3 + 3 = 28, realised 14: 50%, Red; the gap is not a zero.
    const plan = planWith(
      (json) =>
        (record(json, '2c').actuals = record(json, '2c').actuals.filter((a: any) => a.quarter !== '2014/15 Q2')),
    );
    const t = benefitsSummary(plan).cards.find((c) => c.card.ref === '2c')!;
    expect(t.metrics[0].quarters.map((q) => q.status)).toEqual([
      'Red',
      'Missing',
      'Red',
      'Red',
      'Red',
      'Red',
      'No data yet',
      'No data yet',
    ]);
    expect([t.position.plannedToDate, t.position.realisedToDate, t.position.variance].map(String)).toEqual([
      String(28 * 2004),
      String(14 * 2004),
      String(-14 * 2004),
    ]);
    expect(t.position.plannedNotReported.toString()).toBe(String(7 * 2004));
    expect(engineMismatches(workbookLayout(plan, 'all', { today: TEST_DAY }), ['Card 2c', SUMMARY_SHEET])).toEqual([]);
  });
});

describe('status rules', () => {
  test('worse than planned is never Green, whatever the sign', () => {
    expect(ratioStatus(d(-2), d(0), TOLERANCES)).toBe('Red'); // a loss against nothing planned
    expect(ratioStatus(d(0), d(0), TOLERANCES)).toBe('Green');
    expect(ratioStatus(d(-20), d(-10), TOLERANCES)).toBe('Red'); // planned a rise of 10, got 20
    expect(ratioStatus(d(-5), d(-10), TOLERANCES)).toBe('Green'); // better than planned
    expect(ratioStatus(d(9), d(10), TOLERANCES)).toBe('Amber');
    expect(ratioStatus(d(-9), d(-10), TOLERANCES)).toBe('Green');
    expect(ratioStatus(d(-11), d(-10), TOLERANCES)).toBe('Amber'); // 10% worse than a planned -10: 90%
    expect(ratioStatus(d('-10.4'), d(-10), TOLERANCES)).toBe('Green'); // 4% worse: 96%, within the green tolerance...
    expect(ratioStatus(d('-10.4'), d(-10), { ...TOLERANCES, green: d(1) })).toBe('Amber'); // ...Amber when Green needs 100%
  });

  test("a card's status names the measure that set it", () => {
    // 2b's money is Green (101% of plan); its satisfaction, 86% against a raised target of 95%, is 90.5%: Amber
    const plan = planWith((json) => (record(json, '2b').rateMeasures[0].target = 0.95));
    const p = benefitsSummary(plan).cards.find((c) => c.card.ref === '2b')!.position;
    expect([p.financialStatus, p.status, p.statusSetBy]).toEqual([
      'Green',
      'Amber',
      'Patients who felt involved in their care plan',
    ]);
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    expect(engineMismatches(layout, ['Card 2b', SUMMARY_SHEET])).toEqual([]);
    const setBy = locate(sheetOf(layout, 'Card 2b'), CARD_SECTION.position, CARD_LABEL.statusSetBy);
    expect(built(layout).value('Card 2b', setBy.row, 1)).toBe('Patients who felt involved in their care plan');
  });

  test('forecasts keep lower <= expected <= upper when the figures are negative', () => {
    // 2c 2015/16: realised -8, -8 against 3, 3 planned; the run rate is -16/6 and the rest of the year (4) goes at it
    const plan = planWith((json) => {
      for (const a of record(json, '2c').actuals) if (a.quarter.startsWith('2015/16')) a.reduction = -8;
    });
    const y = benefitsSummary(plan).cards.find((c) => c.card.ref === '2c')!.metrics[0].years[1];
    const rest = d(4).times(d(-16).dividedBy(6));
    expect(y.forecast.expected.toFixed(6)).toBe(d(-16).plus(rest).toFixed(6));
    expect(y.forecast.lower.toFixed(6)).toBe(d(-16).plus(rest.times('1.15')).toFixed(6));
    expect(y.forecast.upper.toFixed(6)).toBe(d(-16).plus(rest.times('0.85')).toFixed(6));
    expect(y.forecast.lower.lessThan(y.forecast.expected) && y.forecast.expected.lessThan(y.forecast.upper)).toBe(true);
    expect(engineMismatches(workbookLayout(plan, 'all', { today: TEST_DAY }), ['Card 2c', SUMMARY_SHEET])).toEqual([]);
  });

  test('NEL realised in the year stops at the reporting quarter: 234 at 2015/16 Q1', () => {
    // 2015/16 Q1: 1a 11, 2a 27, 2b 85, 2c 1, 3a 1,900 - 1,790 = 110
    const plan = planWith((json) => (json.cards.asAt = '2015/16 Q1'));
    const nel = benefitsSummary(plan).nel.find((n) => n.year === '2015/16')!;
    expect(nel.realised.toString()).toBe('234');
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    expect(engineMismatches(layout, [SUMMARY_SHEET])).toEqual([]);
  });
});

describe('the pool', () => {
  const spend2b = (json: any, amounts: number[]) =>
    (json.pool.spend = amounts.map((amount, q) => ({ scheme: '2b', year: '2015/16', quarter: q + 1, amount })));

  test('nothing spent yet is no variance: the allocation to date is phased to the quarters reported', () => {
    const y = computePoolYear(
      planWith(() => undefined),
      '2015/16',
    );
    expect([
      y.quartersReported,
      y.allocatedToDate.toString(),
      y.variance.toString(),
      y.forecastVariance.toString(),
    ]).toEqual([0, '0', '0', '0']);
  });

  test('spend to Q3 is against three quarters of the allocation, evenly by default or as the year is phased; the year-end outturn goes on at the rate so far', () => {
    // 2b is allocated £1,292,026 in 2015/16 and spends £300,000 a quarter to Q3
    const even = computePoolYear(
      planWith((json) => spend2b(json, [300000, 300000, 300000])),
      '2015/16',
    );
    const b = even.schemes.find((s) => s.ref === '2b')!;
    expect([
      even.quartersReported,
      even.phasedToDate.toString(),
      b.allocatedToDate.toString(),
      b.variance.toString(),
    ]).toEqual([3, '0.75', '969019.5', '-69019.5']);
    expect(even.forecastOutturn.toString()).toBe('1200000'); // £900,000 spent for 75% of the year's allocation: the rest at that rate
    const phased = computePoolYear(
      planWith((json) => {
        spend2b(json, [300000, 300000, 300000]);
        json.pool.phasing = { '2015/16': [0.1, 0.2, 0.3, 0.4] };
      }),
      '2015/16',
    );
    const p = phased.schemes.find((s) => s.ref === '2b')!;
    expect([phased.phasedToDate.toString(), p.allocatedToDate.toString(), phased.forecastOutturn.toString()]).toEqual([
      '0.6',
      '775215.6',
      '1500000',
    ]);
    expect(
      engineMismatches(
        workbookLayout(
          planWith((json) => {
            spend2b(json, [300000, 300000, 300000]);
            json.pool.phasing = { '2015/16': [0.1, 0.2, 0.3, 0.4] };
          }),
          'all',
          { today: TEST_DAY },
        ),
        ['Pool', 'Checks'],
      ),
    ).toEqual([]);
  });

  test('one sharing rule in every table: by source, each source carries its part of what its partner carries', () => {
    const plan = planWith((json) => {
      spend2b(json, [400000, 400000, 400000, 1092026]); // a £1,000,000 overspend
      json.pool.sharing = {
        kind: 'fixed',
        shares: [
          { partner: 'LBB', percent: 40 },
          { partner: 'BCCG', percent: 60 },
        ],
      };
    });
    const y = computePoolYear(plan, '2015/16');
    const carried = Object.fromEntries(y.partners.map((p) => [p.partner, p.varianceShare.toString()]));
    const bySource = (partner: string) =>
      y.sources
        .filter((s) => s.partner === partner)
        .reduce((a, s) => a.plus(s.variance), d(0))
        .toString();
    expect([bySource('LBB'), bySource('BCCG')]).toEqual([carried.LBB, carried.BCCG]);
    expect(carried.LBB).toBe(y.forecastVariance.times('0.4').toString());
    expect(engineMismatches(workbookLayout(plan, 'all', { today: TEST_DAY }), ['Pool'])).toEqual([]);
  });

  test('in proportion, a partner who put nothing in carries nothing', () => {
    const y = computePoolYear(
      planWith((json) => spend2b(json, [400000])),
      '2014/15',
    );
    expect(y.partners.find((p) => p.partner === 'LBB')!.share.toString()).toBe('0');
    expect(y.partners.find((p) => p.partner === 'BCCG')!.share.toString()).toBe('1');
  });

  test('fixed shares not adding to 100% and an unknown partner id are failed checks, and the summary still prints', () => {
    const plan = planWith((json) => {
      json.pool.sharing = {
        kind: 'fixed',
        shares: [
          { partner: 'LBB', percent: 40 },
          { partner: 'BCCG', percent: 50 },
        ],
      };
      json.pool.contributions.push({ year: '2015/16', partner: 'NHSE', source: 'Transformation fund', amount: 935920 });
    });
    const failed = planChecks(plan).filter((c) => !c.passed && c.id.startsWith('pool-shares'));
    expect(failed.map((c) => [c.id, c.found])).toEqual([
      ['pool-shares:2014/15', '90%'],
      ['pool-shares:2015/16', '90%'],
    ]);
    expect(failed[1].message).toContain('NHSE');
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    expect(engineMismatches(layout, ['Pool', 'Checks'])).toEqual([]);
    const wb = built(layout);
    const { plan: read } = readPlan(wb.snapshot());
    expect(trackJson(read).pool.failingChecks.map((c) => c.id)).toEqual([
      'pool-shares:2014/15',
      'pool-allocated:2015/16',
      'pool-shares:2015/16',
    ]);
    expect(trackJson(read).totals.plannedToDate).toBe('2687911.8');
  });
});

describe('input cells', () => {
  test('every sheet with inputs describes them in the words that match their look, with a legend in that look', () => {
    const layout = workbookLayout(
      planWith(() => undefined),
      'all',
      { today: TEST_DAY },
    );
    const withInputs = layout.sheets.filter((s) => s.rows.some((r) => r.some((c) => c?.style === 'input')));
    expect(withInputs.length).toBeGreaterThan(8);
    for (const sheet of withInputs) {
      const texts = sheet.rows.flatMap((r) => r.map((c) => (typeof c?.value === 'string' ? c.value : '')));
      expect([sheet.name, texts.some((t) => t.startsWith(`${INPUT_LOOK.words} are inputs`))]).toEqual([
        sheet.name,
        true,
      ]);
      expect([sheet.name, texts.filter((t) => /\b(blue|green|grey|white|orange) cells\b/i.test(t))]).toEqual([
        sheet.name,
        [],
      ]);
      const legend = sheet.rows.find((r) => r.some((c) => c?.value === LEGEND.input));
      expect([sheet.name, legend?.find((c) => c?.value === LEGEND.input)?.style]).toEqual([sheet.name, 'input']);
    }
    expect(INPUT_LOOK.words).toBe('Yellow cells');
    expect(INPUT_LOOK.fill).toBe('FFF2CC'); // a light yellow
  });
});

describe('bcf track --json', () => {
  test('the summary as data, money as exact strings, the same figures as the Benefits Summary', () => {
    const plan = planWith(() => undefined);
    const json = trackJson(plan);
    expect(json.reportingQuarter).toEqual({ typed: '2015/16 Q2', state: 'set', shown: '2015/16 Q2', position: 6 });
    expect(json.totals).toMatchObject({
      plannedToDate: '2687911.8',
      realisedToDate: '2631281',
      variance: '-56630.8',
      plannedNotReported: '0',
    });
    expect(json.statusCounts).toEqual({ 'No data yet': 0, Green: 3, Amber: 1, Red: 1 });
    expect(json.cards.find((c) => c.ref === '2c')).toMatchObject({
      plannedToDate: '70140',
      realisedToDate: '36072',
      variance: '-34068',
      status: 'Red',
      statusSetBy: 'Money',
    });
    expect(json.nel.find((n) => n.year === '2015/16')!.realisedInYearToQuarter).toBe('478');
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    const totals = summaryTotals(layout, built(layout));
    expect(totals[SUMMARY_HEADERS[6]]).toBe(2631281);
    expect(POOL_HEADERS.summary).toContain('Forecast variance (£)');
  });
});
