import fc from 'fast-check';
import Decimal from 'decimal.js';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planToXlsxBuffer } from '../src/adapters/file/xlsxWriter';
import { xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import { benefitCards, evenQuarter, plannedQuarters } from '../src/domain/benefitCard';
import { Money, sum } from '../src/domain/money';
import type { Plan } from '../src/domain/plan';
import { planFromJson, planToJson } from '../src/domain/planJson';
import { cardTracker } from '../src/domain/tracker';
import { benefitsSummary, combinedCumulative } from '../src/domain/benefitsSummary';
import { CARD_LABEL, CARD_SECTION } from '../src/workbook/families/cards/names';
import { SUMMARY_SHEET } from '../src/workbook/families/cards/cardSummary';
import { readPlan } from '../src/workbook/families/planReader';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy, barnetPlan } from './support/barnet';
import { keptCells, locate, sheetOf, spareRows } from './support/cardCells';
import { sameFigure } from './support/figures';
import { TEST_DAY } from './support/testDay';

const d = (v: Decimal.Value) => new Money(v);

/** Every formula cell of every sheet through HyperFormula against its cached decimal.js result, and no error value anywhere. */
function parityFailures(layout: WorkbookPlan, wb = built(layout)): string[] {
  const bad: string[] = [];
  for (const sheet of layout.sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const raw = wb.value(sheet.name, r, c);
        // Excel and LibreOffice show 0 for a reference to an empty cell; HyperFormula gives null.
        const v = raw === null && cell?.result === 0 ? 0 : raw;
        if (typeof v === 'string' && /^#[A-Z/0!?]+/.test(v))
          bad.push(`${sheet.name} r${r + 1} c${c + 1}: error ${v} ${cell?.formula ?? ''}`);
        if (!cell?.formula) return;
        const ours = cell.result;
        const same = typeof ours === 'number' ? sameFigure(ours, v, cell.format) : v === ours;
        if (!same)
          bad.push(
            `${sheet.name} r${r + 1} c${c + 1}: engine ${JSON.stringify(v)}, decimal.js ${JSON.stringify(ours)} (${cell.formula})`,
          );
      }),
    );
  }
  return bad;
}

/** The card and summary sheets of a layout, and the tracker settings: what a rebuild must reproduce exactly. */
function cardSheetsOf(layout: WorkbookPlan): unknown {
  return layout.sheets
    .filter((s) => s.name.startsWith('Card ') || s.name === SUMMARY_SHEET)
    .map((s) => ({ name: s.name, rows: s.rows, validations: s.validations, charts: s.charts }));
}

function built(layout: WorkbookPlan): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.applySync(layout);
  return wb;
}

function card(plan: Plan, ref: string) {
  const c = benefitCards(plan).find((x) => x.ref === ref);
  if (!c) throw new Error(`no card ${ref}`);
  return c;
}

describe('phasing a year over its quarters', () => {
  test('an even split is in whole units with the remainder in the earliest quarters', () => {
    expect(plannedQuarters(d(155), null).map(String)).toEqual(['39', '39', '39', '38']);
    expect(plannedQuarters(d(10), null).map(String)).toEqual(['3', '3', '2', '2']);
    expect(plannedQuarters(d(3), null).map(String)).toEqual(['1', '1', '1', '0']);
    expect(plannedQuarters(d('10.5'), null).map(String)).toEqual(['3', '3', '2.5', '2']);
  });

  test('an even split always adds up exactly to the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        const annual = d(whole).plus(d(tenth).dividedBy(10));
        const quarters = ([1, 2, 3, 4] as const).map((q) => evenQuarter(annual, q));
        expect(sum(quarters).equals(annual)).toBe(true);
        // never more than one unit between the largest and smallest quarter
        expect(
          Decimal.max(...quarters)
            .minus(Decimal.min(...quarters))
            .lessThanOrEqualTo(1),
        ).toBe(true);
      }),
    );
  });

  test('every Barnet card profile adds up to the plan’s annual figures', () => {
    const plan = barnetPlan();
    const cards = benefitCards(plan);
    expect(cards.map((c) => c.ref)).toEqual(['1a', '2a', '2b', '2c', '3a']);
    for (const c of cards) {
      const t = cardTracker(c, plan.cards!.tolerances, '2015/16 Q2');
      for (const m of t.metrics) {
        for (const y of m.years) {
          expect([c.ref, m.metric.unit.id, y.year, y.profile.toString()]).toEqual([
            c.ref,
            m.metric.unit.id,
            y.year,
            plan.schemes.find((s) => s.ref === c.ref)!.years[y.year].benefits[m.metric.unit.id]?.toString() ?? '0',
          ]);
          expect(y.addsUp).toBe(true);
        }
      }
    }
    // 1a is phased 10/20/30/40% in 2015/16 for the time lag
    const oneA = cardTracker(card(plan, '1a'), plan.cards!.tolerances, '2015/16 Q2').metrics[0];
    expect(oneA.quarters.slice(4).map((q) => q.planned.toString())).toEqual(['11.9', '23.8', '35.7', '47.6']);
  });

  test('phasing that does not add up to 100% shows a visible check on the card', () => {
    const json = barnetJsonCopy();
    json.cards.records[0].phasing.NEL['2015/16'] = [0.1, 0.2, 0.3, 0.3];
    const plan = planFromJson(json).plan;
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    const sheet = sheetOf(layout, 'Card 1a');
    const { row } = locate(sheet, `${CARD_SECTION.metric} NEL`, '2015/16', 'Check');
    const check = sheet.rows[row][9]!;
    expect(check.result).toBe('Check: the 2015/16 profile does not add up to the plan');
    expect(check.style).toBe('warning');
    expect(built(layout).value('Card 1a', row, 9)).toBe('Check: the 2015/16 profile does not add up to the plan');
  });
});

