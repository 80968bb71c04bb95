import { sheetFingerprint } from '../src/workbook/sheetFingerprint';
import type { SheetSnapshot } from '../src/workbook/snapshot';

/** What a write compares on a sheet: formulas and entered values, not what formulas work out to. */
const sheet = (values: SheetSnapshot['values'], formulas?: SheetSnapshot['formulas']): SheetSnapshot => ({
  name: 'Card 1a',
  values,
  formulas,
});

const base = sheet(
  [
    ['Owner', 'Ann', null],
    [12, 3.5, 15.5],
  ],
  [
    [null, null, null],
    [null, null, '=A2+B2'],
  ],
);

describe('a sheet fingerprint', () => {
  test("ignores what a formula works out to, blank cells past the end, and '' for blank", () => {
    const recalculated = sheet([['Owner', 'Ann', null, ''], [12, 3.5, 999], [null]], base.formulas);
    expect(sheetFingerprint(recalculated)).toBe(sheetFingerprint(base));
  });

  test.each([
    [
      'an entered figure changed',
      sheet(
        [
          ['Owner', 'Ann', null],
          [13, 3.5, 15.5],
        ],
        base.formulas,
      ),
    ],
    [
      'a text changed to another of the same length',
      sheet(
        [
          ['Owner', 'Bob', null],
          [12, 3.5, 15.5],
        ],
        base.formulas,
      ),
    ],
    [
      'a formula changed',
      sheet(base.values, [
        [null, null, null],
        [null, null, '=A2-B2'],
      ]),
    ],
    [
      'a formula replaced by its value',
      sheet(base.values, [
        [null, null, null],
        [null, null, null],
      ]),
    ],
    [
      'a cell moved',
      sheet(
        [
          [null, 'Owner', 'Ann'],
          [12, 3.5, 15.5],
        ],
        base.formulas,
      ),
    ],
    [
      'a number entered as text',
      sheet(
        [
          ['Owner', 'Ann', null],
          ['12', 3.5, 15.5],
        ],
        base.formulas,
      ),
    ],
  ])('changes with %s', (_, changed) => {
    expect(sheetFingerprint(changed)).not.toBe(sheetFingerprint(base));
  });
});
