import type Decimal from 'decimal.js';
import { HUNDRED, Money, ONE, ZERO, sum } from './money';
import type { Plan } from './plan';
import type { QuarterNumber } from './financialYear';
import type { Contribution, Pool, SharingRule } from './poolRecord';

// What finance leads enter for the pool is declared apart, so that the plan, which holds it, and this
// module, which reads the plan, don't import each other.
export * from './poolRecord';

export const QUARTERS: readonly QuarterNumber[] = [1, 2, 3, 4];

/**
 * One pool scheme's year. "To date" is the year's quarters reported: up to the latest quarter for
 * which any pool scheme has spend entered that year.
 */
export interface SchemeOutturn {
  readonly ref: string;
  readonly allocation: Decimal;
  readonly spendByQuarter: readonly Decimal[]; // Q1..Q4
  readonly spend: Decimal;
  /** The allocation phased to the quarters reported. */
  readonly allocatedToDate: Decimal;
  /** spend to date less allocation to date: positive is an overspend, negative an underspend. */
  readonly variance: Decimal;
}

export interface SourceLine extends Contribution {
  /** This source's part of the pool, as a fraction. */
  readonly share: Decimal;
  /** This source's part of its partner's forecast variance, in proportion to what the partner put in from each source. */
  readonly variance: Decimal;
}

export interface PartnerShare {
  readonly partner: string;
  /** On the Assumptions sheet's Partners table; money from anyone else still carries its share. */
  readonly known: boolean;
  readonly contributed: Decimal;
  /** The fraction of any variance this partner carries under the sharing rule. */
  readonly share: Decimal;
  /** The partner's share of the forecast year-end variance. */
  readonly varianceShare: Decimal;
}

