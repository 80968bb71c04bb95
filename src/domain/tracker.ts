import type Decimal from 'decimal.js';
import { asAtQuarter, benefitCards, cardBook, plannedQuarters, type Actual, type BenefitCard, type CardMetric, type RateMeasure, type Status, type Tolerances } from './benefitCard';
import { ONE, sum, ZERO } from './money';
import type { Plan } from './plan';
import { NEL } from './schemeTable';

/**
 * The Benefits Tracker, computed exactly in decimal.js. Each rule here is written the way the
 * card sheets write it as a formula, so the two agree to the penny (the tests check it through
 * HyperFormula):
 * - realised count: the typed reduction, else baseline − actual admissions, else no data;
 * - realised £ = realised count × the metric's unit cost; variance = realised − planned (count,
 *   £, and % of planned);
 * - cumulative figures run over all the plan's quarters; a quarter without data counts as 0;
 * - year-end forecast, as known at a quarter with data: realised so far this year + the rest of
 *   the year's profile × the run rate (realised ÷ planned so far this year; 1 when nothing was
 *   planned yet), with the lower and upper scenarios at the run rate ∓ the forecast range.
 *   A quarter without data carries the previous quarter's forecast; Q1 without data forecasts
 *   the profile (∓ the range);
 * - status of a quarter: no data yet; else cumulative realised ÷ cumulative planned against the
 *   tolerances (Green at or above Tolerance_Green, Amber at or above Tolerance_Amber, else Red;
 *   Green when nothing was planned yet).
 */

export interface Forecast {
  readonly lower: Decimal;
  readonly expected: Decimal;
  readonly upper: Decimal;
}

export interface MetricQuarter {
  readonly quarter: string;
  readonly year: string;
  readonly phasing: Decimal | null;
  readonly planned: Decimal;
  readonly plannedGbp: Decimal;
  readonly actual?: Actual;
  readonly realised: Decimal | null;
  readonly realisedGbp: Decimal | null;
  readonly variance: Decimal | null;
  readonly varianceGbp: Decimal | null;
  readonly variancePct: Decimal | null | 'n/a';
  readonly cumPlanned: Decimal;
  readonly cumRealised: Decimal;
  readonly forecast: Forecast;
  readonly status: Status;
}

export interface MetricYear {
  readonly year: string;
  readonly plan: Decimal;
  readonly profile: Decimal;
  readonly phasingTotal: Decimal | null; // null for an even split
  readonly realised: Decimal;
  readonly forecast: Forecast; // the year-end forecast as at Q4's row
  readonly addsUp: boolean;
}

export interface MetricTracker {
  readonly metric: CardMetric;
  readonly quarters: readonly MetricQuarter[];
  readonly years: readonly MetricYear[];
}

export interface RateQuarter {
  readonly quarter: string;
  readonly target: Decimal;
  readonly actual?: Actual;
  readonly value: Decimal | null;
  readonly variance: Decimal | null;
  readonly ofTarget: Decimal | null | 'n/a';
  readonly averageToDate: Decimal | null;
  readonly status: Status;
}

export interface RateTracker {
  readonly measure: RateMeasure;
  readonly quarters: readonly RateQuarter[];
}

export interface CumulativeRow {
  readonly quarter: string;
  readonly plannedGbp: Decimal;
  /** null after the as-at quarter: the chart stops where the reporting does. */
  readonly realisedGbp: Decimal | null;
  readonly entries: number;
  readonly ofPlanned: Decimal | null | 'n/a';
}

export type CardStatus = Status | 'n/a';

export interface CardPosition {
  readonly asAt: string;
  readonly position: number; // 1-based index of the as-at quarter; 0 when it is not a plan quarter
  readonly plannedToDate: Decimal;
  readonly realisedToDate: Decimal;
  readonly variance: Decimal;
  readonly variancePct: Decimal | 'n/a';
  readonly financialStatus: CardStatus;
  readonly rateStatuses: readonly Status[];
  readonly status: Status;
  readonly signOff: string;
  readonly nextMilestone: string;
  readonly nextDue: number | null; // an Excel date serial
  readonly unmatched: number;
}

export interface CardTracker {
  readonly card: BenefitCard;
  readonly metrics: readonly MetricTracker[];
  readonly rates: readonly RateTracker[];
  readonly cumulative: readonly CumulativeRow[];
  readonly position: CardPosition;
}

