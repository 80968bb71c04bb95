import Decimal from 'decimal.js';
import { pathText } from './jsonText';
import type { Plan } from './plan';
import type { Problem } from './problems';
import type { ExpenditureLine, IncomeLine, Minimums } from './expenditure';

/**
 * The plan file's "income", "expenditure" and "minimums" sections written back (expenditureSchema.ts
 * reads them), and the rules over them that need the rest of the plan. Free of zod, so the pane's
 * first screen, which compares these sections as text, loads without the plan file's schema.
 */

const amount = (d: Decimal) => d.toFixed(2);
const perYear = (r: Readonly<Record<string, Decimal>>) =>
  Object.fromEntries(Object.entries(r).map(([y, v]) => [y, amount(v)]));

export function incomeToJson(income: readonly IncomeLine[]): unknown {
  return income.map((i) => ({
    source: i.source,
    ...(i.detail ? { detail: i.detail } : {}),
    amounts: perYear(i.amounts),
  }));
}

export function expenditureToJson(lines: readonly ExpenditureLine[]): unknown {
  return lines.map((l) => {
    const outputs = Object.entries(l.outputs).map(([y, o]) => [y, { count: o.count.toNumber(), unit: o.unit }]);
    const out: Record<string, unknown> = {
      id: l.id,
      name: l.name,
      description: l.description,
      schemeType: l.schemeType,
      subType: l.subType,
      schemeTypeOther: l.schemeTypeOther,
      ...(outputs.length ? { outputs: Object.fromEntries(outputs) } : {}),
      areaOfSpend: l.areaOfSpend,
      areaOfSpendOther: l.areaOfSpendOther,
      commissioner: l.commissioner,
      nhsPercent: l.nhsPercent?.toNumber(),
      laPercent: l.laPercent?.toNumber(),
      provider: l.provider,
      source: l.source,
      spend: perYear(l.spend),
      status: l.status,
      scheme: l.scheme,
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && v !== ''));
  });
}

export function minimumsToJson(m: Readonly<Record<string, Minimums>>): unknown {
  return Object.fromEntries(Object.entries(m).map(([y, v]) => [y, perYear(v as Record<string, Decimal>)]));
}

/**
 * Rules over the template sections that need the rest of the plan, each at its JSON path: every
 * year is one of the plan's, no amount is negative, a line's scheme is one the plan has.
 */
export function templateSectionProblems(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const years = new Set(plan.years.map((y) => y.label));
  const refs = new Set(plan.schemes.map((s) => s.ref.toLowerCase()));
  const error = (path: (string | number)[], message: string) =>
    problems.push({ severity: 'error', where: { path: pathText(path) }, message });
  const checkYears = (record: Readonly<Record<string, unknown>>, path: (string | number)[]) => {
    for (const [year, value] of Object.entries(record)) {
      if (!years.has(year))
        error(
          [...path, year],
          `"${year}" is not one of the plan's years (${[...years].join(', ')}); add it to years or correct it`,
        );
      else if (Decimal.isDecimal(value) && (value as Decimal).isNegative())
        error([...path, year], `${value.toString()} is negative: expected £0 or more`);
    }
  };
  (plan.income ?? []).forEach((i, n) => checkYears(i.amounts, ['income', n, 'amounts']));
  (plan.expenditure ?? []).forEach((l, n) => {
    checkYears(l.spend, ['expenditure', n, 'spend']);
    checkYears(l.outputs, ['expenditure', n, 'outputs']);
    if (l.scheme && !refs.has(l.scheme.toLowerCase()))
      error(
        ['expenditure', n, 'scheme'],
        `the plan has no scheme "${l.scheme}": use one of the schemes' refs, or leave it out`,
      );
  });
  for (const [year, m] of Object.entries(plan.minimums ?? {}))
    checkYears({ [year]: m.nhsContribution ?? null }, ['minimums']);
  return problems;
}
