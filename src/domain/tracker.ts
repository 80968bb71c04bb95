import type Decimal from 'decimal.js';
import {
  plannedQuarters,
  type Actual,
  type BenefitCard,
  type CardMetric,
  type RateMeasure,
  type Status,
  type Tolerances,
} from './benefitCard';
import { Money, ONE, sum, ZERO } from './money';
import { reportingQuarter, reportingQuarterText, type ReportingQuarter } from './reportingQuarter';

/**
 * The Benefits Tracker, computed exactly in decimal.js. Each rule here is written the way the
 * card sheets write it as a formula, so the two agree to the penny (the tests check it through
 * HyperFormula):
 * - realised count: the typed reduction, else baseline − actual admissions, else no data;
 * - realised £ = realised count × the metric's unit cost; variance = realised − planned (count,
 *   £, and % of planned), only for a quarter with data;
 * - a quarter without data is left out: out of realised and out of the planned figure it is
 *   compared with ("planned, quarters reported"). It is "Missing" when a later quarter has data,
 *   "No data yet" otherwise;
 * - performance = 1 + (realised − planned) ÷ |planned|, so falling short of the plan lowers it
 *   whatever the sign; Green at or above Tolerance_Green, Amber at or above Tolerance_Amber, else
 *   Red; with nothing planned, Green unless realised is below zero (then Red);
 * - year-end forecast, as known at a quarter with data: realised so far this year + the rest of
 *   the year's profile (the profile less what was planned for the quarters reported) × the run
 *   rate (realised ÷ planned over the quarters reported this year; 1 when that is zero), with the
 *   scenarios at that rest ∓ the forecast range, lower always the smaller. A quarter without data
 *   carries the previous quarter's forecast; Q1 without data forecasts the profile (∓ the range).
 */

export interface Forecast {
  readonly lower: Decimal;
  readonly expected: Decimal;
  readonly upper: Decimal;
}

export type QuarterStatus = Status | 'Missing';

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
  /** This quarter's planned count when it has data, else null. */
  readonly plannedReported: Decimal | null;
  /** Planned since the plan began, over the quarters with data only. */
  readonly cumPlannedReported: Decimal;
  readonly cumRealised: Decimal;
  readonly forecast: Forecast;
  readonly status: QuarterStatus;
}

export interface MetricYear {
  readonly year: string;
  readonly plan: Decimal;
  readonly profile: Decimal;
  readonly phasingTotal: Decimal | null; // null for an even split
  readonly realised: Decimal;
  /** Realised in this year up to the end of the reporting quarter (0 before the year, all of it after). */
  readonly realisedToQuarter: Decimal;
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
  /** Planned £ since the plan began over the metric-quarters with data only. */
  readonly plannedReportedGbp: Decimal;
  /** null after the reporting quarter: the chart stops where the reporting does. */
  readonly realisedGbp: Decimal | null;
  readonly entries: number;
  readonly ofPlanned: Decimal | null | 'n/a';
}

export type CardStatus = Status | 'n/a';

/** What a card's status was set by when no measure has data. */
export const NO_DATA = 'No data';
/** What a card's status was set by when its £ benefits set it. */
export const MONEY = 'Money';

