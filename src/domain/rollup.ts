import type Decimal from 'decimal.js';
import { expenditureOf, incomeOf, lineSpend, totalIncome, totalSpend } from './expenditure';
import { ZERO } from './money';
import type { Plan } from './plan';
import { failedTemplateRules, type TemplateRule } from './templateRules';
import { matchAreaOfSpend, matchSchemeType, sourceOf, SOURCE_IDS } from './templateVocabulary';

/**
 * Several boards' plans added up, as an ICB (or NHS England) sees them: spend by funding source,
 * scheme type and area of spend, and income by source, per financial year, with each board's
 * failing template rules. Work is one pass over the lines: 150 plans of 80 lines is 12,000 adds.
 */
export interface BoardSummary {
  /** The board the plan names, or the file it came from. */
  readonly name: string;
  readonly lines: number;
  readonly income: Readonly<Record<string, Decimal>>;
  readonly spend: Readonly<Record<string, Decimal>>;
  /** Rules the plan fails (errors) and warns on. */
  readonly failing: readonly TemplateRule[];
}

/** One row of a breakdown: a source, type or area, with its amount per year. */
export interface RollupRow {
  readonly key: string;
  readonly amounts: Readonly<Record<string, Decimal>>;
}

export interface Rollup {
  readonly years: readonly string[];
  readonly boards: readonly BoardSummary[];
  readonly spendBySource: readonly RollupRow[];
  readonly incomeBySource: readonly RollupRow[];
  readonly spendBySchemeType: readonly RollupRow[];
  readonly spendByArea: readonly RollupRow[];
  readonly totalSpend: Readonly<Record<string, Decimal>>;
  readonly totalIncome: Readonly<Record<string, Decimal>>;
}

/** Sums keyed amounts in first-seen order (or the order given), keeping each Decimal exact. */
class Totals {
  private readonly rows = new Map<string, Map<string, Decimal>>();
  constructor(order: readonly string[] = []) {
    for (const key of order) this.rows.set(key, new Map());
  }
  add(key: string, year: string, amount: Decimal | undefined) {
    if (!amount) return;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = new Map()));
    row.set(year, (row.get(year) ?? ZERO).plus(amount));
  }
  result(years: readonly string[]): RollupRow[] {
    return [...this.rows]
      .filter(([, row]) => row.size)
      .map(([key, row]) => ({ key, amounts: Object.fromEntries(years.map((y) => [y, row.get(y) ?? ZERO])) }));
  }
}

const BLANK = '(blank)';

/** The scheme type as the current template words it, so "Home Care" and "Home Care or Domiciliary Care" add up together. */
function typeKey(text: string): string {
  return matchSchemeType(text)?.label ?? (text.trim() || BLANK);
}

function areaKey(text: string): string {
  return matchAreaOfSpend(text) ?? (text.trim() || BLANK);
}

export function rollUp(plans: readonly { readonly name: string; readonly plan: Plan }[]): Rollup {
  const years = [...new Set(plans.flatMap((p) => p.plan.years.map((y) => y.label)))].sort();
  const sourceLabels = SOURCE_IDS.map((id) => sourceOf(id).label);
  const bySource = new Totals(sourceLabels);
  const income = new Totals(sourceLabels);
  const byType = new Totals();
  const byArea = new Totals();
  const boards = plans.map(({ name, plan }): BoardSummary => {
    const planYears = plan.years.map((y) => y.label);
    for (const line of expenditureOf(plan)) {
      for (const year of planYears) {
        const amount = lineSpend(line, year);
        if (amount.isZero()) continue;
        bySource.add(sourceOf(line.source).label, year, amount);
        byType.add(typeKey(line.schemeType), year, amount);
        byArea.add(areaKey(line.areaOfSpend), year, amount);
      }
    }
    for (const i of incomeOf(plan))
      for (const year of planYears) income.add(sourceOf(i.source).label, year, i.amounts[year]);
    return {
      name,
      lines: expenditureOf(plan).length,
      income: Object.fromEntries(planYears.map((y) => [y, totalIncome(plan, y)])),
      spend: Object.fromEntries(planYears.map((y) => [y, totalSpend(plan, y)])),
      failing: failedTemplateRules(plan),
    };
  });
  const across = (pick: (b: BoardSummary) => Readonly<Record<string, Decimal>>) =>
    Object.fromEntries(years.map((y) => [y, boards.reduce((acc, b) => acc.plus(pick(b)[y] ?? ZERO), ZERO)]));
  return {
    years,
    boards,
    spendBySource: bySource.result(years),
    incomeBySource: income.result(years),
    spendBySchemeType: byType.result(years).sort((a, b) => a.key.localeCompare(b.key)),
    spendByArea: byArea.result(years).sort((a, b) => a.key.localeCompare(b.key)),
    totalSpend: across((b) => b.spend),
    totalIncome: across((b) => b.income),
  };
}
