import { isBookkeeping } from '../src/workbook/ownership';
import { FakeWorkbook } from './support/officeRecorder';
import { bookDifferences, leftovers } from './support/workbookDifferences';

/**
 * The comparison scripts/office-failure-check.js relies on to say a failed command left the
 * workbook as it was: each kind of change to the recording double is seen, and named.
 */
function theirs(): FakeWorkbook {
  const book = new FakeWorkbook({
    sheets: {
      Notes: [
        ['Rent', 1250.5],
        ['Total', '=SUM(B1:B1)'],
      ],
      Lookups: [['Code']],
    },
    tables: [{ name: 'OurNotes', sheet: 'Notes', address: 'Notes!A1:B1' }],
    names: [{ name: 'OurRate', formula: '=Notes!$B$1' }],
  });
  book.sheet('Notes').formats.set('0,1', '#,##0.00');
  return book;
}

test('an untouched copy has no differences', () => {
  const book = theirs();
  expect(bookDifferences(book, book.clone())).toEqual([]);
});

test.each([
  [
    'a value changed',
    (b: FakeWorkbook) => b.setCell(b.sheet('Notes'), 0, 1, 1250.25),
    /sheet "Notes": cell 0,1: .*1250\.5.* -> .*1250\.25/,
  ],
  ['a formula changed', (b: FakeWorkbook) => b.setCell(b.sheet('Notes'), 1, 1, '=B1'), /sheet "Notes": cell 1,1/],
  [
    'a cell cleared',
    (b: FakeWorkbook) => b.sheet('Notes').cells.delete('0,0'),
    /sheet "Notes": cell 0,0: .*Rent.* -> empty/,
  ],
  [
    'a cell typed into',
    (b: FakeWorkbook) => b.setCell(b.sheet('Lookups'), 5, 5, 'x'),
    /sheet "Lookups": cell 5,5: empty ->/,
  ],
  [
    'a number format changed',
    (b: FakeWorkbook) => b.sheet('Notes').formats.set('0,1', '0'),
    /sheet "Notes": format 0,1/,
  ],
  [
    'a sheet hidden',
    (b: FakeWorkbook) => ((b.sheet('Lookups') as any).visibility = 'Hidden'),
    /sheet "Lookups": .*Hidden/,
  ],
  [
    'a table resized',
    (b: FakeWorkbook) => (b.tables.get('ournotes')!.address = 'Notes!A1:B2'),
    /sheet "Notes": tables/,
  ],
  [
    'a name pointed elsewhere',
    (b: FakeWorkbook) => (b.names.get('ourrate')!.formula = '=Notes!$B$2'),
    /name .*OurRate/,
  ],
  ['a sheet deleted', (b: FakeWorkbook) => (b as any).deleteSheet('Lookups'), /sheet "Lookups" is gone/],
])('%s is a difference', (_what, change, expected) => {
  const before = theirs();
  const after = before.clone();
  change(after);
  const found = bookDifferences(before, after);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(expected);
});

test('only the sheets asked about are compared, and what a command added is listed apart from its bookkeeping', () => {
  const before = theirs();
  const after = before.clone();
  after.setCell((after as any).addSheet('Schemes'), 0, 0, 'Ref');
  (after as any).addSheet('BCF Pending');
  after.names.set('bcf_x', { name: 'bcf_x', formula: '=Schemes!$A$1' });
  expect(bookDifferences(before, after, { only: before.sheets.keys() })).toEqual([]);
  expect(leftovers(before, after, isBookkeeping)).toEqual(['sheet "Schemes"', 'name bcf_x']);
  expect(bookDifferences(before, after).length).toBeGreaterThan(0);
});

test("charts compared by type only when the host's names for them don't matter", () => {
  const before = theirs();
  before.sheet('Notes').charts.push({ name: 'Chart 1', type: 'Line' });
  const after = before.clone();
  after.sheet('Notes').charts[0].name = 'Chart 7';
  expect(bookDifferences(before, after)).toHaveLength(1);
  expect(bookDifferences(before, after, { chartNames: false })).toEqual([]);
  after.sheet('Notes').charts[0].type = 'Pie';
  expect(bookDifferences(before, after, { chartNames: false })).toHaveLength(1);
});
