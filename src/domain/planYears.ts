import type Decimal from 'decimal.js';
import { financialYear, PLAN_YEARS, yearLabel } from './financialYear';
import type { Plan, Scheme } from './plan';
import { plural } from './plural';

/**
 * Adding a financial year to a plan, or taking one out, and what a year holds: one place for every
 * part of the plan that is kept per year (schemes, targets, investments, the pool, the planning
 * template, the Benefit Cards), so the pane, the workbook reader and the merge treat a year alike.
 */

/** The year after the plan's last, as the plan writes it; undefined when the plan is at its limit. */
export function nextYear(plan: Pick<Plan, 'years'>): string | undefined {
  if (plan.years.length >= PLAN_YEARS.max) return undefined;
  const last = plan.years[plan.years.length - 1];
  return last ? yearLabel(financialYear(last.label).startYear + 1) : undefined;
}

/** Why a year can't be added, in words for the person who typed it; undefined when it can. */
export function yearToAddProblem(plan: Pick<Plan, 'years'>, typed: string): string | undefined {
  let label: string;
  try {
    label = financialYear(typed).label;
  } catch {
    return `"${typed.trim()}" is not a financial year: write it as 2029/30, 2029-30, 2029/2030 or 2029 to 2030.`;
  }
  if (plan.years.some((y) => y.label === label)) return `The plan already covers ${label}.`;
  if (plan.years.length >= PLAN_YEARS.max) return `A plan covers at most ${PLAN_YEARS.max} financial years.`;
  return undefined;
}

/** The plan with one more year, in date order, with no figures for it yet. Throws when it can't be added. */
export function withYearAdded(plan: Plan, typed: string): Plan {
  const problem = yearToAddProblem(plan, typed);
  if (problem) throw new RangeError(problem);
  const label = financialYear(typed).label;
  const years = [...plan.years, { label }].sort(
    (a, b) => financialYear(a.label).startYear - financialYear(b.label).startYear,
  );
  return { ...plan, years };
}

/** What the plan holds for a year, one phrase each ("the cost of 3 schemes (1a, 2b, 4c)"); empty when nothing. */
export function figuresInYear(plan: Plan, label: string): string[] {
  const out: string[] = [];
  const schemes = plan.schemes.filter((s) => hasFigures(s, label));
  if (schemes.length) out.push(`costs or benefits of ${plural(schemes.length, 'scheme')} (${refs(schemes)})`);
  const counts: [number, string, string][] = [
    [plan.targets.filter((t) => t.year === label).length, 'admissions target', 'admissions targets'],
    [plan.schemes.flatMap((s) => s.investments).filter((l) => l.year === label).length, 'investment line', ''],
    [
      plan.pool?.contributions.filter((c) => c.year === label && !c.amount.isZero()).length ?? 0,
      'pool contribution',
      '',
    ],
    [
      plan.pool?.spend.filter((q) => q.year === label && !q.amount.isZero()).length ?? 0,
      'quarter of pool spending',
      'quarters of pool spending',
    ],
    [(plan.income ?? []).filter((l) => nonZero(l.amounts[label])).length, 'income line', ''],
    [(plan.expenditure ?? []).filter((l) => nonZero(l.spend[label])).length, 'expenditure line', ''],
    [cardActuals(plan, label), 'actual on the Benefit Cards', 'actuals on the Benefit Cards'],
  ];
  for (const [count, noun, nouns] of counts) if (count) out.push(plural(count, noun, nouns || undefined));
  if (plan.minimums?.[label]) out.push('the minimum contributions');
  return out;
}

/** The plan without a year and without everything it held for that year. */
export function withYearRemoved(plan: Plan, label: string): Plan {
  const dropKey = <T>(record: Readonly<Record<string, T>> | undefined) =>
    record && Object.fromEntries(Object.entries(record).filter(([k]) => k !== label));
  const inYear = (quarter: string) => quarter.startsWith(`${label} `);
  const out: Plan = {
    ...plan,
    years: plan.years.filter((y) => y.label !== label),
    targets: plan.targets.filter((t) => t.year !== label),
    schemes: plan.schemes.map((s) => ({
      ...s,
      years: withoutKey(s.years, label),
      investments: s.investments.filter((l) => l.year !== label),
    })),
  };
  return {
    ...out,
    ...(plan.pool && {
      pool: {
        ...plan.pool,
        contributions: plan.pool.contributions.filter((c) => c.year !== label),
        spend: plan.pool.spend.filter((q) => q.year !== label),
        ...(plan.pool.phasing && { phasing: dropKey(plan.pool.phasing) }),
      },
    }),
    ...(plan.income && { income: plan.income.map((l) => ({ ...l, amounts: dropKey(l.amounts)! })) }),
    ...(plan.expenditure && { expenditure: plan.expenditure.map((l) => ({ ...l, spend: dropKey(l.spend)! })) }),
    ...(plan.minimums && { minimums: dropKey(plan.minimums) }),
    ...(plan.cards && {
      cards: {
        ...plan.cards,
        records: plan.cards.records.map((r) => ({
          ...r,
          ...(r.actuals && { actuals: r.actuals.filter((a) => !inYear(a.quarter)) }),
          ...(r.phasing && {
            phasing: Object.fromEntries(Object.entries(r.phasing).map(([m, years]) => [m, dropKey(years)!])),
          }),
        })),
      },
    }),
  };
}

/**
 * The years the pane asked for, applied to the plan a merge made: a year the pane added since it
 * last read the workbook is added, one it removed is removed; the workbook's own changes stand.
 */
export function withPaneYears(base: Plan, pane: Plan, merged: Plan): Plan {
  const labels = (p: Plan) => new Set(p.years.map((y) => y.label));
  const [was, now] = [labels(base), labels(pane)];
  let plan = merged;
  for (const y of pane.years) {
    if (!was.has(y.label) && !plan.years.some((m) => m.label === y.label)) plan = withYearAdded(plan, y.label);
  }
  for (const label of was) if (!now.has(label)) plan = withYearRemoved(plan, label);
  return plan;
}

function hasFigures(scheme: Scheme, label: string): boolean {
  const entry = scheme.years[label];
  return !!entry && (nonZero(entry.cost) || Object.values(entry.benefits).some(nonZero));
}

function cardActuals(plan: Plan, label: string): number {
  return (plan.cards?.records ?? []).flatMap((r) => r.actuals ?? []).filter((a) => a.quarter.startsWith(`${label} `))
    .length;
}

function nonZero(value: Decimal | undefined): boolean {
  return !!value && !value.isZero();
}

function refs(schemes: readonly Scheme[]): string {
  const shown = schemes.slice(0, 5).map((s) => s.ref);
  return schemes.length > shown.length
    ? `${shown.join(', ')} and ${schemes.length - shown.length} more`
    : shown.join(', ');
}

/** A scheme's years are a map made without a prototype (yearLabels.ts); keep it so. */
function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const out = Object.create(Object.getPrototypeOf(record) as object | null) as Record<string, T>;
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v;
  return out;
}
