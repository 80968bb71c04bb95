/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { yearOf } from '../../src/domain/jointFunding';
import { jointSummary } from '../../src/domain/jointFundingSummary';
import { sum } from '../../src/domain/money';
import { icbContributionSource } from '../../src/workbook/jointFundingCommands';
import { POOL_SHEETS } from '../../src/workbook/families/pool/names';
import { sameFigure } from '../support/figures';
import { allValues, examplePlan, paneWith, press, renderPane, WAIT, workbookPlan } from './paneHarness';
import { typedInto } from './typedWorkbooks';

/**
 * The panels as a person uses them: each rendered in the real pane against the in-memory workbook
 * (HyperFormula), found by role and name, and the workbook read afterwards to see what it holds.
 */
const jointExample = () => examplePlan('joint-funding.json');

describe('the Joint funding tab', () => {
  test('shows the register as at its date, and adds the ICBs’ share in the year to the pool', async () => {
    const plan = jointExample();
    const book = await paneWith(plan, 'joint-funding');
    const jf = plan.jointFunding!;
    const year = jf.year ?? yearOf(jf.asAt!);
    const expected = jointSummary(jf.packages, jf.rules, jf.asAt!, year);

    const figures = await screen.findByLabelText('Register summary', {}, WAIT);
    expect(within(figures).getByText('People covered').nextSibling?.textContent).toBe(String(expected.people));

    fireEvent.click(screen.getByRole('button', { name: /^Add the ICB contribution/ }));
    expect(await screen.findByText(`Added to the Pool sheet for ${year}.`, { exact: false }, WAIT)).toBeTruthy();

    const lines = (await workbookPlan(book)).pool!.contributions.filter((c) =>
      c.source.startsWith(icbContributionSource('')),
    );
    expect(lines.map((c) => c.year)).toEqual(expected.byIcb.filter((g) => !g.annual.icb.isZero()).map(() => year));
    expect(sameFigure(expected.annual.icb.toNumber(), sum(lines.map((c) => c.amount)).toNumber(), undefined)).toBe(
      true,
    );
  });
});

describe('the Pool & audit tab', () => {
  test('a contribution from a new partner lands on the Pool sheet, and the notice says so', async () => {
    const plan = jointExample();
    const book = await paneWith(plan, 'pool-audit');
    const year = plan.years[0].label;
    const form = await screen.findByRole('form', { name: `Add a contribution for ${year}` }, WAIT);
    const partner = within(form).getByRole('combobox', { name: 'Partner' }) as HTMLSelectElement;
    const newPartner = within(partner).getByRole('option', { name: 'A new partner…' }) as HTMLOptionElement;
    fireEvent.change(partner, { target: { value: newPartner.value } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'New partner’s id' }), { target: { value: 'DFG' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'New partner’s name' }), {
      target: { value: 'Disabled Facilities Grant body' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Funding source' }), { target: { value: 'DFG grant' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Amount (£)' }), { target: { value: '12,345.67' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add contribution' }));

    expect(await screen.findByText(/saved to the Pool sheet/, {}, WAIT)).toBeTruthy();
    const row = book
      .snapshot([POOL_SHEETS.pool])
      .sheets[0].values.find((r) => r[0] === year && r[1] === 'DFG' && r[2] === 'DFG grant');
    expect(sameFigure(12345.67, row?.[3], undefined)).toBe(true);
    expect((await workbookPlan(book)).partners.map((p) => p.id)).toContain('DFG');
  });

  test('an amount that is not money is refused in the form and nothing is written', async () => {
    const plan = jointExample();
    const book = await paneWith(plan, 'pool-audit');
    const form = await screen.findByRole('form', { name: `Add a contribution for ${plan.years[0].label}` }, WAIT);
    const before = allValues(book);
    fireEvent.change(within(form).getByRole('textbox', { name: 'Funding source' }), { target: { value: 'Grant' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Amount (£)' }), { target: { value: '1,2,3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add contribution' }));
    expect(within(form).getByRole('textbox', { name: 'Amount (£)' }).getAttribute('aria-invalid')).toBe('true');
    expect(allValues(book)).toBe(before);
  });

  test('the audit reads the workbook through the pane and names a number typed over a formula', async () => {
    const plan = jointExample();
    const book = await paneWith(plan, 'pool-audit');
    const sheet = book.snapshot().sheets.find((s) => s.name.startsWith('BCF '))!;
    const row = sheet.formulas!.findIndex((r) => r.some((f) => f?.startsWith('=')));
    const column = sheet.formulas![row].findIndex((f) => f?.startsWith('='));
    book.setCell(sheet.name, row, column, 12345);
    await screen.findByRole('form', { name: `Add a contribution for ${plan.years[0].label}` }, WAIT); // the plan is read
    fireEvent.click(screen.getByRole('button', { name: 'Audit this workbook' }));
    const findings = await screen.findByRole('list', { name: 'Audit findings' }, WAIT);
    const address = `${String.fromCharCode(65 + column)}${row + 1}`;
    expect(
      within(findings).getAllByRole('button', { name: new RegExp(`${sheet.name}!${address}\\b`) }),
    ).not.toHaveLength(0);
  });

  test('on a workbook with nothing to check, the audit says so rather than that all is well', async () => {
    // Notes with figures in them, and a table of people: no plan, no template, no scheme table.
    const book = typedInto([
      { name: 'Notes', values: [['In 2014/15 we expect 120 fewer admissions, saving £240,480.'], ['Board: 12 March']] },
      {
        name: 'Staff',
        values: [
          ['Name', 'Team', 'FTE'],
          ['A. Person', 'North', 1],
          ['B. Person', 'South', 0.5],
        ],
      },
    ]);
    renderPane(book, 'pool-audit');
    await press('Audit this workbook');
    const status = await screen.findByText(/^Nothing was checked/, {}, WAIT);
    expect(status.textContent).toMatch(/no plan, no planning template and no scheme table \(a scheme table has/);
    expect(screen.queryByText(/^Nothing to report/)).toBeNull();
  });
});
