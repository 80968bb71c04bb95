'use strict';
/**
 * The day tests and checks lay workbooks out for (1 October 2025, as a day number: days since
 * 30 December 1899), fixed so that no result depends on when they run. test/clock.test.ts checks
 * the number is that date.
 */
const TEST_DAY = 45931;

module.exports = { TEST_DAY };
