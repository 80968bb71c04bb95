import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import type { Plan } from '../../src/domain/plan';
import { useQuarterActuals } from '../../src/taskpane/panels/cards/useBenefitCards';
import { entryKey } from '../../src/taskpane/panels/cards/actualsForm';
import { NEW_PARTNER, useAddContribution } from '../../src/taskpane/panels/pool/usePool';
import { usePlanSession, type PlanSession } from '../../src/taskpane/session';
import { quarterEntries } from '../../src/workbook/cardCommands';
import { loadPlanFromWorkbook, startPlan } from '../../src/workbook/commands';
import { barnetPlan } from '../support/barnet';
import { renderHook } from '../support/renderHook';
import { TEST_DAY } from '../support/testDay';

/**
 * The panels' hooks on their own, as reducers are tested: each runs over the pane's real session
 * and the in-memory workbook, and is driven by the calls its markup makes.
 */
async function withSession<T>(use: (session: PlanSession, plan: Plan) => T) {
  const book = new MemoryWorkbook();
  const plan = barnetPlan();
  await startPlan(book, plan, TEST_DAY);
  const pane = await renderHook(() => {
    const session = usePlanSession(book);
    return { session, hook: use(session, plan) };
  });
  await pane.waitFor((p) => p.session.phase === 'ready' && !p.session.busy, 'the pane to read the workbook', 60_000);
  return { book, pane };
}

async function workbookPlan(book: MemoryWorkbook): Promise<Plan> {
  const state = await loadPlanFromWorkbook(book);
  if (state.status !== 'loaded') throw new Error(state.status);
  return state.plan;
}

describe('the actuals form (useQuarterActuals)', () => {
  const key = entryKey({ ref: '1a', metric: 'NEL' } as Parameters<typeof entryKey>[0]);

  test('opens on the workbook’s figures for the quarter, and a new quarter brings that quarter’s', async () => {
    const { pane } = await withSession((s, plan) => useQuarterActuals(s, plan, '2014/15 Q2'));
    // Barnet's card 1a: 6 fewer admissions in 2014/15 Q2, 22 in 2015/16 Q2.
    expect(pane.current.hook.typed[key].reduction).toBe('6');
    await pane.act(() => pane.current.hook.setQuarter('2015/16 Q2'));
    expect(pane.current.hook.typed[key].reduction).toBe('22');
  });

  test('a box that is not a count blocks saving; corrected, the quarter saves what was typed', async () => {
    const { book, pane } = await withSession((s, plan) => useQuarterActuals(s, plan, '2015/16 Q3'));
    const typed = pane.current.hook.typed[key];
    await pane.act(() => pane.current.hook.type(key, { ...typed, baseline: '40.5' }));
    expect(pane.current.hook.errors).toBe(true);
    await pane.act(() => pane.current.hook.type(key, { ...typed, reduction: '3', note: ' First cohort ' }));
    expect(pane.current.hook.errors).toBe(false);
    await pane.act(() => pane.current.hook.save());
    await pane.waitFor((p) => !p.session.busy, 'the save to finish', 60_000);
    const saved = quarterEntries(await workbookPlan(book), '2015/16 Q3').find((e) => entryKey(e) === key);
    expect([saved?.reduction?.toString(), saved?.note]).toEqual(['3', 'First cohort']);
  });
});

describe('the contribution form (useAddContribution)', () => {
  test('says nothing is wrong until the person tries to add, then names each missing thing', async () => {
    const { book, pane } = await withSession((s, plan) => useAddContribution(s, plan, '2014/15'));
    expect(pane.current.hook.errors).toEqual({ partner: undefined, source: undefined, amount: undefined });
    await pane.act(() => pane.current.hook.setPartner(NEW_PARTNER));
    const before = JSON.stringify(book.snapshot().sheets.map((s) => s.values));
    await pane.act(() => pane.current.hook.submit());
    expect(pane.current.hook.errors).toEqual({
      partner: 'Give the new partner an id and a name.',
      source: 'Say where the money comes from.',
      amount: 'Enter the amount.',
    });
    await pane.act(() => pane.current.hook.setAmount('-5'));
    expect(pane.current.hook.errors.amount).toBe('A contribution is £0 or more.');
    expect(JSON.stringify(book.snapshot().sheets.map((s) => s.values))).toBe(before);
  });

  test('once added, the source and amount are cleared and the new partner is chosen for the next', async () => {
    // As the panel gives it: the plan the workbook holds, which gains the new partner.
    const { book, pane } = await withSession((s, plan) => useAddContribution(s, s.base ?? plan, '2014/15'));
    const form = () => pane.current.hook;
    await pane.act(() => form().setPartner(NEW_PARTNER));
    await pane.act(() => {
      form().setNewId('DFG');
      form().setNewName('Disabled Facilities Grant body');
      form().setSource('DFG grant');
      form().setAmount('1,000');
    });
    await pane.act(() => form().submit());
    await pane.waitFor((p) => !p.session.busy && p.hook.source === '', 'the contribution to be saved', 60_000);
    expect([form().amount, form().partner, form().errors.amount]).toEqual(['', 'DFG', undefined]);
    const added = (await workbookPlan(book)).pool?.contributions.find((c) => c.partner === 'DFG');
    expect(added?.amount.toString()).toBe('1000');
  });
});
