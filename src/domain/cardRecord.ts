import type Decimal from 'decimal.js';

/**
 * What people keep on the Benefit Cards: owners, phasing, actuals, notes, barriers, milestones,
 * sign-offs and non-financial measures, one CardRecord per card, held in the plan (Plan.cards).
 * src/domain/benefitCard.ts joins each record to what the plan dictates.
 */

export const BENEFIT_TYPES = ['cash-releasing', 'non-cash-releasing', 'non-financial'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export interface SignOff {
  readonly role: string;
  readonly name: string;
  readonly date: string; // ISO date, "2014-06-30", or blank
  readonly decision: string; // one of SIGN_OFF_DECISIONS, or blank while pending
}

export interface Milestone {
  readonly activity: string;
  readonly milestone: string;
  readonly due: string; // ISO date or blank
  readonly status: string; // one of MILESTONE_STATUSES
}

/**
 * What was realised in one quarter for one metric. For a counted benefit a person types either the
 * realised reduction, or the baseline and actual admissions (the reduction is baseline − actual);
 * a typed reduction wins. For a non-financial measure `actual` is the measured rate or value.
 */
export interface Actual {
  readonly quarter: string; // "2014/15 Q1"
  readonly metric: string; // a unit-cost id ("NEL") or a non-financial measure id
  readonly reduction?: Decimal;
  readonly baseline?: Decimal;
  readonly actual?: Decimal;
  readonly note?: string;
}

/** A benefit tracked without £: e.g. a satisfaction rate against a target. */
export interface RateMeasure {
  readonly id: string;
  readonly name: string;
  readonly unit: string; // "%" shows the values as percentages (fractions in cells)
  readonly target: Decimal;
  readonly higherIsBetter: boolean;
}

/** Per metric, per year: four fractions (Q1..Q4), null where left blank. All null = even split. */
export type Phasing = Readonly<Record<string, Readonly<Record<string, readonly (Decimal | null)[]>>>>;

/** What people keep on a card; every field survives a refresh of the cards. */
export interface CardRecord {
  readonly scheme: string; // scheme ref
  readonly title?: string;
  readonly type?: BenefitType;
  readonly tier?: string;
  readonly owner?: string;
  readonly description?: string;
  readonly measures?: string;
  readonly evidence?: string;
  readonly optimismBias?: Decimal; // a fraction, e.g. 0.15
  readonly timeLag?: string;
  readonly notes?: string;
  readonly phasing?: Phasing;
  readonly rateMeasures?: readonly RateMeasure[];
  readonly actuals?: readonly Actual[];
  readonly barriers?: readonly string[];
  readonly dependencies?: readonly string[];
  readonly milestones?: readonly Milestone[];
  readonly signOffs?: readonly SignOff[];
}

/** Set once, on the Assumptions sheet, as defined names. */
export interface Tolerances {
  readonly green: Decimal; // realised ÷ planned at or above this is Green
  readonly amber: Decimal; // at or above this (and below green) is Amber; below is Red
  readonly forecastRange: Decimal; // lower/upper scenarios: the expected run rate ∓ this fraction
}

export interface CardBook {
  readonly tolerances: Tolerances;
  /** The quarter the steering group reviews ("2015/16 Q2") as typed; blank or unknown is shown as such (reportingQuarter.ts). */
  readonly asAt?: string;
  readonly records: readonly CardRecord[];
}