export function realisedCount(a: Actual | undefined): Decimal | null {
  if (!a) return null;
  if (a.reduction !== undefined) return a.reduction;
  if (a.baseline !== undefined && a.actual !== undefined) return a.baseline.minus(a.actual);
  return null;
}

export function ratioStatus(realised: Decimal, planned: Decimal, t: Tolerances): Status {
  if (planned.lessThanOrEqualTo(0)) return 'Green';
  const ratio = realised.dividedBy(planned);
  if (ratio.greaterThanOrEqualTo(t.green)) return 'Green';
  if (ratio.greaterThanOrEqualTo(t.amber)) return 'Amber';
  return 'Red';
}

export function metricTracker(card: BenefitCard, metric: CardMetric, t: Tolerances): MetricTracker {
  const unit = metric.unit.value;
  const rows: MetricQuarter[] = [];
  const years: MetricYear[] = [];
  let cumPlanned = ZERO;
  let cumRealised = ZERO;
  const byQuarter = card.actuals.get(metric.unit.id);
  for (const year of card.years) {
    const annual = metric.annual[year] ?? ZERO;
    const phasing = metric.phasing[year] ?? null;
    const planned = plannedQuarters(annual, phasing);
    const profile = sum(planned);
    const yearQuarters = card.quarters.filter((q) => q.year.label === year);
    let ytdPlanned = ZERO;
    let ytdRealised = ZERO;
    let forecast: Forecast = scenario(ZERO, profile, ONE, t);
    let realisedInYear = ZERO;
    yearQuarters.forEach((q, j) => {
      const actual = byQuarter?.get(q.label);
      const realised = realisedCount(actual);
      ytdPlanned = ytdPlanned.plus(planned[j]);
      ytdRealised = ytdRealised.plus(realised ?? ZERO);
      cumPlanned = cumPlanned.plus(planned[j]);
      cumRealised = cumRealised.plus(realised ?? ZERO);
      realisedInYear = realisedInYear.plus(realised ?? ZERO);
      if (realised !== null) {
        const rate = ytdPlanned.isZero() ? ONE : ytdRealised.dividedBy(ytdPlanned);
        forecast = scenario(ytdRealised, profile.minus(ytdPlanned), rate, t);
      }
      const variance = realised === null ? null : realised.minus(planned[j]);
      rows.push({
        quarter: q.label,
        year,
        phasing: phasing ? phasing[j] : null,
        planned: planned[j],
        plannedGbp: planned[j].times(unit),
        actual,
        realised,
        realisedGbp: realised === null ? null : realised.times(unit),
        variance,
        varianceGbp: variance === null ? null : variance.times(unit),
        variancePct: variance === null ? null : planned[j].isZero() ? 'n/a' : variance.dividedBy(planned[j]),
        cumPlanned,
        cumRealised,
        forecast,
        status: realised === null ? 'No data yet' : ratioStatus(cumRealised, cumPlanned, t),
      });
    });
    years.push({
      year,
      plan: annual,
      profile,
      phasingTotal: phasing ? sum(phasing.map((p) => p ?? ZERO)) : null,
      realised: realisedInYear,
      forecast,
      addsUp: profile.equals(annual),
    });
  }
  return { metric, quarters: rows, years };
}

function scenario(soFar: Decimal, rest: Decimal, rate: Decimal, t: Tolerances): Forecast {
  const expectedRest = rest.times(rate);
  return {
    lower: soFar.plus(expectedRest.times(ONE.minus(t.forecastRange))),
    expected: soFar.plus(expectedRest),
    upper: soFar.plus(expectedRest.times(ONE.plus(t.forecastRange))),
  };
}

