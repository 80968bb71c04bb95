/**
 * ExcelJS, which writes the template, needs Node's builds of its packages, not the browser's.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import Decimal from 'decimal.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatPounds } from '../../src/domain/money';
import { sameFigure } from '../support/figures';
import { press, renderPane, WAIT, workbookPlan } from './paneHarness';
import { barnetTypedWorkbook, templateWorkbook } from './typedWorkbooks';
const { templateCorpus } = require('../support/templateCorpus') as typeof import('../support/templateCorpus');

/**
 * The Import tab against the in-memory workbook: a scheme table typed in as Barnet printed it, and
 * NHS England's planning template, each found, shown and made the workbook's plan.
 */
describe('the Import tab', () => {
  test('the selected typed table is found, its pool shown as printed, and the plan started from it', async () => {
    const book = barnetTypedWorkbook();
    book.selectRange('Tables 3 and 4', 'C22:J35');
    renderPane(book, 'import');
    await press('Find the table');
    expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe("8 schemes in 'Tables 3 and 4'!C22:J35.");
    fireEvent.change(screen.getByRole('textbox', { name: 'Health and Wellbeing Board' }), {
      target: { value: 'Barnet' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Financial year, if the table doesn’t say' }), {
      target: { value: '2015/16' },
    });
    // Table 4 as printed: a £23,412,000 pool.
    const summary = screen.getByRole('list', { name: 'The plan it starts' });
    expect(within(summary).getByText(/^2015\/16: 8 schemes, pool £23,412,000\b/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Start the plan from this table' }));
    await screen.findByText('Plan started', { exact: false }, WAIT);
    const plan = await workbookPlan(book);
    expect([plan.board, plan.schemes.length, plan.years.map((y) => y.label)]).toEqual(['Barnet', 8, ['2015/16']]);
    const total = book
      .snapshot(['BCF 2015-16'])
      .sheets[0].values.find((r) => r[0] === 'Total' && String(r[2]).startsWith('BCF pool'));
    expect(sameFigure(23412000, total?.[3], undefined)).toBe(true);
  });

  test('cells selected outside any table are named in the message, and nothing is written', async () => {
    const book = barnetTypedWorkbook();
    book.selectRange('Table 17', 'A1:A2');
    renderPane(book, 'import');
    await press('Find the table');
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toMatch(/selected cells A1:A2/);
    expect(book.visibleSheetNames()).not.toContain('Assumptions');
  });

  test('NHS England’s planning template is found, each year’s spend as its manifest has it', async () => {
    const spec = templateCorpus().filter((s) => !s.faults.length)[0];
    const book = await templateWorkbook(spec);
    renderPane(book, 'import');
    await press('Find the table');
    const status = await screen.findByRole('status', {}, WAIT);
    expect(status.textContent).toMatch(
      new RegExp(`^The BCF planning template: ${spec.expected.lines.length} expenditure line`),
    );
    const holds = within(screen.getByRole('list', { name: 'What the template holds' }));
    for (const [year, total] of Object.entries(spec.expected.spendByYear))
      expect(
        holds.getByText(
          new RegExp(
            `^${year.replace('/', '\\/')}: spend ${formatPounds(new Decimal(total), true).replace(/[£.]/g, '\\$&')}[;.]`,
          ),
        ),
      ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Start the plan from this template' }));
    await screen.findByText('Plan started', { exact: false }, WAIT);
    expect((await workbookPlan(book)).expenditure).toHaveLength(spec.expected.lines.length);
  });

  test('a workbook holding only the template: the Plan tab offers to start from it, and the template’s sheets stay as they were', async () => {
    const spec = templateCorpus().filter((s) => !s.faults.length)[1];
    const book = await templateWorkbook(spec);
    const before = book.snapshot().sheets.map((s) => JSON.stringify([s.name, s.values, s.formulas]));
    renderPane(book, 'plan');
    const offer = await screen.findByRole('region', { name: 'Start from your planning template' }, WAIT);
    expect(within(offer).getByRole('status').textContent).toMatch(
      new RegExp(`^The BCF planning template: ${spec.expected.lines.length} expenditure line`),
    );
    fireEvent.click(await within(offer).findByRole('button', { name: 'Start the plan from this template' }, WAIT));
    await screen.findByText('Plan started', { exact: false }, WAIT);
    const plan = await workbookPlan(book);
    expect(plan.expenditure).toHaveLength(spec.expected.lines.length);
    const after = new Map(book.snapshot().sheets.map((s) => [s.name, JSON.stringify([s.name, s.values, s.formulas])]));
    expect(before.filter((sheet) => ![...after.values()].includes(sheet))).toEqual([]);
  });

  test('a workbook without a template or a plan offers only a new plan', async () => {
    const book = barnetTypedWorkbook();
    renderPane(book, 'plan');
    await screen.findByRole('button', { name: 'Start plan' }, WAIT);
    await waitFor(() => expect(screen.queryByText('Reading the workbook…')).toBeNull(), WAIT);
    expect(screen.queryByRole('region', { name: 'Start from your planning template' })).toBeNull();
  });

  test('a plan started from the template: the Pool tab says where its income and spend are, in the template’s own figures', async () => {
    const spec = templateCorpus().filter((s) => !s.faults.length && s.years.length > 1)[0];
    const book = await templateWorkbook(spec);
    renderPane(book, 'plan', 'pool-audit');
    await press('Start the plan from this template');
    await screen.findByText('Plan started', { exact: false }, WAIT);
    fireEvent.click(screen.getByRole('tab', { name: 'Pool & audit' }));
    const year = spec.years[0];
    const income = Object.values(spec.expected.incomeBySource as Record<string, Record<string, string>>).reduce(
      (total, years) => total.plus(years[year] ?? 0),
      new Decimal(0),
    );
    const spend = new Decimal(spec.expected.spendByYear[year]);
    expect(
      await screen.findByText(
        `The planning template’s figures for ${year} are on the Expenditure tab: income of ${formatPounds(income, true)} and lines spending ${formatPounds(spend, true)}, balanced source by source.`,
        { exact: false },
        WAIT,
      ),
    ).toBeTruthy();
  });
});
