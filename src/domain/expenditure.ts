import type Decimal from 'decimal.js';
import { HUNDRED, ONE, sum, ZERO } from './money';
import type { Plan } from './plan';
export type { ExpenditureLine, IncomeLine, Minimums, PlannedOutput } from './templatePlan';
import type { ExpenditureLine, IncomeLine, Minimums } from './templatePlan';
import type { SourceId } from './templateVocabulary';
import { FUNDING_SOURCES, matchAreaOfSpend } from './templateVocabulary';

/**
 * The plan as NHS England's BCF planning template holds it: income by funding source and
 * expenditure line by line, per financial year, with the minimums the plan must meet. Money is
 * Decimal; a year is its label ("2023/24"), as everywhere in the plan.
 */

export type MinimumKind = keyof Minimums;
export const MINIMUM_KINDS: readonly MinimumKind[] = ['nhsContribution', 'adultSocialCare', 'outOfHospital'];
export const MINIMUM_LABELS: Readonly<Record<MinimumKind, string>> = {
  nhsContribution: 'Minimum NHS contribution',
  adultSocialCare: 'Required adult social care spend',
  outOfHospital: 'Required NHS-commissioned out-of-hospital spend',
};

export type RequiredSpendKind = 'adultSocialCare' | 'outOfHospital';
export const REQUIRED_SPEND_KINDS: readonly RequiredSpendKind[] = ['adultSocialCare', 'outOfHospital'];
export const REQUIRED_SPEND_LABELS: Readonly<Record<RequiredSpendKind, string>> = {
  adultSocialCare: 'Adult social care spend from the minimum NHS contribution',
  outOfHospital: 'NHS-commissioned out-of-hospital spend from the minimum NHS contribution',
};

export function incomeOf(plan: Plan): readonly IncomeLine[] {
  return plan.income ?? [];
}

export function expenditureOf(plan: Plan): readonly ExpenditureLine[] {
  return plan.expenditure ?? [];
}

export function hasTemplate(plan: Plan): boolean {
  return !!(plan.income?.length || plan.expenditure?.length);
}

export function lineSpend(line: ExpenditureLine, year: string): Decimal {
  return line.spend[year] ?? ZERO;
}

/** A line's spend over all the plan's years (the template's row total). */
export function lineTotal(line: ExpenditureLine, years: readonly string[]): Decimal {
  return sum(years.map((y) => lineSpend(line, y)));
}

/**
 * The share of a line the NHS commissions: all of an NHS line, none of an LA line, % NHS of a
 * Joint line (none while % NHS is missing: the joint-percent rule reports that).
 */
export function nhsShare(line: ExpenditureLine): Decimal {
  if (line.commissioner === 'NHS') return ONE;
  if (line.commissioner === 'LA') return ZERO;
  return line.nhsPercent ? line.nhsPercent.dividedBy(HUNDRED) : ZERO;
}

export function incomeFrom(plan: Plan, source: SourceId, year: string): Decimal {
  return sum(
    incomeOf(plan)
      .filter((i) => i.source === source)
      .map((i) => i.amounts[year] ?? ZERO),
  );
}

export function spendFrom(plan: Plan, source: SourceId, year: string): Decimal {
  return sum(
    expenditureOf(plan)
      .filter((l) => l.source === source)
      .map((l) => lineSpend(l, year)),
  );
}

export interface SourceBalance {
  readonly source: SourceId;
  readonly year: string;
  readonly income: Decimal;
  readonly expenditure: Decimal;
  /** Income − expenditure: negative when the source is overspent. */
  readonly balance: Decimal;
}

/** The template's running balances: each source the plan has income or spend from, per year, in the template's order. */
export function sourceBalances(plan: Plan, year: string): SourceBalance[] {
  return sourcesUsed(plan).map((source) => {
    const income = incomeFrom(plan, source, year);
    const expenditure = spendFrom(plan, source, year);
    return { source, year, income, expenditure, balance: income.minus(expenditure) };
  });
}

/** Sources with an income line or a line of spend, in the template's order. */
export function sourcesUsed(plan: Plan): SourceId[] {
  const used = new Set<SourceId>([...incomeOf(plan).map((i) => i.source), ...expenditureOf(plan).map((l) => l.source)]);
  return FUNDING_SOURCES.map((s) => s.id).filter((id) => used.has(id));
}

/**
 * Spend from the minimum NHS contribution that counts toward a required figure:
 * - adult social care: every line whose area of spend is Social Care, whoever commissions it;
 * - NHS-commissioned out-of-hospital: lines not in Social Care or Acute, times the NHS's share.
 */
export function plannedRequiredSpend(plan: Plan, kind: RequiredSpendKind, year: string): Decimal {
  return sum(
    expenditureOf(plan)
      .filter((l) => l.source === 'nhsMinimum')
      .map((l) => lineSpend(l, year).times(requiredShare(l, kind))),
  );
}

function requiredShare(line: ExpenditureLine, kind: RequiredSpendKind): Decimal {
  const area = matchAreaOfSpend(line.areaOfSpend);
  if (kind === 'adultSocialCare') return area === 'Social Care' ? ONE : ZERO;
  return area === 'Social Care' || area === 'Acute' ? ZERO : nhsShare(line);
}

export function totalIncome(plan: Plan, year: string): Decimal {
  return sum(incomeOf(plan).map((i) => i.amounts[year] ?? ZERO));
}

export function totalSpend(plan: Plan, year: string): Decimal {
  return sum(expenditureOf(plan).map((l) => lineSpend(l, year)));
}
