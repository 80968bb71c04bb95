import Decimal from 'decimal.js';
import type { Plan } from '../../src/domain/plan';

/** The plan with one scheme's cost for a year (the first by default) set, as a person would change it. */
export function withCost(plan: Plan, ref: string, pounds: number, year = plan.years[0].label): Plan {
  return {
    ...plan,
    schemes: plan.schemes.map((s) =>
      s.ref === ref ? { ...s, years: { ...s.years, [year]: { ...s.years[year], cost: new Decimal(pounds) } } } : s,
    ),
  };
}
