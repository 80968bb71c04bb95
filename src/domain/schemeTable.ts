import type Decimal from 'decimal.js';
import { ZERO, sum } from './money';
import type { Plan, Scheme, UnitCost } from './plan';

/** One scheme's line in a year's "Cost and impact of schemes" table, computed exactly. */
export interface SchemeLine {
  readonly scheme: Scheme;
  readonly cost: Decimal;
  /** cost ÷ pool total, as a fraction; null for a scheme outside the pool ("n/a"). */
  readonly shareOfPool: Decimal | null;
  readonly counts: Readonly<Record<string, Decimal>>;
  readonly savings: Readonly<Record<string, Decimal>>;
  readonly totalSaving: Decimal;
  /** The scheme's NEL reduction ÷ all schemes' NEL reduction; null when nobody reduces NEL. */
  readonly shareOfNel: Decimal | null;
}

export interface SchemeTable {
  readonly year: string;
  readonly lines: readonly SchemeLine[];
  readonly poolTotal: Decimal;
  readonly costOutsidePool: Decimal;
  readonly countTotals: Readonly<Record<string, Decimal>>;
  readonly savingTotals: Readonly<Record<string, Decimal>>;
  readonly totalSaving: Decimal;
  readonly statedPool?: Decimal;
}

export const NEL = 'NEL';

export function computeSchemeTable(plan: Plan, year: string): SchemeTable {
  const unitCosts = plan.unitCosts;
  const rows = plan.schemes.map((scheme) => {
    const entry = scheme.years[year];
    const cost = entry?.cost ?? ZERO;
    const counts: Record<string, Decimal> = {};
    const savings: Record<string, Decimal> = {};
    for (const unit of unitCosts) {
      const count = entry?.benefits[unit.id] ?? ZERO;
      counts[unit.id] = count;
      savings[unit.id] = count.isZero() ? ZERO : count.times(unit.value); // most schemes count few benefits
    }
    return { scheme, cost, counts, savings, totalSaving: sum(Object.values(savings)) };
  });

  const poolTotal = sum(rows.filter((r) => r.scheme.inPool).map((r) => r.cost));
  const costOutsidePool = sum(rows.filter((r) => !r.scheme.inPool).map((r) => r.cost));
  const countTotals = totalsBy(
    unitCosts,
    rows.map((r) => r.counts),
  );
  const savingTotals = totalsBy(
    unitCosts,
    rows.map((r) => r.savings),
  );
  const nelTotal = countTotals[NEL] ?? ZERO;

  const lines = rows.map((r) => ({
    ...r,
    shareOfPool: r.scheme.inPool && !poolTotal.isZero() ? r.cost.dividedBy(poolTotal) : null,
    shareOfNel: nelTotal.isZero() ? null : (r.counts[NEL] ?? ZERO).dividedBy(nelTotal),
  }));

  return {
    year,
    lines,
    poolTotal,
    costOutsidePool,
    countTotals,
    savingTotals,
    totalSaving: sum(Object.values(savingTotals)),
    statedPool: plan.years.find((y) => y.label === year)?.statedPool,
  };
}

function totalsBy(unitCosts: readonly UnitCost[], rows: readonly Record<string, Decimal>[]): Record<string, Decimal> {
  const totals: Record<string, Decimal> = {};
  for (const unit of unitCosts) totals[unit.id] = sum(rows.map((r) => r[unit.id] ?? ZERO));
  return totals;
}

/** Schemes in table order, grouped under their headings, as the plan prints them. */
export interface SchemeGroup {
  readonly name: string;
  readonly tiers: string;
  readonly number: string; // "2" for schemes 2a, 2b, 2c
  readonly schemes: readonly Scheme[];
}

export function groupSchemes(schemes: readonly Scheme[]): SchemeGroup[] {
  const groups: { name: string; tiers: string; number: string; schemes: Scheme[] }[] = [];
  for (const scheme of schemes) {
    const last = groups[groups.length - 1];
    if (last && last.name === scheme.group) last.schemes.push(scheme);
    else groups.push({ name: scheme.group, tiers: scheme.tiers, number: groupNumber(scheme.ref), schemes: [scheme] });
  }
  return groups;
}

function groupNumber(ref: string): string {
  return /^\d+/.exec(ref)?.[0] ?? '';
}
