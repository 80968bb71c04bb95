import { readFileSync } from 'fs';
import path from 'path';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { LiveWorkbook } from '../src/preview/liveWorkbook';
import { sheetNameProblem } from '../src/preview/sheetEdits';
import { loadPlanFromWorkbook, startPlan } from '../src/workbook/commands';
import { EVERY_SHEET } from '../src/workbook/host';
import { TEST_DAY } from './support/testDay';

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

  test('sheet names as Excel takes them', () => {
    expect(sheetNameProblem('', [])).toBe('A sheet needs a name.');
    expect(sheetNameProblem('x'.repeat(32), [])).toMatch(/at most 31 characters/);
    expect(sheetNameProblem("'Notes", [])).toMatch(/apostrophe/);
    expect(sheetNameProblem('notes', ['Notes'])).toMatch(/already a sheet/);
    expect(sheetNameProblem('My notes', ['Notes'])).toBeUndefined();
  });
});
