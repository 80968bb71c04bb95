import { DEFAULT_MAX_REQUEST_BYTES, OfficeWorkbook, selectCell } from '../src/adapters/office/officeWorkbook';
import { ROOM_TO_GROW } from '../src/workbook/families/shared/blocks';
import { planFromJson } from '../src/domain/planJson';
import type { Plan } from '../src/domain/plan';
import type { Progress } from '../src/workbook/host';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import { isBookkeeping } from '../src/workbook/ownership';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy } from './support/barnet';
import { bigPlan } from './support/bigPlan';
import { FakeWorkbook, loadExcel, REQUEST_LIMIT, type RecordedCall } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';

const barnet = (): Plan => planFromJson(barnetJsonCopy()).plan;

/**
 * The workbook without the one-sheet-per-scheme Benefit Cards: its size grows with the schemes only
 * through table rows, so it is the case where the number of round trips must not grow at all.
 */
function withoutCardSheets(plan: WorkbookPlan): WorkbookPlan {
  return { ...plan, sheets: plan.sheets.filter((s) => !/^Card /.test(s.name)) };
}

/** A request without its cell and number-format arrays: its sheets, tables and names still happen. */
export function withoutArrays(body: any): any {
  return {
    ...body,
    Actions: body.Actions.filter(
      (a: any) => !(a.ActionType === 4 && (a.Name === 'Formulas' || a.Name === 'NumberFormat')),
    ),
  };
}

function workCalls(calls: RecordedCall[]): RecordedCall[] {
  return calls.filter((c) => !c.body.Actions.every((a) => a.ActionType === 1 || a.Name === '_RemoveReference'));
}

async function applyTo(book: FakeWorkbook, plan: WorkbookPlan, onProgress?: (p: Progress) => void) {
  const office = loadExcel({ respond: book.respond });
  await new OfficeWorkbook(office.Excel).apply(plan, onProgress);
  return office;
}

/** Every non-empty planned cell, as "sheet!row,column" -> what the adapter should send. */
function plannedCells(plan: WorkbookPlan): Set<string> {
  const cells = new Set<string>();
  for (const sheet of plan.sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && (cell.formula || (cell.value !== undefined && cell.value !== null && cell.value !== '')))
          cells.add(`${sheet.name}!${r},${c}`);
      }),
    );
  }
  return cells;
}