export function rateTracker(card: BenefitCard, measure: RateMeasure, t: Tolerances): RateTracker {
  const byQuarter = card.actuals.get(measure.id);
  const seen: Decimal[] = [];
  const quarters = card.quarters.map((q) => {
    const actual = byQuarter?.get(q.label);
    const value = actual?.actual ?? actual?.reduction ?? null;
    if (value !== null) seen.push(value);
    const target = measure.target;
    let ofTarget: Decimal | null | 'n/a' = null;
    let status: Status = 'No data yet';
    if (value !== null) {
      const denominator = measure.higherIsBetter ? target : value;
      ofTarget = denominator.isZero() ? 'n/a' : (measure.higherIsBetter ? value : target).dividedBy(denominator);
      if (ofTarget === 'n/a') status = (measure.higherIsBetter ? value.greaterThanOrEqualTo(target) : value.lessThanOrEqualTo(target)) ? 'Green' : 'Red';
      else status = ofTarget.greaterThanOrEqualTo(t.green) ? 'Green' : ofTarget.greaterThanOrEqualTo(t.amber) ? 'Amber' : 'Red';
    }
    return {
      quarter: q.label,
      target,
      actual,
      value,
      variance: value === null ? null : value.minus(target),
      ofTarget,
      averageToDate: seen.length ? sum(seen).dividedBy(seen.length) : null,
      status,
    };
  });
  return { measure, quarters };
}

/** The worst status present: Red, then Amber, then Green; "No data yet" only if nothing else. */
export function worstStatus(statuses: readonly CardStatus[]): Status {
  for (const s of ['Red', 'Amber', 'Green'] as const) if (statuses.includes(s)) return s;
  return 'No data yet';
}

export function signOffText(card: BenefitCard): string {
  const decisions = card.signOffs.slice(0, 3).map((s) => s.decision);
  if (decisions.includes('Rejected')) return 'Rejected';
  const approved = decisions.filter((d) => d === 'Approved' || d === 'Approved with conditions').length;
  return approved === 3 ? 'Signed off' : `${approved} of 3 approved`;
}

/** Days since 30 Dec 1899, as Excel counts them; null for anything that isn't an ISO date. */
export function dateSerial(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(ms)) return null;
  return (ms - Date.UTC(1899, 11, 30)) / 86400000; // whole days: both are UTC midnights
}

export function serialToIso(serial: number): string {
  // The day part of an Excel serial is its whole number: 45000.75 is 6pm on day 45000, not the next day.
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000).toISOString().slice(0, 10);
}

export function nextMilestone(card: BenefitCard): { name: string; due: number | null } {
  let best: { name: string; due: number } | null = null;
  for (const m of card.milestones) {
    const due = dateSerial(m.due);
    if (due === null || m.status.toLowerCase() === 'done') continue; // Excel compares text ignoring case
    if (!best || due < best.due) best = { name: m.milestone, due };
  }
  return best ? best : { name: 'None open', due: null };
}

const trackersOf = new WeakMap<BenefitCard, Map<string, CardTracker>>();

/** A card's tracker, computed once for each reporting quarter and set of tolerances (the card sheet and the summary both show it). */
export function cardTracker(card: BenefitCard, t: Tolerances, asAt: string): CardTracker {
  const key = `${asAt}|${t.green.toString()}|${t.amber.toString()}|${t.forecastRange.toString()}`;
  let byKey = trackersOf.get(card);
  if (!byKey) trackersOf.set(card, (byKey = new Map()));
  let tracker = byKey.get(key);
  if (!tracker) byKey.set(key, (tracker = computeTracker(card, t, asAt)));
  return tracker;
}

function computeTracker(card: BenefitCard, t: Tolerances, asAt: string): CardTracker {
  const metrics = card.metrics.map((m) => metricTracker(card, m, t));
  const rates = card.rates.map((r) => rateTracker(card, r, t));
  const position = card.quarters.findIndex((q) => q.label === asAt) + 1;
  let entries = 0;
  const cumulative: CumulativeRow[] = card.quarters.map((q, k) => {
    const plannedGbp = sum(metrics.map((m) => m.quarters[k].cumPlanned.times(m.metric.unit.value)));
    const realisedAll = sum(metrics.map((m) => m.quarters[k].cumRealised.times(m.metric.unit.value)));
    entries += metrics.filter((m) => m.quarters[k].realised !== null).length;
    const shown = k + 1 > position ? null : realisedAll;
    return { quarter: q.label, plannedGbp, realisedGbp: shown, entries, ofPlanned: shown === null ? null : plannedGbp.isZero() ? 'n/a' : shown.dividedBy(plannedGbp) };
  });
  const at = position > 0 ? cumulative[position - 1] : undefined;
  const plannedToDate = at?.plannedGbp ?? ZERO;
  const realisedToDate = at?.realisedGbp ?? ZERO;
  const variance = realisedToDate.minus(plannedToDate);
  let financialStatus: CardStatus = 'n/a';
  if (metrics.length) financialStatus = !at || at.entries === 0 ? 'No data yet' : ratioStatus(realisedToDate, plannedToDate, t);
  const rateStatuses = rates.map((r) => (position > 0 ? r.quarters[position - 1].status : 'No data yet'));
  const next = nextMilestone(card);
  return {
    card,
    metrics,
    rates,
    cumulative,
    position: {
      asAt,
      position,
      plannedToDate,
      realisedToDate,
      variance,
      variancePct: plannedToDate.isZero() ? 'n/a' : variance.dividedBy(plannedToDate),
      financialStatus,
      rateStatuses,
      status: worstStatus([financialStatus, ...rateStatuses]),
      signOff: signOffText(card),
      nextMilestone: next.name,
      nextDue: next.due,
      unmatched: card.unmatched.length,
    },
  };
}

