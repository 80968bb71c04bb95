/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { planReportingQuarter } from '../../src/domain/benefitCard';
import { quarterEntries } from '../../src/workbook/cardCommands';
import { startPlan } from '../../src/workbook/commands';
import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { barnetPlan } from '../support/barnet';
import { allValues, paneWith, renderPane, WAIT, workbookPlan } from './paneHarness';
import { TEST_DAY } from '../support/testDay';

/**
 * The Benefit Cards tab against the in-memory workbook, with the Barnet plan: five of its schemes
 * expect a benefit (1a, 2a, 2b, 2c and 3a in its printed tables), so five cards.
 */
// After the example's reporting quarter (2015/16 Q2), and with no actuals of its own yet.
const QUARTER = '2015/16 Q3';

/** The NEL admissions the summary counts as realised in 2015/16, as the tab shows them. */
const realisedNel = () =>
  Number(
    /realised to date ([\d,]+) /
      .exec(screen.getByText(/^NEL reduction target 2015\/16:/).textContent!)![1]
      .replace(/,/g, ''),
  );

async function actualsForm() {
  const heading = await screen.findByRole('heading', { name: 'Enter a quarter’s actuals' }, WAIT);
  return heading.closest('section')!;
}

async function chooseActualsQuarter(quarter: string) {
  const form = await actualsForm();
  fireEvent.change(within(form).getByRole('combobox', { name: 'Quarter of these actuals' }), {
    target: { value: quarter },
  });
  return form;
}

describe('the Benefit Cards tab', () => {
  test('Create or refresh cards writes a card for each scheme that expects a benefit', async () => {
    const book = new MemoryWorkbook();
    expect((await startPlan(book, barnetPlan(), TEST_DAY)).status).toBe('done');
    const cards = book.visibleSheetNames().filter((n) => n.startsWith('Card '));
    expect(cards).toEqual(['Card 1a', 'Card 2a', 'Card 2b', 'Card 2c', 'Card 3a']);
    cards.forEach((n) => book.removeSheet(n));
    renderPane(book, 'benefit-cards');
    fireEvent.click(await screen.findByRole('button', { name: 'Create or refresh cards' }, WAIT));
    expect(await screen.findByText('Benefit Cards written: 5 cards', { exact: false }, WAIT)).toBeTruthy();
    expect(book.visibleSheetNames().filter((n) => n.startsWith('Card '))).toEqual(cards);
  });

  test('an actual typed for a quarter is saved on its card, and counts once that quarter is reported', async () => {
    const book = await paneWith(barnetPlan(), 'benefit-cards');
    const form = await chooseActualsQuarter(QUARTER);
    const before = realisedNel();
    fireEvent.change(within(form).getByRole('textbox', { name: '1a NEL adm. reduction' }), { target: { value: '7' } });
    fireEvent.click(within(form).getByRole('button', { name: `Save ${QUARTER} actuals` }));
    expect(await screen.findByText(`${QUARTER} actuals saved on the cards`, { exact: false }, WAIT)).toBeTruthy();

    const saved = quarterEntries(await workbookPlan(book), QUARTER).find((e) => e.ref === '1a' && e.metric === 'NEL');
    expect(saved?.reduction?.toString()).toBe('7');

    fireEvent.click(await screen.findByRole('button', { name: `Make ${QUARTER} the reporting quarter` }, WAIT));
    expect(await screen.findByRole('heading', { name: `Benefit Cards, as at ${QUARTER}` }, WAIT)).toBeTruthy();
    const reported = planReportingQuarter(await workbookPlan(book));
    expect(reported.state === 'set' && reported.label).toBe(QUARTER);
    expect(realisedNel()).toBe(before + 7);
  });

  test('a part of an admission is refused in its box, and the quarter cannot be saved', async () => {
    const book = await paneWith(barnetPlan(), 'benefit-cards');
    const form = await chooseActualsQuarter(QUARTER);
    const before = allValues(book);
    const box = within(form).getByRole('textbox', { name: '1a NEL adm. actual' });
    fireEvent.change(box, { target: { value: '12.5' } });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(/12\.5 is not a whole number/)).toBeTruthy();
    const save = within(form).getByRole('button', { name: `Save ${QUARTER} actuals` });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.click(save);
    expect(allValues(book)).toBe(before);
  });

  test('the reporting quarter chosen is written to the workbook and heads the tab', async () => {
    const book = await paneWith(barnetPlan(), 'benefit-cards');
    const select = await screen.findByRole('combobox', { name: 'Reporting quarter' }, WAIT);
    fireEvent.change(select, { target: { value: '2014/15 Q4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Report as at 2014/15 Q4' }));
    expect(await screen.findByRole('heading', { name: 'Benefit Cards, as at 2014/15 Q4' }, WAIT)).toBeTruthy();
    const reported = planReportingQuarter(await workbookPlan(book));
    expect(reported.state === 'set' && reported.label).toBe('2014/15 Q4');
    expect(screen.getByText('Choose another quarter to change it.')).toBeTruthy();
  });
});