describe('writing a plan to Excel through Office.js', () => {
  const barnetWorkbook = workbookLayout(barnet(), 'all', { today: TEST_DAY });
  let thousand: WorkbookPlan;
  beforeAll(() => {
    // As Generate writes it: the tables alone (the Benefits Summary comes with the cards, and with it the write passes the adapter's request cap).
    thousand = workbookLayout(bigPlan(1000), 'tables', { today: TEST_DAY });
  });

  test('the Barnet workbook takes two requests and a 1,000-scheme workbook at most three (plus Excel.run clean-up)', async () => {
    const small = await applyTo(new FakeWorkbook(), withoutCardSheets(barnetWorkbook));
    const large = await applyTo(new FakeWorkbook(), withoutCardSheets(thousand));
    // One request reads what exists and what is the add-in's; one writes everything while it fits in
    // a request, and a workbook bigger than that takes one more.
    expect(workCalls(small.calls)).toHaveLength(2);
    expect(workCalls(large.calls).length).toBeLessThanOrEqual(3);
    expect(small.calls.length).toBeLessThanOrEqual(3);
    expect(large.calls.length).toBeLessThanOrEqual(4);
    expect(Math.max(...large.calls.map((c) => c.bodyBytes))).toBeLessThan(REQUEST_LIMIT);
  });

  test('a workbook too big for one request is cut into requests under 2,000,000 bytes, each filled before the next', async () => {
    // 300 schemes with a Benefit Card sheet each: over 20 MB in all (1,000 schemes: about 77 MB).
    const office = loadExcel();
    // Apply big requests without their cell arrays: this test is about request sizes, and it keeps the test quick.
    const book = new FakeWorkbook();
    office.setResponder((body, call) => book.respond(call.bodyBytes > 100_000 ? withoutArrays(body) : body, call));
    await new OfficeWorkbook(office.Excel).apply(workbookLayout(bigPlan(300), 'all', { today: TEST_DAY }));
    const work = workCalls(office.calls);
    const sizes = work.map((c) => c.bodyBytes);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(3 * REQUEST_LIMIT);
    expect(Math.max(...sizes)).toBeLessThan(2_000_000);
    // Round trips grow with bytes only: every write request but the last two (the rest of the new
    // sheets, then the small one that finishes the command) is filled to three quarters of the cap.
    const filled = 0.75 * DEFAULT_MAX_REQUEST_BYTES;
    expect(sizes.slice(1, -2).every((bytes) => bytes > filled)).toBe(true);
    expect(sizes[sizes.length - 1]).toBeLessThan(1_000_000);
    expect(work.length).toBeLessThanOrEqual(2 + Math.ceil(total / filled));
  });

  test('a host that refuses a request as too large (5103) gets smaller requests, and every cell is written exactly once', async () => {
    const plan = barnetWorkbook;
    const book = new FakeWorkbook({ refuseOver: 150_000 });
    const office = await applyTo(book, plan);
    const refused = office.calls.filter((c) => c.refused);
    const accepted = office.calls.filter((c) => !c.refused);
    expect(refused.length).toBeGreaterThan(0);
    expect(Math.max(...accepted.map((c) => c.bodyBytes))).toBeLessThanOrEqual(150_000);
    const written = new Map<string, number>();
    for (const call of accepted) {
      for (const w of call.writes) {
        if (w.property !== 'Formulas' || w.input === null || isBookkeeping(w.sheet)) continue;
        const key = `${w.sheet}!${w.row},${w.column}`;
        written.set(key, (written.get(key) ?? 0) + 1);
      }
    }
    const planned = plannedCells(plan);
    expect(new Set(written.keys())).toEqual(planned);
    expect([...written.values()].every((n) => n === 1)).toBe(true);
    // And the tables were made once the cells were there.
    expect([...book.tables.values()].map((t) => t.name)).toEqual(
      expect.arrayContaining(['Schemes', 'UnitCosts', 'Investments']),
    );
  });

  test('scheme names that look like formulas or numbers stay text', async () => {
    const json = barnetJsonCopy();
    const names = ['=1+1', '@SUM(A1)', '+44 20', '-5', "'quoted", '=HYPERLINK("http://x","y")'];
    names.forEach((name, i) => {
      json.schemes[i].name = name;
    });
    const book = new FakeWorkbook();
    const office = await applyTo(book, workbookLayout(planFromJson(json).plan, 'all', { today: TEST_DAY }));
    const bodies = office.calls.map((c) => c.bodyText).join('\n');
    names.forEach((name, i) => {
      // Excel's own "this is text" mark goes before the text...
      expect(bodies).toContain(JSON.stringify(`'${name}`));
      // ...so the cell holds exactly the text, not a formula or a number.
      const cell = book.cell('Schemes', `D${5 + i}`);
      expect(cell).toEqual({ value: name, quotePrefix: true });
    });
  });

  test('without the apostrophe the synthetic host would have made formulas and numbers (the check can fail)', async () => {
    const book = new FakeWorkbook();
    const office = loadExcel({ respond: book.respond });
    await office.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').formulas = [['=1+1', '-5']];
      await context.sync();
    });
    expect(book.cell('Sheet1', 'A1')).toMatchObject({ formula: '=1+1' });
    expect(book.cell('Sheet1', 'B1')).toEqual({ value: -5 });
  });

  test('computed cells are sent as live formulas and numbers as numbers, with their formats after them', async () => {
    const book = new FakeWorkbook();
    const office = await applyTo(book, barnetWorkbook);
    const year = barnetWorkbook.sheets.find((s) => s.name === 'BCF 2014-15')!;
    const r = year.rows.findIndex((row) => row.some((cell) => cell?.formula?.includes('UnitCost_NEL')));
    const c = year.rows[r].findIndex((cell) => cell?.formula?.includes('UnitCost_NEL'));
    const stored = book.sheets.get('bcf 2014-15')!.cells.get(`${r},${c}`)!;
    expect(stored.formula).toBe(year.rows[r][c]!.formula);
    expect(book.cell('Schemes', 'G5')).toEqual({ value: 35000 });
    // Each sheet's number formats are sent after its cells (a "@" format first would turn a formula into text).
    const sets = workCalls(office.calls)[1]
      .body.Actions.filter((a: any) => a.ActionType === 4)
      .map((a: any) => a.Name);
    expect(sets.indexOf('NumberFormat')).toBeGreaterThan(sets.indexOf('Formulas'));
    expect(book.format('Schemes', 'G5')).toBe('"£"#,##0;-"£"#,##0');
  });

  test('unit costs become defined names, and applying again updates them instead of failing', async () => {
    const book = new FakeWorkbook();
    await applyTo(book, barnetWorkbook);
    const nel = book.names.get('unitcost_nel')!;
    const planned = barnetWorkbook.names.find((n) => n.name === 'UnitCost_NEL')!;
    expect(nel.formula).toBe(`=Assumptions!${planned.cell}`);
    expect(nel.comment).toBe(planned.comment);
    book.names.get('unitcost_nel')!.formula = '=Assumptions!$Z$99';
    await applyTo(book, barnetWorkbook);
    expect(book.names.get('unitcost_nel')!.formula).toBe(`=Assumptions!${planned.cell}`);
  });

  test('applying to a workbook that already has the tables rebuilds them, and a shorter plan leaves no stale rows', async () => {
    const book = new FakeWorkbook();
    await applyTo(book, withoutCardSheets(workbookLayout(bigPlan(40), 'all', { today: TEST_DAY })));
    // 40 schemes and the blank rows the table keeps for more.
    expect(book.tables.get('schemes')!.address).toBe(`Schemes!A4:P${44 + ROOM_TO_GROW}`);
    const again = await applyTo(book, withoutCardSheets(barnetWorkbook));
    // What exists and is the add-in's; the add-in's sheets as they are; the changes.
    expect(workCalls(again.calls)).toHaveLength(3);
    const names = [...book.tables.values()].map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(book.tables.get('schemes')!.address).toBe(`Schemes!A4:P${12 + ROOM_TO_GROW}`);
    expect(book.cell('Schemes', `A${13 + ROOM_TO_GROW}`)).toBeUndefined();
    expect(book.cell('Schemes', 'A44')).toBeUndefined();
  });

  test("the Benefit Cards' line charts are drawn, and applying again replaces them rather than adding more", async () => {
    const planned = barnetWorkbook.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0);
    expect(planned).toBeGreaterThan(0);
    const book = new FakeWorkbook();
    const count = () => [...book.sheets.values()].reduce((n, s) => n + s.charts.length, 0);
    await applyTo(book, barnetWorkbook);
    expect(count()).toBe(planned);
    const again = await applyTo(book, barnetWorkbook);
    expect(count()).toBe(planned);
    // The same plan again: what exists, then the add-in's sheets; nothing differs, so nothing is written.
    expect(workCalls(again.calls)).toHaveLength(2);
    expect(again.calls.some((c) => c.touched?.size)).toBe(false);
  });

  test("a table of the same name on a sheet the add-in does not own is left alone, and the add-in's table gets another name", async () => {
    const book = new FakeWorkbook({
      sheets: { Notes: [['x'], ['y']] },
      tables: [{ name: 'Schemes', sheet: 'Notes', address: 'Notes!A1:A2' }],
    });
    const before = book.dump('Notes');
    const office = loadExcel({ respond: book.respond });
    const { notices } = await new OfficeWorkbook(office.Excel).update(() => ({ plan: barnetWorkbook, result: null }));
    expect(book.dump('Notes')).toBe(before);
    expect(book.tables.get('schemes')!.sheet).toBe('Notes');
    expect(book.tables.get('bcf_schemes')!.sheet).toBe('Schemes');
    expect(notices.join(' ')).toMatch(/table called Schemes .*BCF_Schemes/);
  });

  test('progress is reported from reading the workbook to done', async () => {
    const seen: Progress[] = [];
    await applyTo(new FakeWorkbook(), barnetWorkbook, (p) => seen.push(p));
    expect(seen[0].step).toMatch(/Reading/);
    const last = seen[seen.length - 1];
    expect(last.done).toBe(last.total);
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1].done)).toBe(true);
  });
});