export interface NelStanding {
  readonly year: string;
  readonly baseline: Decimal;
  readonly target: Decimal;
  readonly reductionTarget: Decimal;
  readonly plannedInCards: Decimal;
  readonly realised: Decimal;
  readonly forecast: Forecast;
  readonly realisedOfTarget: Decimal | 'n/a';
  readonly expectedOfTarget: Decimal | 'n/a';
}

export interface BenefitsSummary {
  readonly asAt: string;
  readonly cards: readonly CardTracker[];
  readonly plannedToDate: Decimal;
  readonly realisedToDate: Decimal;
  readonly variance: Decimal;
  readonly variancePct: Decimal | 'n/a';
  readonly statusCounts: Readonly<Record<Status, number>>;
  readonly nel: readonly NelStanding[];
}

export function benefitsSummary(plan: Plan): BenefitsSummary {
  const cards = benefitCards(plan);
  const t = cardBook(plan).tolerances;
  const asAt = asAtQuarter(plan, cards);
  const trackers = cards.map((c) => cardTracker(c, t, asAt));
  const plannedToDate = sum(trackers.map((c) => c.position.plannedToDate));
  const realisedToDate = sum(trackers.map((c) => c.position.realisedToDate));
  const statusCounts = { 'No data yet': 0, Green: 0, Amber: 0, Red: 0 } as Record<Status, number>;
  trackers.forEach((c) => (statusCounts[c.position.status] += 1));
  const nel = plan.targets
    .filter((target) => plan.years.some((y) => y.label === target.year))
    .map((target) => {
      const years = trackers.flatMap((c) => c.metrics.filter((m) => m.metric.unit.id === NEL).map((m) => m.years.find((y) => y.year === target.year)!)).filter(Boolean);
      const reductionTarget = target.baseline.minus(target.target);
      const realised = sum(years.map((y) => y.realised));
      const forecast = { lower: sum(years.map((y) => y.forecast.lower)), expected: sum(years.map((y) => y.forecast.expected)), upper: sum(years.map((y) => y.forecast.upper)) };
      return {
        year: target.year,
        baseline: target.baseline,
        target: target.target,
        reductionTarget,
        plannedInCards: sum(years.map((y) => y.plan)),
        realised,
        forecast,
        realisedOfTarget: reductionTarget.isZero() ? ('n/a' as const) : realised.dividedBy(reductionTarget),
        expectedOfTarget: reductionTarget.isZero() ? ('n/a' as const) : forecast.expected.dividedBy(reductionTarget),
      };
    });
  const variance = realisedToDate.minus(plannedToDate);
  return { asAt, cards: trackers, plannedToDate, realisedToDate, variance, variancePct: plannedToDate.isZero() ? 'n/a' : variance.dividedBy(plannedToDate), statusCounts, nel };
}

/**
 * Cumulative planned and realised £ of several cards added quarter by quarter (the whole plan, or
 * one card): what the steering group's chart draws. Realised stops where the reporting does.
 */
export function combinedCumulative(trackers: readonly CardTracker[]): { quarter: string; planned: Decimal; realised: Decimal | null }[] {
  const quarters = trackers[0]?.cumulative.map((row) => row.quarter) ?? [];
  return quarters.map((quarter, k) => {
    const rows = trackers.map((t) => t.cumulative[k]).filter((row) => row !== undefined);
    const realised = rows.map((row) => row.realisedGbp);
    return {
      quarter,
      planned: sum(rows.map((row) => row.plannedGbp)),
      realised: realised.every((r) => r === null) ? null : sum(realised.map((r) => r ?? ZERO)),
    };
  });
}
