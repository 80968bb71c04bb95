import type Decimal from 'decimal.js';
import { HUNDRED, ZERO, sum } from './money';
import type { Plan } from './plan';
import type { QuarterNumber } from './financialYear';

/**
 * The pooled budget the HWB Finance Group runs: what each partner puts in (by funding source), what
 * each scheme is allocated (its cost, for schemes in the pool), what was spent quarter by quarter,
 * and how an under- or overspend is shared between the partners.
 */
export interface Pool {
  readonly contributions: readonly Contribution[];
  readonly spend: readonly QuarterSpend[];
  readonly sharing: SharingRule;
}

/** One partner's money for one year from one source, e.g. BCCG's CCG minimum contribution. */
export interface Contribution {
  readonly year: string;
  readonly partner: string; // a Partner id, "BCCG"
  readonly source: string; // "CCG minimum contribution", "Disabled Facilities Grant"...
  readonly amount: Decimal;
}

/** What finance leads entered as spent on a scheme in one quarter. */
export interface QuarterSpend {
  readonly scheme: string; // scheme ref
  readonly year: string;
  readonly quarter: QuarterNumber;
  readonly amount: Decimal;
}

/**
 * How a variance is shared: in proportion to each partner's contributions that year, or a fixed
 * split the partners agreed (percentages adding up to 100, e.g. 50:50).
 */
export type SharingRule = { readonly kind: 'contributions' } | { readonly kind: 'fixed'; readonly shares: readonly FixedShare[] };

export interface FixedShare {
  readonly partner: string;
  readonly percent: Decimal;
}

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