describe('reading the workbook back through Office.js', () => {
  test('returns values and formulas of the used range from A1, typed text as text, in two round trips', async () => {
    const book = new FakeWorkbook({
      sheets: { Sheet1: [], Notes: [[null], [null, "'=1+1", 35000, '=B2*2', 'Older People']] },
    });
    const office = loadExcel({ respond: book.respond });
    const snapshot = await new OfficeWorkbook(office.Excel).read(['notes', 'Missing']);
    expect(workCalls(office.calls)).toHaveLength(2);
    expect(snapshot.sheets).toHaveLength(1);
    const notes = snapshot.sheets[0];
    expect(notes.name).toBe('Notes');
    expect(notes.values[0]).toEqual([]);
    expect(notes.values[1]).toEqual([null, '=1+1', 35000, 0, 'Older People']);
    expect(notes.formulas![1]).toEqual([null, null, null, '=B2*2', null]);
  });

  test("what apply wrote reads back as the plan's text and formulas", async () => {
    const book = new FakeWorkbook();
    const office = await applyTo(book, workbookLayout(barnet(), 'all', { today: TEST_DAY }));
    const snapshot = await new OfficeWorkbook(office.Excel).read(['Schemes', 'BCF 2014-15']);
    const schemes = snapshot.sheets[0];
    expect(schemes.values[4].slice(0, 2)).toEqual(['1a', 'Self-management and prevention']);
    expect(snapshot.sheets[1].formulas!.flat().filter(Boolean).length).toBeGreaterThan(20);
  });
});

describe('choosing an audit finding', () => {
  test('selects its cell on its sheet in one round trip', async () => {
    const book = new FakeWorkbook({ sheets: { 'BCF 2014-15': [] } });
    const office = loadExcel({ respond: book.respond });
    await selectCell('BCF 2014-15', 'G12', office.Excel);
    const work = workCalls(office.calls);
    expect(work).toHaveLength(1);
    const actions = work[0].body.Actions.map((a: any) => a.Name);
    expect(actions).toEqual(expect.arrayContaining(['Activate', 'Select']));
    expect(work[0].bodyText).toContain('"G12"');
  });
});
