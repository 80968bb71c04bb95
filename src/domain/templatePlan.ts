import type Decimal from 'decimal.js';
import type { Commissioner, SchemeStatus, SourceId } from './templateVocabulary';

/**
 * The plan as NHS England's BCF planning template holds it: income by funding source and
 * expenditure line by line, per financial year, with the minimums the plan must meet. Types only,
 * so the Plan can name them without a cycle; the arithmetic is in expenditure.ts.
 */

/** What one funding source puts into the pool, per year. */
export interface IncomeLine {
  readonly source: SourceId;
  /** Free text: the "Please specify" of an additional contribution, or the bodies it comes from. */
  readonly detail: string;
  readonly amounts: Readonly<Record<string, Decimal>>;
}

export interface PlannedOutput {
  readonly count: Decimal;
  readonly unit: string;
}

export interface ExpenditureLine {
  /** The template's Scheme ID; the 2015-16 template had none (""). Several lines may share a scheme's id only by mistake. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly schemeType: string;
  readonly subType: string;
  /** "Please specify if 'Scheme Type' is 'Other'". */
  readonly schemeTypeOther: string;
  readonly outputs: Readonly<Record<string, PlannedOutput>>;
  readonly areaOfSpend: string;
  readonly areaOfSpendOther: string;
  readonly commissioner: Commissioner;
  /** Per cent (0 to 100) the NHS commissions, for a Joint line; % LA is its complement. */
  readonly nhsPercent?: Decimal;
  /** % LA as a template stated it, kept only so a pair that doesn't add up to 100 can be reported. */
  readonly laPercent?: Decimal;
  readonly provider: string;
  readonly source: SourceId;
  readonly spend: Readonly<Record<string, Decimal>>;
  readonly status?: SchemeStatus;
  /** The ref of the Barnet-style scheme (benefits, a card) this line funds, if any. */
  readonly scheme?: string;
}

/** What the plan must meet in a year; they change every year and by board. */
export interface Minimums {
  /** The minimum NHS contribution to the pool. */
  readonly nhsContribution?: Decimal;
  /** Spend on adult social care from the minimum NHS contribution. */
  readonly adultSocialCare?: Decimal;
  /** Spend on NHS-commissioned out-of-hospital services from the minimum NHS contribution. */
  readonly outOfHospital?: Decimal;
}
