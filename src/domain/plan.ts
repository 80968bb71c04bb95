import type Decimal from 'decimal.js';

/**
 * A Better Care Fund plan as the commissioners write it. Money and counts are Decimal; a year is
 * referred to by its label ("2014/15") so that JSON, sheets and the model all use the same key.
 */
export interface Plan {
  readonly board: string; // the Health and Wellbeing Board, e.g. "Barnet"
  readonly title: string;
  readonly partners: readonly Partner[];
  readonly years: readonly PlanYear[];
  readonly unitCosts: readonly UnitCost[];
  readonly schemes: readonly Scheme[];
  readonly targets: readonly NelTarget[];
  readonly notes: readonly string[];
  /** The three roles that sign a Benefit Card off, the first the steering group (src/domain/benefitCard.ts). */
  readonly signOffRoles?: readonly string[];
  /** What people keep on the Benefit Cards: actuals, owners, phasing, sign-offs (src/domain/cardRecord.ts). */
  readonly cards?: import('./cardRecord').CardBook;
  /** The pooled budget: contributions, quarterly spend and the sharing rule (src/domain/poolRecord.ts). */
  readonly pool?: import('./poolRecord').Pool;
  /** The risk log of section 5a (src/domain/riskLog.ts). */
  readonly risks?: readonly import('./riskLog').Risk[];
  /** Amounts the plan states in words, to be checked against its tables (src/domain/statements.ts). */
  readonly statements?: readonly import('./statements').Statement[];
  /** Jointly funded care packages and how their cost is split with the ICBs (src/domain/jointFunding.ts). */
  readonly jointFunding?: import('./jointFunding').JointFunding;
  /** NHS England's planning template: income by funding source (src/domain/expenditure.ts). */
  readonly income?: readonly import('./templatePlan').IncomeLine[];
  /** The template's expenditure lines. */
  readonly expenditure?: readonly import('./templatePlan').ExpenditureLine[];
  /** Per year label, the minimums the plan must meet. */
  readonly minimums?: Readonly<Record<string, import('./templatePlan').Minimums>>;
}

export interface Partner {
  readonly id: string; // "LBB"
  readonly name: string; // "London Borough of Barnet"
  readonly kind: 'council' | 'nhs';
}

export interface PlanYear {
  readonly label: string; // "2014/15"
  /** The pool total the plan states; the tables always show the computed sum of pool schemes. */
  readonly statedPool?: Decimal;
  readonly minimumPool?: Decimal;
}

/**
 * A named, editable assumption: what one unit of benefit is worth. The id becomes the defined name
 * `UnitCost_<id>` in the workbook, and is also the key of the benefit it prices.
 */
export interface UnitCost {
  readonly id: string; // "NEL"
  readonly benefit: string; // "Reduced non-elective admissions"
  readonly shortLabel: string; // "NEL adm."
  readonly value: Decimal;
  readonly unit: string; // "per admission"
  readonly source: string;
}

export interface Scheme {
  readonly ref: string; // "2b"
  readonly group: string; // "Assessment & Care Planning"
  readonly tiers: string; // "3, 4"
  readonly name: string;
  readonly description: string;
  readonly inPool: boolean;
  readonly years: Readonly<Record<string, SchemeYear>>;
  readonly investments: readonly InvestmentLine[];
}

export interface SchemeYear {
  readonly cost: Decimal;
  /** Expected reduction per unit-cost id, e.g. { NEL: 155, CareHome: 12 }. */
  readonly benefits: Readonly<Record<string, Decimal>>;
}

export interface InvestmentLine {
  readonly year: string;
  readonly line: string;
  readonly amount: Decimal;
}

/** The non-elective admissions ambition the plan is paid on (pay for performance). */
export interface NelTarget {
  readonly year: string;
  readonly baseline: Decimal;
  readonly target: Decimal;
  readonly statedAtRisk?: Decimal;
}

// Benefits counted in whole units: nobody avoids half an admission. Anything else (hours, a rate) may be fractional.
const WHOLE_UNITS = /\b(admissions?|bed days?|days?|packages?|placements?|people|persons?|visits?)\b/i;

/** True when a count of this unit's benefit must be a whole number. */
export function countsWhole(unit: Pick<UnitCost, 'unit'>): boolean {
  return WHOLE_UNITS.test(unit.unit);
}

export const UNIT_COST_NAME_PREFIX = 'UnitCost_';

export function unitCostName(id: string): string {
  return `${UNIT_COST_NAME_PREFIX}${id}`;
}

export function yearLabels(plan: Plan): string[] {
  return plan.years.map((y) => y.label);
}

export function schemeYear(scheme: Scheme, year: string): SchemeYear | undefined {
  return scheme.years[year];
}
