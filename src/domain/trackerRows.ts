import { type BenefitCard } from './benefitCard';
import { ZERO } from './money';
import { reportingQuarterText, type ReportingQuarter } from './reportingQuarter';
import {
  NO_DATA,
  quartersOf,
  rateValue,
  type CardPosition,
  type CardTracker,
  type CumulativeRow,
  type Forecast,
  type MetricQuarter,
  type MetricTracker,
  type MetricYear,
  type RateQuarter,
  type RateTracker,
} from './tracker';

const NO_FORECAST: Forecast = { lower: ZERO, expected: ZERO, upper: ZERO };
/**
 * A card's tracker without its figures: the rows, labels and typed inputs cardTracker gives, every
 * figure zero or blank and every status "No data yet". A card sheet's formulas follow from its rows
 * alone, so a caller that compares formulas (the audit, over a thousand cards) skips the decimal
 * work; what a sheet laid out from it caches as results is not the card's.
 */
export function trackerRows(card: BenefitCard, quarter: ReportingQuarter): CardTracker {
  const metrics = card.metrics.map((metric): MetricTracker => {
    const byQuarter = card.actuals.get(metric.unit.id);
    const quarters = card.years.flatMap((year) => {
      const phasing = metric.phasing[year] ?? null;
      // Written out, not spread from a constant: the spread cost more than the rest of the card's rows.
      return quartersOf(card, year).map((q, j): MetricQuarter => ({
        quarter: q.label,
        year,
        phasing: phasing ? phasing[j] : null,
        actual: byQuarter?.get(q.label),
        planned: ZERO,
        plannedGbp: ZERO,
        realised: null,
        realisedGbp: null,
        variance: null,
        varianceGbp: null,
        variancePct: null,
        cumPlanned: ZERO,
        plannedReported: null,
        cumPlannedReported: ZERO,
        cumRealised: ZERO,
        forecast: NO_FORECAST,
        status: 'No data yet',
      }));
    });
    const years = card.years.map((year): MetricYear => ({
      year,
      plan: metric.annual[year] ?? ZERO,
      profile: ZERO,
      phasingTotal: null,
      realised: ZERO,
      realisedToQuarter: ZERO,
      forecast: NO_FORECAST,
      addsUp: true,
    }));
    return { metric, quarters, years };
  });
  const rates = card.rates.map((measure): RateTracker => {
    const byQuarter = card.actuals.get(measure.id);
    const quarters = card.quarters.map((q): RateQuarter => {
      const actual = byQuarter?.get(q.label);
      const value = rateValue(actual);
      const { target } = measure;
      return {
        quarter: q.label,
        target,
        actual,
        value,
        variance: null,
        ofTarget: null,
        averageToDate: null,
        status: 'No data yet',
      };
    });
    return { measure, quarters };
  });
  const cumulative = card.quarters.map((q): CumulativeRow => ({
    quarter: q.label,
    plannedGbp: ZERO,
    plannedReportedGbp: ZERO,
    realisedGbp: null,
    entries: 0,
    ofPlanned: null,
  }));
  return { card, metrics, rates, cumulative, position: noPosition(card, quarter, metrics.length > 0) };
}

function noPosition(card: BenefitCard, quarter: ReportingQuarter, anyMetric: boolean): CardPosition {
  return {
    asAt: reportingQuarterText(quarter),
    position: quarter.position,
    plannedToDate: ZERO,
    realisedToDate: ZERO,
    plannedNotReported: ZERO,
    hasData: false,
    variance: null,
    variancePct: null,
    financialStatus: anyMetric ? 'No data yet' : 'n/a',
    rateStatuses: card.rates.map(() => 'No data yet'),
    status: 'No data yet',
    statusSetBy: NO_DATA,
    signOff: '',
    nextMilestone: '',
    nextDue: null,
    unmatched: card.unmatched.length,
  };
}
