import type Decimal from 'decimal.js';
import { sameText, yearBounds, type Day } from './jointFunding';
import { jointSummary } from './jointFundingSummary';
import { sum, ZERO } from './money';
import type { Partner, Plan } from './plan';

/**
 * The pool's contribution line for one ICB's share of jointly funded packages: the pane writes it
 * under this source, and the reconciliation finds it by it.
 */
export function icbContributionSource(icb: string): string {
  return `Joint funding of care packages: ${icb}`;
}

/** The plan's partner an ICB's money comes from: the one whose id or name is the ICB's, else the NHS partner. */
export function icbPartner(plan: Pick<Plan, 'partners'>, icb: string): Partner | undefined {
  return (
    plan.partners.find((p) => sameText(p.id) === sameText(icb) || sameText(p.name) === sameText(icb)) ??
    plan.partners.find((p) => p.kind === 'nhs')
  );
}

export interface IcbReconciliation {
  readonly icb: string;
  readonly partner: string; // "" when the plan has no partner for the ICB
  /** The ICB's share of its packages in the year (days active / 7), from the register. */
  readonly register: Decimal;
  /** The pool's contribution lines for that share in the year (source icbContributionSource). */
  readonly pool: Decimal;
  /** register less pool: what the pool is missing (positive) or holds over (negative). */
  readonly difference: Decimal;
}

export interface JointPoolReconciliation {
  readonly year: string;
  readonly icbs: readonly IcbReconciliation[];
  readonly register: Decimal;
  readonly pool: Decimal;
  readonly difference: Decimal;
}

/**
 * The joint-funded ICB shares of a year against the ICB's contribution lines in the pool for them,
 * ICB by ICB, so a finance lead can see the two agree (or by how much they don't).
 */
export function reconcileJointWithPool(plan: Plan, year: string): JointPoolReconciliation {
  const jf = plan.jointFunding ?? { rules: [], packages: [] };
  // Cost in the year doesn't depend on the as-at date, only on the days each package is active.
  const asAt: Day = jf.asAt ?? yearBounds(year).first;
  const summary = jointSummary(jf.packages, jf.rules, asAt, year);
  const lines = (plan.pool?.contributions ?? []).filter((c) => c.year === year);
  const icbs = summary.byIcb.map((g) => {
    const source = sameText(icbContributionSource(g.key));
    const pool = sum(lines.filter((c) => sameText(c.source) === source).map((c) => c.amount));
    const register = g.annual.icb;
    return { icb: g.key, partner: icbPartner(plan, g.key)?.id ?? '', register, pool, difference: register.minus(pool) };
  });
  const register = sum(icbs.map((x) => x.register));
  const pool = icbs.length ? sum(icbs.map((x) => x.pool)) : ZERO;
  return { year, icbs, register, pool, difference: register.minus(pool) };
}