export interface CardPosition {
  /** The reporting quarter as every sheet shows it: its label, "Not set" or "Not a quarter of the plan: …". */
  readonly asAt: string;
  readonly position: number; // 1-based index of the reporting quarter; 0 when none is set or known
  /** Planned £ since the plan began to the reporting quarter, over the quarters with data. */
  readonly plannedToDate: Decimal;
  readonly realisedToDate: Decimal;
  /** Planned £ to the reporting quarter in quarters with no data: counted apart, in no variance. */
  readonly plannedNotReported: Decimal;
  readonly hasData: boolean;
  readonly variance: Decimal | null;
  readonly variancePct: Decimal | 'n/a' | null;
  readonly financialStatus: CardStatus;
  readonly rateStatuses: readonly Status[];
  readonly status: Status;
  /** "Money", a non-financial measure's name, or "No data": the measure that set the status. */
  readonly statusSetBy: string;
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

/** How far realised is from planned, as a share of the plan's size: 1 on plan, lower when worse, whatever the sign. */
export function performance(realised: Decimal, planned: Decimal): Decimal | null {
  if (planned.isZero()) return null;
  return planned.isPositive() ? realised.dividedBy(planned) : planned.times(2).minus(realised).dividedBy(planned);
}

export function ratioStatus(realised: Decimal, planned: Decimal, t: Tolerances): Status {
  const ratio = performance(realised, planned);
  if (ratio === null) return realised.isNegative() ? 'Red' : 'Green';
  if (ratio.greaterThanOrEqualTo(t.green)) return 'Green';
  if (ratio.greaterThanOrEqualTo(t.amber)) return 'Amber';
  return 'Red';
}

export function metricTracker(card: BenefitCard, metric: CardMetric, t: Tolerances, position = 0): MetricTracker {
  const unit = metric.unit.value;
  const byQuarter = card.actuals.get(metric.unit.id);
  const realisedAll = card.quarters.map((q) => realisedCount(byQuarter?.get(q.label)));
  const lastWithData = realisedAll.reduce((last, r, k) => (r === null ? last : k), -1);
  const rows: MetricQuarter[] = [];
  const years: MetricYear[] = [];
  const cum = { planned: ZERO, reported: ZERO, realised: ZERO };
  card.years.forEach((year) => {
    const annual = metric.annual[year] ?? ZERO;
    const phasing = metric.phasing[year] ?? null;
    const planned = plannedQuarters(annual, phasing);
    const profile = sum(planned);
    const ytd = { reported: ZERO, realised: ZERO };
    let forecast: Forecast = scenario(ZERO, profile, ONE, t);
    let toQuarter = ZERO;
    quartersOf(card, year).forEach((q, j) => {
      const k = rows.length;
      const realised = realisedAll[k];
      const reported = realised === null ? null : planned[j];
      cum.planned = cum.planned.plus(planned[j]);
      if (realised !== null) {
        ytd.reported = ytd.reported.plus(planned[j]);
        ytd.realised = ytd.realised.plus(realised);
        cum.reported = cum.reported.plus(planned[j]);
        cum.realised = cum.realised.plus(realised);
        if (k < position) toQuarter = toQuarter.plus(realised);
        forecast = scenario(
          ytd.realised,
          profile.minus(ytd.reported),
          ytd.reported.isZero() ? ONE : ytd.realised.dividedBy(ytd.reported),
          t,
        );
      }
      const status: QuarterStatus =
        realised !== null ? ratioStatus(cum.realised, cum.reported, t) : k < lastWithData ? 'Missing' : 'No data yet';
      rows.push(
        quarterRow(
          q.label,
          year,
          phasing ? phasing[j] : null,
          planned[j],
          unit,
          byQuarter?.get(q.label),
          realised,
          reported,
          cum,
          forecast,
          status,
        ),
      );
    });
    years.push({
      year,
      plan: annual,
      profile,
      phasingTotal: phasing ? sum(phasing.map((p) => p ?? ZERO)) : null,
      realised: ytd.realised,
      realisedToQuarter: toQuarter,
      forecast,
      addsUp: profile.equals(annual),
    });
  });
  return { metric, quarters: rows, years };
}

/** A year's quarters of a card, in order: each metric's rows for the year. */
export function quartersOf(card: BenefitCard, year: string) {
  return card.quarters.filter((q) => q.year.label === year);
}

function quarterRow(
  quarter: string,
  year: string,
  phasing: Decimal | null,
  planned: Decimal,
  unit: Decimal,
  actual: Actual | undefined,
  realised: Decimal | null,
  plannedReported: Decimal | null,
  cum: { planned: Decimal; reported: Decimal; realised: Decimal },
  forecast: Forecast,
  status: QuarterStatus,
): MetricQuarter {
  const variance = realised === null ? null : realised.minus(planned);
  return {
    quarter,
    year,
    phasing,
    planned,
    plannedGbp: planned.times(unit),
    actual,
    realised,
    realisedGbp: realised === null ? null : realised.times(unit),
    variance,
    varianceGbp: variance === null ? null : variance.times(unit),
    variancePct: variance === null ? null : planned.isZero() ? 'n/a' : variance.dividedBy(planned),
    cumPlanned: cum.planned,
    plannedReported,
    cumPlannedReported: cum.reported,
    cumRealised: cum.realised,
    forecast,
    status,
  };
}

/** Lower and upper are the smaller and larger of the two scenarios, so they never swap when the figures are negative. */
function scenario(soFar: Decimal, rest: Decimal, rate: Decimal, t: Tolerances): Forecast {
  const expectedRest = rest.times(rate);
  const a = expectedRest.times(ONE.minus(t.forecastRange));
  const b = expectedRest.times(ONE.plus(t.forecastRange));
  return { lower: soFar.plus(Money.min(a, b)), expected: soFar.plus(expectedRest), upper: soFar.plus(Money.max(a, b)) };
}

/** A non-financial measure's value for a quarter: the actual typed, else the reduction column, else none. */
export function rateValue(actual: Actual | undefined): Decimal | null {
  return actual?.actual ?? actual?.reduction ?? null;
}

export function rateTracker(card: BenefitCard, measure: RateMeasure, t: Tolerances): RateTracker {
  const byQuarter = card.actuals.get(measure.id);
  const seen: Decimal[] = [];
  const quarters = card.quarters.map((q) => {
    const actual = byQuarter?.get(q.label);
    const value = rateValue(actual);
    if (value !== null) seen.push(value);
    const target = measure.target;
    let ofTarget: Decimal | null | 'n/a' = null;
    let status: Status = 'No data yet';
    if (value !== null) {
      const denominator = measure.higherIsBetter ? target : value;
      ofTarget = denominator.isZero() ? 'n/a' : (measure.higherIsBetter ? value : target).dividedBy(denominator);
      if (ofTarget === 'n/a')
        status = (measure.higherIsBetter ? value.greaterThanOrEqualTo(target) : value.lessThanOrEqualTo(target))
          ? 'Green'
          : 'Red';
      else
        status = ofTarget.greaterThanOrEqualTo(t.green)
          ? 'Green'
          : ofTarget.greaterThanOrEqualTo(t.amber)
            ? 'Amber'
            : 'Red';
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

/**
 * A card's tracker, computed once for each reporting quarter and set of tolerances (the card sheet
 * and the summary both show it). A quarter given as text is read as the Assumptions sheet reads it.
 */
export function cardTracker(card: BenefitCard, t: Tolerances, asAt: ReportingQuarter | string): CardTracker {
  const quarter =
    typeof asAt === 'string'
      ? reportingQuarter(
          asAt,
          card.quarters.map((q) => q.label),
        )
      : asAt;
  const key = `${quarter.state}|${quarter.typed}|${t.green.toString()}|${t.amber.toString()}|${t.forecastRange.toString()}`;
  let byKey = trackersOf.get(card);
  if (!byKey) trackersOf.set(card, (byKey = new Map()));
  let tracker = byKey.get(key);
  if (!tracker) byKey.set(key, (tracker = computeTracker(card, t, quarter)));
  return tracker;
}

function cumulativeRows(card: BenefitCard, metrics: readonly MetricTracker[], position: number): CumulativeRow[] {
  let entries = 0;
  const gbp = (pick: (q: MetricQuarter) => Decimal) => (k: number) =>
    sum(metrics.map((m) => pick(m.quarters[k]).times(m.metric.unit.value)));
  const planned = gbp((q) => q.cumPlanned);
  const reported = gbp((q) => q.cumPlannedReported);
  const realised = gbp((q) => q.cumRealised);
  return card.quarters.map((q, k) => {
    entries += metrics.filter((m) => m.quarters[k].realised !== null).length;
    const shown = k + 1 > position ? null : realised(k);
    const plannedReportedGbp = reported(k);
    return {
      quarter: q.label,
      plannedGbp: planned(k),
      plannedReportedGbp,
      realisedGbp: shown,
      entries,
      ofPlanned: shown === null ? null : plannedReportedGbp.isZero() ? 'n/a' : shown.dividedBy(plannedReportedGbp),
    };
  });
}

/** The first measure, money before the non-financial ones, whose status is the card's. */
export function statusSetBy(
  status: Status,
  financial: CardStatus,
  rates: readonly { name: string; status: Status }[],
): string {
  if (status === 'No data yet') return NO_DATA;
  if (financial === status) return MONEY;
  return rates.find((r) => r.status === status)?.name ?? MONEY;
}

function computeTracker(card: BenefitCard, t: Tolerances, quarter: ReportingQuarter): CardTracker {
  const position = quarter.position;
  const metrics = card.metrics.map((m) => metricTracker(card, m, t, position));
  const rates = card.rates.map((r) => rateTracker(card, r, t));
  const cumulative = cumulativeRows(card, metrics, position);
  const at = position > 0 ? cumulative[position - 1] : undefined;
  const hasData = !!at && at.entries > 0;
  const plannedToDate = at?.plannedReportedGbp ?? ZERO;
  const realisedToDate = at?.realisedGbp ?? ZERO;
  const variance = hasData ? realisedToDate.minus(plannedToDate) : null;
  let financialStatus: CardStatus = 'n/a';
  if (metrics.length) financialStatus = hasData ? ratioStatus(realisedToDate, plannedToDate, t) : 'No data yet';
  const rateStatuses = rates.map((r) => (position > 0 ? r.quarters[position - 1].status : 'No data yet'));
  const status = worstStatus([financialStatus, ...rateStatuses]);
  const next = nextMilestone(card);
  return {
    card,
    metrics,
    rates,
    cumulative,
    position: {
      asAt: reportingQuarterText(quarter),
      position,
      plannedToDate,
      realisedToDate,
      plannedNotReported: at ? at.plannedGbp.minus(at.plannedReportedGbp) : ZERO,
      hasData,
      variance,
      variancePct: variance === null ? null : plannedToDate.isZero() ? 'n/a' : variance.dividedBy(plannedToDate),
      financialStatus,
      rateStatuses,
      status,
      statusSetBy: statusSetBy(
        status,
        financialStatus,
        rates.map((r, i) => ({ name: r.measure.name, status: rateStatuses[i] })),
      ),
      signOff: signOffText(card),
      nextMilestone: next.name,
      nextDue: next.due,
      unmatched: card.unmatched.length,
    },
  };
}
