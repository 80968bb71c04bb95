import type Decimal from 'decimal.js';
import { HUNDRED, ZERO, sum } from './money';
import type { Plan } from './plan';
import type { QuarterNumber } from './financialYear';
import type { Contribution, Pool, SharingRule } from './poolRecord';

// What finance leads enter for the pool is declared apart, so that the plan, which holds it, and this
// module, which reads the plan, don't import each other.
export * from './poolRecord';

export const QUARTERS: readonly QuarterNumber[] = [1, 2, 3, 4];

export interface SchemeOutturn {
  readonly ref: string;
  readonly allocation: Decimal;
  readonly spendByQuarter: readonly Decimal[]; // Q1..Q4
  readonly spend: Decimal;
  /** spend less allocation: positive is an overspend, negative an underspend. */
  readonly variance: Decimal;
}

export interface SourceLine extends Contribution {
  /** This source's part of the pool, as a fraction. */
  readonly share: Decimal;
  /** This source's part of the year's variance, in proportion to what it put in. */
  readonly variance: Decimal;
}

export interface PartnerShare {
  readonly partner: string;
  readonly contributed: Decimal;
  /** The fraction of any variance this partner carries under the sharing rule. */
  readonly share: Decimal;
  readonly varianceShare: Decimal;
}

export interface PoolYear {
  readonly year: string;
  readonly contributed: Decimal;
  readonly allocated: Decimal;
  readonly spent: Decimal;
  readonly variance: Decimal;
  readonly schemes: readonly SchemeOutturn[];
  readonly sources: readonly SourceLine[];
  readonly partners: readonly PartnerShare[];
}

export function emptyPool(): Pool {
  return { contributions: [], spend: [], sharing: { kind: 'contributions' } };
}

/**
 * Schemes the pool pays for: those marked In BCF pool, every year (with no cost typed for a year,
 * the allocation is £0), so a plan read back from a workbook has the same rows as the plan it came from.
 */
export function poolSchemes(plan: Plan, _year?: string) {
  return plan.schemes.filter((s) => s.inPool);
}

export function computePoolYear(plan: Plan, year: string): PoolYear {
  const pool = plan.pool ?? emptyPool();
  const spendIndex = new Map<string, Decimal>();
  for (const s of pool.spend) {
    if (s.year !== year) continue;
    const key = `${s.scheme.toLowerCase()}|${s.quarter}`;
    spendIndex.set(key, (spendIndex.get(key) ?? ZERO).plus(s.amount));
  }
  const schemes = poolSchemes(plan, year).map((scheme) => {
    const allocation = scheme.years[year]?.cost ?? ZERO;
    const spendByQuarter = QUARTERS.map((q) => spendIndex.get(`${scheme.ref.toLowerCase()}|${q}`) ?? ZERO);
    const spend = sum(spendByQuarter);
    return { ref: scheme.ref, allocation, spendByQuarter, spend, variance: spend.minus(allocation) };
  });
  const contributions = pool.contributions.filter((c) => c.year === year);
  const contributed = sum(contributions.map((c) => c.amount));
  const allocated = sum(schemes.map((s) => s.allocation));
  const spent = sum(schemes.map((s) => s.spend));
  const variance = spent.minus(allocated);
  const sources = contributions.map((c) => {
    const share = contributed.isZero() ? ZERO : c.amount.dividedBy(contributed);
    return { ...c, share, variance: variance.times(share) };
  });
  const partners = plan.partners.map((p) => {
    const mine = sum(contributions.filter((c) => c.partner === p.id).map((c) => c.amount));
    const share = partnerShare(pool.sharing, p.id, mine, contributed);
    return { partner: p.id, contributed: mine, share, varianceShare: variance.times(share) };
  });
  return { year, contributed, allocated, spent, variance, schemes, sources, partners };
}

export function partnerShare(rule: SharingRule, partner: string, contributed: Decimal, total: Decimal): Decimal {
  if (rule.kind === 'fixed') {
    const fixed = rule.shares.find((s) => s.partner === partner);
    return fixed ? fixed.percent.dividedBy(HUNDRED) : ZERO;
  }
  return total.isZero() ? ZERO : contributed.dividedBy(total);
}

export function describeSharing(rule: SharingRule): string {
  if (rule.kind === 'contributions') return 'in proportion to contributions';
  return `fixed split ${rule.shares.map((s) => `${s.partner} ${s.percent.toString()}%`).join(' : ')}`;
}
