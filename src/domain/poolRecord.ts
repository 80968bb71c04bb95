import type Decimal from 'decimal.js';
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
  /** Per year, the share of the allocation planned for each quarter (Q1..Q4, null where blank); a year left out, or all blank, is phased evenly. */
  readonly phasing?: Readonly<Record<string, readonly (Decimal | null)[]>>;
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
 * split the partners agreed (percentages meant to add up to 100, e.g. 50:50; the Checks sheet
 * says when they don't).
 */
export type SharingRule =
  { readonly kind: 'contributions' } | { readonly kind: 'fixed'; readonly shares: readonly FixedShare[] };

export interface FixedShare {
  readonly partner: string;
  readonly percent: Decimal;
}
