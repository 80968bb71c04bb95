import type Decimal from 'decimal.js';
import { benefitCards, cardBook, planReportingQuarter, type Status } from './benefitCard';
import { sum, ZERO } from './money';
import type { Plan } from './plan';
import { reportingQuarterText, type ReportingQuarter } from './reportingQuarter';
import { NEL } from './schemeTable';
import { cardTracker, type CardTracker, type Forecast } from './tracker';

// The steering group's view across every card: the Benefits Summary sheet, the pane's summary and
// `bcf track` show these figures, each card's own tracker being in tracker.ts.

export interface NelStanding {
  readonly year: string;
  readonly baseline: Decimal;
  readonly target: Decimal;
  readonly reductionTarget: Decimal;
  readonly plannedInCards: Decimal;
  /** Realised in the year, up to the end of the reporting quarter. */
  readonly realised: Decimal;
  readonly forecast: Forecast;
  readonly realisedOfTarget: Decimal | 'n/a';
  readonly expectedOfTarget: Decimal | 'n/a';
}

export interface BenefitsSummary {
  readonly quarter: ReportingQuarter;
  /** The reporting quarter as shown: its label, "Not set" or "Not a quarter of the plan: …". */
  readonly asAt: string;
  readonly cards: readonly CardTracker[];
  /** Over the cards' quarters with data, since the plan began. */
  readonly plannedToDate: Decimal;
  readonly realisedToDate: Decimal;
  readonly plannedNotReported: Decimal;
  readonly variance: Decimal;
  readonly variancePct: Decimal | 'n/a';
  readonly statusCounts: Readonly<Record<Status, number>>;
  readonly nel: readonly NelStanding[];
}

/** The summary of the plan's cards; given their trackers (one per card, in order), it adds up those instead. */
export function benefitsSummary(plan: Plan, given?: readonly CardTracker[]): BenefitsSummary {
  const t = cardBook(plan).tolerances;
  const quarter = planReportingQuarter(plan);
  const trackers = given ?? benefitCards(plan).map((c) => cardTracker(c, t, quarter));
  const plannedToDate = sum(trackers.map((c) => c.position.plannedToDate));
  const realisedToDate = sum(trackers.map((c) => c.position.realisedToDate));
  const statusCounts = { 'No data yet': 0, Green: 0, Amber: 0, Red: 0 } as Record<Status, number>;
  trackers.forEach((c) => (statusCounts[c.position.status] += 1));
  const variance = realisedToDate.minus(plannedToDate);
  return {
    quarter,
    asAt: reportingQuarterText(quarter),
    cards: trackers,
    plannedToDate,
    realisedToDate,
    plannedNotReported: sum(trackers.map((c) => c.position.plannedNotReported)),
    variance,
    variancePct: plannedToDate.isZero() ? 'n/a' : variance.dividedBy(plannedToDate),
    statusCounts,
    nel: nelStandings(plan, trackers),
  };
}

function nelStandings(plan: Plan, trackers: readonly CardTracker[]): NelStanding[] {
  return plan.targets
    .filter((target) => plan.years.some((y) => y.label === target.year))
    .map((target) => {
      const years = trackers
        .flatMap((c) =>
          c.metrics.filter((m) => m.metric.unit.id === NEL).map((m) => m.years.find((y) => y.year === target.year)!),
        )
        .filter(Boolean);
      const reductionTarget = target.baseline.minus(target.target);
      const realised = sum(years.map((y) => y.realisedToQuarter));
      const forecast = {
        lower: sum(years.map((y) => y.forecast.lower)),
        expected: sum(years.map((y) => y.forecast.expected)),
        upper: sum(years.map((y) => y.forecast.upper)),
      };
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
}

/**
 * Cumulative planned and realised £ of several cards added quarter by quarter (the whole plan, or
 * one card): what the steering group's chart draws. Realised stops where the reporting does.
 */
export function combinedCumulative(
  trackers: readonly CardTracker[],
): { quarter: string; planned: Decimal; realised: Decimal | null }[] {
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
