/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { barnetPlan } from '../support/barnet';
import { sameFigure } from '../support/figures';
import { allValues, paneWith, press, renderPane, WAIT, workbookPlan } from './paneHarness';

/**
 * The Plan tab against the in-memory workbook: starting a plan from the form, an amount that is not
 * money refused in the box that holds it, and a year added in the pane reaching the workbook.
 */
const type = (name: string, value: string, role: 'textbox' | 'combobox' = 'textbox') =>
  fireEvent.change(screen.getByRole(role, { name }), { target: { value } });

describe('the Plan tab', () => {
  test('Start plan writes the board and the years chosen, in the financial year’s own spelling', async () => {
    const book = new MemoryWorkbook();
    renderPane(book, 'plan');
    await screen.findByRole('heading', { name: 'Start a plan in this workbook' }, WAIT);
    type('Health and Wellbeing Board', 'Barnet');
    type('First financial year', '2026-27');
    expect(screen.getByText('Shown as 2026/27')).toBeTruthy();
    type('Years', '3', 'combobox');
    expect(screen.getByText('to 2028/29')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start plan' }));
    await screen.findByText('Plan started', { exact: false }, WAIT);
    const plan = await workbookPlan(book);
    expect([plan.board, plan.years.map((y) => y.label)]).toEqual(['Barnet', ['2026/27', '2027/28', '2028/29']]);
  });

  test('a board of only spaces is refused naming the box, and nothing is written', async () => {
    // An empty box the browser itself refuses (it is required); spaces get past it to the form's own check.
    const book = new MemoryWorkbook();
    renderPane(book, 'plan');
    await screen.findByRole('heading', { name: 'Start a plan in this workbook' }, WAIT);
    type('Health and Wellbeing Board', '   ');
    await press('Start plan');
    const board = screen.getByRole('textbox', { name: 'Health and Wellbeing Board' });
    expect(board.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the name of your Health and Wellbeing Board.')).toBeTruthy();
    expect(book.visibleSheetNames()).toEqual([]);
  });

  test('a cost that is not money is refused in its own box, and nothing can be written', async () => {
    const book = await paneWith(barnetPlan(), 'plan');
    // Found by text and label: a role query over the whole plan's form takes minutes under jsdom.
    const header = await screen.findByText(/^2b · Older People Integrated Care/, {}, WAIT);
    fireEvent.click(header.closest('button')!);
    const before = allValues(book);
    const cost = screen.getByLabelText('Cost (£) of scheme 2b in 2014/15');
    fireEvent.change(cost, { target: { value: '1,05,7451' } });
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/^One field needs correcting before the workbook can be updated/)).toBeTruthy();
    expect(header.textContent).toContain('(1 error)');
    expect(screen.queryByText('Generate tables')).toBeNull();
    expect(allValues(book)).toBe(before);
  });

  test('a year added in the pane reaches the workbook with Generate tables, its schemes empty', async () => {
    const book = await paneWith(barnetPlan(), 'plan');
    const years = await screen.findByRole('list', { name: 'The plan’s financial years' }, WAIT);
    expect(
      within(years)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2014/15', '2015/16']);
    const add = screen.getByRole('textbox', { name: 'Add a year' }) as HTMLInputElement;
    expect(add.value).toBe('2016/17');
    fireEvent.click(screen.getByRole('button', { name: 'Add year' }));
    expect(
      within(years)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2014/15', '2015/16', '2016/17']);
    expect(screen.getByText(/^One change in the pane is/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Generate tables' }));
    await screen.findByText('Tables generated', { exact: false }, WAIT);
    const plan = await workbookPlan(book);
    expect(plan.years.map((y) => y.label)).toEqual(['2014/15', '2015/16', '2016/17']);
    const total = book
      .snapshot(['BCF 2016-17'])
      .sheets[0].values.find((r) => r[0] === 'Total' && String(r[2]).startsWith('BCF pool'));
    expect(sameFigure(0, total?.[3], undefined)).toBe(true);
  });
});
