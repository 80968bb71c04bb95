import Decimal from 'decimal.js';
import type { Plan } from '../../src/domain/plan';

/** The plan with one scheme's first-year cost set, as a person would change it in the pane. */
export function withCost(plan: Plan, ref: string, pounds: number): Plan {
  const year = plan.years[0].label;
  return {
    ...plan,
    schemes: plan.schemes.map((s) =>
      s.ref === ref ? { ...s, years: { ...s.years, [year]: { ...s.years[year], cost: new Decimal(pounds) } } } : s,
    ),
  };
}
