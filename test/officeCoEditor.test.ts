import { OfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { refreshCards } from '../src/workbook/cardCommands';
import { generateTables, loadPlanFromWorkbook, startPlan } from '../src/workbook/commands';
import { isBookkeeping } from '../src/workbook/ownership';
import { barnetJsonCopy } from './support/barnet';
import { withCost } from './support/planEdits';
import { FakeWorkbook, loadExcel, scripted, type RecordedCall } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';

/**
 * The Office adapter as a co-editor, driven through Microsoft's client library against the
 * recording double: a command that fails at any request leaves the workbook's existing sheets as
 * they were, a person's own sheets named like the add-in's are never touched, and a co-author's
 * edit between the command's requests is kept.
 */
const barnet = (): Plan => planFromJson(barnetJsonCopy()).plan;
const withoutCards = (plan: Plan): Plan => ({ ...plan, cards: undefined });

type Command = (host: OfficeWorkbook) => Promise<unknown>;

async function run(
  book: FakeWorkbook,
  command: Command,
  options: Parameters<typeof scripted>[1] & { maxRequestBytes?: number } = {},
) {
  const responder = scripted(book, options);
  const office = loadExcel({ respond: responder });
  let error: unknown;
  let result: unknown;
  try {
    result = await command(new OfficeWorkbook(office.Excel, { maxRequestBytes: options.maxRequestBytes }));
  } catch (e) {
    error = e;
  }
  return { calls: office.calls, error, result, requests: responder.count() };
}

/** Each sheet, table and name the workbook held, as it was. */
function picture(book: FakeWorkbook): Map<string, string> {
  const parts = new Map<string, string>();
  for (const sheet of book.sheets.values()) parts.set(sheet.name, book.dump(sheet.name));
  for (const name of book.names.values()) parts.set(`#name:${name.name}`, JSON.stringify(name));
  return parts;
}

function expectUnchanged(before: Map<string, string>, after: FakeWorkbook, label: string) {
  const now = picture(after);
  const changed = [...before].filter(([key, text]) => now.get(key) !== text).map(([key]) => key);
  expect({
    label,
    changed: changed.map((key) => [key, before.get(key)!.slice(0, 300), now.get(key)?.slice(0, 300)]),
  }).toEqual({ label, changed: [] });
}

async function prepared(plan: Plan): Promise<FakeWorkbook> {
  const book = new FakeWorkbook({ sheets: { Notes: [['My own notes'], [42]] } });
  const { error } = await run(book, (host) => startPlan(host, plan, TEST_DAY));
  expect(error).toBeUndefined();
  return book;
}

/** Fails each request of the command in turn (whole, or half applied) and checks nothing that existed changed. */
async function failEachRequest(start: FakeWorkbook, command: Command, maxRequestBytes?: number) {
  const clean = await run(start.clone(), command, { maxRequestBytes });
  expect(clean.error).toBeUndefined();
  const before = picture(start);
  // Requests after the last that writes are Excel.run's clean-up: the command's work is done by then.
  const lastWrite = clean.calls.map((c, i) => (c.touched?.size ? i + 1 : 0)).reduce((a, b) => Math.max(a, b), 0);
  for (let k = 1; k <= lastWrite; k++) {
    for (const mode of k === lastWrite ? (['refuse'] as const) : (['refuse', 'half'] as const)) {
      const book = start.clone();
      const failed = await run(book, command, { failAt: k, mode, maxRequestBytes });
      expect({ k, mode, error: failed.error === undefined ? 'none' : 'failed' }).toEqual({ k, mode, error: 'failed' });
      expectUnchanged(before, book, `request ${k} of ${clean.requests} failed (${mode})`);
      // The next command tidies up what the failed one left and finishes the job.
      const again = await run(book, command, { maxRequestBytes });
      expect(again.error).toBeUndefined();
      expect([...book.sheets.values()].filter((s) => s.name.startsWith('BCF~') || s.name === 'BCF Pending')).toEqual(
        [],
      );
    }
  }
  return clean;
}

describe('a command that fails part way leaves the workbook as it was', () => {
  test('Generate (a refresh that changes one cost, and one that adds a scheme) on Barnet', async () => {
    const start = await prepared(barnet());
    await failEachRequest(start, (host) =>
      generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
    );
    const json = barnetJsonCopy();
    json.schemes.push({ ...json.schemes[0], ref: '9z', name: 'A new scheme' });
    const added = planFromJson(json).plan;
    await failEachRequest(start, (host) => generateTables(host, added, TEST_DAY, undefined, { base: barnet() }));
  });

  test('create cards and load example on Barnet', async () => {
    const tablesOnly = await prepared(withoutCards(barnet()));
    // The cards are kept in the workbook's Assumptions: create them by refreshing after the plan has records.
    await failEachRequest(tablesOnly, (host) => startPlan(host, barnet(), TEST_DAY, undefined, { replace: true }));
    const withCards = await prepared(barnet());
    await failEachRequest(withCards, (host) => refreshCards(host, TEST_DAY));
  });

  test('with requests capped at 150 KB, a rebuild goes through staging sheets copied over in the last request', async () => {
    const start = await prepared(barnet());
    const json = barnetJsonCopy();
    json.schemes.push({ ...json.schemes[0], ref: '9z', name: 'A new scheme' });
    const added = planFromJson(json).plan;
    const command: Command = (host) => generateTables(host, added, TEST_DAY, undefined, { base: barnet() });
    const clean = await failEachRequest(start, command, 150_000);
    const writes = clean.calls.filter((c) => c.touched?.size);
    expect(writes.length).toBeGreaterThan(1);
    expect(clean.calls.some((c) => c.bodyText.includes('"CopyFrom"'))).toBe(true);
    expect(earlyTouches(clean.calls, new Set(start.sheets.keys()))).toEqual([]);
    expect(writes[writes.length - 1].bodyBytes).toBeLessThan(150_000);
    // What the copies leave is what one uncapped request writes.
    const capped = start.clone();
    await run(capped, command, { maxRequestBytes: 150_000 });
    const whole = start.clone();
    await run(whole, command);
    const cells = (book: FakeWorkbook) =>
      [...book.sheets.values()]
        .filter((sh) => !isBookkeeping(sh.name))
        .map((sh) => [sh.name, JSON.stringify([...sh.cells].sort()), JSON.stringify([...sh.formats].sort())]);
    expect(cells(capped)).toEqual(cells(whole));
  }, 300_000);

  test('a Start plan that stopped before its last request is finished by the next, not taken for a plan', async () => {
    const start = new FakeWorkbook({ sheets: { Notes: [['My own notes'], [42]] } });
    const command: Command = (host) => startPlan(host, barnet(), TEST_DAY);
    const whole = start.clone();
    const clean = await run(whole, command, { maxRequestBytes: 150_000 });
    const lastWrite = clean.calls.map((c, i) => (c.touched?.size ? i + 1 : 0)).reduce((a, b) => Math.max(a, b), 0);
    const book = start.clone();
    const failed = await run(book, command, { failAt: lastWrite, maxRequestBytes: 150_000 });
    expect(failed.error).toBeDefined();
    // The early requests made the plan's sheets; they are listed on the pending sheet, not a plan yet.
    expect(book.sheets.has('assumptions')).toBe(true);
    const again = await run(book, command, { maxRequestBytes: 150_000 });
    expect((again.result as any).status).toBe('done');
    // The half-made sheets are nobody's: finishing them goes in early requests, and the last stays small.
    const writes = again.calls.filter((c) => c.touched?.size);
    expect(writes[writes.length - 1].bodyBytes).toBeLessThan(150_000);
    expect(earlyTouches(again.calls, new Set(['notes']))).toEqual([]);
    const cells = (b: FakeWorkbook) =>
      [...b.sheets.values()].map((sh) => [sh.name, JSON.stringify([...sh.cells].sort())]).sort();
    expect(cells(book)).toEqual(cells(whole));
  });

  test('before its last request, a command changes only sheets it created', async () => {
    const start = await prepared(barnet());
    const names = new Set([...start.sheets.keys()]);
    const { calls } = await run(
      start,
      (host) => generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
      {},
    );
    expect(earlyTouches(calls, names)).toEqual([]);
    // Earlier requests suspend calculation; the last asks Excel to recalculate once its writes are in
    // (only reads of the registry's stamps follow it).
    const writes = calls.filter((c) => c.touched?.size);
    const methods = writes[writes.length - 1].body.Actions.filter(
      (a: any) => a.ActionType === 3 && !a.Name.startsWith('_'),
    ).map((a: any) => a.Name);
    expect(methods[methods.length - 1]).toBe('Calculate');
  });
});

/** Existing sheets (or names) changed by any request but the last. */
export function earlyTouches(calls: readonly RecordedCall[], existing: ReadonlySet<string>): string[] {
  const writes = calls.filter((c) => c.touched?.size);
  return writes.slice(0, -1).flatMap((c) => [...c.touched!].filter((t) => existing.has(t) || t === '#names'));
}

describe("a person's own sheets", () => {
  const theirs = () =>
    new FakeWorkbook({
      sheets: {
        pool: [['Our pool workings'], [1, 2]],
        'Risk log': [
          ['Risk', 'Owner'],
          ['Flooding', 'Sam'],
        ],
        Checks: [['Checked by', 'Jo']],
      },
      tables: [{ name: 'RiskLog', sheet: 'Risk log', address: "'Risk log'!A1:B2" }],
      names: [{ name: 'UnitCost_NEL', formula: '=pool!$B$2' }],
    });

  test("named like the add-in's come through Start plan and Generate untouched, and the person is told", async () => {
    const book = theirs();
    const before = picture(book);
    const started = await run(book, (host) => startPlan(host, barnet(), TEST_DAY));
    expect(started.error).toBeUndefined();
    expect((started.result as any).notices.join(' ')).toMatch(
      /Your sheet "pool" was left as it is; the add-in's Pool sheet is called "BCF Pool"/,
    );
    expectUnchanged(before, book, 'after Start plan');
    expect(book.sheets.get('bcf pool')).toBeDefined();
    expect(book.tables.get('bcf_risklog')?.sheet).toBe('BCF Risk log');
    // The add-in's formulas use its own name for the unit cost, not the person's.
    expect(book.names.get('bcf_unitcost_nel')?.formula).toMatch(/^=Assumptions!/);

    const generated = await run(book, (host) =>
      generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
    );
    expect(generated.error).toBeUndefined();
    expect((generated.result as any).status).toBe('done');
    expectUnchanged(before, book, 'after Generate');
    // And the plan reads back through the renamed sheets as the layout wrote it.
    const read = await run(book, (host) => loadPlanFromWorkbook(host));
    expect((read.result as any).status).toBe('loaded');
    expect((read.result as any).plan.schemes.find((s: any) => s.ref === '1a').years['2014/15'].cost.toNumber()).toBe(
      36000,
    );
  });

  test('the add-in finds its sheet after a person renames it, and writes nothing under the old name', async () => {
    const book = await prepared(barnet());
    book.renameSheet('Schemes', 'Our schemes');
    const read = await run(book, (host) => loadPlanFromWorkbook(host));
    expect((read.result as any).status).toBe('loaded');
    const generated = await run(book, (host) =>
      generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
    );
    expect((generated.result as any).status).toBe('done');
    expect(book.sheets.has('schemes')).toBe(false);
    expect(book.cell('Our schemes', 'G5')).toEqual({ value: 36000 });
  });
});

describe('a workbook made before the add-in kept a registry', () => {
  test('has its sheets, tables and names adopted by their layout names, not duplicated', async () => {
    const book = await prepared(barnet());
    (book as any).deleteSheet('BCF Registry');
    const before = [...book.sheets.keys()].sort();
    const generated = await run(book, (host) =>
      generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
    );
    expect((generated.result as any).status).toBe('done');
    expect([...book.sheets.keys()].filter((k) => !isBookkeeping(k)).sort()).toEqual(before);
    expect(book.cell('Schemes', 'G5')).toEqual({ value: 36000 });
    expect([...book.names.keys()].some((n) => n.startsWith('bcf_'))).toBe(false);
  });
});

describe('reading beside a large data sheet', () => {
  test('the pane reads its plan with 5 MB request and response limits beside a 100,000 x 20 data sheet', async () => {
    const book = await prepared(barnet());
    const data = {
      rows: 100_000,
      columns: 20,
      fill: (r: number, c: number) => (c === 0 ? `Row ${r}` : r * 20 + c + 0.25),
    };
    book.sheets.set('data', {
      name: 'Data',
      cells: new Map(),
      formats: new Map(),
      charts: [],
      freeze: undefined,
      block: data,
    } as any);
    book.refuseOver = 5_000_000;
    (book as any).refuseResponseOver = 5_000_000;
    const read = await run(book, (host) => loadPlanFromWorkbook(host));
    expect(read.error).toBeUndefined();
    expect((read.result as any).status).toBe('loaded');
    expect(Math.max(...read.calls.map((c) => c.bodyBytes))).toBeLessThan(5_000_000);
    expect(Math.max(...read.calls.map((c) => c.responseBytes))).toBeLessThan(5_000_000);
    // The data sheet is not the add-in's, so none of it is asked for.
    expect(read.calls.some((c) => c.bodyText.includes('"Data"'))).toBe(false);
    // Reading every sheet's used range at once, as the pane used to, is refused (the check can fail).
    const office = loadExcel({ respond: book.respond });
    const everything = office.Excel.run(async (context: any) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      for (const sheet of sheets.items)
        context.workbook.worksheets.getItem(sheet.name).getUsedRange(true).load('values,formulas');
      await context.sync();
    });
    await expect(everything).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  }, 120_000);
});

