import { readFileSync } from 'fs';
import path from 'path';
import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import { Money } from '../../src/domain/money';
import { emptyPlan } from '../../src/domain/newPlan';
import type { Plan } from '../../src/domain/plan';
import { planFromJson } from '../../src/domain/planJson';
import { cellAddress } from '../../src/domain/a1';
import { NEL } from '../../src/domain/schemeTable';
import { generateTables, loadPlanFromWorkbook, startPlan } from '../../src/workbook/commands';
import { TEST_DAY } from '../support/testDay';

const barnet = (): Plan =>
  planFromJson(JSON.parse(readFileSync(path.join(__dirname, '../../examples/barnet-2014-16.json'), 'utf8'))).plan;

/** Row and column of a scheme's cost for a year on the Schemes sheet, found by its header as a person would. */
function schemesCell(book: MemoryWorkbook, ref: string, header: string): { row: number; column: number } {
  const sheet = book.snapshot(['Schemes']).sheets[0];
  const headerRow = sheet.values.findIndex((r) => r[0] === 'Ref');
  const column = sheet.values[headerRow].indexOf(header);
  const row = sheet.values.findIndex((r, i) => i > headerRow && r[0] === ref);
  if (column < 0 || row < 0) throw new Error(`no ${header} for ${ref}`);
  return { row, column };
}

function totalRowValue(book: MemoryWorkbook, sheet: string, header: string): unknown {
  const s = book.snapshot([sheet]).sheets[0];
  const headerRow = s.values.findIndex((r) => r.includes(header));
  const column = s.values[headerRow].indexOf(header);
  const total = s.values.findIndex((r, i) => i > headerRow && r[0] === 'Total');
  return s.values[total][column];
}