export interface PoolYear {
  readonly year: string;
  readonly contributed: Decimal;
  readonly allocated: Decimal;
  /** Quarters of the year with any spend entered: 0 to 4. */
  readonly quartersReported: number;
  /** The share of the year's allocation phased to the quarters reported. */
  readonly phasedToDate: Decimal;
  readonly allocatedToDate: Decimal;
  readonly spent: Decimal;
  /** The pool schemes' spend in each quarter, Q1..Q4. */
  readonly spendByQuarter: readonly Decimal[];
  /** The allocation phased to each quarter, Q1..Q4: the Pool sheet's phasing (a quarter each when none is typed). */
  readonly allocationByQuarter: readonly Decimal[];
  /** spend to date less allocation to date. */
  readonly variance: Decimal;
  /** Spend to date + the rest of the year's allocation at the run rate so far (spend ÷ allocation to date; 1 before anything is allocated). */
  readonly forecastOutturn: Decimal;
  /** forecast outturn less allocation: the under- (negative) or overspend the partners share. */
  readonly forecastVariance: Decimal;
  readonly schemes: readonly SchemeOutturn[];
  readonly sources: readonly SourceLine[];
  readonly partners: readonly PartnerShare[];
  /** Partner ids in the contributions or the fixed split that are not the plan's partners. */
  readonly unknownPartners: readonly string[];
  /** How many contribution lines the year has. */
  readonly contributions: number;
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

const QUARTER_SHARE = new Money('0.25');

/** The share of a year's allocation phased to its first `quarters` quarters: a quarter each, or the typed shares (blank is 0). */
export function phasedShare(phasing: readonly (Decimal | null)[] | undefined, quarters: number): Decimal {
  if (!phasing || phasing.every((p) => p === null)) return QUARTER_SHARE.times(quarters);
  return sum(phasing.slice(0, quarters).map((p) => p ?? ZERO));
}

function schemeOutturn(ref: string, allocation: Decimal, spendByQuarter: Decimal[], phased: Decimal): SchemeOutturn {
  const spend = sum(spendByQuarter);
  const allocatedToDate = allocation.times(phased);
  return { ref, allocation, spendByQuarter, spend, allocatedToDate, variance: spend.minus(allocatedToDate) };
}

// A plan is immutable, so each year's pool is worked out once however many sheets, checks and audits ask.
const poolYearsOf = new WeakMap<Plan, Map<string, PoolYear>>();

export function computePoolYear(plan: Plan, year: string): PoolYear {
  let years = poolYearsOf.get(plan);
  if (!years) poolYearsOf.set(plan, (years = new Map()));
  let figures = years.get(year);
  if (!figures) years.set(year, (figures = poolYear(plan, year)));
  return figures;
}

function poolYear(plan: Plan, year: string): PoolYear {
  const pool = plan.pool ?? emptyPool();
  const inPool = new Set(poolSchemes(plan, year).map((s) => s.ref.toLowerCase()));
  const spendIndex = new Map<string, Decimal>();
  let quartersReported = 0;
  for (const s of pool.spend) {
    if (s.year !== year || !inPool.has(s.scheme.toLowerCase())) continue;
    const key = `${s.scheme.toLowerCase()}|${s.quarter}`;
    spendIndex.set(key, (spendIndex.get(key) ?? ZERO).plus(s.amount));
    quartersReported = Math.max(quartersReported, s.quarter);
  }
  const phasedToDate = phasedShare(pool.phasing?.[year], quartersReported);
  const schemes = poolSchemes(plan, year).map((scheme) =>
    schemeOutturn(
      scheme.ref,
      scheme.years[year]?.cost ?? ZERO,
      QUARTERS.map((q) => spendIndex.get(`${scheme.ref.toLowerCase()}|${q}`) ?? ZERO),
      phasedToDate,
    ),
  );
  const contributions = pool.contributions.filter((c) => c.year === year);
  const contributed = sum(contributions.map((c) => c.amount));
  const allocated = sum(schemes.map((s) => s.allocation));
  const allocatedToDate = sum(schemes.map((s) => s.allocatedToDate));
  const spent = sum(schemes.map((s) => s.spend));
  // The rest of the year's allocation at the year's run rate so far (1 before anything is allocated).
  const rate = allocatedToDate.isZero() ? ONE : spent.dividedBy(allocatedToDate);
  const forecastOutturn = spent.plus(allocated.minus(allocatedToDate).times(rate));
  const forecastVariance = forecastOutturn.minus(allocated);
  const known = new Set(plan.partners.map((p) => p.id));
  const named = [
    ...contributions.map((c) => c.partner),
    ...(pool.sharing.kind === 'fixed' ? pool.sharing.shares.map((s) => s.partner) : []),
  ];
  const unknownPartners = [...new Set(named.filter((id) => !known.has(id)))];
  // Every partner named carries its share: money from an id not on the Assumptions sheet is in the
  // total, so leaving it out would leave its part of a variance carried by no one.
  const partners = [...plan.partners.map((p) => p.id), ...unknownPartners].map((id) => {
    const mine = sum(contributions.filter((c) => c.partner === id).map((c) => c.amount));
    const share = partnerShare(pool.sharing, id, mine, contributed);
    return {
      partner: id,
      known: known.has(id),
      contributed: mine,
      share,
      varianceShare: forecastVariance.times(share),
    };
  });
  const byPartner = new Map(partners.map((p) => [p.partner, p]));
  const sources = contributions.map((c) => {
    const partner = byPartner.get(c.partner);
    const variance =
      !partner || partner.contributed.isZero()
        ? ZERO
        : c.amount.dividedBy(partner.contributed).times(partner.varianceShare);
    return { ...c, share: contributed.isZero() ? ZERO : c.amount.dividedBy(contributed), variance };
  });
  return {
    year,
    contributed,
    allocated,
    quartersReported,
    phasedToDate,
    allocatedToDate,
    spent,
    spendByQuarter: QUARTERS.map((_, q) => sum(schemes.map((x) => x.spendByQuarter[q]))),
    allocationByQuarter: QUARTERS.map((q) =>
      allocated.times(phasedShare(pool.phasing?.[year], q).minus(phasedShare(pool.phasing?.[year], q - 1))),
    ),
    variance: spent.minus(allocatedToDate),
    forecastOutturn,
    forecastVariance,
    schemes,
    sources,
    partners,
    unknownPartners,
    contributions: contributions.length,
  };
}

/** Every partner id a pool names: the plan's partners, then those only its contributions or fixed split name. */
export function poolPartnerIds(plan: Plan): string[] {
  const pool = plan.pool ?? emptyPool();
  const named = [
    ...plan.partners.map((p) => p.id),
    ...pool.contributions.map((c) => c.partner),
    ...(pool.sharing.kind === 'fixed' ? pool.sharing.shares.map((s) => s.partner) : []),
  ];
  return [...new Set(named)];
}

/** Under "in proportion", a partner's contributions ÷ all contributions (nothing put in, no share); under a fixed split, its agreed percentage. */
export function partnerShare(rule: SharingRule, partner: string, contributed: Decimal, total: Decimal): Decimal {
  if (rule.kind === 'fixed') {
    const fixed = rule.shares.filter((s) => s.partner === partner);
    return fixed.length ? sum(fixed.map((s) => s.percent)).dividedBy(HUNDRED) : ZERO;
  }
  return total.isZero() ? ZERO : contributed.dividedBy(total);
}

export function describeSharing(rule: SharingRule): string {
  if (rule.kind === 'contributions') return 'in proportion to contributions';
  return `fixed split ${rule.shares.map((s) => `${s.partner} ${s.percent.toString()}%`).join(' : ')}`;
}

/**
 * Each contribution line's part of its year's pool and of the forecast variance, in the order of the
 * contributions: the by-source table. A line for a year the plan doesn't have carries no variance.
 */
export function contributionShares(plan: Plan): { share: Decimal; variance: Decimal }[] {
  const contributions = (plan.pool ?? emptyPool()).contributions;
  const years = new Map(plan.years.map((y) => [y.label, computePoolYear(plan, y.label)]));
  const seen = new Map<string, number>();
  return contributions.map((c) => {
    const k = seen.get(c.year) ?? 0;
    seen.set(c.year, k + 1);
    const line = years.get(c.year)?.sources[k];
    if (line) return { share: line.share, variance: line.variance };
    const total = sum(contributions.filter((x) => x.year === c.year).map((x) => x.amount));
    return { share: total.isZero() ? ZERO : c.amount.dividedBy(total), variance: ZERO };
  });
}
