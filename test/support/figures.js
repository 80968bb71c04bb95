'use strict';
/**
 * The one comparison of a computed figure with what it should be, for every test and check (jest
 * with HyperFormula, and scripts/libreoffice-check.js with LibreOffice):
 * - money, counts and any other plain number to the penny: closer than half a penny, so figures
 *   that print the same to 2 decimal places agree and a penny out does not;
 * - a share or percentage (a fraction in a cell formatted with %) to 5e-7, i.e. 0.00005 percentage
 *   points: half a penny would let 3.48% pass for 3.88%.
 */

const MONEY_TOLERANCE = 0.005;
const SHARE_TOLERANCE = 5e-7;

/** A cell's number format shows a fraction as a percentage. */
function isShare(format) {
  return typeof format === 'string' && format.includes('%');
}

/** Why `actual` is not `expected` (a cell of `format`), or null when they agree. */
function figureDifference(expected, actual, format) {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !Number.isFinite(actual)) return 'expected a number';
    const tolerance = isShare(format) ? SHARE_TOLERANCE : MONEY_TOLERANCE;
    return Math.abs(actual - expected) < tolerance ? null : `differs by ${actual - expected}`;
  }
  if (typeof expected === 'boolean') {
    // Calc's data array gives TRUE/FALSE as 1/0.
    return actual === expected || actual === (expected ? 1 : 0) ? null : 'expected a logical value';
  }
  if (typeof expected === 'string') {
    return actual === expected ? null : 'text differs';
  }
  // A formula without a cached result: files would show nothing until recalculated.
  return 'the layout gave this formula no cached result';
}

/** True when `actual` is `expected` to the penny, or to 5e-7 for a share (see above). */
function sameFigure(expected, actual, format) {
  return figureDifference(expected, actual, format) === null;
}

module.exports = { MONEY_TOLERANCE, SHARE_TOLERANCE, isShare, figureDifference, sameFigure };
