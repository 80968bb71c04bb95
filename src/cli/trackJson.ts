import type Decimal from 'decimal.js';
import type { Plan } from '../domain/plan';
import { planChecks } from '../domain/planChecks';
import { computePoolYear } from '../domain/pool';
import { reconcileJointWithPool, type JointPoolReconciliation } from '../domain/jointPoolReconciliation';
import { benefitsSummary } from '../domain/benefitsSummary';

/** Money and counts as exact decimal strings, never floats; "n/a" and null kept as they are. */
const str = (v: Decimal | 'n/a' | null): string | null => (v === null ? null : v === 'n/a' ? 'n/a' : v.toString());

/**
 * `bcf track --json`: the Benefits Summary as data, each figure the same one the sheet computes
 * (domain/tracker.ts), plus the pool's figures by year and any pool check that fails.
 */
export function trackJson(plan: Plan) {
  const s = benefitsSummary(plan);
  return {
    reportingQuarter: { typed: s.quarter.typed, state: s.quarter.state, shown: s.asAt, position: s.quarter.position },
    period: 'since the plan began, to the end of the reporting quarter, over the quarters with data',
    cards: s.cards.map(({ card, position: p }) => ({
      ref: card.ref,
      scheme: card.schemeName,
      tier: card.tier,
      plannedToDate: str(p.plannedToDate),
      realisedToDate: str(p.realisedToDate),
      plannedNotReported: str(p.plannedNotReported),
      variance: str(p.variance),
      variancePct: str(p.variancePct),
      status: p.status,
      statusSetBy: p.statusSetBy,
      signOff: p.signOff,
      unmatched: p.unmatched,
    })),
    totals: {
      plannedToDate: str(s.plannedToDate),
      realisedToDate: str(s.realisedToDate),
      variance: str(s.variance),
      variancePct: str(s.variancePct),
      plannedNotReported: str(s.plannedNotReported),
    },
    statusCounts: s.statusCounts,
    nel: s.nel.map((n) => ({
      year: n.year,
      reductionTarget: str(n.reductionTarget),
      plannedInCards: str(n.plannedInCards),
      realisedInYearToQuarter: str(n.realised),
      realisedOfTarget: str(n.realisedOfTarget),
      forecast: { lower: str(n.forecast.lower), expected: str(n.forecast.expected), upper: str(n.forecast.upper) },
      expectedOfTarget: str(n.expectedOfTarget),
    })),
    pool: poolJson(plan),
  };
}

function poolJson(plan: Plan) {
  const failing = planChecks(plan)
    .filter((c) => !c.passed && c.id.startsWith('pool'))
    .map((c) => ({ id: c.id, message: c.message }));
  const years = plan.years.map((y) => {
    const p = computePoolYear(plan, y.label);
    return {
      year: p.year,
      contributed: str(p.contributed),
      allocated: str(p.allocated),
      quartersReported: p.quartersReported,
      allocatedToDate: str(p.allocatedToDate),
      spentToDate: str(p.spent),
      spendByQuarter: p.spendByQuarter.map(str),
      allocationByQuarter: p.allocationByQuarter.map(str),
      varianceToDate: str(p.variance),
      forecastOutturn: str(p.forecastOutturn),
      forecastVariance: str(p.forecastVariance),
      schemes: p.schemes.map((x) => ({
        ref: x.ref,
        allocation: str(x.allocation),
        spendByQuarter: x.spendByQuarter.map(str),
        spentToDate: str(x.spend),
        allocatedToDate: str(x.allocatedToDate),
        varianceToDate: str(x.variance),
      })),
      sources: p.sources.map((x) => ({
        partner: x.partner,
        source: x.source,
        contributed: str(x.amount),
        shareOfPool: str(x.share),
        varianceShare: str(x.variance),
      })),
      partners: p.partners.map((x) => ({
        partner: x.partner,
        onAssumptions: x.known,
        contributed: str(x.contributed),
        share: str(x.share),
        varianceShare: str(x.varianceShare),
      })),
      ...(plan.jointFunding?.packages.length
        ? { jointFunding: reconciliationJson(reconcileJointWithPool(plan, y.label)) }
        : {}),
    };
  });
  return { years, failingChecks: failing };
}

/** The ICBs' joint-funded shares against their contribution lines in the pool (domain/jointPoolReconciliation.ts). */
export function reconciliationJson(r: JointPoolReconciliation) {
  const pounds = (d: Decimal) => d.toFixed(2);
  return {
    year: r.year,
    register: pounds(r.register),
    pool: pounds(r.pool),
    difference: pounds(r.difference),
    icbs: r.icbs.map((x) => ({
      icb: x.icb,
      partner: x.partner,
      register: pounds(x.register),
      pool: pounds(x.pool),
      difference: pounds(x.difference),
    })),
  };
}
