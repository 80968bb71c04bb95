/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startPlan } from '../../src/workbook/commands';
import { barnetPlan } from '../support/barnet';
import { sameFigure } from '../support/figures';
import { renderPane, SlowWorkbook, WAIT } from './paneHarness';
import { TEST_DAY } from '../support/testDay';

/**
 * The Tables tab against the in-memory workbook: Generate writes each year's scheme table with the
 * pool the Barnet plan printed, shows it is working while it runs, and starts nothing else meanwhile.
 */
const PRINTED = [
  { year: '2014/15', sheet: 'BCF 2014-15', pool: 6634000, nelSaving: 1272540 },
  { year: '2015/16', sheet: 'BCF 2015-16', pool: 23412000 },
];

function totalRow(book: SlowWorkbook, sheet: string) {
  return book
    .snapshot([sheet])
    .sheets[0].values.find((r) => r[0] === 'Total' && r[2]?.toString().startsWith('BCF pool'));
}

describe('the Tables tab', () => {
  test('Refresh tables writes each year’s table again, with the pool the plan printed', async () => {
    const book = new SlowWorkbook();
    expect((await startPlan(book, barnetPlan(), TEST_DAY)).status).toBe('done');
    for (const { sheet } of PRINTED) book.removeSheet(sheet);
    renderPane(book, 'tables');
    const button = await screen.findByRole('button', { name: 'Refresh tables' }, WAIT);
    const totals = await screen.findByRole('table', { name: 'Totals 2014/15' }, WAIT);
    expect(within(totals).getByRole('row', { name: /^BCF pool/ }).textContent).toContain('£6,634,000');

    book.hold = true;
    const before = book.updates;
    fireEvent.click(button);
    const busy = await screen.findByRole('button', { name: 'Generating…' }, WAIT);
    expect(busy.hasAttribute('disabled')).toBe(true);
    fireEvent.click(busy); // a second press while it runs starts nothing
    book.release();
    await screen.findByRole('button', { name: 'Refresh tables' }, WAIT);
    await waitFor(() => expect(book.updates).toBe(before + 1), WAIT);

    for (const { sheet, pool } of PRINTED) expect(sameFigure(pool, totalRow(book, sheet)?.[3], undefined)).toBe(true);
    expect(sameFigure(PRINTED[0].nelSaving, totalRow(book, PRINTED[0].sheet)?.[6], undefined)).toBe(true);
  });

  test('with no plan in the workbook there is nothing to generate, and the tab says where to start', async () => {
    renderPane(new SlowWorkbook(), 'tables');
    const button = await screen.findByRole('button', { name: 'Generate tables' }, WAIT);
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Start a plan, or load the example, on the Plan tab first.')).toBeTruthy();
  });
});
