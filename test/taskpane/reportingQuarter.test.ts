import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { planReportingQuarter } from '../../src/domain/benefitCard';
import { Money } from '../../src/domain/money';
import { emptyPlan } from '../../src/domain/newPlan';
import type { Plan } from '../../src/domain/plan';
import { quarterOfDay, reportingQuarter, suggestedReportingQuarter } from '../../src/domain/reportingQuarter';
import { benefitsSummary } from '../../src/domain/benefitsSummary';
import { saveQuarterActuals, useReportingQuarter } from '../../src/taskpane/cardActions';
import { usePlanSession } from '../../src/taskpane/session';
import { quarterEntries, refreshCards, reportingQuarterCell } from '../../src/workbook/cardCommands';
import { startPlan } from '../../src/workbook/commands';
import { renderHook } from '../support/renderHook';
import { TEST_DAY } from '../support/testDay';

/** A made-up council's three-year plan with one scheme that expects fewer admissions. */
function northshire(): Plan {
  const plan = emptyPlan('Northshire', '2026/27', 3);
  const years = Object.fromEntries(
    plan.years.map((y) => [y.label, { cost: new Money(400000), benefits: { NEL: new Money(40) } }]),
  );
  return {
    ...plan,
    schemes: [
      {
        ref: '1a',
        group: 'Prevention',
        tiers: '',
        name: 'Falls',
        description: '',
        inPool: true,
        years,
        investments: [],
      },
    ],
  };
}

const QUARTERS = ['2026/27 Q1', '2026/27 Q2', '2026/27 Q3', '2026/27 Q4', '2027/28 Q1'];
const day = (iso: string) => new Date(`${iso}T12:00:00`);

describe('the quarter a finance lead is reporting', () => {
  test('April to June is Q1 of the year that starts in April; January to March is Q4 of the year before', () => {
    expect(quarterOfDay(day('2026-04-01'))).toBe('2026/27 Q1');
    expect(quarterOfDay(day('2026-09-30'))).toBe('2026/27 Q2');
    expect(quarterOfDay(day('2026-12-06'))).toBe('2026/27 Q3');
    expect(quarterOfDay(day('2027-03-31'))).toBe('2026/27 Q4');
    expect(quarterOfDay(day('2099-01-15'))).toBe('2098/99 Q4');
  });

  test('the drop-down opens on the quarter set, else today’s, else the plan’s nearest to today', () => {
    const blank = reportingQuarter('', QUARTERS);
    expect(suggestedReportingQuarter(reportingQuarter('2026/27 q2', QUARTERS), QUARTERS, day('2026-12-06'))).toBe(
      '2026/27 Q2',
    );
    expect(suggestedReportingQuarter(blank, QUARTERS, day('2026-12-06'))).toBe('2026/27 Q3');
    expect(suggestedReportingQuarter(reportingQuarter('Q9', QUARTERS), QUARTERS, day('2026-12-06'))).toBe('2026/27 Q3');
    expect(suggestedReportingQuarter(blank, QUARTERS, day('2025-05-01'))).toBe('2026/27 Q1');
    expect(suggestedReportingQuarter(blank, QUARTERS, day('2031-05-01'))).toBe('2027/28 Q1');
    expect(suggestedReportingQuarter(blank, [], day('2026-05-01'))).toBeUndefined();
  });
});