describe('the tracker', () => {
  const plan = barnetPlan();
  const summary = benefitsSummary(plan);
  const at = (ref: string) => summary.cards.find((c) => c.card.ref === ref)!;

  test('realised £ is the count at the unit cost; variance and cumulative to date follow', () => {
    const nel = at('2c').metrics[0];
    const q1516 = nel.quarters[4]; // 2015/16 Q1: planned 3 (10 split 3,3,2,2), realised 1
    expect([q1516.planned, q1516.realised, q1516.realisedGbp, q1516.variance, q1516.varianceGbp].map(String)).toEqual([
      '3',
      '1',
      '2004',
      '-2',
      '-4008',
    ]);
    expect((q1516.variancePct as Decimal).toFixed(4)).toBe('-0.6667');
    expect([q1516.cumPlanned, q1516.cumRealised].map(String)).toEqual(['32', '17']);
  });

  test('an actual entered as baseline and actual admissions gives the reduction', () => {
    const nel = at('3a').metrics.find((m) => m.metric.unit.id === 'NEL')!;
    expect(nel.quarters.slice(0, 6).map((q) => q.realised?.toString())).toEqual([
      '98',
      '103',
      '109',
      '101',
      '110',
      '108',
    ]);
  });

  test('statuses: 2c under-delivers (Red), 1a lags (Amber), the rest are Green', () => {
    expect(summary.asAt).toBe('2015/16 Q2');
    expect(Object.fromEntries(summary.cards.map((c) => [c.card.ref, c.position.status]))).toEqual({
      '1a': 'Amber',
      '2a': 'Green',
      '2b': 'Green',
      '2c': 'Red',
      '3a': 'Green',
    });
    // 2c: planned 29 + 3 + 3 = 35 admissions to date, realised 16 + 1 + 1 = 18
    expect(at('2c').position.plannedToDate.toString()).toBe('70140');
    expect(at('2c').position.realisedToDate.toString()).toBe('36072');
    // 1a: 23 + 11.9 + 23.8 = 58.7 planned, 54 realised: 92% is Amber at the 95% / 80% tolerances
    expect(at('1a').position.plannedToDate.toString()).toBe('117634.8');
    expect(at('1a').position.realisedToDate.toString()).toBe('108216');
    expect(summary.statusCounts).toEqual({ 'No data yet': 0, Green: 3, Amber: 1, Red: 1 });
    // a quarter without actuals has no data yet
    expect(at('2b').metrics[0].quarters[6].status).toBe('No data yet');
  });

  test('year-end forecasts under lower, expected and upper scenarios', () => {
    // 2c 2015/16: 2 realised against 6 planned by Q2 (run rate 1/3), 4 still to come: 2 + 4/3
    const y = at('2c').metrics[0].years[1];
    expect(y.forecast.expected.toFixed(4)).toBe('3.3333');
    expect(y.forecast.lower.toFixed(4)).toBe(d(2).plus(d(4).dividedBy(3).times(0.85)).toFixed(4));
    expect(y.forecast.upper.toFixed(4)).toBe(d(2).plus(d(4).dividedBy(3).times(1.15)).toFixed(4));
    // a complete year forecasts what was realised
    expect(at('2c').metrics[0].years[0].forecast.expected.toString()).toBe('16');
  });

  test('the plan against its NEL reduction target of 1,021 in 2015/16', () => {
    const nel = summary.nel[0];
    expect([nel.year, nel.reductionTarget, nel.plannedInCards, nel.realised].map(String)).toEqual([
      '2015/16',
      '1021',
      '1021',
      '478',
    ]);
    expect(nel.forecast.expected.toNumber()).toBeCloseTo(995.35, 2); // 110 + 110 + 336.98 + 3.33 + 435.04
  });

  test('sign-off and the next open milestone', () => {
    expect(at('2b').position.signOff).toBe('Signed off');
    expect(at('2a').position.signOff).toBe('2 of 3 approved');
    expect(at('2c').position.nextMilestone).toBe('All homes covered by an LCS practice');
    expect(at('1a').position.nextMilestone).toBe('Cohort 1 evaluation to HSCI'); // the earlier one is Done
  });
});

