import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { emptyPlan } from '../../src/domain/newPlan';
import { laPercentText } from '../../src/taskpane/lineDraft';
import { useExpenditure } from '../../src/taskpane/panels/expenditure/useExpenditure';
import { usePlanSession } from '../../src/taskpane/session';
import { startPlan } from '../../src/workbook/commands';
import type { WorkbookHost } from '../../src/workbook/host';
import { renderHook } from '../support/renderHook';
import { TEST_DAY } from '../support/testDay';

// The Income/Expenditure sheets' module (another part of this issue) says where a rule's cell is; here, one fixed cell.
jest.mock('../../src/workbook/families/template/templateCells', () => ({
  templateRuleCell: () => ({ sheet: 'Expenditure', cell: 'F7' }),
}));

const YEAR = '2026/27';

/** The Expenditure tab's hook over the pane's session, on a new two-year plan in a simulated workbook. */
async function expenditureTab(host?: WorkbookHost) {
  const book = new MemoryWorkbook();
  await startPlan(book, emptyPlan('Northshire', '2026-27', 2), TEST_DAY);
  const pane = await renderHook(() => {
    const session = usePlanSession(host ?? book);
    return { session, tab: useExpenditure(session) };
  });
  await pane.waitFor((p) => p.session.phase === 'ready' && !p.session.busy, 'the pane to read the workbook');
  return pane;
}

type Pane = Awaited<ReturnType<typeof expenditureTab>>;

/** Adds a line through the editor, as a person would: Add, fill in, Save. */
async function addLine(pane: Pane, fields: Parameters<Pane['current']['tab']['changeDraft']>[0]) {
  await pane.act(() => pane.current.tab.addLine());
  await pane.act(() =>
    pane.current.tab.changeDraft({
      name: 'Reablement team',
      schemeType: 'Reablement in a persons own home',
      ...fields,
    }),
  );
  let saved = false;
  await pane.act(() => {
    saved = pane.current.tab.saveLine();
  });
  return saved;
}