describe('the reporting quarter chosen in the Benefit Cards panel', () => {
  async function paneWithCards(today: Date) {
    const book = new MemoryWorkbook();
    expect((await startPlan(book, northshire(), TEST_DAY)).status).toBe('done');
    await refreshCards(book, TEST_DAY);
    const pane = await renderHook(() => {
      const session = usePlanSession(book);
      return { session, choice: useReportingQuarter(session, session.base ?? northshire(), today) };
    });
    await pane.waitFor((p) => p.session.phase === 'ready' && !p.session.busy, 'the pane to read the workbook');
    return { book, pane };
  }

  const typedCell = (book: MemoryWorkbook, plan: Plan) => {
    const [sheet, cell] = reportingQuarterCell(plan).split('!');
    const values = book.snapshot([sheet]).sheets[0].values;
    const row = Number(cell.slice(1)) - 1;
    return values[row]?.[cell.charCodeAt(0) - 65];
  };

  test('with none set, today’s quarter is offered, and choosing one writes it where the sheets read it', async () => {
    const { book, pane } = await paneWithCards(day('2026-11-20'));
    expect(pane.current.choice.current.state).toBe('blank');
    expect(pane.current.choice.shown).toBe('Not set');
    expect(pane.current.choice.chosen).toBe('2026/27 Q3');
    expect(pane.current.choice.changed).toBe(true);
    expect(pane.current.choice.cell).toMatch(/^Assumptions!B\d+$/);

    await pane.act(() => pane.current.choice.choose('2027/28 Q2'));
    expect(pane.current.choice.chosen).toBe('2027/28 Q2');
    await pane.act(() => pane.current.choice.save());
    await pane.waitFor((p) => !p.session.busy, 'the quarter to be written');

    const plan = pane.current.session.base!;
    expect(typedCell(book, plan)).toBe('2027/28 Q2');
    expect(planReportingQuarter(plan).label).toBe('2027/28 Q2');
    expect(benefitsSummary(plan).asAt).toBe('2027/28 Q2');
    expect(pane.current.choice.shown).toBe('2027/28 Q2');
    expect(pane.current.choice.changed).toBe(false);
    expect(pane.current.session.notice?.title).toMatch(/Reporting quarter set to 2027\/28 Q2/);
    await pane.unmount();
  });

  test('saving another quarter’s actuals offers to make it the reporting quarter, and the offer sets it', async () => {
    const { book, pane } = await paneWithCards(day('2026-05-20'));
    const plan = pane.current.session.base!;
    const entries = quarterEntries(plan, '2026/27 Q2').map((e) => ({ ...e, reduction: new Money(7) }));
    await pane.act(() => saveQuarterActuals(pane.current.session, '2026/27 Q2', entries));
    const offer = pane.current.session.notice?.actions?.find(
      (a) => a.label === 'Make 2026/27 Q2 the reporting quarter',
    );
    expect(offer).toBeDefined();
    expect(pane.current.session.notice?.body).toMatch(/No reporting quarter is set \(Not set\)/);
    expect(typedCell(book, pane.current.session.base!)).toBeFalsy();
    expect(benefitsSummary(pane.current.session.base!).cards[0].position.hasData).toBe(false);

    await pane.act(() => offer!.run());
    await pane.waitFor((p) => !p.session.busy && p.choice.current.state === 'set', 'the offer to be taken');
    expect(typedCell(book, pane.current.session.base!)).toBe('2026/27 Q2');
    const position = benefitsSummary(pane.current.session.base!).cards[0].position;
    expect(position.hasData).toBe(true);
    expect(position.realisedToDate.toString()).toBe(new Money(7).times(2004).toString());

    // Saved again for the reporting quarter itself, nothing more is offered.
    await pane.act(() => saveQuarterActuals(pane.current.session, '2026/27 Q2', entries));
    expect(pane.current.session.notice?.actions ?? []).toEqual([]);

    // An earlier quarter is already counted; a later one is not yet.
    const q1 = quarterEntries(pane.current.session.base!, '2026/27 Q1').map((e) => ({ ...e, reduction: new Money(1) }));
    await pane.act(() => saveQuarterActuals(pane.current.session, '2026/27 Q1', q1));
    expect(pane.current.session.notice?.body).toBe('The cards report as at 2026/27 Q2, which already counts them.');
    const q3 = quarterEntries(pane.current.session.base!, '2026/27 Q3').map((e) => ({ ...e, reduction: new Money(1) }));
    await pane.act(() => saveQuarterActuals(pane.current.session, '2026/27 Q3', q3));
    expect(pane.current.session.notice?.body).toMatch(/as at 2026\/27 Q2, so these figures are not in the summary yet/);
    expect(pane.current.session.notice?.actions?.map((a) => a.label)).toEqual([
      'Make 2026/27 Q3 the reporting quarter',
    ]);
    await pane.unmount();
  });
});