describe("the steering group's chart", () => {
  test('the cumulative lines end at the summary figures: planned and realised to the as-at quarter', () => {
    const summary = benefitsSummary(barnetPlan());
    const points = combinedCumulative(summary.cards);
    const asAt = points.find((p) => p.quarter === summary.asAt)!;
    expect(asAt.planned.toString()).toBe(summary.plannedToDate.toString());
    expect(asAt.realised!.toString()).toBe(summary.realisedToDate.toString());
    expect(points.filter((p) => p.realised !== null).at(-1)!.quarter).toBe(summary.asAt); // realised stops where reporting does
    expect(points.map((p) => p.planned.toNumber())).toEqual(
      [...points.map((p) => p.planned.toNumber())].sort((a, b) => a - b),
    ); // cumulative never falls
  });
});

describe('formula parity of the cards and the summary', () => {
  test('every formula on the Barnet cards and summary equals its decimal.js result in HyperFormula, no error values', () => {
    const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
    const cardSheets = layout.sheets.filter((s) => s.name.startsWith('Card ') || s.name === SUMMARY_SHEET);
    expect(cardSheets.map((s) => s.name)).toEqual([
      SUMMARY_SHEET,
      'Card 1a',
      'Card 2a',
      'Card 2b',
      'Card 2c',
      'Card 3a',
    ]);
    const formulas = cardSheets.reduce((n, s) => n + s.rows.flat().filter((c) => c?.formula).length, 0);
    expect(formulas).toBeGreaterThan(1000);
    expect(parityFailures(layout)).toEqual([]);
  });

  test('the summary sheet, calculated, shows the statuses and totals', () => {
    const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
    const wb = built(layout);
    const sheet = sheetOf(layout, SUMMARY_SHEET);
    const header = sheet.rows.findIndex((r) => r[0]?.value === 'Ref');
    const statuses = [1, 2, 3, 4, 5].map((i) => [
      wb.value(SUMMARY_SHEET, header + i, 0),
      wb.value(SUMMARY_SHEET, header + i, 9),
    ]);
    expect(statuses).toEqual([
      ['1a', 'Amber'],
      ['2a', 'Green'],
      ['2b', 'Green'],
      ['2c', 'Red'],
      ['3a', 'Green'],
    ]);
    const summary = benefitsSummary(barnetPlan());
    expect(wb.value(SUMMARY_SHEET, header + 6, 5)).toBeCloseTo(summary.plannedToDate.toNumber(), 2);
    expect(wb.value(SUMMARY_SHEET, header + 6, 6)).toBeCloseTo(summary.realisedToDate.toNumber(), 2);
    expect(sheet.tables?.[0]).toMatchObject({ name: 'BenefitsSummary', rowCount: 5 });
  });

  test('changing a tolerance on the Assumptions sheet recalculates the statuses', () => {
    const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
    const wb = built(layout);
    const assumptions = sheetOf(layout, 'Assumptions');
    const amber = assumptions.rows.findIndex((r) => r[0]?.value === 'Amber at or above');
    const sheet = sheetOf(layout, 'Card 1a');
    const status = locate(sheet, CARD_SECTION.position, CARD_LABEL.status);
    expect(wb.value('Card 1a', status.row, 1)).toBe('Amber');
    wb.setCell('Assumptions', amber, 1, 0.93);
    expect(wb.value('Card 1a', status.row, 1)).toBe('Red');
  });

  test('the card records its chart of cumulative planned against realised benefit', () => {
    const sheet = sheetOf(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }), 'Card 2b');
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts![0].series.map((s) => s.name)).toEqual(['Planned', 'Realised']);
    const first = locate(sheet, CARD_SECTION.cumulative, '2014/15 Q1', 'Planned cumulative (£)');
    expect(sheet.charts![0].series[0].range).toBe(`$B$${first.row + 1}:$B$${first.row + 8}`);
  });
});

