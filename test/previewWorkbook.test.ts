import { readFileSync } from 'fs';
import path from 'path';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { xlsxDefinedNames, xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import { planToXlsxBytes } from '../src/adapters/file/xlsxStream';
import { LiveWorkbook } from '../src/preview/liveWorkbook';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { sheetNameProblem } from '../src/preview/sheetEdits';
import { loadPlanFromWorkbook, startPlan } from '../src/workbook/commands';
import { EVERY_SHEET } from '../src/workbook/host';
import { TEST_DAY } from './support/testDay';
const { zipBytes, unzip } = require('./corpus/zipBytes');

const barnet = (): Plan =>
  planFromJson(JSON.parse(readFileSync(path.join(__dirname, '../examples/barnet-2014-16.json'), 'utf8'))).plan;

describe('the preview workbook as a person uses a spreadsheet', () => {
  test('a pasted block lands cell by cell from the chosen cell, typed as a person types, and the pane hears of it', async () => {
    const book = new LiveWorkbook();
    let heard = 0;
    await book.watch(() => heard++);
    const size = book.paste('Sheet1', 2, 1, 'Ref\tCost\r\n1a\t1,200\n2a\t=C4*2\n');
    expect(size).toEqual({ rows: 3, columns: 2 });
    expect(book.book.value('Sheet1', 3, 2)).toBe(1200);
    expect(book.book.value('Sheet1', 4, 2)).toBe(2400);
    expect(book.book.value('Sheet1', 4, 1)).toBe('2a');
    expect(heard).toBe(1);
    book.clear('Sheet1', { top: 3, bottom: 4, left: 2, right: 2 });
    expect(book.book.value('Sheet1', 4, 2)).toBeNull();
  });

  test('a sheet renamed keeps its looks, and a name Excel would refuse is refused in words', async () => {
    const book = new LiveWorkbook();
    await startPlan(book, barnet(), TEST_DAY);
    expect(() => book.renameSheet('Schemes', 'Assumptions')).toThrow('There is already a sheet called “Assumptions”');
    expect(() => book.renameSheet('Schemes', 'a/b')).toThrow('can’t contain');
    const looks = book.sheetLooks('Schemes');
    book.renameSheet('Schemes', 'Our schemes');
    expect(book.sheetLooks('Our schemes')?.rows).toEqual(looks?.rows);
    expect(book.sheetNames()).toContain('Our schemes');
    // As in Excel, the registry the add-in keeps in the workbook finds its renamed sheet.
    const state = await loadPlanFromWorkbook(book);
    expect(state.status === 'loaded' && state.plan.schemes.length).toBe(barnet().schemes.length);
  });

  test('a sheet can be deleted, but not the last one', () => {
    const book = new LiveWorkbook();
    book.paste('Sheet1', 0, 0, 'x');
    expect(() => book.deleteSheet('Sheet1')).toThrow('at least one sheet');
    book.open({
      sheets: [
        { name: 'A', values: [[1]] },
        { name: 'B', values: [[2]] },
      ],
    });
    book.deleteSheet('A');
    expect(book.sheetNames()).toEqual(['B']);
  });

  test('a workbook opened replaces the page’s, its formulas live and its text kept as text', async () => {
    const source = new LiveWorkbook();
    await startPlan(source, barnet(), TEST_DAY);
    const book = new LiveWorkbook();
    book.open(await source.read(EVERY_SHEET));
    expect([...book.sheetNames()].sort()).toEqual([...source.sheetNames()].sort());
    const state = await loadPlanFromWorkbook(book);
    expect(state.status === 'loaded' && state.plan.schemes.length).toBe(barnet().schemes.length);
  });

  test('a workbook opened from a file keeps its names: formulas using a plan’s unit costs work out as they did', async () => {
    const plan = barnet();
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    const source = new LiveWorkbook();
    source.book.applySync(layout);
    const file = planToXlsxBytes(layout);
    const named = (book: LiveWorkbook) =>
      layout.sheets.flatMap((sheet) =>
        sheet.rows.flatMap((row, r) =>
          row.flatMap((cell, c) =>
            cell?.formula?.includes('UnitCost_NEL') ? [[sheet.name, r, c, book.book.value(sheet.name, r, c)]] : [],
          ),
        ),
      );
    const expected = named(source);
    expect(expected.length).toBeGreaterThan(10);
    const isError = (v: unknown) => typeof v === 'string' && v.startsWith('#');
    expect(expected.filter(([, , , v]) => isError(v))).toEqual([]);
    const names = xlsxDefinedNames(file);
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(['UnitCost_NEL', 'Tracker_Position']));
    const book = new LiveWorkbook();
    book.open(await xlsxToSnapshot(file), names);
    expect(named(book)).toEqual(expected);
    // Without them, as the preview opened files before: every such formula is #NAME?.
    const nameless = new LiveWorkbook();
    nameless.open(await xlsxToSnapshot(file));
    const figures = expected.filter(([, , , v]) => typeof v === 'number');
    expect(figures.length).toBeGreaterThan(10);
    expect(named(nameless).filter(([, , , v], k) => typeof expected[k][3] === 'number' && !isError(v))).toEqual([]);
  });

  test('the names read from a file: the workbook’s and a sheet’s own, not Excel’s built-in ones, entities decoded', () => {
    const bytes = planToXlsxBytes(workbookLayout(barnet(), 'tables', { today: TEST_DAY }));
    const own = new Set(xlsxDefinedNames(bytes).map((n) => n.name));
    expect(own).toContain('UnitCost_NEL');
    const entries = unzip(bytes);
    const part = entries.find((e: { name: string }) => e.name === 'xl/workbook.xml');
    part.data = Buffer.from(
      part.data
        .toString('utf8')
        .replace(
          '</definedNames>',
          `<definedName name="_xlnm.Print_Area" localSheetId="0">Assumptions!$A$1:$B$2</definedName><definedName name="Local_Rate" localSheetId="1">Schemes!$A$1</definedName><definedName name="Quoted">'Risk log'!$B$3&amp;"x"</definedName><definedName name="Nowhere" localSheetId="99">Schemes!$A$1</definedName></definedNames>`,
        ),
    );
    const names = xlsxDefinedNames(zipBytes(entries));
    expect(names.filter((n) => !own.has(n.name))).toEqual([
      { name: 'Local_Rate', refersTo: 'Schemes!$A$1', sheet: 'Schemes' },
      { name: 'Quoted', refersTo: `'Risk log'!$B$3&"x"` },
    ]);
    expect(xlsxDefinedNames(Buffer.from('not a zip'))).toEqual([]);
  });

  test('sheet names as Excel takes them', () => {
    expect(sheetNameProblem('', [])).toBe('A sheet needs a name.');
    expect(sheetNameProblem('x'.repeat(32), [])).toMatch(/at most 31 characters/);
    expect(sheetNameProblem("'Notes", [])).toMatch(/apostrophe/);
    expect(sheetNameProblem('notes', ['Notes'])).toMatch(/already a sheet/);
    expect(sheetNameProblem('My notes', ['Notes'])).toBeUndefined();
  });
});
