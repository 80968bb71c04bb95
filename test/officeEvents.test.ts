import { OfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import { generateTables, startPlan } from '../src/workbook/commands';
import { PENDING_SHEET } from '../src/workbook/ownership';
import { barnetPlan } from './support/barnet';
import { barnetInExcel, costCell, settle } from './support/excelEvents';
import { withCost } from './support/planEdits';
import { FakeWorkbook, loadExcel, type LoadedExcel } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';

/** Every WorksheetChanged event the client hands to a handler of its own, as Excel's client builds it. */
async function recordEvents(office: LoadedExcel): Promise<Excel.WorksheetChangedEventArgs[]> {
  const seen: Excel.WorksheetChangedEventArgs[] = [];
  await office.Excel.run(async (context: Excel.RequestContext) => {
    context.workbook.worksheets.onChanged.add(async (event) => {
      seen.push(event);
    });
    await context.sync();
  });
  return seen;
}

async function sheetId(office: LoadedExcel, name: string): Promise<string> {
  return office.Excel.run(async (context: Excel.RequestContext) => {
    const sheet = context.workbook.worksheets.getItem(name).load('id');
    await context.sync();
    return sheet.id;
  });
}

describe('the add-in hears when people change the workbook (OfficeWorkbook.watch)', () => {
  test("a person's edit in the grid and a co-author's edit each call the listener once", async () => {
    const { book, office, host } = await barnetInExcel();
    const cell = await costCell(host, '2b', '2014/15');
    const seen = await recordEvents(office);
    let heard = 0;
    await host.watch(() => heard++);

    book.edit('Schemes', cell, [[1157451]], { by: 'person' });
    await settle();
    expect(heard).toBe(1);
    book.edit('Schemes', cell, [[1200000]], { by: 'coauthor' });
    await settle();
    expect(heard).toBe(2);

    // What Excel's client made of the host's messages: the sheet, the cell, and who changed it.
    const id = await sheetId(office, 'Schemes');
    expect(seen.map((e) => [e.worksheetId, e.address, e.changeType, e.source, e.triggerSource])).toEqual([
      [id, cell, 'RangeEdited', 'Local', 'Unknown'],
      [id, cell, 'RangeEdited', 'Remote', 'Unknown'],
    ]);
    expect(seen[0].details).toEqual(
      expect.objectContaining({ valueBefore: 1057451, valueAfter: 1157451, valueTypeAfter: 'Integer' }),
    );
  });

  test('a block pasted over several cells is one change, named by its range', async () => {
    const { book, office, host } = await barnetInExcel();
    const seen = await recordEvents(office);
    let heard = 0;
    await host.watch(() => heard++);
    book.edit('Schemes', 'C20:D21', [
      ['Pasted', 1],
      ['Rows', 2],
    ]);
    await settle();
    expect(heard).toBe(1);
    expect(seen.map((e) => e.address)).toEqual(['C20:D21']);
  });

  test("the add-in's own write (Generate) does not call the listener, though Excel tells of every range it wrote", async () => {
    const { office, host } = await barnetInExcel();
    const seen = await recordEvents(office);
    let heard = 0;
    await host.watch(() => heard++);

    const outcome = await generateTables(host, withCost(barnetPlan(), '2b', 1157451, '2014/15'), TEST_DAY, undefined, {
      base: barnetPlan(),
    });
    expect(outcome.status).toBe('done');
    await settle();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((e) => e.triggerSource))).toEqual(new Set(['ThisLocalAddin']));
    expect(heard).toBe(0);
  });

  test('rows a person inserts call the listener too (onChanged says RowInserted)', async () => {
    const { book, office, host } = await barnetInExcel();
    let heard = 0;
    await host.watch(() => heard++);
    book.insertRows('Schemes', 9, 1, { by: 'person' });
    await settle();
    expect(heard).toBe(1);
    expect(office.events().map((e) => [e.type, (e as { changeType?: string }).changeType, e.address])).toEqual([
      ['WorksheetChanged', 'RowInserted', '10:10'],
    ]);
  });

  test('a sheet the add-in made, deleted by a co-author, calls the listener; the pending sheet the add-in deletes itself does not', async () => {
    // Watching from an empty workbook; requests this small make Start plan go through its pending sheet.
    const book = new FakeWorkbook();
    const office = loadExcel({ respond: book.respond, book });
    const host = new OfficeWorkbook(office.Excel, { maxRequestBytes: 40_000 });
    let heard = 0;
    await host.watch(() => heard++);
    expect((await startPlan(host, barnetPlan(), TEST_DAY)).status).toBe('done');
    await settle();
    const deleted = office.events().filter((e) => e.type === 'WorksheetDeleted');
    expect(deleted).toHaveLength(1); // the pending sheet, in the command's last request
    expect(book.sheets.has(PENDING_SHEET.toLowerCase())).toBe(false);
    expect(heard).toBe(0);

    book.removeSheet('BCF 2015-16', { by: 'coauthor' });
    await settle();
    expect(heard).toBe(1);
  });

  test('the function watch() returns stops it: no call after it, and Excel no longer sends the event', async () => {
    const { book, host } = await barnetInExcel();
    const cell = await costCell(host, '2b', '2014/15');
    let heard = 0;
    const stop = await host.watch(() => heard++);
    expect(book.listeners('WorksheetChanged')).toBe(1);
    expect(book.listeners('WorksheetDeleted')).toBe(1);

    stop();
    await settle();
    expect(book.listeners('WorksheetChanged')).toBe(0);
    expect(book.listeners('WorksheetDeleted')).toBe(0);
    book.edit('Schemes', cell, [[1157451]], { by: 'person' });
    await settle();
    expect(heard).toBe(0);
  });
});