describe('task pane commands against a workbook', () => {
  test('loading the Barnet example fills an empty workbook with the published 2014/15 and 2015/16 totals', async () => {
    const book = new MemoryWorkbook();
    const steps: string[] = [];
    const outcome = await startPlan(book, barnet(), TEST_DAY, (p) => steps.push(p.step));
    expect(outcome.status).toBe('done');
    expect(steps).toEqual(expect.arrayContaining(['Assumptions', 'Schemes', 'BCF 2014-15', 'BCF 2015-16']));
    expect(totalRowValue(book, 'BCF 2014-15', 'Cost (£)')).toBe(6634000);
    expect(totalRowValue(book, 'BCF 2014-15', 'Saving (£)')).toBe(1272540);
    expect(totalRowValue(book, 'BCF 2015-16', 'Saving (£)')).toBe(2046084);
    expect(totalRowValue(book, 'BCF 2015-16', 'Total saving (£)')).toBe(2353506);
    if (outcome.status !== 'done') throw new Error();
    expect(outcome.tables.map((t) => t.totalSaving.toString())).toEqual(['1544011', '2353506']);
  });

  test('starting a plan in a workbook that already holds one asks before replacing it', async () => {
    const book = new MemoryWorkbook();
    await startPlan(book, barnet(), TEST_DAY);
    const outcome = await startPlan(book, emptyPlan('Enfield', '2025/26'), TEST_DAY);
    expect(outcome.status).toBe('conflict');
    const state = await loadPlanFromWorkbook(book);
    expect(state.status === 'loaded' && state.plan.board).toBe('Barnet');
  });

  test('regenerating keeps what a commissioner typed in the Schemes sheet', async () => {
    const book = new MemoryWorkbook();
    const plan = barnet();
    await startPlan(book, plan, TEST_DAY);
    const cell = schemesCell(book, '2b', '2014/15 cost (£)');
    book.setCell('Schemes', cell.row, cell.column, 1100000);

    const outcome = await generateTables(book, plan, TEST_DAY, undefined, { base: plan });

    expect(outcome.status).toBe('done');
    expect(book.value('Schemes', cell.row, cell.column)).toBe(1100000);
    expect(totalRowValue(book, 'BCF 2014-15', 'Cost (£)')).toBe(6634000 - 1057451 + 1100000);
    if (outcome.status !== 'done') throw new Error();
    expect(outcome.fromWorkbook).toEqual([
      'Scheme 2b (Older People Integrated Care): 2014/15 cost £1,057,451 → £1,100,000',
    ]);
    expect(outcome.tables[0].poolTotal.toString()).toBe(String(6634000 - 1057451 + 1100000));
  });

  test("regenerating keeps both the pane's unit cost and the workbook's typed scheme cost", async () => {
    const book = new MemoryWorkbook();
    const base = barnet();
    await startPlan(book, base, TEST_DAY);
    const cell = schemesCell(book, '3a', '2015/16 NEL');
    book.setCell('Schemes', cell.row, cell.column, 500);
    const pane: Plan = {
      ...base,
      unitCosts: base.unitCosts.map((u) => (u.id === NEL ? { ...u, value: new Money(2100) } : u)),
    };

    const outcome = await generateTables(book, pane, TEST_DAY, undefined, { base });

    if (outcome.status !== 'done') throw new Error(`expected done, got ${outcome.status}`);
    // 2015/16 NEL: 1,021 published, 3a's 451 now 500, each at £2,100.
    expect(totalRowValue(book, 'BCF 2015-16', 'Saving (£)')).toBe((1021 - 451 + 500) * 2100);
    expect(outcome.tables[1].savingTotals[NEL].toString()).toBe(String((1021 - 451 + 500) * 2100));
  });

  test('a scheme changed differently in the pane and the workbook is a question, not an overwrite', async () => {
    const book = new MemoryWorkbook();
    const base = barnet();
    await startPlan(book, base, TEST_DAY);
    const cell = schemesCell(book, '2c', '2014/15 cost (£)');
    book.setCell('Schemes', cell.row, cell.column, 240000);
    const pane: Plan = {
      ...base,
      schemes: base.schemes.map((s) =>
        s.ref === '2c'
          ? { ...s, years: { ...s.years, '2014/15': { ...s.years['2014/15'], cost: new Money(250000) } } }
          : s,
      ),
    };

    const asked = await generateTables(book, pane, TEST_DAY, undefined, { base });
    expect(asked.status).toBe('conflict');
    expect(asked.status === 'conflict' && asked.conflicts).toEqual([
      'Scheme 2c was changed in the pane and changed in the workbook',
    ]);
    expect(book.value('Schemes', cell.row, cell.column)).toBe(240000);

    const keptPane = await generateTables(book, pane, TEST_DAY, undefined, { base, prefer: 'pane' });
    expect(keptPane.status).toBe('done');
    expect(book.value('Schemes', cell.row, cell.column)).toBe(250000);
  });

  test('generate refuses a plan with errors and leaves the workbook as it was', async () => {
    const book = new MemoryWorkbook();
    const base = barnet();
    await startPlan(book, base, TEST_DAY);
    const before = JSON.stringify(book.snapshot());
    const broken: Plan = {
      ...base,
      unitCosts: base.unitCosts.map((u) => (u.id === 'DTOC' ? { ...u, value: new Money(-265) } : u)),
    };

    const outcome = await generateTables(book, broken, TEST_DAY, undefined, { base });

    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('the unit cost DTOC is negative'),
    ]);
    expect(JSON.stringify(book.snapshot())).toBe(before);
  });

  test('a cell typed with text where a cost belongs stops generation and names the cell', async () => {
    const book = new MemoryWorkbook();
    const plan = barnet();
    await startPlan(book, plan, TEST_DAY);
    const cell = schemesCell(book, '4a', '2014/15 cost (£)');
    book.setCell('Schemes', cell.row, cell.column, 'about 900k');
    const before = JSON.stringify(book.snapshot());

    const outcome = await generateTables(book, plan, TEST_DAY, undefined, { base: plan });

    expect(outcome.status === 'invalid' && outcome.inWorkbook).toBe(true);
    expect(outcome.status === 'invalid' && outcome.problems[0].where).toEqual({
      sheet: 'Schemes',
      cell: cellAddress(cell.row, cell.column),
    });
    expect(JSON.stringify(book.snapshot())).toBe(before);
  });

  test('a new empty plan with the default unit costs round-trips through the workbook', async () => {
    const book = new MemoryWorkbook();
    const plan = emptyPlan('Enfield', '2025/26');
    expect((await startPlan(book, plan, TEST_DAY)).status).toBe('done');
    const state = await loadPlanFromWorkbook(book);
    if (state.status !== 'loaded') throw new Error(JSON.stringify(state));
    expect(state.plan.years.map((y) => y.label)).toEqual(['2025/26', '2026/27']);
    expect(state.plan.unitCosts.map((u) => `${u.id} ${u.value}`)).toEqual([
      'NEL 2004',
      'CareHome 10000',
      'Reablement 3831',
      'DTOC 265',
    ]);
    expect(state.plan.schemes).toEqual([]);
  });
});