describe('refreshing the cards keeps what people typed', () => {
  test('type into a built workbook, change the plan, rebuild: every kept cell survives', () => {
    const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
    const wb = built(layout);
    const type = (
      sheetName: string,
      section: string,
      row: string,
      header: string | undefined,
      value: string | number,
    ) => {
      const at = locate(sheetOf(layout, sheetName), section, row, header);
      wb.setCell(sheetName, at.row, at.column, value);
    };
    // a quarter's actuals, in both ways of entering them, and notes
    type('Card 2b', `${CARD_SECTION.metric} NEL`, '2015/16 Q3', 'Realised reduction', 80);
    type('Card 2b', `${CARD_SECTION.metric} NEL`, '2015/16 Q3', 'Note', 'Winter pressures');
    type('Card 3a', `${CARD_SECTION.metric} NEL`, '2015/16 Q3', 'Baseline admissions', 1990);
    type('Card 3a', `${CARD_SECTION.metric} NEL`, '2015/16 Q3', 'Actual admissions', 1885);
    type('Card 2b', `${CARD_SECTION.rate} Satisfaction`, '2015/16 Q3', 'Actual', 0.88);
    // phasing, ownership, the case
    for (const [q, p] of [
      ['Q1', 0.2],
      ['Q2', 0.2],
      ['Q3', 0.3],
      ['Q4', 0.3],
    ] as const)
      type('Card 2c', `${CARD_SECTION.metric} NEL`, `2015/16 ${q}`, 'Phasing %', p);
    type('Card 2c', CARD_SECTION.identity, CARD_LABEL.owner, undefined, 'New owner: Care home quality lead (interim)');
    type('Card 2c', CARD_SECTION.case, CARD_LABEL.notes, undefined, 'Recovery plan requested by HSCI, October 2015');
    type('Card 2a', CARD_SECTION.case, CARD_LABEL.optimismBias, undefined, 0.12);
    // sign-off, milestones, barriers
    type('Card 2a', CARD_SECTION.signOff, 'Project Sponsor', 'Name', 'LTC programme manager');
    type('Card 2a', CARD_SECTION.signOff, 'Project Sponsor', 'Decision', 'Approved');
    const ms = spareRows(sheetOf(layout, 'Card 2c'), CARD_SECTION.milestones)[0];
    wb.setCell('Card 2c', ms, 0, 'Meet the practices that have not signed up');
    wb.setCell('Card 2c', ms, 1, 'Sign-up meeting held');
    wb.setCell('Card 2c', ms, 2, 42320); // 12/11/2015 as Excel stores a date
    wb.setCell('Card 2c', ms, 3, 'Not started');
    wb.setCell(
      'Card 2c',
      spareRows(sheetOf(layout, 'Card 2c'), CARD_SECTION.barriers)[0],
      0,
      'Two homes left the service',
    );
    // a tolerance, set once on Assumptions
    const assumptions = sheetOf(layout, 'Assumptions');
    wb.setCell(
      'Assumptions',
      assumptions.rows.findIndex((r) => r[0]?.value === 'Amber at or above'),
      1,
      0.75,
    );
    const typed = keptCells(layout, wb.snapshot());

    // the plan changes on the Schemes sheet: 2b's 2015/16 NEL expectation goes up, 3a's cost changes
    const schemes = wb.snapshot(['Schemes']).sheets[0];
    const header = schemes.values.findIndex((r) => r[0] === 'Ref');
    const col = (h: string) => schemes.values[header].indexOf(h);
    const rowOf = (ref: string) => schemes.values.findIndex((r, i) => i > header && r[0] === ref);
    wb.setCell('Schemes', rowOf('2b'), col('2015/16 NEL'), 340);
    wb.setCell('Schemes', rowOf('3a'), col('2015/16 cost (£)'), 1400000);

    const { plan: changed } = readPlan(wb.snapshot());
    expect(changed.schemes.find((s) => s.ref === '2b')!.years['2015/16'].benefits.NEL.toString()).toBe('340');
    const rebuiltLayout = workbookLayout(changed, 'all', { today: TEST_DAY });
    const rebuilt = built(rebuiltLayout);
    const kept = keptCells(rebuiltLayout, rebuilt.snapshot());

    expect(typed.size).toBeGreaterThan(150);
    const lost = [...typed]
      .filter(([key, value]) => JSON.stringify(kept.get(key)) !== JSON.stringify(value))
      .map(([key, value]) => `${key}: typed ${JSON.stringify(value)}, now ${JSON.stringify(kept.get(key))}`);
    expect(lost).toEqual([]);
    // and the new plan is used: 2b's 2015/16 Q1 now plans 85 (340 evenly), the profile adds up
    const q1 = locate(sheetOf(rebuiltLayout, 'Card 2b'), `${CARD_SECTION.metric} NEL`, '2015/16 Q1', 'Planned');
    expect(rebuilt.value('Card 2b', q1.row, q1.column)).toBe(85);
    expect(parityFailures(rebuiltLayout, rebuilt)).toEqual([]);
  });

  test('a benefit planned down to zero keeps its tracker: planned 0, what was realised still counts, sheet and summary agree', () => {
    const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
    const wb = built(layout);
    // 2a stops counting care home admissions (its only year is 2015/16); 1 + 1 were realised in Q1 and Q2
    const schemes = wb.snapshot(['Schemes']).sheets[0];
    const header = schemes.values.findIndex((r) => r[0] === 'Ref');
    const row = schemes.values.findIndex((r, i) => i > header && r[0] === '2a');
    wb.setCell('Schemes', row, schemes.values[header].indexOf('2015/16 CareHome'), null);
    const { plan: withoutCareHome } = readPlan(wb.snapshot());
    const twoA = benefitsSummary(withoutCareHome).cards.find((c) => c.card.ref === '2a')!;
    expect(twoA.metrics.map((m) => m.metric.unit.id)).toEqual(['NEL', 'CareHome', 'DTOC']);
    expect(twoA.card.unmatched).toEqual([]);
    const careHome = twoA.metrics[1];
    expect(careHome.years.map((y) => y.plan.toString())).toEqual(['0', '0']);
    expect(careHome.quarters.slice(4, 6).map((q) => [q.planned.toString(), q.realisedGbp?.toString()])).toEqual([
      ['0', '10000'],
      ['0', '10000'],
    ]);
    // the sheet, recalculated after the edit and before any refresh, shows the same position as the domain
    const sheet = sheetOf(layout, 'Card 2a');
    const realised = locate(sheet, CARD_SECTION.position, CARD_LABEL.realisedToDate);
    const planned = locate(sheet, CARD_SECTION.position, CARD_LABEL.plannedToDate);
    expect(wb.value('Card 2a', realised.row, 1)).toBe(twoA.position.realisedToDate.toNumber());
    expect(wb.value('Card 2a', planned.row, 1)).toBe(twoA.position.plannedToDate.toNumber());
    // and a refresh from the read plan lays out the same card, every formula agreeing, so the audit finds nothing changed by hand on it
    expect(parityFailures(workbookLayout(withoutCareHome, 'all', { today: TEST_DAY }))).toEqual([]);
    expect(
      auditWorkbook(wb.snapshot())
        .findings.filter((f) => f.sheet === 'Card 2a')
        .map((f) => `${f.cell} ${f.rule}`),
    ).toEqual([]);
  });

  test('an actual for a quarter no longer in the plan is kept in Unmatched entries', () => {
    const json = barnetJsonCopy();
    json.years = json.years.slice(0, 1);
    for (const s of json.schemes) {
      delete s.years['2015/16'];
      s.investments = (s.investments ?? []).filter((l: { year: string }) => l.year !== '2015/16');
    }
    json.cards.asAt = '2014/15 Q4';
    json.targets = [];
    json.statements = [];
    delete json.pool;
    const plan = planFromJson(json).plan;
    const twoB = card(plan, '2b');
    expect(twoB.unmatched.filter((u) => u.actual.quarter.startsWith('2015/16'))).toHaveLength(8); // NEL, CareHome, Reablement, Satisfaction: 2 quarters each
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    expect(parityFailures(layout)).toEqual([]);
    const { plan: back } = readPlan(built(layout).snapshot());
    expect(
      card(back, '2b')
        .unmatched.map((u) => `${u.actual.metric} ${u.actual.quarter}`)
        .sort(),
    ).toEqual(twoB.unmatched.map((u) => `${u.actual.metric} ${u.actual.quarter}`).sort());
  });

  test('the kept cells survive a round trip through an .xlsx file (bcf build edited.xlsx -o new.xlsx)', async () => {
    const plan = barnetPlan();
    const snapshot = await xlsxToSnapshot(await planToXlsxBuffer(workbookLayout(plan, 'all', { today: TEST_DAY })));
    const { plan: back } = readPlan(snapshot);
    expect(cardSheetsOf(workbookLayout(back, 'all', { today: TEST_DAY }))).toEqual(
      cardSheetsOf(workbookLayout(plan, 'all', { today: TEST_DAY })),
    );
  });

  test('the cards survive a round trip through the plan file', () => {
    const plan = barnetPlan();
    const again = planFromJson(planToJson(plan)).plan;
    expect(planToJson(again)).toEqual(planToJson(plan));
  });
});

