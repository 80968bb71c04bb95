import { amountProblem, parseAmount } from '../../src/domain/amountText';

describe('amounts are read strictly, the same in the workbook and the pane', () => {
  test.each([
    ['1057451', '1057451'],
    ['1,057,451', '1057451'],
    ['£2,004', '2004'],
    [' 12.5 ', '12.5'],
    ['-2,004', '-2004'],
    ['£-3', '-3'],
    ['-£3.25', '-3.25'],
    ['999', '999'],
    ['', '0'],
  ])('"%s" is %s', (text, expected) => {
    expect(parseAmount(text)?.toString()).toBe(expected);
  });

  test.each(['1,2,3', '10,00', '1,0000', ',100', '100,', '1.2.3', '12a', '£', '1 000', '1e5', '--3'])(
    '"%s" is not an amount',
    (text) => {
      expect(parseAmount(text)).toBeUndefined();
      expect(amountProblem(text)).toBeDefined();
    },
  );

  test('a misplaced comma is named as such', () => {
    expect(amountProblem('1,2,3')).toMatch(/comma out of place/);
  });

  test('numbers from cells are taken as they are; blanks are zero', () => {
    expect(parseAmount(2.5)?.toString()).toBe('2.5');
    expect(parseAmount(null)?.isZero()).toBe(true);
    expect(parseAmount(Number.NaN)).toBeUndefined();
    expect(parseAmount(true)).toBeUndefined();
  });
});