describe('the Expenditure tab', () => {
  test('a line added in the editor is in the pane’s plan, with its spend, and counted as unsaved', async () => {
    const pane = await expenditureTab();
    expect(pane.current.session.changes).toEqual([]);
    const saved = await addLine(pane, { spend: { [YEAR]: '250,000' }, source: 'ibcf' });
    expect(saved).toBe(true);
    expect(pane.current.tab.editing).toBeUndefined();
    const line = pane.current.session.checked?.plan?.expenditure?.[0];
    expect(line?.id).toBe('1');
    expect(line?.source).toBe('ibcf');
    expect(line?.spend[YEAR].toString()).toBe('250000');
    expect(pane.current.session.changes).toEqual(['Expenditure line 1 (1) Reablement team: added']);
    // The next line takes the next Scheme ID.
    await pane.act(() => pane.current.tab.addLine());
    expect(pane.current.tab.editing?.draft.id).toBe('2');
  });

  test('a Joint line shows % LA as what the NHS does not commission, and refuses % NHS over 100', async () => {
    const pane = await expenditureTab();
    await pane.act(() => pane.current.tab.addLine());
    await pane.act(() => pane.current.tab.changeDraft({ commissioner: 'Joint', nhsPercent: '60' }));
    expect(laPercentText(pane.current.tab.editing!.draft)).toBe('40');
    await pane.act(() => pane.current.tab.changeDraft({ nhsPercent: '120' }));
    expect(pane.current.tab.shownErrors.nhsPercent).toBe('% NHS must be from 0 to 100, not 120.');
    expect(laPercentText(pane.current.tab.editing!.draft)).toBe('');
    const saved = await addLine(pane, { commissioner: 'Joint', nhsPercent: '35%' });
    expect(saved).toBe(true);
    const line = pane.current.session.checked?.plan?.expenditure?.[0];
    expect(line?.nhsPercent?.toString()).toBe('35');
    expect(line?.laPercent).toBeUndefined();
    expect(pane.current.tab.rules.filter((r) => r.rule === 'joint-percent')).toEqual([]);
  });

  test('a spend that is not an amount is named under its year, and the line stays out of the plan', async () => {
    const pane = await expenditureTab();
    const saved = await addLine(pane, { spend: { [YEAR]: '1,2,3', '2027/28': '5000' } });
    expect(saved).toBe(false);
    expect(pane.current.tab.shownErrors[`spend:${YEAR}`]).toBe(
      'The 2026/27 spend must be an amount such as 1,057,451; "1,2,3" has a comma out of place: commas separate thousands in groups of three.',
    );
    expect(pane.current.tab.shownErrors['spend:2027/28']).toBeUndefined();
    expect(pane.current.session.checked?.plan?.expenditure ?? []).toEqual([]);
  });

  test('a blank name is said only once Save is pressed', async () => {
    const pane = await expenditureTab();
    await pane.act(() => pane.current.tab.addLine());
    expect(pane.current.tab.shownErrors.name).toBeUndefined();
    await pane.act(() => {
      pane.current.tab.saveLine();
    });
    expect(pane.current.tab.shownErrors.name).toBe('Give the line a name.');
    expect(pane.current.tab.shownErrors.schemeType).toBe('Choose a scheme type.');
  });

  test('income that is not an amount is an error under its field and stops the plan being written', async () => {
    const pane = await expenditureTab();
    await pane.act(() => pane.current.tab.addIncome('dfg'));
    await pane.act(() => pane.current.tab.setIncome(0, YEAR, '12x'));
    expect(pane.current.tab.incomeError(0, YEAR)).toBe(
      'The 2026/27 income from DFG must be an amount such as 1,057,451; "12x" is not a number.',
    );
    expect(pane.current.session.checked?.plan).toBeUndefined();
    await pane.act(() => pane.current.tab.setMinimum(YEAR, 'nhsContribution', '-5'));
    expect(pane.current.tab.minimumError(YEAR, 'nhsContribution')).toMatch(/is £0 or more, not -£5/);
  });

  test('each source’s balance: income less the lines’ spend, overspent when negative, with its rule failing', async () => {
    const pane = await expenditureTab();
    await pane.act(() => pane.current.tab.addIncome('dfg'));
    await pane.act(() => pane.current.tab.setIncome(0, YEAR, '100,000'));
    await addLine(pane, { source: 'dfg', schemeType: 'DFG Related Schemes', spend: { [YEAR]: '150000' } });
    const dfg = pane.current.tab.balances.find((b) => b.source === 'dfg');
    expect([dfg?.income, dfg?.expenditure, dfg?.balance].map(String)).toEqual(['100000', '150000', '-50000']);
    const overspent = pane.current.tab.rules.find((r) => r.rule === 'source-overspent' && !r.passed);
    expect(overspent?.subject).toEqual({ kind: 'source', source: 'dfg', year: YEAR });
    // The other year has no spend: its balance is the (blank) income, not overspent.
    await pane.act(() => pane.current.tab.chooseYear('2027/28'));
    expect(pane.current.tab.balances.find((b) => b.source === 'dfg')?.balance.toString()).toBe('0');
  });

  test('a minimum NHS contribution above the income fails its rule', async () => {
    const pane = await expenditureTab();
    await pane.act(() => pane.current.tab.setMinimum(YEAR, 'nhsContribution', '1,000,000'));
    const rule = pane.current.tab.rules.find((r) => r.rule === 'minimum-contribution');
    expect(rule?.passed).toBe(false);
    expect(pane.current.session.checked?.plan?.minimums?.[YEAR]?.nhsContribution?.toString()).toBe('1000000');
  });

  test('removing a line takes it out of the plan', async () => {
    const pane = await expenditureTab();
    await addLine(pane, { name: 'First' });
    await addLine(pane, { name: 'Second' });
    await pane.act(() => pane.current.tab.removeLine(0));
    expect(pane.current.session.checked?.plan?.expenditure?.map((l) => l.name)).toEqual(['Second']);
  });

  test('choosing a rule selects its cell through the pane’s command runner', async () => {
    const book = new MemoryWorkbook();
    const selected: string[] = [];
    const host: WorkbookHost = {
      apply: (plan, onProgress) => book.apply(plan, onProgress),
      read: (names) => book.read(names),
      select: async (sheet, cell) => {
        selected.push(`${sheet}!${cell}`);
      },
    };
    await startPlan(book, emptyPlan('Northshire', '2026-27', 2), TEST_DAY);
    const pane = await expenditureTab(host);
    await pane.act(() => pane.current.tab.setMinimum(YEAR, 'nhsContribution', '10'));
    const rule = pane.current.tab.rules[0];
    await pane.act(() => pane.current.tab.selectRule(rule));
    await pane.waitFor((p) => !p.session.busy, 'the selection to finish');
    expect(selected).toEqual(['Expenditure!F7']);
  });
});
