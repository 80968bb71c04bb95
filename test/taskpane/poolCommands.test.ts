import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { Money } from '../../src/domain/money';
import { emptyPlan } from '../../src/domain/newPlan';
import type { Plan } from '../../src/domain/plan';
import { planChecks } from '../../src/domain/planChecks';
import { addContribution, addPartner, setQuarterSpend } from '../../src/domain/poolEdits';
import { loadPlanFromWorkbook, startPlan } from '../../src/workbook/commands';
import { POOL_SHEETS } from '../../src/workbook/families/pool/names';
import { updatePool } from '../../src/workbook/poolCommands';
import { TEST_DAY } from '../support/testDay';

/** A made-up council's plan: three years written "2026-27", two pooled schemes. */
function northshire(): Plan {
  const plan = emptyPlan('Northshire', '2026-27', 3);
  const year = (cost: number) =>
    Object.fromEntries(plan.years.map((y) => [y.label, { cost: new Money(cost), benefits: { NEL: new Money(10) } }]));
  return {
    ...plan,
    schemes: [
      {
        ref: '1a',
        group: 'Prevention',
        tiers: '',
        name: 'Falls service',
        description: '',
        inPool: true,
        years: year(400000),
        investments: [],
      },
      {
        ref: '2a',
        group: 'Discharge',
        tiers: '',
        name: 'Home first',
        description: '',
        inPool: true,
        years: year(600000),
        investments: [],
      },
    ],
  };
}

const poolSheet = (book: MemoryWorkbook) => book.snapshot([POOL_SHEETS.pool]).sheets[0].values;

describe('the pool entered in the pane', () => {
  test('a plan from 2026-27 has three years shown as 2026/27 to 2028/29', () => {
    expect(northshire().years.map((y) => y.label)).toEqual(['2026/27', '2027/28', '2028/29']);
  });

  test('a contribution and a quarter of spend appear on the Pool sheet and in the checks', async () => {
    const book = new MemoryWorkbook();
    expect((await startPlan(book, northshire(), TEST_DAY)).status).toBe('done');
    const withPartner = await updatePool(
      book,
      (p) => addPartner(p, { id: 'NCC', name: 'Northshire County Council', kind: 'council' }),
      TEST_DAY,
    );
    expect(withPartner.status).toBe('done');
    const contributed = await updatePool(
      book,
      (p) =>
        addContribution(p, {
          year: '2026/27',
          partner: 'NCC',
          source: 'Council contribution',
          amount: new Money(1000000),
        }),
      TEST_DAY,
    );
    expect(contributed.status).toBe('done');
    const spent = await updatePool(
      book,
      (p) =>
        setQuarterSpend(
          p,
          '2026/27',
          1,
          new Map([
            ['1a', new Money(95000)],
            ['2a', undefined],
          ]),
        ),
      TEST_DAY,
    );
    expect(spent.status).toBe('done');

    const values = poolSheet(book);
    expect(
      values.some((r) => r[0] === '2026/27' && r[1] === 'NCC' && r[2] === 'Council contribution' && r[3] === 1000000),
    ).toBe(true);
    const spendRow = values.find((r) => r[0] === '1a' && r[1] === '2026/27');
    expect(spendRow?.[3]).toBe(95000);

    const state = await loadPlanFromWorkbook(book);
    if (state.status !== 'loaded') throw new Error(state.status);
    const poolCheck = planChecks(state.plan).find((c) => c.id === 'pool-allocated:2026/27');
    expect(poolCheck?.passed).toBe(true);
    expect(poolCheck?.found).toBe('£1,000,000');
    expect(state.plan.pool?.spend).toEqual([expect.objectContaining({ scheme: '1a', year: '2026/27', quarter: 1 })]);
    const checksSheet = book.snapshot([POOL_SHEETS.checks]).sheets[0].values;
    expect(checksSheet.find((r) => r[0] === 'pool-allocated:2026/27')?.[1]).toBe('PASS');
  });

  test('a contribution from a partner the plan does not have is refused and nothing is written', async () => {
    const book = new MemoryWorkbook();
    await startPlan(book, northshire(), TEST_DAY);
    const before = JSON.stringify(poolSheet(book));
    const outcome = await updatePool(
      book,
      (p) => addContribution(p, { year: '2026/27', partner: 'XYZ', source: 'Grant', amount: new Money(5) }),
      TEST_DAY,
    );
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.problems[0].message).toMatch(/choose a partner/);
    expect(JSON.stringify(poolSheet(book))).toBe(before);
  });

  test('nothing in a new plan says Barnet', async () => {
    const book = new MemoryWorkbook();
    await startPlan(book, northshire(), TEST_DAY);
    const text = JSON.stringify(book.snapshot().sheets.map((s) => [s.name, s.values]));
    expect(text).not.toMatch(/barnet|hsci/i);
  });
});
