import type Decimal from 'decimal.js';
import { cardBookToJson } from './benefitCardJson';
import { parseJsonText } from './jsonText';
import type { Plan } from './plan';
import { PLAN_LIMITS } from './planFields';
import { issueProblems } from './planIssues';
import { checkPlan } from './planRules';
import { jsonLocator } from './jsonLocator';
import { planSchema } from './planSchema';
import { PlanError, type Problem } from './problems';
import { planExtrasToJson } from './poolJson';
import { jointFundingToJson } from './jointFundingJson';
import { expenditureToJson, incomeToJson, minimumsToJson, templateSectionProblems } from './expenditureJson';
import { withCanonicalYears } from './yearLabels';

/**
 * Reads a plan from parsed JSON (the format of examples/barnet-2014-16.json, described in
 * docs/PLAN-FORMAT.md). Every problem is reported with its JSON path, e.g.
 * `schemes[2].years["2014/15"].cost`, and all of them at once.
 */
export function planFromJson(json: unknown, earlier: readonly Problem[] = []): { plan: Plan; problems: Problem[] } {
  const parsed = planSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new PlanError([...earlier, ...issueProblems(parsed.error.issues)]);
  // A plan file may write its years "2026-27" or "2026/2027"; the product shows them one way.
  const plan = withCanonicalYears(parsed.data);
  const problems = [...earlier, ...checkPlan(plan, jsonLocator), ...templateSectionProblems(plan)];
  if (problems.some((p) => p.severity === 'error')) throw new PlanError(problems);
  return { plan, problems };
}

/** A plan from the text of a .json file: a byte-order mark, deep nesting and repeated keys handled first. */
export function planFromJsonText(text: string): { plan: Plan; problems: Problem[] } {
  const { json, problems } = parseJsonText(text, PLAN_LIMITS.depth);
  if (json === undefined) throw new PlanError(problems);
  return planFromJson(json, problems);
}

/** The JSON form of a plan, so a workbook read back can be saved and compared. */
export function planToJson(plan: Plan): unknown {
  const amount = (d: Decimal) => d.toNumber();
  return {
    board: plan.board,
    title: plan.title,
    partners: plan.partners,
    years: plan.years.map((y) => ({
      label: y.label,
      ...(y.statedPool ? { statedPool: amount(y.statedPool) } : {}),
      ...(y.minimumPool ? { minimumPool: amount(y.minimumPool) } : {}),
    })),
    unitCosts: plan.unitCosts.map((u) => ({ ...u, value: amount(u.value) })),
    schemes: plan.schemes.map((s) => ({
      ...s,
      years: Object.fromEntries(
        Object.entries(s.years).map(([label, e]) => [
          label,
          {
            cost: amount(e.cost),
            benefits: Object.fromEntries(Object.entries(e.benefits).map(([id, c]) => [id, amount(c)])),
          },
        ]),
      ),
      investments: s.investments.map((l) => ({ ...l, amount: amount(l.amount) })),
    })),
    targets: plan.targets.map((t) => ({
      year: t.year,
      baseline: amount(t.baseline),
      target: amount(t.target),
      ...(t.statedAtRisk ? { statedAtRisk: amount(t.statedAtRisk) } : {}),
    })),
    notes: plan.notes,
    ...(plan.signOffRoles ? { signOffRoles: plan.signOffRoles } : {}),
    ...(plan.cards ? { cards: cardBookToJson(plan.cards, plan) } : {}),
    ...planExtrasToJson(plan),
    ...(plan.jointFunding ? { jointFunding: jointFundingToJson(plan.jointFunding) } : {}),
    ...(plan.income ? { income: incomeToJson(plan.income) } : {}),
    ...(plan.expenditure ? { expenditure: expenditureToJson(plan.expenditure) } : {}),
    ...(plan.minimums ? { minimums: minimumsToJson(plan.minimums) } : {}),
  };
}