describe('co-authoring', () => {
  test("a co-author's edit between the command's read and its write is kept", async () => {
    const book = await prepared(barnet());
    const clean = await run(book.clone(), (host) =>
      generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
    );
    const writeRequest = clean.calls.findIndex((c) => c.touched?.size) + 1;
    // A co-author changes scheme 1b's cost just before the write arrives.
    const coAuthor = (n: number, b: FakeWorkbook) => n === writeRequest && b.setCell(b.sheet('Schemes'), 5, 6, 12345);
    const done = await run(
      book,
      (host) => generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
      { before: coAuthor },
    );
    expect((done.result as any).status).toBe('done');
    expect(book.cell('Schemes', 'G5')).toEqual({ value: 36000 });
    expect(book.cell('Schemes', 'G6')).toEqual({ value: 12345 });
  });

  test('where the co-author changed the very cell the pane changed, their entry is put back and the conflict is reported', async () => {
    const book = await prepared(barnet());
    const clean = await run(book.clone(), (host) =>
      generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
    );
    const writeRequest = clean.calls.findIndex((c) => c.touched?.size) + 1;
    const coAuthor = (n: number, b: FakeWorkbook) => n === writeRequest && b.setCell(b.sheet('Schemes'), 4, 6, 50000);
    const done = await run(
      book,
      (host) => generateTables(host, withCost(barnet(), '1a', 36000), TEST_DAY, undefined, { base: barnet() }),
      { before: coAuthor },
    );
    expect((done.result as any).status).toBe('conflict');
    expect(book.cell('Schemes', 'G5')).toEqual({ value: 50000 });
  });
});

test('bookkeeping sheets are told apart from the plan', () => {
  expect(isBookkeeping('BCF Registry')).toBe(true);
  expect(isBookkeeping('BCF~2')).toBe(true);
  expect(isBookkeeping('Schemes')).toBe(false);
});
