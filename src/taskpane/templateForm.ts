import type Decimal from 'decimal.js';
import { amountProblem, parseAmount } from '../domain/amountText';
import {
  MINIMUM_KINDS,
  MINIMUM_LABELS,
  type ExpenditureLine,
  type IncomeLine,
  type MinimumKind,
  type Minimums,
} from '../domain/expenditure';
import { formatPounds } from '../domain/money';
import type { Plan } from '../domain/plan';
import type { Problem } from '../domain/problems';
import { sourceOf, type SourceId } from '../domain/templateVocabulary';
import { amountText } from './shownAmount';

/**
 * The planning template's inputs as the Expenditure tab holds them while a person types: income
 * and minimums as text (checked by `templateFromForm`, so a bad figure blocks Generate and is named
 * under its field), expenditure lines as whole lines (the line editor checks a line before it
 * lands here, so a half-typed line never reaches the plan).
 */
export interface IncomeForm {
  /** A React key that survives edits. */
  readonly key: string;
  readonly source: SourceId;
  readonly detail: string;
  readonly amounts: Readonly<Record<string, string>>;
}

export { MINIMUM_KINDS, MINIMUM_LABELS, type MinimumKind };

export interface TemplateForm {
  readonly income: readonly IncomeForm[];
  /** By year label, each minimum as typed. */
  readonly minimums: Readonly<Record<string, Readonly<Record<MinimumKind, string>>>>;
  readonly expenditure: readonly ExpenditureLine[];
}

export const templateFieldId = {
  income: (index: number, year: string) => `income[${index}].amounts["${year}"]`,
  minimum: (year: string, kind: MinimumKind) => `minimums["${year}"].${kind}`,
};

let nextKey = 1;
export const newIncomeKey = () => `income-${nextKey++}`;

export function templateFormFromPlan(plan: Plan): TemplateForm {
  const years = plan.years.map((y) => y.label);
  return {
    income: (plan.income ?? []).map((i) => ({
      key: newIncomeKey(),
      source: i.source,
      detail: i.detail,
      amounts: Object.fromEntries(years.map((y) => [y, amountText(i.amounts[y])])),
    })),
    minimums: Object.fromEntries(
      years.map((y) => {
        const m = plan.minimums?.[y];
        return [
          y,
          Object.fromEntries(MINIMUM_KINDS.map((k) => [k, amountText(m?.[k])])) as Record<MinimumKind, string>,
        ];
      }),
    ),
    expenditure: plan.expenditure ?? [],
  };
}

export interface TemplateValues {
  readonly income?: readonly IncomeLine[];
  readonly expenditure?: readonly ExpenditureLine[];
  readonly minimums?: Readonly<Record<string, Minimums>>;
}

/** A typed figure: undefined when blank or not an amount (the problem is then added). */
function readAmount(text: string, path: string, what: string, problems: Problem[]): Decimal | undefined {
  if (text.trim() === '') return undefined;
  const value = parseAmount(text);
  const problem =
    value === undefined
      ? `${what} must be an amount such as 1,057,451; ${amountProblem(text)}`
      : value.isNegative()
        ? `${what} is £0 or more, not ${formatPounds(value)}.`
        : undefined;
  if (problem) problems.push({ severity: 'error', where: { path }, message: problem });
  return problem ? undefined : value;
}

/**
 * The template's part of the plan the form describes, and what can't be used, by field. A plan
 * that had no income, lines or minimums keeps having none until something is entered, so reading
 * a plan and showing it changes nothing.
 */
export function templateFromForm(form: TemplateForm, source: Plan): { values: TemplateValues; problems: Problem[] } {
  const problems: Problem[] = [];
  const years = source.years.map((y) => y.label);
  const income = form.income.map((line, index): IncomeLine => {
    const amounts: Record<string, Decimal> = {};
    for (const y of years) {
      const what = `The ${y} income from ${sourceOf(line.source).label}`;
      const value = readAmount(line.amounts[y] ?? '', templateFieldId.income(index, y), what, problems);
      if (value) amounts[y] = value;
    }
    return { source: line.source, detail: line.detail, amounts };
  });
  const minimums: Record<string, Minimums> = { ...source.minimums };
  for (const y of years) {
    const entry: { -readonly [K in MinimumKind]?: Decimal } = {};
    for (const kind of MINIMUM_KINDS) {
      const text = form.minimums[y]?.[kind] ?? '';
      const value = readAmount(text, templateFieldId.minimum(y, kind), `The ${y} ${MINIMUM_LABELS[kind]}`, problems);
      if (value) entry[kind] = value;
    }
    if (Object.keys(entry).length) minimums[y] = entry;
    else delete minimums[y];
  }
  const values: TemplateValues = {
    income: income.length || source.income ? income : undefined,
    expenditure: form.expenditure.length || source.expenditure ? form.expenditure : undefined,
    minimums: Object.keys(minimums).length || source.minimums ? minimums : undefined,
  };
  return { values, problems };
}

/** The plan with the template's figures that can be used, for balances and rules shown while a field is wrong. */
export function templatePlan(source: Plan, form: TemplateForm): Plan {
  return { ...source, ...templateFromForm(form, source).values };
}