describe('a non-financial benefit', () => {
  test('a satisfaction rate is tracked against its target without £', () => {
    const json = barnetJsonCopy();
    json.cards.records.push({
      scheme: '3b',
      type: 'non-financial',
      title: 'Raise weekend discharges to 25% of all discharges',
      rateMeasures: [
        {
          id: 'WeekendDischarge',
          name: 'Weekend discharges (% of all)',
          unit: '%',
          target: 0.25,
          higherIsBetter: true,
        },
      ],
      actuals: [
        { quarter: '2015/16 Q1', metric: 'WeekendDischarge', actual: 0.19 },
        { quarter: '2015/16 Q2', metric: 'WeekendDischarge', actual: 0.22 },
      ],
    });
    const plan = planFromJson(json).plan;
    const t = benefitsSummary(plan).cards.find((c) => c.card.ref === '3b')!;
    expect(t.metrics).toHaveLength(0);
    expect(t.position.financialStatus).toBe('n/a');
    expect(t.position.plannedToDate.isZero() && t.position.realisedToDate.isZero()).toBe(true);
    expect(t.rates[0].quarters[5].ofTarget).toEqual(d('0.88'));
    expect(t.position.status).toBe('Amber'); // 22% against 25% is 88%: between 80% and 95%
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    const sheet = sheetOf(layout, 'Card 3b');
    expect(sheet.rows.flat().some((c) => c?.formula?.includes('UnitCost_'))).toBe(false);
    const wb = built(layout);
    expect(parityFailures(layout, wb)).toEqual([]);
    const status = locate(sheet, CARD_SECTION.position, CARD_LABEL.status);
    expect(wb.value('Card 3b', status.row, 1)).toBe('Amber');
    // read back, the measure and its actuals are kept
    const { plan: back } = readPlan(wb.snapshot());
    expect(cardSheetsOf(workbookLayout(back, 'all', { today: TEST_DAY }))).toEqual(cardSheetsOf(layout));
  });
});

describe('the task pane commands', () => {
  test('generating the tables from the pane’s plan (which has no cards) keeps the cards people typed', async () => {
    const { generateTables } = await import('../src/workbook/commands');
    const plan = barnetPlan();
    const wb = built(workbookLayout(plan, 'all', { today: TEST_DAY }));
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    const at = locate(sheetOf(layout, 'Card 2b'), `${CARD_SECTION.metric} NEL`, '2015/16 Q3', 'Realised reduction');
    wb.setCell('Card 2b', at.row, at.column, 77);
    const fromPane: Plan = { ...plan, cards: undefined };
    const outcome = await generateTables(wb, fromPane, TEST_DAY, undefined, { prefer: 'pane' });
    expect(outcome.status).toBe('done');
    expect(wb.value('Card 2b', at.row, at.column)).toBe(77);
    expect(keptCells(layout, wb.snapshot()).get('Card 2c | Sign-off | HSCI Steering Group | Decision')).toBe(
      'Approved',
    );
  });
});
