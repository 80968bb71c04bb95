import type Decimal from 'decimal.js';
import { Money } from './money';

/**
 * A risk in the plan's section 5a log. Impact and probability are scored 1 to 5; the rating is
 * impact × probability (the plan's "Rating (I*L)"). `statedRating` keeps what the plan printed, so
 * the arithmetic can be checked rather than silently corrected.
 */
export interface Risk {
  readonly id: string; // "R1"
  readonly description: string;
  readonly impact: Decimal;
  readonly probability: Decimal;
  readonly statedRating?: Decimal;
  readonly mitigations: readonly string[];
  readonly owner: string;
}

export const SCORES = [1, 2, 3, 4, 5] as const;

export function rating(risk: Pick<Risk, 'impact' | 'probability'>): Decimal {
  return risk.impact.times(risk.probability);
}

export function isScore(value: Decimal): boolean {
  return value.isInteger() && value.greaterThanOrEqualTo(1) && value.lessThanOrEqualTo(5);
}

/** Red from 15, amber from 8: the usual 5×5 banding; only used for colour, never for a check. */
export function band(value: Decimal): 'red' | 'amber' | 'green' {
  if (value.greaterThanOrEqualTo(15)) return 'red';
  if (value.greaterThanOrEqualTo(8)) return 'amber';
  return 'green';
}

/** Counts of risks per impact (rows, 5 at the top) and probability (columns, 1 on the left). */
export function heatMap(risks: readonly Risk[]): number[][] {
  const grid = SCORES.map(() => SCORES.map(() => 0));
  for (const r of risks) {
    if (!isScore(r.impact) || !isScore(r.probability)) continue;
    grid[5 - r.impact.toNumber()][r.probability.toNumber() - 1] += 1;
  }
  return grid;
}

export function score(value: number): Decimal {
  return new Money(value);
}
