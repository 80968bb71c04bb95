import type { Scalar } from '../src/workbook/sheetPlan';
import { stampFormula, stampRange, STAMP_MARGIN } from '../src/workbook/sheetStamp';
import { FakeWorkbook } from './support/officeRecorder';

/**
 * The registry's content stamp as the Excel double the adapter's tests use works it out: it changes
 * with what it is meant to notice. That the double computes what a spreadsheet computes from the same
 * formula is checked against LibreOffice in `npm run test:calc` (scripts/stamp-calc-check.js): the
 * formula needs Excel's array broadcasting (a column of ROW()s plus a row of COLUMN()s), which
 * HyperFormula does not do.
 */
const SHEET = "Card 1a's";
const rows: Scalar[][] = [
  ['Barriers', null, 12.5],
  ['Transport', 3, null],
  [null, 'Owner', 2000000.01],
];

function doubleStamp(content: Scalar[][]): number {
  const { rows: r, columns: c } = stampRange({ name: SHEET, rows: content.map((row) => row.map(() => null)) });
  const book = new FakeWorkbook({
    sheets: {
      [SHEET]: content.map((row) => row.map((v) => (typeof v === 'string' ? `'${v}` : v))),
      Registry: [[stampFormula(SHEET, r, c)]],
    },
  });
  return book.calculated(book.cell('Registry', 'A1')!) as number;
}

const edited = (change: (rows: Scalar[][]) => void) => {
  const copy = rows.map((row) => [...row]);
  change(copy);
  return copy;
};

describe('the content stamp', () => {
  test.each([
    ['a figure changed by a penny', (r: Scalar[][]) => (r[2][2] = 2000000.02)],
    ['a figure moved to another cell', (r: Scalar[][]) => ((r[1][1] = null), (r[2][0] = 3))],
    ['a text of another length', (r: Scalar[][]) => (r[1][0] = 'Transport links')],
    ['a cell filled in the margin below', (r: Scalar[][]) => r.push(...Array(STAMP_MARGIN.rows - 1).fill([]), ['x'])],
    ['a row inserted above', (r: Scalar[][]) => r.unshift([])],
  ])('%s changes it', (_, change) => {
    const after = edited(change as (r: Scalar[][]) => void);
    expect(doubleStamp(after)).not.toBe(doubleStamp(rows));
  });

  test('a text changed to another of the same length is not noticed (the documented limit)', () => {
    expect(doubleStamp(edited((r) => (r[1][0] = 'Transpork')))).toBe(doubleStamp(rows));
  });

  test('covers the planned cells and a margin for what people add', () => {
    expect(stampRange({ name: SHEET, rows: [[null, null, null]] })).toEqual({
      rows: 1 + STAMP_MARGIN.rows,
      columns: 3 + STAMP_MARGIN.columns,
    });
    expect(stampFormula(SHEET, 2, 2)).toContain("'Card 1a''s'!$A$1:$B$2");
  });
});
