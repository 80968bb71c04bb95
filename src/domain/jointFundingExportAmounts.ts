import { parseAmount } from './amountText';
import { PERCENT_PLACES } from './jointFunding';
import type { CellValue, PackageCells } from './jointFundingInput';
import { formatPounds, Money, roundPounds } from './money';

/**
 * An export's money as the register keeps it: a cost over a longer period read as a cost a week,
 * and the ICB's pounds a week read as its share of the cost, each exact to the penny or refused.
 */

/**
 * Costs over a longer period, as finance systems (ContrOCC) report them, by the weeks they cover:
 * read as a weekly cost (the register's year is weekly x 52) when the export has no weekly column.
 */
export const COST_PERIODS: readonly (readonly [number, readonly string[]])[] = [
  [
    4,
    [
      'cost per 4 weeks',
      'cost per four weeks',
      '4 weekly cost',
      '4-weekly cost',
      'four weekly cost',
      'four-weekly cost',
      '4 weekly amount',
      '4-weekly amount',
    ],
  ],
  [
    52,
    [
      'annual cost',
      'annual amount',
      'cost per year',
      'cost per annum',
      'yearly cost',
      'gross annual cost',
      'full year cost',
      'annual package cost',
    ],
  ],
];

/**
 * The ICB share of a package whose export gives the ICB's pounds a week (a "Health Contribution")
 * and no share or split: the share, to the register's places, whose ICB pence (cost x share, half
 * up) are the contribution, so the register pays the ICB what the export says. A contribution no
 * share gives back, or more than the cost, is refused. A share given beside it is read, if it gives
 * the same pence; a split method beside it (50:50, time to task) is read as it is.
 */
export function shareFromContribution(
  cells: PackageCells & { icbWeekly?: CellValue },
  contributionLabel: string,
  costLabel: string,
): { cell: CellValue } | { error: string } {
  const given = (v: CellValue) => v !== null && v !== undefined && String(v).trim() !== '';
  if (!given(cells.icbWeekly)) return { cell: cells.icbPercent };
  const amountOf = (v: CellValue) =>
    typeof v === 'boolean' ? undefined : parseAmount(typeof v === 'string' ? v.trim().replace(/%$/, '') : v);
  const contribution = amountOf(cells.icbWeekly);
  const cost = amountOf(cells.weeklyCost);
  const typed = given(cells.icbPercent) ? amountOf(cells.icbPercent) : undefined;
  // A share beside the contribution is read, but must give the same pence: two figures that disagree are the user's call.
  if (typed && contribution && cost) {
    const pays = roundPounds(cost.times(typed).dividedBy(100), true);
    if (!pays.equals(contribution))
      return {
        error: `the ICB share ${typed.toFixed()}% of ${formatPounds(cost, true)} is ${formatPounds(pays, true)} a week, but the ${contributionLabel} is ${formatPounds(contribution, true)}; correct one of them.`,
      };
  }
  if (given(cells.icbPercent) || given(cells.method)) return { cell: cells.icbPercent };
  if (!contribution)
    return {
      error: `the ${contributionLabel} "${String(cells.icbWeekly).trim()}" isn't an amount; write it as 1234.50 or £1,234.50.`,
    };
  if (!cost || cost.isZero() || cost.isNegative()) return { cell: cells.icbPercent }; // the weekly cost's own problem is reported
  if (contribution.isNegative() || contribution.greaterThan(cost))
    return {
      error: `the ${contributionLabel} ${formatPounds(contribution, true)} is not part of the ${costLabel} ${formatPounds(cost, true)}; give the ICB share (%) instead.`,
    };
  const share = contribution.dividedBy(cost).times(100).toDecimalPlaces(PERCENT_PLACES, Money.ROUND_HALF_UP);
  if (!roundPounds(cost.times(share).dividedBy(100), true).equals(contribution))
    return {
      error: `no ICB share to ${PERCENT_PLACES} decimal places gives ${formatPounds(contribution, true)} of ${formatPounds(cost, true)} (the nearest, ${share.toFixed()}%, gives ${formatPounds(roundPounds(cost.times(share).dividedBy(100), true), true)}); give the ICB share (%) instead.`,
    };
  return { cell: `${share.toFixed()}%` };
}

/**
 * The weekly cost from a cost over `weeks` weeks (a year is 52, as the register's full year is weekly
 * x 52), or why it can't be one: a year's £52,000.01 is no whole number of pence a week, and a
 * rounded figure would not give back the year the export states.
 */
export function weeklyCostOf(cell: CellValue, weeks: number, label: string): { cell: CellValue } | { error: string } {
  const amount =
    weeks === 1 || typeof cell === 'boolean' || String(cell ?? '').trim() === '' ? undefined : parseAmount(cell);
  if (!amount) return { cell };
  const weekly = amount.dividedBy(weeks);
  if (weekly.decimalPlaces() <= 2) return { cell: weekly.toFixed(2) };
  return {
    error: `the ${label} ${formatPounds(amount, true)} over ${weeks} weeks is ${formatPounds(weekly, true)} a week only after rounding (${weekly.toSignificantDigits(10).toFixed()}); add a column with the weekly cost, which the register keeps.`,
  };
}
