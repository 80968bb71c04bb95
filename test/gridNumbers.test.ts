import fc from 'fast-check';
import { Money } from '../src/domain/money';
import { toNumber } from '../src/workbook/grid';

describe('cached results are the same doubles decimal.js gives', () => {
  test('for money, counts and shares of every size', () => {
    const decimals = fc.oneof(
      fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map((n) => new Money(n.toString())),
      fc
        .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 30 }))
        .map(([n, k]) => new Money(n.toString()).dividedBy(new Money(10).pow(k))),
      fc
        .tuple(fc.integer({ min: 0, max: 30_000_000 }), fc.integer({ min: 1, max: 30_000_000 }))
        .map(([a, b]) => new Money(a).dividedBy(b)),
    );
    fc.assert(
      fc.property(decimals, (d) => Object.is(toNumber(d), d.toNumber()) || (d.isZero() && toNumber(d) === 0)),
      { numRuns: 5000 },
    );
  });

  test('for the Barnet figures', () => {
    for (const text of ['6634000', '1272540', '0.0403', '2004', '3831', '0.034820620', '1544011', '-35000', '0']) {
      expect(toNumber(new Money(text))).toBe(Number(text));
    }
  });
});
